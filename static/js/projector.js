/* The projector: read-only, large type, what every company in the room may see. */
(function () {
  "use strict";
  var R = window.TertuliaRender;
  var room = document.getElementById("room").dataset;
  var feed = document.getElementById("feed");
  var timerNode = document.getElementById("timer");
  var topicId = null;
  var stateSeq = 0; // events up to here are history replayed to fill the screen

  function show(item) {
    if (topicId !== null && item.topic_id !== topicId) return;
    R.addToFeed(feed, item);
  }
  function spotlight(item) {
    var box = document.getElementById("spotlight");
    box.textContent = "";
    box.hidden = !item;
    if (item) box.appendChild(R.contribution(item));
  }
  function applyState(s) {
    R.phase(document.getElementById("phase"), s);
    topicId = s.phase && s.phase.topic ? s.phase.topic.id : null;
    if (s.phase) R.setTimer(timerNode, s.phase.timer, s.server_now);
    if (s.spotlight !== undefined) spotlight(s.spotlight);
  }

  new window.TertuliaLive({
    namespace: "/facilitator",
    auth: { workshop_id: Number(room.workshopId), projector: true },
    lastSeq: 0, // the projector replays the whole feed on connect, as the room may see it
    onStatus: function (s) { R.connection(document.getElementById("connection"), s); },
    onState: function (s) { feed.textContent = ""; stateSeq = s.last_seq; applyState(s); },
    onEvent: function (envelope) {
      var type = envelope.type, data = envelope.data;
      if (type === "contribution.created") show(data);
      else if (type === "contribution.updated") R.replaceInFeed(feed, data);
      else if (type === "topic.refresh") { if (data.topic_id === topicId) R.replaceTopic(feed, data.topic_id, data.items); }
      else if (type === "phase.changed" && envelope.seq > stateSeq) location.reload(); // a new round: replay it
      else if (type === "timer.changed") R.setTimer(timerNode, data.phase.timer, data.server_now);
      else if (type === "spotlight.changed") spotlight(data.contribution);
      else if (type === "matches.changed" && envelope.seq > stateSeq) location.reload(); // redraw the picture
      // A new charter may stop naming companies: the picture names them, so redraw it.
      else if (type === "charter.changed" && envelope.seq > stateSeq) location.reload();
    },
  });
})();
