#!/usr/bin/env python3
"""How dechaff scales on a corpus: documents/s, MB/s and peak memory of `dechaff clean` runs.

    python benchmarks/scale.py [--sizes 1,50] [--workers 2] [--no-dask] [--keep DIR] [--check]

Builds a JSON Lines corpus of each size (MB of scrape text) from the fixtures' scrapes (the
check set left out), varied: noise lines moved in, numbers and dates changed. Then, in one
run of this script: one process on every corpus, and `--workers 2` (and `--engine dask` with
2 workers, unless `--no-dask`) on the largest. Each run prints its documents/s, MB/s and
peak memory, whole and per input byte:

- ``peak MB``: the largest resident set of the whole process tree (the command and its
  workers), sampled from /proc every 50 ms;
- ``max RSS MB``: the command's own peak resident set, as the kernel counted it
  (``ru_maxrss`` of the child, read when it is reaped: no sample can miss it). A
  worker's own peak is counted here only when it is larger;
- ``B/B``: peak MB (of the tree) over the corpus's MB: bytes of memory per input byte.

A corpus is read as a stream, so peak memory should not grow with its size: at 50 MB the
bytes per input byte should be far under those at 1 MB. Prints a table; exits 1 with
``--check`` when `--workers 2` is not 1.7 times one process, or one process's peak memory
differs by 20% or more between the smallest and the largest corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOISE = ["Also read: Markets slip as investors await the rate decision", "Advertisement",
         "Share this article", "Follow us on Google News for the latest updates.", "More less",
         "© 2024 Example Media. All rights reserved.", "View photos"]


def fixtures() -> list[str]:
    """The fixtures' scrapes, as benchmarks/speed.py reads them (no packs, no check set)."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))
            if not {"packs", "check"} & set(p.relative_to(ROOT / "fixtures").parts)]


def vary(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    if rng.random() < 0.5:
        spot = rng.randrange(len(lines) + 1)
        lines.insert(spot, rng.choice(NOISE))
    out = "\n".join(lines)
    for digit in "0123456789":
        if rng.random() < 0.2:
            out = out.replace(digit, str(rng.randrange(10)))
    return out


def build(path: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """A corpus of at least ``megabytes`` MB of text at ``path``: its documents and bytes."""
    rng = random.Random(seed)
    texts = fixtures()
    size = count = 0
    with open(path, "w", encoding="utf-8") as handle:
        while size < megabytes * 1e6:
            text = vary(rng.choice(texts), rng)
            line = json.dumps({"id": f"doc{count}", "text": text, "source": "bench"},
                              ensure_ascii=False)
            handle.write(line + "\n")
            size += len(text.encode("utf-8"))
            count += 1
    return count, size


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError, ValueError):
            continue
    return total


def measure(args: list[str]) -> tuple[float, int, int]:
    """Run a command: its wall time, the peak memory of its process tree (sampled), and its
    own peak resident set (the kernel's ``ru_maxrss``, in bytes)."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read() if proc.stderr is not None else b""
    _, status, usage = os.wait4(proc.pid, 0)  # (Popen.wait would reap it without its usage)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return seconds, peak, usage.ru_maxrss * 1024  # (kilobytes on Linux)


def sizes(value: str) -> list[float]:
    found = sorted({float(v) for v in value.split(",") if v.strip()})
    if not found or found[0] <= 0:
        raise argparse.ArgumentTypeError("sizes are MB above 0, comma-separated: 1,50")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=sizes, default=[1.0, 50.0],
                        help="MB of scrape text of each corpus (default: 1,50)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel runs (2)")
    parser.add_argument("--keep", help="build the corpora in this folder and keep them")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="dechaff-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return run(args, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: Path) -> int:
    corpora = {}
    for mb in args.sizes:
        path = folder / f"corpus-{mb:g}MB.jsonl"
        corpora[mb] = (path, *build(path, mb))
    dechaff = [sys.executable, "-m", "dechaff", "clean", "--no-config", "-q", "-o", os.devnull]
    largest = args.sizes[-1]
    big, big_docs, big_bytes = corpora[largest]
    workers = str(args.workers)
    runs = [(f"one process, {mb:g} MB", docs, size, [*dechaff, str(path)])
            for mb, (path, docs, size) in corpora.items()]
    runs.append((f"--workers {workers}, {largest:g} MB", big_docs, big_bytes,
                 [*dechaff, "--workers", workers, str(big)]))
    if not args.no_dask:
        runs.append((f"dask, {workers} workers, {largest:g} MB", big_docs, big_bytes,
                     [*dechaff, "--engine", "dask", "--workers", workers, str(big)]))
    print("corpora: " + ", ".join(f"{mb:g} MB ({docs} documents, {size / 1e6:.1f} MB of text)"
                                  for mb, (_, docs, size) in corpora.items()) + f" in {folder}")
    print(f"{'run':<28} {'docs':>7} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'peak MB':>8} "
          f"{'max RSS MB':>10} {'B/B':>6}")
    results = {}
    for label, docs, size, command in runs:
        seconds, peak, own = measure(command)
        results[label] = (seconds, peak)
        print(f"{label:<28} {docs:>7} {seconds:>8.1f} {docs / seconds:>8.0f} "
              f"{size / 1e6 / seconds:>6.2f} {peak / 1e6:>8.0f} {own / 1e6:>10.0f} "
              f"{peak / size:>6.2f}")
    one = results[f"one process, {largest:g} MB"]
    speedup = one[0] / results[f"--workers {workers}, {largest:g} MB"][0]
    small_peak = results[f"one process, {args.sizes[0]:g} MB"][1]
    memory_change = abs(one[1] - small_peak) / small_peak
    print(f"--workers {workers} is {speedup:.2f}x one process (goal: at least 1.7x with 2)")
    print(f"peak memory, one process: {small_peak / 1e6:.0f} MB at {args.sizes[0]:g} MB, "
          f"{one[1] / 1e6:.0f} MB at {largest:g} MB ({memory_change:.0%} apart; goal: under 20%)")
    if args.check and (speedup < 1.7 or memory_change >= 0.2):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
