/* Action plans: the plan editor (parties, steps and resources as rows) and the live notice
 * that a plan changed. Everything shown was decided by the server; this only builds forms
 * and sends them as JSON to the documented API (docs/PROTOCOL.md, /api/v1/openapi.json). */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "checked") node.checked = !!attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function labelled(text, input) { return el("label", {}, [document.createTextNode(text + " "), input]); }

  function select(options, value, attrs) {
    var s = el("select", attrs);
    options.forEach(function (o) {
      var opt = el("option", { value: String(o[0]), text: o[1] });
      if (String(o[0]) === String(value == null ? "" : value)) opt.selected = true;
      s.appendChild(opt);
    });
    return s;
  }

  // A company's reference as the server gave it: its id, or its alias where the viewer
  // sees aliases. Form values are strings; ids go back as numbers.
  function companyRef(value) {
    if (!value) return null;
    return /^\d+$/.test(value) ? Number(value) : value;
  }

  function Editor(form) {
    this.form = form;
    this.doc = JSON.parse(form.dataset.document);
    this.companies = JSON.parse(form.dataset.companies);
    this.t = JSON.parse(form.dataset.strings);
    this.partiesBox = form.querySelector("#plan-parties");
    this.stepsBox = form.querySelector("#plan-steps");
    var self = this;
    // What someone typed before this script ran (a slow laptop) is kept, not overwritten.
    ["title", "objective", "follow_up", "limits", "third_parties"].forEach(function (name) {
      if (!form.elements[name].value) form.elements[name].value = self.doc[name] || "";
    });
    this.renderParties();
    (this.doc.steps || []).forEach(function (step) { self.addStep(step); });
    form.querySelector("#add-step").addEventListener("click", function () { self.addStep({}); });
    form.addEventListener("submit", function (e) { e.preventDefault(); self.save(); });
  }

  Editor.prototype.renderParties = function () {
    var self = this;
    var byId = {};
    (this.doc.parties || []).forEach(function (p) { byId[p.company_id] = p; });
    this.companies.forEach(function (c, i) {
      var p = byId[c.id];
      var row = el("div", { class: "party-row", "data-company-id": c.id, "data-testid": "party-row" }, [
        el("label", {}, [el("input", { type: "checkbox", class: "party-on", "data-testid": "party-on", checked: !!p }), document.createTextNode(" " + c.name)]),
        labelled(self.t.seeks, el("input", { class: "party-seeks", maxlength: "1000", "data-testid": "party-seeks" })),
        labelled(self.t.gives, el("input", { class: "party-gives", maxlength: "1000", "data-testid": "party-gives" })),
      ]);
      row.querySelector(".party-seeks").value = (p && p.seeks) || "";
      row.querySelector(".party-gives").value = (p && p.gives) || "";
      row.querySelector(".party-on").addEventListener("change", function () { self.refreshOwners(); });
      self.partiesBox.appendChild(row);
    });
  };

  Editor.prototype.partyOptions = function (withNobody) {
    var opts = withNobody ? [["", this.t.nobody]] : [];
    this.partiesBox.querySelectorAll(".party-row").forEach(function (row) {
      if (row.querySelector(".party-on").checked) opts.push([row.dataset.companyId, row.textContent.trim().split("\n")[0]]);
    });
    var self = this;
    return opts.map(function (o) {
      var c = self.companies.find(function (x) { return String(x.id) === String(o[0]); });
      return [o[0], c ? c.name : o[1]];
    });
  };

  Editor.prototype.refreshOwners = function () {
    var self = this;
    this.form.querySelectorAll("select.owner, select.provider").forEach(function (s) {
      var value = s.value;
      var fresh = select(self.partyOptions(s.classList.contains("provider")), value, {});
      s.innerHTML = fresh.innerHTML;
      s.value = value;
    });
  };

  Editor.prototype.addResource = function (box, resource) {
    var t = this.t;
    var row = el("div", { class: "resource-row", "data-testid": "resource-row" }, [
      labelled(t.resource, el("input", { class: "res-name", maxlength: "200", "data-testid": "resource-name" })),
      select([["available", t.available], ["needed", t.needed]], resource.status || "needed", { class: "res-status", "data-testid": "resource-status" }),
      labelled(t.provider, select(this.partyOptions(true), resource.provider_company_id, { class: "provider", "data-testid": "resource-provider" })),
      el("button", { type: "button", class: "link remove", text: t.remove }),
    ]);
    row.querySelector(".res-name").value = resource.name || "";
    row.querySelector(".remove").addEventListener("click", function () { row.remove(); });
    box.appendChild(row);
  };

  Editor.prototype.addStep = function (step) {
    var t = this.t, self = this;
    var resources = el("div", { class: "resources" });
    var row = el("div", { class: "step-row card", "data-testid": "step-row", "data-key": step.key || "" }, [
      labelled(t.title, el("input", { class: "step-title", maxlength: "200", "data-testid": "step-title-input" })),
      el("label", {}, [el("input", { type: "checkbox", class: "step-milestone", "data-testid": "step-milestone", checked: !!step.milestone }), document.createTextNode(" " + t.milestone)]),
      labelled(t.due, el("input", { type: "date", class: "step-due", "data-testid": "step-due" })),
      labelled(t.owner, select(this.partyOptions(false), step.owner_company_id, { class: "owner", "data-testid": "step-owner" })),
      labelled(t.owner_person, el("input", { class: "step-person", maxlength: "120", "data-testid": "step-person" })),
      el("div", { class: "resources-box" }, [el("span", { text: t.resources }), resources,
        el("button", { type: "button", class: "link add-resource", "data-testid": "add-resource", text: t.add_resource })]),
      el("button", { type: "button", class: "link remove", text: t.remove }),
      el("p", { class: "field-error", hidden: "" }),
    ]);
    row.querySelector(".step-title").value = step.title || "";
    row.querySelector(".step-due").value = step.due || "";
    row.querySelector(".step-person").value = step.owner_person || "";
    (step.resources || []).forEach(function (r) { self.addResource(resources, r); });
    row.querySelector(".add-resource").addEventListener("click", function () { self.addResource(resources, {}); });
    row.querySelector(".remove").addEventListener("click", function () { row.remove(); });
    this.stepsBox.appendChild(row);
  };

  Editor.prototype.collect = function () {
    var f = this.form.elements;
    var doc = { title: f.title.value, objective: f.objective.value, follow_up: f.follow_up.value,
      limits: f.limits.value, third_parties: f.third_parties.value, parties: [], steps: [] };
    if (this.doc.match_id) doc.match_id = this.doc.match_id;
    this.partiesBox.querySelectorAll(".party-row").forEach(function (row) {
      if (!row.querySelector(".party-on").checked) return;
      doc.parties.push({ company_id: companyRef(row.dataset.companyId),
        seeks: row.querySelector(".party-seeks").value, gives: row.querySelector(".party-gives").value });
    });
    this.stepsBox.querySelectorAll(".step-row").forEach(function (row) {
      var step = { key: row.dataset.key || undefined, title: row.querySelector(".step-title").value,
        milestone: row.querySelector(".step-milestone").checked, due: row.querySelector(".step-due").value,
        owner_company_id: companyRef(row.querySelector(".owner").value),
        owner_person: row.querySelector(".step-person").value, resources: [] };
      row.querySelectorAll(".resource-row").forEach(function (r) {
        var provider = r.querySelector(".provider").value;
        step.resources.push({ name: r.querySelector(".res-name").value, status: r.querySelector(".res-status").value,
          provider_company_id: companyRef(provider) });
      });
      doc.steps.push(step);
    });
    return doc;
  };

  Editor.prototype.fieldNode = function (path) {
    var parts = path.split(".");
    if (parts[0] === "steps" && parts.length > 1) {
      var row = this.stepsBox.querySelectorAll(".step-row")[Number(parts[1])];
      return row || this.form.querySelector('[data-path="steps"]');
    }
    if (parts[0] === "parties") return this.form.querySelector('[data-path="parties"]');
    return this.form.querySelector('[data-path="' + parts[0] + '"]');
  };

  Editor.prototype.showErrors = function (fields) {
    var self = this;
    this.form.querySelectorAll(".field-error.dynamic").forEach(function (n) { n.remove(); });
    this.form.querySelectorAll(".has-error").forEach(function (n) { n.classList.remove("has-error"); });
    Object.keys(fields).forEach(function (path) {
      var node = self.fieldNode(path);
      if (!node) return;
      var target = node.closest("label, fieldset, .step-row") || node;
      target.classList.add("has-error");
      target.appendChild(el("span", { class: "field-error dynamic", "data-testid": "field-error", "data-path": path, text: fields[path] }));
    });
  };

  Editor.prototype.save = function () {
    var self = this, form = this.form, error = form.querySelector("#plan-error");
    var doc = this.collect();
    var body = form.dataset.baseVersion ? { base_version: Number(form.dataset.baseVersion), document: doc }
      : Object.assign({ workshop_id: Number(form.dataset.workshopId) }, doc);
    error.hidden = true;
    fetch(form.dataset.saveUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json",
        "X-CSRFToken": document.querySelector('meta[name="csrf-token"]').content },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (result) {
      if (result.status === 201 || result.status === 200) {
        window.location.href = form.dataset.after.replace("{id}", result.data.plan.id);
        return;
      }
      var err = result.data.error || {};
      error.textContent = err.message || self.t.fix;
      error.hidden = false;
      self.showErrors(err.fields || {});
    }).catch(function () {
      error.textContent = self.t.offline;
      error.hidden = false;
    });
  };

  function watchPlans(box) {
    // Only the server's rendering reaches this socket: plans.changed arrives for the
    // plans this company is party of (or every plan, for the facilitator).
    if (typeof io === "undefined") return;
    var socket = io(box.dataset.namespace, { auth: { workshop_id: Number(box.dataset.workshopId) } });
    socket.on("event", function (envelope) {
      if (!envelope || envelope.type !== "plans.changed") return;
      var plan = envelope.data.plan;
      if (box.dataset.planId && String(plan.id) !== box.dataset.planId) return;
      if (box.dataset.version && String(plan.version) === box.dataset.version && box.dataset.seen === JSON.stringify(plan)) return;
      box.dataset.seen = JSON.stringify(plan);
      var note = document.getElementById("plans-changed");
      if (note) note.hidden = false;
    });
  }

  var editor = document.getElementById("plan-editor");
  if (editor) new Editor(editor);
  var live = document.getElementById("plans-live");
  if (live) watchPlans(live);
})();
