/* The facilitator's console: live feed and presence. Actions are plain forms. */
(function () {
  "use strict";
  var R = window.TertuliaRender;
  var room = document.getElementById("room").dataset;
  var feed = document.getElementById("feed");
  var companyNames = {};
  document.querySelectorAll("[data-company-id]").forEach(function (li) {
    companyNames[li.dataset.companyId] = li.querySelector("strong").textContent;
  });

  new window.TertuliaLive({
    namespace: "/facilitator",
    auth: { workshop_id: Number(room.workshopId) },
    lastSeq: Number(room.lastSeq),
    onStatus: function (s) { R.connection(document.getElementById("connection"), s); },
    onState: function (s) { R.phase(document.getElementById("phase"), s); },
    onPresence: function (p) { R.presence(document.getElementById("presence"), p, companyNames); },
    onEvent: function (envelope) {
      if (envelope.type === "contribution.created") R.addToFeed(feed, envelope.data);
      else if (envelope.type === "contribution.updated") R.replaceInFeed(feed, envelope.data);
      else if (envelope.type === "topic.refresh") R.replaceTopic(feed, envelope.data.topic_id, envelope.data.items);
      else if (envelope.type === "phase.changed") R.phase(document.getElementById("phase"), { phase: envelope.data.phase, workshop: { status: envelope.data.phase.kind === "closed" ? "closed" : "open" } });
    },
  });
})();
