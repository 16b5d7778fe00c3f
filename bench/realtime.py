"""Real-time benchmark: the server's async mode (threading vs gevent) chosen by measurement.

Run from the repository root:

    .venv/bin/python bench/realtime.py                      # 2 modes x (200, 1000) clients
    .venv/bin/python bench/realtime.py --clients 200 --modes gevent --duration 10

For every mode x client count, in one run on this machine, loopback only:
  1. a fresh temporary instance folder; bench/realtime_setup.py creates one workshop with
     that many joined participants (3 per company) and an open topic;
  2. `tertulia serve` as a subprocess on a free 127.0.0.1 port with
     TERTULIA_SERVER_ASYNC_MODE set; wait for /healthz;
  3. bench/realtime_load.js (Node, socket.io-client) connects every participant, then
     posts contributions at a fixed rate and checks every broadcast arrived exactly once;
  4. the server's resident memory (process tree, peak of samples every 0.5 s) and CPU time
     are recorded, then the server is stopped (SIGTERM to its process group, then SIGKILL).
A table compares the runs side by side; --json FILE keeps the raw results.

Bounded: each run has a hard time limit (the load generator stops itself, and is killed
if it does not), and the whole benchmark keeps within --budget seconds (runs that no
longer fit are reported as skipped).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VENV_BIN = pathlib.Path(sys.executable).parent
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def raise_fd_limit(wanted: int = 65536) -> int:
    """Raise the soft open-files limit (children inherit it): 1,000 sockets on each side."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---- process accounting (psutil when installed, else /proc) ------------------------------


def _tree_pids(root: int) -> list[int]:
    try:
        import psutil

        proc = psutil.Process(root)
        return [root, *(child.pid for child in proc.children(recursive=True))]
    except ImportError:
        pass
    except Exception:  # the process is gone
        return []
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss_and_cpu(pid: int) -> tuple[int, float]:
    """Resident bytes and CPU seconds (user + system) of one process; (0, 0) if gone."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            rss = int(fh.read().split()[1]) * PAGE
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / TICKS
        return rss, cpu
    except (OSError, IndexError, ValueError):
        return 0, 0.0


class ServerSampler(threading.Thread):
    """Samples the server's process tree every 0.5 s: peak RSS and CPU time."""

    def __init__(self, root_pid: int) -> None:
        super().__init__(daemon=True)
        self.root_pid = root_pid
        self.peak_rss = 0
        self.last_rss = 0
        self.cpu: dict[int, float] = {}
        self._halt = threading.Event()

    def sample(self) -> None:
        total = 0
        for pid in _tree_pids(self.root_pid):
            rss, cpu = _rss_and_cpu(pid)
            total += rss
            if cpu:
                self.cpu[pid] = cpu
        if total:
            self.last_rss = total
            self.peak_rss = max(self.peak_rss, total)

    def run(self) -> None:
        while not self._halt.wait(0.5):
            self.sample()

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=2)

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


# ---- server variants ----------------------------------------------------------------------


def server_command(variant: str) -> list[str]:
    """`tertulia serve` exactly as shipped. (An earlier "coalesced" variant patched presence
    broadcasts in memory; the app now coalesces them itself.)"""
    if variant == "app":
        return [str(VENV_BIN / "tertulia"), "serve"]
    raise ValueError(f"unknown variant {variant!r}")


# ---- one run --------------------------------------------------------------------------------


def wait_healthy(port: int, proc: subprocess.Popen[bytes], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
                if resp.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def stop_server(proc: subprocess.Popen[bytes]) -> str:
    """SIGTERM to the server's own process group (it was started in a new session)."""
    if proc.poll() is not None:
        return f"already exited ({proc.returncode})"
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return "gone"
    try:
        proc.wait(timeout=10)
        return "terminated"
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=5)
    return "killed"


def server_log_findings(log_path: pathlib.Path) -> dict[str, Any]:
    text = log_path.read_text(errors="replace") if log_path.exists() else ""
    # Only what happened under load: errors while we stop the server are not findings.
    text = text.split("Handling signal: term", 1)[0]
    tracebacks = text.count("Traceback (most recent call last)")
    first = ""
    if tracebacks:
        start = text.index("Traceback (most recent call last)")
        first = "\n".join(text[start:].splitlines()[:40])
    return {
        "tracebacks": tracebacks,
        "worker_timeouts": text.count("WORKER TIMEOUT"),
        "worker_boots": text.count("Booting worker"),
        "errors": sum(1 for line in text.splitlines() if " ERROR " in line or "[ERROR]" in line),
        "first_traceback": first,
    }


def run_one(
    variant: str, mode: str, clients: int, args: argparse.Namespace, hard_limit: int
) -> dict[str, Any]:
    workdir = pathlib.Path(tempfile.mkdtemp(prefix=f"tertulia-rt-{variant}-{mode}-{clients}-"))
    instance = workdir / "instance"
    tokens = workdir / "tokens.json"
    server_log = workdir / "server.log"
    result: dict[str, Any] = {
        "variant": variant,
        "mode": mode,
        "clients": clients,
        "workdir": str(workdir),
    }
    print(
        f"\n=== {variant}: {mode} x {clients} clients (hard limit {hard_limit}s) ===",
        file=sys.stderr,
    )
    started = time.monotonic()
    app_root = str(args.app_root)
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "realtime_setup.py"),
            "--instance",
            str(instance),
            "--participants",
            str(clients),
            "--out",
            str(tokens),
            "--app-root",
            app_root,
        ],
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    result["setup_s"] = round(time.monotonic() - started, 1)

    port = free_port()
    env = dict(os.environ)
    # The checkout under test comes first on the path (before the editable install).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [app_root, env.get("PYTHONPATH")]))
    env.update(
        TERTULIA_INSTANCE_PATH=str(instance),
        TERTULIA_SERVER_ASYNC_MODE=mode,
        HOST="127.0.0.1",
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    for name in ("TERTULIA_REALTIME_MESSAGE_QUEUE", "DATABASE_URL", "TERTULIA_DATABASE_URL"):
        env.pop(name, None)  # this benchmark is one process on SQLite in the temp folder
    with open(server_log, "wb") as log_fh:
        server = subprocess.Popen(
            server_command(variant),
            env=env,
            cwd=workdir,
            stdout=log_fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    sampler = ServerSampler(server.pid)
    try:
        if not wait_healthy(port, server, timeout=60):
            result["error"] = "server did not become healthy"
            return result
        sampler.sample()
        result["idle_rss_mb"] = round(sampler.last_rss / 2**20, 1)
        cpu_before = sampler.cpu_seconds
        sampler.start()
        cmd = [
            "node",
            str(BENCH / "realtime_load.js"),
            "--url",
            f"http://127.0.0.1:{port}",
            "--tokens",
            str(tokens),
            "--clients",
            str(clients),
            "--senders",
            str(args.senders),
            "--rate",
            str(args.rate),
            "--duration",
            str(args.duration),
            "--concurrency",
            str(args.concurrency),
            "--connect-phase",
            str(args.connect_phase),
            "--settle",
            str(args.settle),
            "--drain",
            str(args.drain),
            "--hard-limit",
            str(hard_limit),
            "--label",
            f"{variant}/{mode}/{clients}",
        ]
        load_started = time.monotonic()
        try:
            out = subprocess.run(
                cmd, stdout=subprocess.PIPE, timeout=hard_limit + 20, cwd=ROOT, check=False
            ).stdout.decode(errors="replace")
        except subprocess.TimeoutExpired:
            out = ""
            result["error"] = "load generator killed after its hard limit"
        result["load_wall_s"] = round(time.monotonic() - load_started, 1)
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if lines:
            result["load"] = json.loads(lines[-1])
        elif "error" not in result:
            result["error"] = "load generator printed no result"
        sampler.sample()
        result["server_alive"] = server.poll() is None
        result["rss_mb"] = round(sampler.last_rss / 2**20, 1)
        result["peak_rss_mb"] = round(sampler.peak_rss / 2**20, 1)
        result["server_cpu_s"] = round(sampler.cpu_seconds - cpu_before, 1)
    finally:
        if sampler.is_alive():
            sampler.stop()
        result["server_stop"] = stop_server(server)
        result["server_log"] = server_log_findings(server_log)
        result["total_s"] = round(time.monotonic() - started, 1)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return result


# ---- report ---------------------------------------------------------------------------------

COLUMNS = (
    ("variant", 9),
    ("mode", 9),
    ("clients", 7),
    ("connected", 9),
    ("conn s", 6),
    ("ack p50", 8),
    ("ack p99", 8),
    ("deliv p99", 9),
    ("deliv/s", 7),
    ("acked", 9),
    ("missing", 7),
    ("dups", 4),
    ("disc", 4),
    ("RSS MB", 6),
    ("peak MB", 7),
    ("srv CPU", 7),
    ("notes", 0),
)


def _ms(value: Any) -> str:
    return "-" if value is None else f"{value:.0f}ms"


def table_row(r: dict[str, Any]) -> list[str]:
    load = r.get("load") or {}
    notes = []
    if r.get("skipped"):
        notes.append(r["skipped"])
    if r.get("error"):
        notes.append(r["error"])
    if load:
        if load.get("stopped_by") != "completed":
            notes.append(f"stopped: {load.get('stopped_by')} in {load.get('phase_reached')}")
        if not load.get("settled", True):
            notes.append("presence storm did not settle")
        if load.get("posts_sent") and not load.get("drained"):
            notes.append("drain timed out")
        if load.get("disconnect_reasons"):
            reasons = load["disconnect_reasons"].items()
            notes.append("disc: " + ",".join(f"{k}={v}" for k, v in reasons))
        if load.get("connect_errors"):
            errors = load["connect_errors"].items()
            notes.append("conn err: " + ",".join(f"{k}={v}" for k, v in errors))
        if load.get("loop_lag_ms_max", 0) > 500:
            notes.append(f"generator lag {load['loop_lag_ms_max']}ms")
    logf = r.get("server_log") or {}
    if logf.get("worker_timeouts"):
        notes.append(f"WORKER TIMEOUT x{logf['worker_timeouts']}")
    if logf.get("tracebacks"):
        notes.append(f"tracebacks x{logf['tracebacks']}")
    if r.get("server_alive") is False:
        notes.append("server died")
    ack, deliv = load.get("ack_ms") or {}, load.get("delivery_ms") or {}
    return [
        r["variant"],
        r["mode"],
        str(r["clients"]),
        f"{load.get('connected', '-')}" if load else "-",
        f"{load['connect_time_s']}" if load.get("connect_time_s") is not None else "-",
        _ms(ack.get("p50")),
        _ms(ack.get("p99")),
        _ms(deliv.get("p99")),
        str(load.get("deliveries_per_s") or "-"),
        f"{load.get('posts_acked', 0)}/{load.get('posts_sent', 0)}" if load else "-",
        str(load.get("missing", "-")),
        str(load.get("duplicates", "-")),
        str(load.get("disconnects", "-")),
        str(r.get("rss_mb", "-")),
        str(r.get("peak_rss_mb", "-")),
        f"{r['server_cpu_s']}s" if "server_cpu_s" in r else "-",
        "; ".join(notes),
    ]


def print_table(results: list[dict[str, Any]], args: argparse.Namespace) -> None:
    print(
        f"\nOffered load: {args.senders} senders, {args.rate} contributions/s for "
        f"{args.duration}s; every contribution goes to every client (3 per company). "
        f"Loopback, {os.cpu_count()} CPUs, server and generator on the same machine."
        f"\nApp: {args.checkout}."
    )
    rows = [[name for name, _ in COLUMNS]] + [table_row(r) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(width) if i > 2 else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        print("  ".join([*cells, row[-1]]))
        if index == 0:
            print("  ".join("-" * w for w in widths) + "  -----")
    print(
        "conn s: time to connect every client; ack: post_contribution round trip; deliv p99: "
        "post sent -> event received by a client; deliv/s: event deliveries per second from "
        "first post to last delivery; acked: posts acked/sent; missing: deliveries that "
        "never reached a still-connected client; disc: sockets dropped; RSS: server process "
        "tree after the load (peak = max of 0.5 s samples); srv CPU: server CPU time during "
        "the load."
    )


def describe_checkout(path: pathlib.Path) -> str:
    """Commit and dirtiness of the checkout under test, for the record."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(path), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(path), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (subprocess.SubprocessError, OSError):
        return f"{path} (not a git checkout)"
    return f"{path} at {commit}" + (" with uncommitted changes" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="app", help="app (kept for older exports)")
    parser.add_argument("--modes", default="threading,gevent")
    parser.add_argument("--clients", default="200,1000")
    parser.add_argument("--senders", type=int, default=20)
    parser.add_argument("--rate", type=float, default=5.0, help="contributions/s, all senders")
    parser.add_argument("--duration", type=int, default=15, help="seconds of posting")
    parser.add_argument("--concurrency", type=int, default=50, help="handshakes in flight")
    parser.add_argument("--connect-phase", type=int, default=45, help="s to connect everyone")
    parser.add_argument("--settle", type=int, default=20, help="s to wait for presence to calm")
    parser.add_argument("--drain", type=int, default=15, help="s to wait for last deliveries")
    parser.add_argument("--run-limit", type=int, default=150, help="hard s limit per run")
    parser.add_argument("--budget", type=int, default=570, help="s for the whole benchmark")
    parser.add_argument(
        "--app-root",
        type=pathlib.Path,
        default=ROOT,
        help="Tertulia checkout to benchmark (default: this one; e.g. a `git archive` export)",
    )
    parser.add_argument("--json", type=pathlib.Path, help="write raw results here")
    parser.add_argument("--keep", action="store_true", help="keep temp folders (server logs)")
    args = parser.parse_args(argv)

    if shutil.which("node") is None:
        parser.error("node is not on PATH")
    if not (ROOT / "node_modules" / "socket.io-client").exists():
        parser.error("node_modules/socket.io-client is missing: run make install")
    args.app_root = args.app_root.resolve()
    if not (args.app_root / "tertulia" / "cli.py").exists():
        parser.error(f"--app-root {args.app_root} is not a Tertulia checkout")
    args.checkout = describe_checkout(args.app_root)
    nofile = raise_fd_limit()
    print(f"open files limit: {nofile}; app: {args.checkout}", file=sys.stderr)

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    counts = [int(c) for c in args.clients.split(",") if c.strip()]
    deadline = time.monotonic() + args.budget
    results: list[dict[str, Any]] = []
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    for variant in variants:
        server_command(variant)  # unknown names fail before anything runs
    # Client count inside variant: both modes meet the same load one after the other.
    plan = [(v, c, m) for v in variants for c in counts for m in modes]
    for variant, clients, mode in plan:
        remaining = deadline - time.monotonic()
        # Setup, server start and stop need about 30 s around the load generator.
        hard_limit = int(min(args.run_limit, remaining - 45))
        base = {"variant": variant, "mode": mode, "clients": clients}
        if hard_limit < args.duration + 30:
            results.append({**base, "skipped": "skipped: budget"})
            continue
        try:
            results.append(run_one(variant, mode, clients, args, hard_limit))
        except (subprocess.SubprocessError, OSError) as exc:
            results.append({**base, "error": repr(exc)})
        print(json.dumps(results[-1]), file=sys.stderr)
    print_table(results, args)
    for r in results:
        first = (r.get("server_log") or {}).get("first_traceback")
        if first:
            print(
                f"\nFirst server traceback ({r['variant']}, {r['mode']}, {r['clients']} "
                f"clients):\n{first}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
