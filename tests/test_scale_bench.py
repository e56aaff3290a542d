"""benchmarks/scale.py's pieces: a corpus of the size asked, from the scrapes it may read, and
a child's peak memory read from the kernel."""

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scale)


def test_the_corpus_is_built_from_the_scrapes_outside_the_check_set_and_packs():
    allowed = [p for p in sorted((ROOT / "fixtures").rglob("*.txt"))
               if not {"check", "packs"} & set(p.relative_to(ROOT / "fixtures").parts)]
    assert scale.fixtures() == [p.read_text(encoding="utf-8") for p in allowed]


def test_a_corpus_holds_the_megabytes_asked(tmp_path):
    docs, size = scale.build(tmp_path / "c.jsonl", 0.05)
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert len(rows) == docs and sum(len(r["text"].encode()) for r in rows) == size
    assert 50_000 <= size < 50_000 + max(len(r["text"].encode()) for r in rows)


def test_measure_reads_the_childs_own_peak_memory():
    seconds, peak, own = scale.measure([sys.executable, "-c", "x = b'x' * (64 * 2**20)"])
    assert seconds > 0 and own >= 64 * 2**20
