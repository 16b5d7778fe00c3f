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
      }
    },
    onPosted: function (item, ack) { if (ack.contribution && ack.contribution.body !== undefined) R.addToFeed(feed, ack.contribution); },
    onRejected: function (item, error) {
      form.elements.body.value = item.body;
      errorBox.textContent = (error.fields && (error.fields.body || error.fields.kind)) || error.message;
      errorBox.hidden = false;
    },
    onRefused: function (item, error) {
      if (error) { errorBox.textContent = error.message; errorBox.hidden = false; }
    },
  });
  renderPending(live.pending());

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = form.elements.body.value.trim();
    if (!body) { form.elements.body.focus(); return; }
    errorBox.hidden = true;
    live.post({ body: body, kind: form.elements.kind.value, topic_id: state.currentTopicId });
    form.elements.body.value = "";
  });
})();
