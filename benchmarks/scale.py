#!/usr/bin/env python3
"""How dechaff scales on a corpus: documents/s, MB/s and peak memory of `dechaff clean` runs.

    python benchmarks/scale.py [--docs 50000] [--small 5000] [--keep DIR]

Builds a JSON Lines corpus of at least 50,000 scrapes from the fixtures (varied: articles
shuffled, numbers and dates changed, noise lines moved), then times, in one run of this
script: one process, `--workers 2`, and `--engine dask` with 2 workers on the large corpus,
and one process on a corpus ten times smaller, to compare peak memory. Peak memory is the
largest resident set of the whole process tree (the command and its workers), sampled from
/proc every 50 ms. Prints a table; exits 1 with --check when `--workers 2` is not 1.7 times
one process, or peak memory differs by 20% or more between the two sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
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
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))
            if "packs" not in p.parts]


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


def build(path: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    texts = fixtures()
    size = 0
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            text = vary(rng.choice(texts), rng)
            line = json.dumps({"id": f"doc{n}", "text": text, "source": "bench"}, ensure_ascii=False)
            handle.write(line + "\n")
            size += len(text.encode("utf-8"))
    return size


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


def measure(args: list[str]) -> tuple[float, int]:
    """Run a command; its wall time and the peak memory of its process tree."""
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
    _, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return time.perf_counter() - started, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=None, help="default: a tenth of --docs")
    parser.add_argument("--keep", help="build the corpora in this folder and keep them")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    small = args.small or args.docs // 10
    folder = Path(args.keep or tempfile.mkdtemp(prefix="dechaff-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    big_path, small_path = folder / f"corpus-{args.docs}.jsonl", folder / f"corpus-{small}.jsonl"
    big_bytes, small_bytes = build(big_path, args.docs), build(small_path, small)
    dechaff = [sys.executable, "-m", "dechaff", "clean", "--no-config", "-q", "-o", os.devnull]
    runs = [("one process", args.docs, big_bytes, [*dechaff, str(big_path)]),
            ("--workers 2", args.docs, big_bytes, [*dechaff, "--workers", "2", str(big_path)])]
    if not args.no_dask:
        runs.append(("dask, 2 workers", args.docs, big_bytes,
                     [*dechaff, "--engine", "dask", "--workers", "2", str(big_path)]))
    runs.append((f"one process, {small} docs", small, small_bytes, [*dechaff, str(small_path)]))
    print(f"corpus: {args.docs} and {small} documents, {big_bytes / 1e6:.1f} and "
          f"{small_bytes / 1e6:.1f} MB of text ({folder})")
    print(f"{'run':<26} {'docs':>7} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'peak MB':>8}")
    results = {}
    for label, docs, size, command in runs:
        seconds, peak = measure(command)
        results[label] = (seconds, peak)
        print(f"{label:<26} {docs:>7} {seconds:>8.1f} {docs / seconds:>8.0f} "
              f"{size / 1e6 / seconds:>6.2f} {peak / 1e6:>8.0f}")
    speedup = results["one process"][0] / results["--workers 2"][0]
    big_peak, small_peak = results["one process"][1], results[f"one process, {small} docs"][1]
    memory_change = abs(big_peak - small_peak) / small_peak
    print(f"--workers 2 is {speedup:.2f}x one process (goal: at least 1.7x)")
    print(f"peak memory, one process: {small_peak / 1e6:.0f} MB at {small} docs, "
          f"{big_peak / 1e6:.0f} MB at {args.docs} docs ({memory_change:.0%} apart; goal: under 20%)")
    if args.check and (speedup < 1.7 or memory_change >= 0.2):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
