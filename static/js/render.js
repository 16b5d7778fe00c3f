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
    var li = el("li", "contribution" + (item.own ? " own" : ""));
    li.dataset.id = item.id;
    li.dataset.topicId = item.topic_id;
    li.dataset.testid = "contribution";
    li.setAttribute("data-testid", "contribution");
    li.appendChild(el("span", "kind", kindLabel(item.kind)));
    if (item.company) li.appendChild(el("span", "by", item.company + (item.author ? " · " + item.author : "")));
    var body = el("p", "body");
    if (item.body !== null && item.body !== undefined) body.textContent = item.body;
    else body.appendChild(el("em", null, strings.sealed || "…"));
    li.appendChild(body);
    return li;
  }

  function addToFeed(feed, item) {
    if (feed.querySelector('[data-id="' + item.id + '"]')) return;
    feed.insertBefore(contribution(item), feed.firstChild);
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

  window.TertuliaRender = { el: el, contribution: contribution, addToFeed: addToFeed, presence: presence, phase: phase, connection: connection };
})();
