/* Building feed, presence and phase elements from server-rendered views. Text goes in with
 * textContent only: nothing a participant writes is ever parsed as HTML. */
(function () {
  "use strict";
  var strings = document.getElementById("strings").dataset;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function kindLabel(kind) {
    var key = "kind" + kind.split("_").map(function (p) { return p[0].toUpperCase() + p.slice(1); }).join("");
    return strings[key] || kind;
  }

  function contribution(item) {
    var sealed = item.visibility === "placeholder";
    var li = el("li", "contribution" + (item.own ? " own" : "") + (sealed ? " sealed" : ""));
    li.dataset.id = item.id;
    li.dataset.topicId = item.topic_id;
    li.setAttribute("data-testid", "contribution");
    var body = el("p", "body");
    if (item.visibility === "error") {
      body.appendChild(el("strong", "integrity", strings.integrity));
    } else if (sealed) {
      if (item.kind) { body.appendChild(el("span", "kind", kindLabel(item.kind))); body.appendChild(document.createTextNode(" ")); }
      body.appendChild(el("em", null, strings.sealed));
      if (item.can_request) {
        var ask = el("button", "link", strings.ask);
        ask.type = "button";
        ask.dataset.requestAccess = item.id;
        ask.setAttribute("data-testid", "request-access");
        body.appendChild(document.createTextNode(" "));
        body.appendChild(ask);
      }
    } else {
      li.appendChild(el("span", "kind", kindLabel(item.kind)));
      if (item.company) li.appendChild(el("span", "by", item.company + (item.author ? " · " + item.author : "")));
      if (item.sensitivity && item.sensitivity !== "amber") {
        li.appendChild(el("span", "tlp tlp-" + item.sensitivity.replace("+", "-"), "TLP:" + item.sensitivity.toUpperCase()));
      }
      body.textContent = item.body;
      if (item.edited) body.appendChild(el("small", "edited", " (" + strings.edited + ")"));
    }
    li.appendChild(body);
    var more = details(item);
    if (more) li.appendChild(more);
    if (item.status && item.status !== "approved") {
      var badge = el("p", "moderation status-" + item.status, strings["status" + item.status.replace("_r", "R").replace(/^./, function (c) { return c.toUpperCase(); })] || item.status);
      badge.setAttribute("data-testid", "moderation-status");
      if (item.note) badge.appendChild(el("span", "note", ": " + item.note));
      li.appendChild(badge);
    }
    if (window.TertuliaActions) window.TertuliaActions(li, item);
    return li;
  }

  function addToFeed(feed, item) {
    if (feed.querySelector('[data-id="' + item.id + '"]')) return;
    feed.insertBefore(contribution(item), feed.firstChild);
  }

  function replaceInFeed(feed, item) {
    var old = feed.querySelector('[data-id="' + item.id + '"]');
    if (item.visibility === "none") { if (old) old.remove(); return; }
    if (old) old.replaceWith(contribution(item)); else addToFeed(feed, item);
  }

  function replaceTopic(feed, topicId, items) {
    var keep = {};
    items.forEach(function (item) { keep[item.id] = true; replaceInFeed(feed, item); });
    feed.querySelectorAll('[data-topic-id="' + topicId + '"]').forEach(function (node) {
      if (!keep[node.dataset.id]) node.remove();
    });
  }

  function presence(list, payload, companyNames) {
    list.textContent = "";
    payload.people.forEach(function (person) {
      var label = person.kind === "facilitator" ? strings.facilitator + ": " + person.name : person.name;
      if (person.company_id && companyNames && companyNames[person.company_id]) label += " · " + companyNames[person.company_id];
      var li = el("li", "person " + person.kind, label);
      li.setAttribute("data-testid", "present-person");
      list.appendChild(li);
    });
  }

  function phase(container, state) {
    container.textContent = "";
    var p = el("p", "phase-name");
    if (state.workshop.status === "closed") {
      p.textContent = strings.closed;
      p.dataset.phaseKind = "closed";
    } else if (state.phase && state.phase.topic) {
      p.dataset.phaseKind = "exchange";
      p.appendChild(document.createTextNode(strings.exchange + ": "));
      var strong = el("strong", null, state.phase.topic.title);
      strong.setAttribute("data-testid", "topic-title");
      p.appendChild(strong);
    } else if (state.phase && (state.phase.kind === "plans" || state.phase.kind === "evaluation")) {
      // The plans and evaluation phases happen on their own pages: point there.
      var kind = state.phase.kind;
      var room = document.getElementById("room");
      p.dataset.phaseKind = kind;
      p.appendChild(document.createTextNode((state.phase.title || strings["phase" + kind[0].toUpperCase() + kind.slice(1)] || "") + ": "));
      var link = el("a", null, kind === "plans" ? strings.openPlans : strings.openEvaluation);
      link.href = room ? room.dataset[kind === "plans" ? "plansUrl" : "evaluationUrl"] : "#";
      link.setAttribute("data-testid", "phase-link");
      p.appendChild(link);
    } else if (state.phase && state.phase.kind && state.phase.kind !== "welcome") {
      // The profiles and overlaps phases have no topic: name the phase, not a welcome.
      var named = state.phase.kind;
      p.textContent = state.phase.title || strings["phase" + named[0].toUpperCase() + named.slice(1)] || strings.welcome;
      p.dataset.phaseKind = named;
    } else {
      p.textContent = strings.welcome;
      p.dataset.phaseKind = "welcome";
    }
    container.appendChild(p);
  }

  function connection(node, state) {
    node.dataset.state = state;
    node.textContent = { connected: strings.connected, offline: strings.offline, denied: strings.denied || strings.offline }[state] || strings.connecting;
  }

  // ---- timer: counts down from server facts, corrected for this machine's clock offset ----
  var timerState = { timer: null, offset: 0, node: null };
  function setTimer(node, timer, serverNow) {
    timerState.node = node;
    timerState.timer = timer;
    if (serverNow) timerState.offset = Date.parse(serverNow) - Date.now();
    drawTimer();
  }
  function remainingSeconds() {
    var t = timerState.timer;
    if (!t || !t.seconds) return null;
    var elapsed = t.banked;
    if (t.running_since) elapsed += (Date.now() + timerState.offset - Date.parse(t.running_since)) / 1000;
    return Math.max(0, Math.round(t.seconds - elapsed));
  }
  function drawTimer() {
    var node = timerState.node;
    if (!node) return;
    var out = node.querySelector(".remaining") || node;
    var left = remainingSeconds();
    if (left === null) { out.textContent = "--:--"; node.dataset.state = "idle"; return; }
    out.textContent = String(Math.floor(left / 60)).padStart(2, "0") + ":" + String(left % 60).padStart(2, "0");
    node.dataset.state = left === 0 ? "over" : (timerState.timer.running_since ? "running" : "paused");
  }
  setInterval(drawTimer, 250);

  function details(item) {
    var keys = ["context", "action", "result", "lesson", "cost"];
    var box = null;
    keys.forEach(function (key) {
      if (!item.details || !item.details[key]) return;
      box = box || el("dl", "details");
      box.appendChild(el("dt", null, strings["detail" + key[0].toUpperCase() + key.slice(1)] || key));
      box.appendChild(el("dd", null, item.details[key]));
    });
    return box;
  }

  // A refused action's message on the page, until dismissed or replaced: an alert box would
  // stop the whole console (and its live feed) until someone clicks it.
  function showError(message) {
    var box = document.getElementById("action-error");
    if (!box) {
      box = el("div", "action-error");
      box.id = "action-error";
      box.setAttribute("role", "alert");
      box.setAttribute("data-testid", "action-error");
      var close = el("button", "link", strings.dismiss);
      close.type = "button";
      close.setAttribute("data-testid", "dismiss-error");
      close.addEventListener("click", function () { box.hidden = true; });
      box.appendChild(el("span", "text"));
      box.appendChild(document.createTextNode(" "));
      box.appendChild(close);
      (document.querySelector("main") || document.body).prepend(box);
    }
    box.querySelector(".text").textContent = message;
    box.hidden = false;
  }
  // A failed call: the server's message, or, when the request never reached it, the
  // offline message (the browser's own "Failed to fetch" would say nothing useful).
  function failed(e) { showError(e instanceof TypeError ? strings.notSent : e.message); }

  window.TertuliaRender = {
    showError: showError, failed: failed,
    setTimer: setTimer,
    details: details, el: el, contribution: contribution, addToFeed: addToFeed, replaceInFeed: replaceInFeed, replaceTopic: replaceTopic, presence: presence, phase: phase, connection: connection };
})();
