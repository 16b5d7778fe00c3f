/* The facilitator's console: live feed, presence, timer, round status, moderation,
 * spotlight and votes. Agenda and company actions are plain forms. */
(function () {
  "use strict";
  var R = window.TertuliaRender;
  var room = document.getElementById("room").dataset;
  var strings = document.getElementById("strings").dataset;
  var workshopId = Number(room.workshopId);
  var api = "/api/v1/workshops/" + workshopId;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var feed = document.getElementById("feed");
  var timerNode = document.getElementById("timer");
  var companyNames = {};
  document.querySelectorAll("#companies [data-company-id]").forEach(function (li) {
    companyNames[li.dataset.companyId] = li.querySelector("strong").textContent;
  });

  // The page was drawn from the agenda; redraw only when an event shows another one.
  function agendaKey(agenda) {
    var ids = agenda.map(function (p) { return p.id; }).join(",");
    var positions = agenda.map(function (p) { return p.position; }).join(",");
    var statuses = agenda.map(function (p) { return p.status; }).join(",");
    return ids + ":" + positions + ":" + statuses;
  }

  function call(path, body) {
    return fetch(api + path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body || {}),
    }).then(answered);
  }
  // An API answer's data, or an error carrying the server's message (in the user's language).
  function answered(answer) {
    return answer.json().then(function (data) {
      if (!answer.ok) throw new Error((data.error && data.error.message) || answer.statusText);
      return data;
    });
  }
  var fail = R.failed;

  // Controls on each contribution: moderation for held items, spotlight for all.
  window.TertuliaActions = function (li, item) {
    if (item.visibility !== "full" || room.status !== "open") return;
    var bar = R.el("p", "actions");
    function button(label, testid, action) {
      var b = R.el("button", "link", label);
      b.type = "button";
      b.setAttribute("data-testid", testid);
      b.addEventListener("click", action);
      bar.appendChild(b);
      bar.appendChild(document.createTextNode(" "));
    }
    if (item.status === "held") {
      button(strings.approve, "approve", function () { call("/contributions/" + item.id + "/moderation", { action: "approve" }).catch(fail); });
      button(strings.askEdit, "ask-edit", function () {
        var note = prompt(strings.askEditPrompt);
        if (note) call("/contributions/" + item.id + "/moderation", { action: "request_edit", note: note }).catch(fail);
      });
      button(strings.reject, "reject", function () {
        var note = prompt(strings.rejectPrompt);
        if (note) call("/contributions/" + item.id + "/moderation", { action: "reject", note: note }).catch(fail);
      });
    }
    button(strings.spotlight, "spotlight", function () { call("/spotlight", { contribution_id: item.id }).catch(fail); });
    var pick = document.createElement("input");
    pick.type = "checkbox";
    pick.className = "pick";
    pick.value = item.id;
    pick.setAttribute("data-testid", "pick");
    pick.title = strings.pick;
    bar.appendChild(pick);
    li.appendChild(bar);
  };

  function drawRound(round) {
    document.querySelectorAll("#round-status tr").forEach(function (tr) {
      var id = tr.dataset.companyId;
      tr.querySelector(".contributed").textContent = round.contributed[id] ? "✓" : "–";
      tr.querySelector(".ready").textContent = round.ready[id] ? "✓" : "–";
    });
  }

  function drawPolls(polls) {
    var list = document.getElementById("polls");
    list.textContent = "";
    polls.forEach(function (poll) {
      var li = R.el("li", "poll", strings.vote + " #" + poll.id + " · " + poll.voters + " " + strings.voters + " · " + (poll.status === "open" ? strings.open : strings.closedVote));
      li.setAttribute("data-testid", "poll");
      if (poll.status === "open") {
        var close = R.el("button", "link", strings.closeVote);
        close.type = "button";
        close.setAttribute("data-testid", "close-poll");
        close.addEventListener("click", function () { call("/polls/" + poll.id + "/close").catch(fail); });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(close);
      }
      if (poll.results) li.appendChild(results(poll.results));
      list.appendChild(li);
    });
  }

  function results(totals) {
    var ol = R.el("ol", "results");
    ol.setAttribute("data-testid", "poll-results");
    Object.keys(totals).forEach(function (id) {
      var node = feed.querySelector('[data-id="' + id + '"] .body');
      ol.appendChild(R.el("li", null, totals[id] + " · " + (node ? node.textContent.slice(0, 80) : "#" + id)));
    });
    return ol;
  }

  var refreshTimer = null;
  function refreshState() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      fetch(api, { credentials: "same-origin" }).then(function (a) { return a.json(); }).then(applyState);
    }, 200);
  }
  function applyState(s) {
    if (s.phase) R.setTimer(timerNode, s.phase.timer, s.server_now);
    drawRound(s.round);
    drawPolls(s.polls);
  }

  function reloadFeed() {
    fetch(api + "/contributions", { credentials: "same-origin" }).then(function (a) { return a.json(); }).then(function (data) {
      // Merge, never clear (see room.js): live events may be newer than this answer.
      data.contributions.forEach(function (item) { R.replaceInFeed(feed, item); });
    });
  }

  document.querySelectorAll("[data-timer-action]").forEach(function (b) {
    b.addEventListener("click", function () {
      call("/timer", { action: b.dataset.timerAction, minutes: Number(b.dataset.minutes || 0) }).catch(fail);
    });
  });
  var pollForm = document.getElementById("poll-form");
  if (pollForm) pollForm.addEventListener("submit", function (event) {
    event.preventDefault();
    call("/polls", { topic_id: Number(pollForm.dataset.topicId), budget: Number(pollForm.elements.budget.value), per: pollForm.elements.per.value, target: pollForm.elements.target.value }).catch(fail);
  });

  function drawFacilitators(list) {
    var ul = document.getElementById("facilitators");
    ul.textContent = "";
    var me = list.filter(function (f) { return f.owner; })[0];
    list.forEach(function (f) {
      var li = R.el("li", null, f.name + (f.owner ? " · " + strings.owner : ""));
      if (!f.owner) {
        var b = R.el("button", "link", strings.handOver);
        b.type = "button";
        b.setAttribute("data-testid", "hand-over");
        b.addEventListener("click", function () {
          call("/handover", { facilitator_id: f.id }).then(function (d) { drawFacilitators(d.facilitators); }, fail);
        });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(b);
      }
      ul.appendChild(li);
    });
    return me;
  }
  fetch(api + "/facilitators", { credentials: "same-origin" }).then(function (a) { return a.json(); })
    .then(function (d) { if (d.facilitators) drawFacilitators(d.facilitators); });
  document.getElementById("co-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var email = event.target.elements.email.value;
    call("/facilitators", { email: email }).then(function (d) { drawFacilitators(d.facilitators); event.target.reset(); }, fail);
  });

  // Profiles and matching: the server redraws the list and the picture.
  var importForm = document.getElementById("import-form");
  var importResult = document.getElementById("import-result");
  // What the last import did survives the reload that redraws the list.
  var lastImport = sessionStorage.getItem("tertulia-import");
  if (importResult && lastImport) {
    importResult.textContent = lastImport; importResult.hidden = false;
    sessionStorage.removeItem("tertulia-import");
  }
  if (importForm) importForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!importForm.elements.file.files.length) { fail(new Error(strings.chooseFile)); return; }
    fetch(api + "/profiles/import", { method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": csrf }, body: new FormData(importForm) })
      .then(function (answer) { return answer.json().then(function (d) {
        if (!answer.ok) throw new Error((d.error && ((d.error.fields && d.error.fields.file) || d.error.message)) || answer.statusText);
        var said = [strings.imported + " " + d.imported.join(", ")];
        if (d.created.length) said.push(strings.created + " " + d.created.join(", "));
        if (d.replaced.length) said.push(strings.replaced + " " + d.replaced.join(", "));
        sessionStorage.setItem("tertulia-import", said.join(". "));
        location.reload();
      }); }).catch(fail);
  });
  var runButton = document.getElementById("run-matching");
  if (runButton) runButton.addEventListener("click", function () {
    call("/matching/run").then(function () { location.reload(); }, fail);
  });
  var publishButton = document.getElementById("publish-matches");
  if (publishButton) publishButton.addEventListener("click", function () {
    call("/matching/publish").then(function () { location.reload(); }, fail);
  });
  // The review filters hide rows of the facilitator's own list (every row is theirs to
  // see) and survive the reload that follows each decision.
  var filters = document.getElementById("match-filters");
  if (filters) {
    var storeKey = "tertulia-match-filters-" + workshopId;
    var chosen = {};
    try { chosen = JSON.parse(sessionStorage.getItem(storeKey) || "{}") || {}; } catch (e) { chosen = {}; }
    if (typeof chosen !== "object") chosen = {};
    var selects = filters.querySelectorAll("select[data-filter]");
    var applyFilters = function () {
      var want = {};
      selects.forEach(function (select) { want[select.dataset.filter] = select.value; });
      sessionStorage.setItem(storeKey, JSON.stringify(want));
      var rows = document.querySelectorAll("[data-testid=match-results] > li[data-match-id]");
      var shown = 0;
      rows.forEach(function (row) {
        var visible = (!want.status || row.dataset.status === want.status) &&
          (!want.kind || row.dataset.kind === want.kind) &&
          (!want.company || row.dataset.companyIds.split(" ").indexOf(want.company) >= 0);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var count = filters.querySelector("[data-testid=filter-count]");
      count.textContent = count.dataset.template.replace("{shown}", shown).replace("{total}", rows.length);
    };
    selects.forEach(function (select) {
      var value = chosen[select.dataset.filter];
      // A choice the list no longer offers (no result of that status left) falls back to all.
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
      select.addEventListener("change", applyFilters);
    });
    applyFilters();
  }
  document.querySelectorAll("[data-match-status]").forEach(function (b) {
    b.addEventListener("click", function () {
      var id = b.closest("[data-match-id]").dataset.matchId;
      call("/matching/" + id + "/decision", { status: b.dataset.matchStatus }).then(function () { location.reload(); }, fail);
    });
  });

  var moderateAll = document.getElementById("moderate-all");
  if (moderateAll) moderateAll.addEventListener("change", function () {
    call("/moderation", { moderate_all: moderateAll.checked }).catch(fail);
  });

  var group = document.getElementById("group-selected");
  if (group) group.addEventListener("click", function () {
    var ids = Array.from(feed.querySelectorAll("input.pick:checked")).map(function (i) { return Number(i.value); });
    if (ids.length < 2) { R.showError(strings.pickTwo); return; }
    var title = prompt(strings.themeTitle);
    if (title) call("/themes", { title: title, contribution_ids: ids }).then(function () {
      feed.querySelectorAll("input.pick:checked").forEach(function (i) { i.checked = false; });
    }, fail);
  });

  var suggest = document.getElementById("suggest-themes");
  if (suggest) suggest.addEventListener("click", function () {
    fetch(api + "/topics/" + suggest.dataset.topicId + "/theme-suggestions", { credentials: "same-origin" })
      .then(answered).then(function (d) {
        var ul = document.getElementById("theme-suggestions");
        ul.textContent = "";
        if (!d.themes.length) ul.appendChild(R.el("li", null, strings.noSuggestions));
        // The engine titles each theme in both languages; the console shows its page's.
        var language = document.documentElement.lang === "en" ? "en" : "es";
        d.themes.forEach(function (theme) {
          var ids = theme.ids;
          var texts = ids.map(function (id) { var n = feed.querySelector('[data-id="' + id + '"] .body'); return n ? n.textContent.slice(0, 50) : "#" + id; });
          var li = R.el("li");
          li.setAttribute("data-testid", "theme-suggestion");
          var title = theme.title[language] || "";  // empty when the items share no concept
          if (title) li.appendChild(R.el("strong", null, title + " "));
          var companies = theme.companies === 1 ? strings.themeCompany : strings.themeCompanies;
          li.appendChild(document.createTextNode("(" + theme.companies + " " + companies + "): " + texts.join(" / ")));
          var b = R.el("button", "link", strings.accept);
          b.type = "button";
          b.setAttribute("data-testid", "accept-theme");
          b.addEventListener("click", function () {
            var chosen = prompt(strings.themeTitle, title);
            if (chosen) call("/themes", { title: chosen, contribution_ids: ids }).then(function () { li.remove(); }, fail);
          });
          li.appendChild(document.createTextNode(" "));
          li.appendChild(b);
          ul.appendChild(li);
        });
      }).catch(fail);
  });

  new window.TertuliaLive({
    namespace: "/facilitator",
    auth: { workshop_id: workshopId },
    lastSeq: Number(room.lastSeq),
    onStatus: function (s) { R.connection(document.getElementById("connection"), s); },
    onState: function (s) { applyState(s); reloadFeed(); },
    onPresence: function (p) { R.presence(document.getElementById("presence"), p, companyNames); },
    onEvent: function (envelope) {
      var type = envelope.type, data = envelope.data;
      if (type === "contribution.created") { R.addToFeed(feed, data); refreshState(); }
      else if (type === "contribution.updated") R.replaceInFeed(feed, data);
      else if (type === "topic.refresh") R.replaceTopic(feed, data.topic_id, data.items);
      else if (type === "timer.changed") R.setTimer(timerNode, data.phase.timer, data.server_now);
      else if (type === "phase.changed") { if (String(data.phase.id) !== room.phaseId) location.reload(); }
      else if (type === "agenda.changed") { if (agendaKey(data.agenda) !== room.agenda) location.reload(); }
      else if (type === "readiness.changed") drawRound(data);
      else if (type === "poll.changed") refreshState();
      else if (type === "matches.changed") {
        // Companies marking interest: show mutual interest as it happens, without a reload.
        var changed = false;
        (data.matches || []).forEach(function (m) {
          var row = document.querySelector('[data-match-id="' + m.id + '"]');
          if (!row) return;
          // A result a company's profile change took back: redraw the list and picture.
          if (row.dataset.status !== m.status || (row.dataset.published === "1") !== m.published) changed = true;
          var mark = row.querySelector(".mutual");
          if (mark) mark.hidden = !m.mutual_interest;
        });
        if (changed) location.reload();
      }
      else if (type === "charter.accepted") {
        var row = document.querySelector('[data-accept-company="' + data.company_id + '"] span');
        if (row) { row.className = "accepted"; row.textContent = strings.accepted; }
        refreshState();
      }
    },
  });
})();
