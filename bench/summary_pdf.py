"""Benchmark of the post-workshop summary (issue 7): a large workshop's PDF within a few seconds.

Run from the repository root:  python bench/summary_pdf.py [--runs N]

Builds a facilitator's summary of 100 companies, 3,000 contributions in 30 topics, 40 action
plans, 300 overlaps and combinations, the ledger per company and per pair, then times every
format. Baselines measured in the same run: the Markdown render (the cheapest full render of
the same document) and the PDF without charts (what the charts cost). Times are the median
of N runs, wall clock and this process's CPU time (the CPU time is steadier on a busy
machine). Target: the PDF in a few seconds on the 2-core machine.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import statistics
import sys
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shared.reports import (  # noqa: E402
    render_csv,
    render_ics,
    render_json,
    render_markdown,
    render_pdf,
)
from shared.reports.sample import large_document  # noqa: E402

TARGET_SECONDS = 5.0


def measure(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    walls, cpus = [], []
    result: object = None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def size(result: object) -> int:
    if isinstance(result, str):
        return len(result.encode())
    return len(result) if isinstance(result, bytes) else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--companies", type=int, default=100)
    parser.add_argument("--contributions", type=int, default=3000)
    args = parser.parse_args()

    started = time.perf_counter()
    doc = large_document(args.companies, args.contributions)
    built = time.perf_counter() - started
    render_pdf(large_document(5, 50))  # warm up: fonts registered, modules imported
    steps = sum(len(p.steps) for p in doc.plans)
    print(
        f"document: {args.companies} companies, {doc.contribution_count} contributions, "
        f"{steps} plan steps, built in {built:.3f} s; median of {args.runs} runs"
    )
    rows: list[tuple[str, Callable[[], object]]] = [
        ("markdown (baseline)", lambda: render_markdown(doc)),
        ("json", lambda: render_json(doc)),
        ("csv (plan steps)", lambda: render_csv(doc)),
        ("ics (milestones)", lambda: render_ics(doc)),
        ("pdf, no charts (baseline)", lambda: render_pdf(doc, charts=False)),
        ("pdf", lambda: render_pdf(doc)),
    ]
    print(f"{'format':<28}{'wall s':>9}{'cpu s':>9}{'size':>12}")
    pdf_wall = 0.0
    for name, fn in rows:
        wall, cpu, result = measure(fn, args.runs)
        extra = ""
        if name == "pdf":
            pdf_wall = wall
            assert isinstance(result, bytes)
            pages = len(re.findall(rb"/Type /Page\b", result))
            extra = f"  {pages} pages"
        print(f"{name:<28}{wall:>9.3f}{cpu:>9.3f}{size(result):>12,}{extra}")
    verdict = "meets" if pdf_wall <= TARGET_SECONDS else "MISSES"
    print(f"pdf {verdict} the target of {TARGET_SECONDS:.0f} s (wall {pdf_wall:.2f} s)")
    return 0 if pdf_wall <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
