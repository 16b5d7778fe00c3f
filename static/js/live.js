/* Tertulia live connection: sequence tracking, replay, and contributions that are never lost.
 *
 * Protocol (docs/PROTOCOL.md): after every (re)connect the client asks `hello` with the last
 * sequence it has applied and receives the room state plus every event it missed. Live
 * `event` messages carry `seq`; a gap triggers `sync`. Contributions carry a client id, stay
 * in sessionStorage until the server acknowledges them, and are resent after reconnecting.
 * sessionStorage (not localStorage) so that unsent text survives a reload but not the tab.
 */
(function () {
  "use strict";

  function newClientId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function Live(options) {
    this.opts = options;
    this.lastSeq = options.lastSeq || 0; // every event up to here has been applied
    this.seen = new Set();
    this.pendingKey = options.pendingKey || null;
    this.flushing = false;
    this.syncTimer = null;
    var self = this;
    this.socket = io(options.namespace, {
      auth: options.auth,
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    this.socket.on("connect", function () { self._hello(); });
    this.socket.on("disconnect", function () { self._status("offline"); });
    this.socket.on("connect_error", function (err) {
      self._status(err && err.message === "unauthorized" ? "denied" : "offline");
    });
    this.socket.on("event", function (envelope) { self._receive(envelope); });
    this.socket.on("presence", function (payload) { if (options.onPresence) options.onPresence(payload); });
  }

  Live.prototype._status = function (state) {
    if (this.opts.onStatus) this.opts.onStatus(state);
  };

  Live.prototype._hello = function () {
    var self = this;
    this.socket.timeout(10000).emit("hello", { last_seq: this.lastSeq }, function (err, reply) {
      if (err) { return; } // the next reconnect says hello again
      if (!reply || !reply.ok) { self._status("denied"); return; }
      if (self.opts.onState) self.opts.onState(reply.state);
      self._applyBatch(reply.events, reply.upto);
      if (self.opts.onPresence) self.opts.onPresence(reply.presence);
      self._status("connected");
      self.flushPending();
    });
  };

  Live.prototype._apply = function (envelope) {
    if (envelope.seq <= this.lastSeq || this.seen.has(envelope.seq)) return;
    this.seen.add(envelope.seq);
    this.opts.onEvent(envelope);
  };

  Live.prototype._advance = function () {
    while (this.seen.has(this.lastSeq + 1)) { this.seen.delete(this.lastSeq + 1); this.lastSeq += 1; }
  };

  Live.prototype._applyBatch = function (events, upto) {
    for (var i = 0; i < events.length; i++) this._apply(events[i]);
    // The server read everything up to `upto` for us: seqs we did not get are not ours to see.
    if (upto > this.lastSeq) {
      for (var s = this.lastSeq + 1; s <= upto; s++) this.seen.delete(s);
      this.lastSeq = upto;
    }
    this._advance();
  };

  Live.prototype._receive = function (envelope) {
    this._apply(envelope);
    this._advance();
    if (envelope.seq > this.lastSeq) this._scheduleSync();
  };

  Live.prototype._scheduleSync = function () {
    // A gap: an event we may not see, or one still in flight. Ask once things settle.
    var self = this;
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(function () {
      self.syncTimer = null;
      self.socket.timeout(10000).emit("sync", { since: self.lastSeq }, function (err, reply) {
        if (!err && reply && reply.ok) self._applyBatch(reply.events, reply.upto);
      });
    }, 300);
  };

  // ---- contributions that must not be lost ------------------------------------------
  Live.prototype.pending = function () {
    if (!this.pendingKey) return [];
    try { return JSON.parse(sessionStorage.getItem(this.pendingKey) || "[]"); } catch (e) { return []; }
  };

  Live.prototype._savePending = function (items) {
    sessionStorage.setItem(this.pendingKey, JSON.stringify(items));
    if (this.opts.onPending) this.opts.onPending(items);
  };

  Live.prototype.post = function (fields) {
    var item = Object.assign({ client_id: newClientId() }, fields);
    var items = this.pending();
    items.push(item);
    this._savePending(items);
    this.flushPending();
    return item.client_id;
  };

  Live.prototype._drop = function (clientId) {
    this._savePending(this.pending().filter(function (p) { return p.client_id !== clientId; }));
  };

  Live.prototype.flushPending = function () {
    var self = this;
    if (this.flushing || !this.socket.connected) return;
    var items = this.pending();
    if (!items.length) return;
    this.flushing = true;
    var item = items[0];
    this.socket.timeout(8000).emit("post_contribution", item, function (err, ack) {
      self.flushing = false;
      if (err) { setTimeout(function () { self.flushPending(); }, 1000); return; } // no ack: resend
      if (ack && ack.ok) {
        self._drop(item.client_id);
        if (self.opts.onPosted) self.opts.onPosted(item, ack);
        self.flushPending();
      } else if (ack && ack.error && ack.error.code === "invalid") {
        // The server will never take it as it is: give the text back to fix.
        self._drop(item.client_id);
        if (self.opts.onRejected) self.opts.onRejected(item, ack.error);
        self.flushPending();
      } else if (self.opts.onRefused) {
        self.opts.onRefused(item, ack && ack.error); // kept; retried on the next reconnect or phase
      }
    });
  };

  window.TertuliaLive = Live;
})();
