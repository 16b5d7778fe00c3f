/* The participant's room: follows the phase, shows the feed and presence, posts. */
(function () {
  "use strict";
  var R = window.TertuliaRender;
  var room = document.getElementById("room").dataset;
  var workshopId = Number(room.workshopId);
  var state = { currentTopicId: room.currentTopicId ? Number(room.currentTopicId) : null, status: room.status };
  var feed = document.getElementById("feed");
  var form = document.getElementById("post-form");
  var errorBox = document.getElementById("post-error");
  var pendingList = document.getElementById("pending");
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
        if (!answer.ok) throw new Error((data.error && data.error.message) || answer.statusText);
        return data;
      });
    });
  }

  function showError(message) { errorBox.textContent = message; errorBox.hidden = false; }

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

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.id === "accept-charter") {
      var version = Number(document.getElementById("charter").dataset.version);
      call("/charter/accept", { version: version }).then(function () { location.reload(); }, function (e) { alert(e.message); });
    } else if (target.dataset && target.dataset.requestAccess) {
      call("/contributions/" + target.dataset.requestAccess + "/access-requests").then(function () {
        target.replaceWith(R.el("small", null, strings.requested));
      }, function (e) { alert(e.message); });
    } else if (target.dataset && target.dataset.decide) {
      var li = target.closest("[data-request-id]");
      call("/access-requests/" + li.dataset.requestId + "/decision", { approve: target.dataset.decide === "approve" })
        .then(function () { li.remove(); refreshRequests(); }, function (e) { alert(e.message); });
    }
  });

  function applyState(s) {
    state.currentTopicId = s.phase && s.phase.topic ? s.phase.topic.id : null;
    state.status = s.workshop.status;
    R.phase(document.getElementById("phase"), s);
    form.hidden = !(state.currentTopicId && state.status === "open");
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
    onState: applyState,
    onPresence: function (p) { R.presence(document.getElementById("presence"), p); },
    onPending: renderPending,
    onEvent: function (envelope) {
      if (envelope.type === "contribution.created") R.addToFeed(feed, envelope.data);
      else if (envelope.type === "phase.changed") {
        var phase = envelope.data.phase;
        applyState({ phase: phase, workshop: { status: phase.kind === "closed" ? "closed" : state.status } });
        live.flushPending();
      } else if (envelope.type === "workshop.closed") {
        applyState({ phase: null, workshop: { status: "closed" } });
      } else if (envelope.type === "contribution.updated") {
        R.replaceInFeed(feed, envelope.data);
      } else if (envelope.type === "topic.refresh") {
        R.replaceTopic(feed, envelope.data.topic_id, envelope.data.items);
      } else if (envelope.type === "charter.changed" || (envelope.type === "charter.accepted" && envelope.data.company_id === Number(room.companyId))) {
        location.reload(); // the rules changed for us: redraw from the server
      } else if (envelope.type === "access.changed") {
        refreshRequests();
      }
    },
    onPosted: function (item, ack) { if (ack.contribution && ack.contribution.body !== undefined) R.addToFeed(feed, ack.contribution); },
    onRejected: function (item, error) {
      form.elements.body.value = item.body;
      showError((error.fields && (error.fields.body || error.fields.kind || error.fields.rules)) || error.message);
    },
    onRefused: function (item, error) {
      if (error) showError(error.message);
    },
  });
  renderPending(live.pending());

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = form.elements.body.value.trim();
    if (!body) { form.elements.body.focus(); return; }
    errorBox.hidden = true;
    live.post({ body: body, kind: form.elements.kind.value, topic_id: state.currentTopicId, rules: chosenRules() });
    form.elements.body.value = "";
  });
})();
