/* The participant's room: follows the phase and its timer, shows the feed, presence, the
 * spotlight and votes; posts, edits and withdraws; accepts the charter; answers requests. */
(function () {
  "use strict";
  var R = window.TertuliaRender;
  var room = document.getElementById("room").dataset;
  var workshopId = Number(room.workshopId);
  var state = { currentTopicId: room.currentTopicId ? Number(room.currentTopicId) : null, status: room.status, polls: [], themes: {} };
  var feed = document.getElementById("feed");
  var form = document.getElementById("post-form");
  var errorBox = document.getElementById("post-error");
  var pendingList = document.getElementById("pending");
  var timerNode = document.getElementById("timer");
  var strings = document.getElementById("strings").dataset;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var api = "/api/v1/workshops/" + workshopId;

  function call(path, body) {
    return fetch(api + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body || {}),
      credentials: "same-origin",
    }).then(function (answer) {
      return answer.json().then(function (data) {
        if (!answer.ok) {
          var failure = new Error((data.error && data.error.message) || answer.statusText);
          failure.fields = (data.error && data.error.fields) || {};
          throw failure;
        }
        return data;
      });
    }, function () { throw new Error(strings.notSent); });  // the browser's own words are English
  }
  var fail = R.failed;
  function showError(message) { errorBox.textContent = message; errorBox.hidden = false; }

  // A contribution's discussion: reactions (counted) and questions to its author.
  function drawThread(box, data) {
    box.textContent = "";
    var row = R.el("p", "reactions");
    ["useful", "we_too", "question"].forEach(function (kind) {
      var on = data.mine.indexOf(kind) >= 0;
      var b = R.el("button", "link reaction" + (on ? " on" : ""), strings["reaction" + kind.replace("_t", "T").replace(/^./, function (c) { return c.toUpperCase(); })] + " " + data.reactions[kind]);
      b.type = "button";
      b.setAttribute("data-testid", "react-" + kind);
      b.addEventListener("click", function () {
        call("/contributions/" + data.contribution_id + "/reactions", { kind: kind, on: !on }).then(function (d) { drawThread(box, d); }, fail);
      });
      row.appendChild(b);
      row.appendChild(document.createTextNode(" "));
    });
    box.appendChild(row);
    data.questions.forEach(function (q) {
      var p = R.el("p", "question", "? " + q.text);
      p.setAttribute("data-testid", "question");
      if (q.answer) p.appendChild(R.el("span", "answer", " — " + strings.authorAnswers + ": " + q.answer));
      else if (data.can_answer) {
        var b = R.el("button", "link", strings.answer);
        b.type = "button";
        b.setAttribute("data-testid", "answer");
        b.addEventListener("click", function () {
          var text = prompt(strings.answerPrompt);
          if (text) call("/questions/" + q.id + "/answer", { text: text }).then(function () { openThread(box, data.contribution_id); }, fail);
        });
        p.appendChild(document.createTextNode(" "));
        p.appendChild(b);
      }
      box.appendChild(p);
    });
    if (!data.can_answer) {
      var ask = R.el("button", "link", strings.askAuthor);
      ask.type = "button";
      ask.setAttribute("data-testid", "ask");
      ask.addEventListener("click", function () {
        var text = prompt(strings.askPrompt);
        if (text) call("/contributions/" + data.contribution_id + "/questions", { text: text }).then(function (d) { drawThread(box, d); }, fail);
      });
      box.appendChild(ask);
    }
  }
  function openThread(box, id) {
    fetch(api + "/contributions/" + id + "/thread", { credentials: "same-origin" })
      .then(function (a) { return a.json(); }).then(function (d) { if (d.contribution_id) drawThread(box, d); });
  }
  var openThreads = {};

  // Controls on contributions: the discussion on any we can read; edit and withdraw on ours.
  window.TertuliaActions = function (li, item) {
    if (item.visibility !== "full") return;
    var talk = R.el("button", "link", strings.discussion);
    talk.type = "button";
    talk.setAttribute("data-testid", "discussion");
    var box = R.el("div", "thread");
    box.setAttribute("data-testid", "thread");
    talk.addEventListener("click", function () {
      openThreads[item.id] = !openThreads[item.id];
      if (openThreads[item.id]) openThread(box, item.id); else box.textContent = "";
    });
    li.appendChild(talk);
    li.appendChild(box);
    if (openThreads[item.id]) openThread(box, item.id);
    if (!item.own || state.status !== "open") return;
    var bar = R.el("p", "actions");
    var edit = R.el("button", "link", strings.edit);
    edit.type = "button";
    edit.setAttribute("data-testid", "edit");
    edit.addEventListener("click", function () {
      var text = prompt(strings.editPrompt, item.body);
      if (text && text.trim()) call("/contributions/" + item.id + "/edit", { body: text, details: item.details }).catch(fail);
    });
    var withdraw = R.el("button", "link danger", strings.withdraw);
    withdraw.type = "button";
    withdraw.setAttribute("data-testid", "withdraw");
    withdraw.addEventListener("click", function () {
      if (confirm(strings.withdrawConfirm)) call("/contributions/" + item.id + "/withdraw").catch(fail);
    });
    bar.appendChild(edit);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(withdraw);
    li.appendChild(bar);
  };

  function chosenRules() {
    var rules = {};
    var el = form.elements;
    if (!el.sensitivity) return rules;
    rules.sensitivity = el.sensitivity.value;
    rules.attribution = el.attribution.value;
    ["reciprocity", "phase_reveal", "consent"].forEach(function (key) {
      if (el[key] && el[key].checked) rules[key] = true;
    });
    ["recipients", "excluded"].forEach(function (key) {
      var ids = Array.from(form.querySelectorAll('input[name="' + key + '"]:checked')).map(function (i) { return Number(i.value); });
      if (ids.length) rules[key] = ids;
    });
    return rules;
  }

  function chosenDetails() {
    var out = {};
    ["context", "action", "result", "lesson", "cost"].forEach(function (key) {
      var field = form.elements["detail_" + key];
      if (field && field.value.trim()) out[key] = field.value.trim();
    });
    return out;
  }

  function refreshRequests() {
    fetch(api + "/access-requests", { credentials: "same-origin" }).then(function (a) { return a.json(); }).then(function (data) {
      var section = document.getElementById("requests");
      var list = document.getElementById("request-list");
      list.textContent = "";
      (data.requests || []).forEach(function (r) {
        var li = R.el("li", null, r.requester + ": ");
        li.dataset.requestId = r.id;
        li.appendChild(R.el("em", null, r.excerpt));
        ["approve", "decline"].forEach(function (what) {
          var b = R.el("button", "link" + (what === "decline" ? " danger" : ""), strings[what]);
          b.type = "button"; b.dataset.decide = what; li.appendChild(document.createTextNode(" ")); li.appendChild(b);
        });
        list.appendChild(li);
      });
      section.hidden = !(data.requests || []).length;
    });
  }

  function reloadFeed() {
    fetch(api + "/feed", { credentials: "same-origin" }).then(function (a) { return a.json(); }).then(function (data) {
      // Merge, never clear: a live event may already have shown an item this answer (read a
      // moment earlier) does not hold yet. Removals arrive as events of their own.
      (data.contributions || []).forEach(function (item) { R.replaceInFeed(feed, item); });
      filterFeed();
    });
  }

  // Looking back: the agenda lists earlier rounds; choosing one shows its items, read-only.
  var viewingTopic = null;
  function filterFeed() {
    var topic = viewingTopic;
    feed.querySelectorAll("[data-topic-id]").forEach(function (node) {
      node.hidden = topic !== null && Number(node.dataset.topicId) !== topic;
    });
  }
  function drawAgenda(agenda) {
    var list = document.getElementById("agenda");
    if (!list) return;
    list.textContent = "";
    agenda.forEach(function (p) {
      if (p.status === "skipped" || p.status === "planned") return;
      var li = R.el("li", "phase-row status-" + p.status);
      var label = p.topic ? p.topic.title : (p.title || strings["phase" + p.kind[0].toUpperCase() + p.kind.slice(1)] || p.kind);
      if (p.topic) {
        var b = R.el("button", "link", label);
        b.type = "button";
        b.setAttribute("data-testid", "look-back");
        b.addEventListener("click", function () { viewingTopic = viewingTopic === p.topic.id ? null : p.topic.id; filterFeed(); });
        li.appendChild(b);
      } else li.appendChild(document.createTextNode(label));
      list.appendChild(li);
    });
  }

  function drawPolls(polls) {
    var before = {};
    state.polls.forEach(function (p) { before[p.id] = p.status; });
    state.polls = polls;
    var box = document.getElementById("polls");
    polls.forEach(function (poll) {
      var existing = box.querySelector('[data-poll-id="' + poll.id + '"]');
      // Keep a ballot being filled in: others' votes must not wipe what this person typed.
      if (existing && before[poll.id] === poll.status) return;
      var section = R.el("section", "poll card");
      section.dataset.pollId = poll.id;
      section.setAttribute("data-testid", "poll");
      section.appendChild(R.el("h3", null, strings.vote + " · " + (poll.status === "open" ? strings.open : strings.closedVote)));
      if (poll.status === "open") {
        var items = poll.target === "themes"
          ? (state.themes[poll.topic_id] || []).map(function (t) { return { id: String(t.id), label: t.title }; })
          : Array.from(feed.querySelectorAll('[data-topic-id="' + poll.topic_id + '"]'))
              .filter(function (n) { return !n.classList.contains("sealed"); })
              .map(function (n) { return { id: n.dataset.id, label: n.querySelector(".body").textContent }; });
        var left = R.el("p", "hint");
        var inputs = [];
        items.forEach(function (target) {
          var row = R.el("label", "check");
          var input = document.createElement("input");
          input.type = "number"; input.min = "0"; input.max = String(poll.budget); input.className = "short";
          input.value = String(poll.mine[target.id] || 0);
          input.dataset.contributionId = target.id;
          input.setAttribute("data-testid", "dots");
          input.addEventListener("input", update);
          inputs.push(input);
          row.appendChild(input);
          row.appendChild(document.createTextNode(" " + target.label.slice(0, 90)));
          section.appendChild(row);
        });
        function update() {
          var used = inputs.reduce(function (sum, i) { return sum + Number(i.value || 0); }, 0);
          left.textContent = (poll.budget - used) + " " + strings.dotsLeft;
        }
        update();
        var send = R.el("button", null, strings.sendDots);
        send.type = "button";
        send.setAttribute("data-testid", "send-dots");
        send.addEventListener("click", function () {
          var dots = {};
          inputs.forEach(function (i) { if (Number(i.value) > 0) dots[i.dataset.contributionId] = Number(i.value); });
          call("/polls/" + poll.id + "/vote", { dots: dots }).catch(fail);
        });
        section.appendChild(left);
        section.appendChild(send);
      } else if (poll.results) {
        var ol = R.el("ol", "results");
        ol.setAttribute("data-testid", "poll-results");
        Object.keys(poll.results).forEach(function (id) {
          var label = "#" + id;
          if (poll.target === "themes") {
            (state.themes[poll.topic_id] || []).forEach(function (t) { if (String(t.id) === id) label = t.title; });
          } else {
            var node = feed.querySelector('[data-id="' + id + '"] .body');
            if (node) label = node.textContent.slice(0, 90);
          }
          ol.appendChild(R.el("li", null, poll.results[id] + " · " + label));
        });
        section.appendChild(ol);
      }
      if (existing) existing.replaceWith(section); else box.appendChild(section);
    });
  }

  function drawThemes(data) {
    state.themes[data.topic_id] = data.themes;
    var box = document.getElementById("themes");
    if (!box) return;
    box.textContent = "";
    data.themes.forEach(function (theme) {
      var li = R.el("li", "theme", theme.title + " (" + theme.members.length + ")");
      li.setAttribute("data-testid", "theme");
      box.appendChild(li);
    });
  }

  function drawMatches(list) {
    var section = document.getElementById("matches");
    var ol = document.getElementById("match-list");
    ol.textContent = "";
    list.forEach(function (m) {
      var li = R.el("li", "match");
      li.setAttribute("data-testid", "match");
      // A live event carries every language (one event per room); show this screen's.
      var lang = document.documentElement.lang;
      if (m.notice) {
        li.appendChild(R.el("p", "not-accepted", (m.notices && m.notices[lang]) || m.notice));
        // A restricted notice ends here; a blind one (a charter that names nobody) may be liked.
        if (!m.blind) { ol.appendChild(li); return; }
      } else {
        var who = m.kind === "combination" ? m.provider + " → " + m.receiver : m.companies.join(" + ");
        li.appendChild(R.el("strong", null, who));
        li.appendChild(R.el("p", null, (m.explanations && m.explanations[lang]) || m.explanation));
      }
      var b = R.el("button", "link", m.interested ? strings.notInterested : strings.interested);
      b.type = "button";
      b.setAttribute("data-testid", "interest");
      b.addEventListener("click", function () {
        call("/matches/" + m.id + "/interest", { interested: !m.interested }).then(function (d) { drawMatches(d.matches); }, fail);
      });
      li.appendChild(b);
      if (m.mutual_interest) {
        li.appendChild(R.el("strong", "accepted", " · " + (m.blind ? strings.mutualBlind : strings.mutual)));
        if (!m.blind) {  // a blind result's partner is introduced by the facilitator
          var start = R.el("a", null, strings.startPlan);
          start.href = document.getElementById("room").dataset.newPlanUrl + "?match_id=" + m.id;
          start.setAttribute("data-testid", "start-plan");
          li.appendChild(document.createTextNode(" "));
          li.appendChild(start);
        }
      }
      ol.appendChild(li);
    });
    section.hidden = !list.length;
  }
  function refreshMatches() {
    fetch(api + "/matches", { credentials: "same-origin" }).then(function (a) { return a.json(); })
      .then(function (d) { if (d.matches) drawMatches(d.matches); });
  }
  var profileForm = document.getElementById("profile-form");
  if (profileForm) profileForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = { language: profileForm.elements.language.value, mission: profileForm.elements.mission.value };
    ["activities", "seeks", "offers", "restricted"].forEach(function (f) {
      body[f] = profileForm.elements[f].value.split("\n").map(function (x) { return x.trim(); }).filter(Boolean);
    });
    var error = document.getElementById("profile-error");
    var saved = document.getElementById("profile-saved");
    error.hidden = true;
    saved.hidden = true;
    profileForm.querySelectorAll("[aria-invalid]").forEach(function (f) { f.removeAttribute("aria-invalid"); });
    profileForm.querySelectorAll(".field-message").forEach(function (m) { m.remove(); });
    call("/profile", body).then(function () { saved.hidden = false; }, function (e) {
      // Say which field and what to change, beside the field itself.
      Object.keys(e.fields || {}).forEach(function (name) {
        var input = profileForm.elements[name];
        if (!input) return;
        input.setAttribute("aria-invalid", "true");
        input.parentNode.appendChild(R.el("small", "field-error field-message", e.fields[name]));
      });
      error.textContent = e.message; error.hidden = false;
    });
  });

  function drawSpotlight(item) {
    var box = document.getElementById("spotlight");
    box.textContent = "";
    box.hidden = !item;
    if (!item) return;
    box.appendChild(R.el("h3", null, strings.spotlightTitle));
    box.appendChild(R.contribution(item));
    box.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  var readyButton = document.getElementById("ready");
  var ready = false;
  function drawReady(round) {
    ready = !!(round && round.ready && round.ready[room.companyId]);
    if (readyButton) {
      readyButton.textContent = ready ? strings.notReady : strings.ready;
      readyButton.dataset.ready = ready ? "1" : "0";
    }
  }
  if (readyButton) readyButton.addEventListener("click", function () { call("/ready", { ready: !ready }).catch(fail); });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.id === "accept-charter") {
      var version = Number(document.getElementById("charter").dataset.version);
      call("/charter/accept", { version: version }).then(function () { location.reload(); }, fail);
    } else if (target.dataset && target.dataset.requestAccess) {
      call("/contributions/" + target.dataset.requestAccess + "/access-requests").then(function () {
        target.replaceWith(R.el("small", null, strings.requested));
      }, fail);
    } else if (target.dataset && target.dataset.decide) {
      var li = target.closest("[data-request-id]");
      call("/access-requests/" + li.dataset.requestId + "/decision", { approve: target.dataset.decide === "approve" })
        .then(function () { li.remove(); refreshRequests(); }, fail);
    }
  });

  function applyState(s) {
    state.currentTopicId = s.phase && s.phase.topic ? s.phase.topic.id : null;
    state.status = s.workshop.status;
    R.phase(document.getElementById("phase"), s);
    if (s.phase) R.setTimer(timerNode, s.phase.timer, s.server_now);
    form.hidden = !(state.currentTopicId && state.status === "open") || room.accepted !== "1";
    if (s.agenda) drawAgenda(s.agenda);
    if (s.round) drawReady(s.round);
    if (s.polls) drawPolls(s.polls);
    if (s.spotlight !== undefined) drawSpotlight(s.spotlight);
    if (s.themes) drawThemes(s.themes);
  }

  function renderPending(items) {
    pendingList.textContent = "";
    items.forEach(function (item) {
      var li = R.el("li", "pending-item", item.body);
      li.setAttribute("data-testid", "pending-item");
      li.appendChild(R.el("small", null, " · " + (live.socket.connected ? strings.sending : strings.waiting)));
      pendingList.appendChild(li);
    });
  }

  var live = new window.TertuliaLive({
    namespace: "/participant",
    auth: { workshop_id: workshopId },
    lastSeq: Number(room.lastSeq),
    pendingKey: "tertulia:pending:" + workshopId + ":" + room.participantId,
    onStatus: function (s) {
      R.connection(document.getElementById("connection"), s);
      renderPending(live.pending());
    },
    onState: function (s) { applyState(s); reloadFeed(); refreshMatches(); },
    onPresence: function (p) { R.presence(document.getElementById("presence"), p); },
    onPending: renderPending,
    onEvent: function (envelope) {
      var type = envelope.type, data = envelope.data;
      if (type === "contribution.created") R.addToFeed(feed, data);
      else if (type === "phase.changed") {
        applyState({ phase: data.phase, server_now: data.server_now, workshop: { status: data.phase.kind === "closed" ? "closed" : state.status } });
        viewingTopic = null; filterFeed();
        fetch(api + "/room", { credentials: "same-origin" }).then(function (a) { return a.json(); }).then(applyState);
        live.flushPending();
      } else if (type === "timer.changed") R.setTimer(timerNode, data.phase.timer, data.server_now);
      else if (type === "workshop.closed") applyState({ phase: null, workshop: { status: "closed" } });
      else if (type === "contribution.updated") R.replaceInFeed(feed, data);
      else if (type === "topic.refresh") R.replaceTopic(feed, data.topic_id, data.items);
      else if (type === "agenda.changed") drawAgenda(data.agenda);
      else if (type === "readiness.changed") drawReady(data);
      else if (type === "poll.changed") {
        var others = state.polls.filter(function (p) { return p.id !== data.poll.id; });
        drawPolls(others.concat([data.poll]).sort(function (a, b) { return a.id - b.id; }));
      } else if (type === "spotlight.changed") drawSpotlight(data.contribution);
      else if (type === "thread.changed") {
        var box = feed.querySelector('[data-id="' + data.contribution_id + '"] .thread');
        if (box && openThreads[data.contribution_id]) drawThread(box, data);
      } else if (type === "themes.changed") drawThemes(data);
      else if (type === "matches.changed") drawMatches(data.matches);
      else if (type === "charter.changed" || (type === "charter.accepted" && data.company_id === Number(room.companyId))) location.reload();
      else if (type === "access.changed") refreshRequests();
    },
    onPosted: function (item, ack) { if (ack.contribution && ack.contribution.body !== undefined) R.addToFeed(feed, ack.contribution); },
    onRejected: function (item, error) {
      form.elements.body.value = item.body;
      showError((error.fields && (error.fields.body || error.fields.kind || error.fields.rules)) || error.message);
    },
    onRefused: function (item, error) { if (error) showError(error.message); },
  });
  renderPending(live.pending());

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = form.elements.body.value.trim();
    if (!body) { form.elements.body.focus(); return; }
    errorBox.hidden = true;
    live.post({ body: body, kind: form.elements.kind.value, topic_id: state.currentTopicId, rules: chosenRules(), details: chosenDetails() });
    form.reset();
  });
})();
