#!/usr/bin/env node
// Socket.IO load generator for the real-time benchmark (bench/realtime.py runs it).
//
//   node bench/realtime_load.js --url http://127.0.0.1:PORT --tokens tokens.json \
//        --clients 200 --senders 20 --rate 10 --duration 20
//
// Phases, each bounded in time:
//   1. connect: N participant sockets (websocket transport only, no reconnection), at most
//      --concurrency handshakes in flight; then "hello" {last_seq: 0} on each, acked.
//   2. settle: wait until no "presence" message arrived for --quiet-ms (the connect storm
//      is over), at most --settle seconds.
//   3. send: --senders sockets post contributions at --rate posts/s in total (open loop,
//      fixed schedule) for --duration seconds; each post carries a unique client_id and a
//      body naming its index, so deliveries are matched to posts without trusting the server.
//   4. drain: wait until every stored post (acked, or seen by any client although its ack
//      timed out) reached every connected client, at most --drain seconds.
// A hard timer (--hard-limit seconds) ends the run whatever happens. One JSON line of
// results goes to stdout; progress goes to stderr. Exits by itself (code 0, or 2 on a
// hard-limit stop: the JSON line is printed in both cases).

"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const { io } = require(path.join(ROOT, "node_modules", "socket.io-client"));

function parseArgs(argv) {
  const opts = {
    url: "",
    tokens: "",
    clients: 0,
    senders: 20,
    rate: 10,
    duration: 20,
    concurrency: 50,
    connectTimeout: 15,
    connectPhase: 120,
    settle: 60,
    quietMs: 1500,
    ackTimeout: 15,
    drain: 20,
    hardLimit: 300,
    label: "",
  };
  const names = {
    "--url": "url", "--tokens": "tokens", "--clients": "clients", "--senders": "senders",
    "--rate": "rate", "--duration": "duration", "--concurrency": "concurrency",
    "--connect-timeout": "connectTimeout", "--connect-phase": "connectPhase",
    "--settle": "settle", "--quiet-ms": "quietMs", "--ack-timeout": "ackTimeout",
    "--drain": "drain", "--hard-limit": "hardLimit", "--label": "label",
  };
  for (let i = 2; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || i + 1 >= argv.length) {
      process.stderr.write(`unknown or incomplete option ${argv[i]}\n`);
      process.exit(64);
    }
    opts[key] = typeof opts[key] === "number" ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!opts.url || !opts.tokens) {
    process.stderr.write("--url and --tokens are required\n");
    process.exit(64);
  }
  return opts;
}

const opts = parseArgs(process.argv);
const tokenFile = JSON.parse(fs.readFileSync(opts.tokens, "utf8"));
const tokens = tokenFile.tokens.slice(0, opts.clients || tokenFile.tokens.length);
const N = tokens.length;
const K = Math.max(1, Math.min(opts.senders, N));
const t0 = performance.now();
const now = () => performance.now();
const log = (msg) => process.stderr.write(`[load ${opts.label} ${((now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

function pct(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[idx] * 10) / 10;
}

// ---- state -------------------------------------------------------------------------------
const clients = []; // {i, socket, connected, connectedAt, seen:Set, disconnectReason}
const res = {
  label: opts.label,
  clients: N,
  companies: tokenFile.companies,
  senders: K,
  rate: opts.rate,
  duration_s: opts.duration,
  connected: 0,
  connect_failures: 0,
  connect_errors: {},
  connect_time_s: null,
  connect_latency_ms: { p50: null, p99: null },
  hello_ok: 0,
  hello_failures: 0,
  hello_ms: { p50: null, p99: null },
  settle_s: null,
  settled: false,
  presence_messages: 0,
  presence_entries: 0,
  posts_sent: 0,
  posts_acked: 0,
  posts_failed: 0,
  post_errors: {},
  ack_ms: { p50: null, p99: null, max: null },
  send_lag_ms_max: 0,
  expected_deliveries: 0,
  deliveries: 0,
  deliveries_per_s: null,
  delivery_ms: { p50: null, p99: null },
  missing: 0,
  duplicates: 0,
  unknown_events: 0,
  drained: false,
  disconnects: 0,
  disconnect_reasons: {},
  disconnects_during_send: 0,
  loop_lag_ms_max: 0,
  load_cpu_s: null,
  phase_reached: "start",
  stopped_by: "completed",
  elapsed_s: null,
};

let phase = "connect";
let lastPresenceAt = now();
const connectLatencies = [];
const helloLatencies = [];
const ackLatencies = [];
const deliveryLatencies = [];
// post index -> {sentAt, acked, seq, deliveredTo: count}
const posts = new Map();
let firstSendAt = null;
let lastDeliveryAt = null;
let finishing = false;

// Event-loop lag: if the generator itself stalls, the latencies it reports are suspect.
let lagProbe = now();
const lagTimer = setInterval(() => {
  const t = now();
  const lag = t - lagProbe - 100;
  if (lag > res.loop_lag_ms_max) res.loop_lag_ms_max = Math.round(lag);
  lagProbe = t;
}, 100);

const BODY_PREFIX = "bench-post-";

function onEvent(client, msg) {
  if (!msg || msg.type !== "contribution.created" || !msg.data) return;
  const body = msg.data.body;
  const idx = typeof body === "string" && body.startsWith(BODY_PREFIX)
    ? Number(body.slice(BODY_PREFIX.length)) : NaN;
  const post = posts.get(idx);
  if (!post) {
    res.unknown_events += 1;
    return;
  }
  if (client.seen.has(idx)) {
    res.duplicates += 1;
    return;
  }
  client.seen.add(idx);
  const t = now();
  post.deliveredTo += 1;
  res.deliveries += 1;
  lastDeliveryAt = t;
  deliveryLatencies.push(t - post.sentAt);
}

function makeClient(i) {
  const client = { i, socket: null, connected: false, seen: new Set(), everConnected: false };
  const socket = io(`${opts.url}/participant`, {
    transports: ["websocket"],
    auth: { token: tokens[i] },
    reconnection: false,
    forceNew: true,
    timeout: opts.connectTimeout * 1000,
  });
  client.socket = socket;
  socket.on("event", (msg) => onEvent(client, msg));
  socket.on("presence", (payload) => {
    res.presence_messages += 1;
    if (payload && Array.isArray(payload.people)) res.presence_entries += payload.people.length;
    lastPresenceAt = now();
  });
  socket.on("disconnect", (reason) => {
    if (!client.connected) return;
    client.connected = false;
    if (finishing) return;
    res.disconnects += 1;
    res.disconnect_reasons[reason] = (res.disconnect_reasons[reason] || 0) + 1;
    if (phase === "send" || phase === "drain") res.disconnects_during_send += 1;
  });
  return client;
}

function connectOne(i) {
  return new Promise((resolve) => {
    const client = makeClient(i);
    clients[i] = client;
    const started = now();
    let done = false;
    const finish = (ok, why) => {
      if (done) return;
      done = true;
      if (ok) {
        client.connected = true;
        client.everConnected = true;
        res.connected += 1;
        connectLatencies.push(now() - started);
      } else {
        res.connect_failures += 1;
        res.connect_errors[why] = (res.connect_errors[why] || 0) + 1;
        client.socket.close();
      }
      resolve();
    };
    // Our own watchdog: a server that accepted the WebSocket but never answers the
    // namespace CONNECT would otherwise leave this handshake pending for ever.
    const watchdog = setTimeout(() => finish(false, "no answer"), (opts.connectTimeout + 5) * 1000);
    client.socket.once("connect", () => { clearTimeout(watchdog); finish(true); });
    client.socket.once("connect_error", (err) => {
      clearTimeout(watchdog);
      finish(false, String((err && err.message) || err));
    });
  });
}

async function connectAll() {
  const started = now();
  let next = 0;
  const deadline = started + opts.connectPhase * 1000;
  async function worker() {
    while (next < N && now() < deadline) {
      const i = next++;
      await connectOne(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, N) }, worker));
  if (next < N) {
    // Never attempted: the connect phase ran out of time.
    res.connect_failures += N - next;
    res.connect_errors["not attempted"] = N - next;
  }
  res.connect_time_s = Math.round((now() - started) / 100) / 10;
  res.connect_latency_ms = { p50: pct(connectLatencies, 50), p99: pct(connectLatencies, 99) };
  log(`connected ${res.connected}/${N} in ${res.connect_time_s}s (failures ${res.connect_failures})`);
}

function helloAll() {
  const live = clients.filter((c) => c && c.connected);
  return Promise.all(live.map((c) => new Promise((resolve) => {
    const started = now();
    c.socket.timeout(opts.ackTimeout * 1000).emit("hello", { last_seq: 0 }, (err, ack) => {
      if (!err && ack && ack.ok) {
        res.hello_ok += 1;
        helloLatencies.push(now() - started);
      } else {
        res.hello_failures += 1;
      }
      resolve();
    });
  }))).then(() => {
    res.hello_ms = { p50: pct(helloLatencies, 50), p99: pct(helloLatencies, 99) };
    log(`hello ok ${res.hello_ok}, failed ${res.hello_failures}`);
  });
}

function settle() {
  const started = now();
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const quiet = now() - lastPresenceAt >= opts.quietMs;
      const over = now() - started >= opts.settle * 1000;
      if (quiet || over) {
        clearInterval(timer);
        res.settled = quiet;
        res.settle_s = Math.round((now() - started) / 100) / 10;
        log(`settle ${res.settled ? "quiet" : "TIMED OUT"} after ${res.settle_s}s; presence msgs ${res.presence_messages}`);
        resolve();
      }
    }, 100);
  });
}

function sendPhase() {
  phase = "send";
  const senders = [];
  // Spread the senders over companies: the tokens are in company order, 3 per company.
  const live = clients.filter((c) => c && c.connected);
  const step = Math.max(1, Math.floor(live.length / K));
  for (let j = 0; j < K && j * step < live.length; j++) senders.push(live[j * step]);
  const total = Math.round(opts.rate * opts.duration);
  const interval = 1000 / opts.rate;
  const runTag = Date.now().toString(36);
  log(`send: ${senders.length} senders, ${total} posts at ${opts.rate}/s`);
  return new Promise((resolve) => {
    if (!senders.length || total <= 0) return resolve();
    const start = now();
    firstSendAt = start;
    let sent = 0;
    let outstanding = 0;
    let scheduleDone = false;
    const maybeDone = () => { if (scheduleDone && outstanding === 0) resolve(); };
    const tick = () => {
      if (finishing) return resolve();
      const t = now();
      // Fixed schedule: send every post whose time has come (catch up after a stall).
      while (sent < total && start + sent * interval <= t) {
        const idx = sent++;
        res.send_lag_ms_max = Math.max(res.send_lag_ms_max, Math.round(t - (start + idx * interval)));
        const sender = senders[idx % senders.length];
        const post = { sentAt: now(), acked: false, seq: null, deliveredTo: 0, sender: sender.i };
        posts.set(idx, post);
        res.posts_sent += 1;
        outstanding += 1;
        sender.socket.timeout(opts.ackTimeout * 1000).emit(
          "post_contribution",
          { client_id: `b${runTag}-${idx}`, body: `${BODY_PREFIX}${idx}`, kind: "idea" },
          (err, ack) => {
            outstanding -= 1;
            if (!err && ack && ack.ok && !ack.duplicate) {
              post.acked = true;
              post.seq = ack.seq;
              res.posts_acked += 1;
              ackLatencies.push(now() - post.sentAt);
            } else {
              res.posts_failed += 1;
              const why = err ? String(err.message || err) : JSON.stringify(ack).slice(0, 120);
              res.post_errors[why] = (res.post_errors[why] || 0) + 1;
            }
            maybeDone();
          },
        );
      }
      if (sent >= total) {
        scheduleDone = true;
        maybeDone();
        return;
      }
      setTimeout(tick, Math.max(0, Math.min(interval, start + sent * interval - now())));
    };
    tick();
  });
}

// A post the server stored: acked, or delivered to someone although its ack timed out.
const stored = (p) => p.acked || p.deliveredTo > 0;

function expectedNow() {
  // Every stored post should reach every socket that is still connected (including the
  // sender's own, through its company room).
  const live = clients.filter((c) => c && c.connected).length;
  let expected = 0;
  for (const p of posts.values()) if (stored(p)) expected += live;
  return expected;
}

function drainPhase() {
  phase = "drain";
  const started = now();
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const live = clients.filter((c) => c && c.connected);
      let complete = true;
      for (const [idx, p] of posts) {
        if (!stored(p)) continue;
        for (const c of live) if (!c.seen.has(idx)) { complete = false; break; }
        if (!complete) break;
      }
      if (complete || now() - started >= opts.drain * 1000 || finishing) {
        clearInterval(timer);
        res.drained = complete;
        log(`drain ${complete ? "complete" : "TIMED OUT"} after ${((now() - started) / 1000).toFixed(1)}s`);
        resolve();
      }
    }, 100);
  });
}

function finish(stoppedBy) {
  if (finishing) return;
  finishing = true;
  res.stopped_by = stoppedBy;
  res.phase_reached = phase;
  res.ack_ms = { p50: pct(ackLatencies, 50), p99: pct(ackLatencies, 99), max: pct(ackLatencies, 100) };
  res.delivery_ms = { p50: pct(deliveryLatencies, 50), p99: pct(deliveryLatencies, 99) };
  if (firstSendAt !== null && lastDeliveryAt !== null && lastDeliveryAt > firstSendAt) {
    res.deliveries_per_s = Math.round(res.deliveries / ((lastDeliveryAt - firstSendAt) / 1000));
  }
  // Missing: for each acked post, the clients that were connected when the run ended and
  // never saw it. Sockets that dropped are counted under disconnects, not as missing.
  const live = clients.filter((c) => c && c.connected);
  let missing = 0;
  for (const [idx, p] of posts) {
    if (!stored(p)) continue;
    for (const c of live) if (!c.seen.has(idx)) missing += 1;
  }
  res.missing = missing;
  res.expected_deliveries = expectedNow();
  const cpu = process.cpuUsage();
  res.load_cpu_s = Math.round((cpu.user + cpu.system) / 1e5) / 10;
  res.elapsed_s = Math.round((now() - t0) / 100) / 10;
  clearInterval(lagTimer);
  process.stdout.write(JSON.stringify(res) + "\n", () => {
    for (const c of clients) if (c && c.socket) c.socket.close();
    process.exit(stoppedBy === "completed" ? 0 : 2);
  });
}

const hardTimer = setTimeout(() => {
  log(`HARD LIMIT ${opts.hardLimit}s reached in phase ${phase}`);
  finish("hard_limit");
}, opts.hardLimit * 1000);

process.on("SIGTERM", () => finish("sigterm"));
process.on("SIGINT", () => finish("sigint"));

(async () => {
  log(`start: ${N} clients, url ${opts.url}`);
  await connectAll();
  phase = "hello";
  await helloAll();
  phase = "settle";
  await settle();
  if (res.connected > 0) {
    await sendPhase();
    await drainPhase();
  }
  clearTimeout(hardTimer);
  finish("completed");
})().catch((err) => {
  log(`error: ${err && err.stack}`);
  res.error = String(err);
  finish("error");
});
