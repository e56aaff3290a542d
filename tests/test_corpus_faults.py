"""Corpus runs lose nothing and destroy nothing: each fault of issue 9, reproduced.

Every test here failed on the code before the fix: an output that overwrote its input, a
document that ended the run, a worker's death, a full disk, a decompression bomb.
"""

import errno
import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from dechaff.cli import main
from dechaff.io import writers
from dechaff.io.readers import Reader
from test_corpus import run, write_jsonl

ARTICLE = "The council met on Monday and voted {n} times to close the old bridge, the mayor said."


def docs(n, start=0):
    return [{"doc_id": f"d{i}", "text": ARTICLE.format(n=i)} for i in range(start, start + n)]


def errors_of(rows):
    return [r for r in rows if "dechaff_error" in r]


def one_line(err):
    """The run's error messages: one line each, no traceback."""
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.startswith("dechaff: error:")]


# -- output into input ----------------------------------------------------------------------

def test_output_equal_to_input_exits_2_and_leaves_the_input_byte_identical(tmp_path, capsys):
    source = write_jsonl(tmp_path / "c.jsonl", docs(5))
    before = source.read_bytes()
    status, _, err = run(capsys, str(source), "-o", str(source))
    assert status == 2 and source.read_bytes() == before
    assert len(one_line(err)) == 1 and "would overwrite or be read as the input" in err


def test_output_inside_an_input_folder_or_glob_is_refused(tmp_path, capsys):
    folder = tmp_path / "folder"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", docs(3))
    for inputs in ([str(folder)], [str(folder / "*.jsonl")]):
        status, _, err = run(capsys, *inputs, "-o", str(folder / "out.jsonl"))
        assert status == 2 and len(one_line(err)) == 1
        assert not (folder / "out.jsonl").exists()


def test_errors_file_equal_to_output_is_refused(tmp_path, capsys):
    source = write_jsonl(tmp_path / "c.jsonl", docs(2))
    out = tmp_path / "out.jsonl"
    status, _, err = run(capsys, str(source), "-o", str(out), "--errors", str(out))
    assert status == 2 and "name the same file" in one_line(err)[0] and not out.exists()


def test_a_folder_walk_skips_the_runs_own_outputs_and_counts_them(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", docs(2))
    write_jsonl(tmp_path / "old-out.jsonl", docs(2))
    write_jsonl(tmp_path / ".out.jsonl.x.dechaff-tmp", docs(2))
    reader = Reader([str(tmp_path)], exclude=[str(tmp_path / "old-out.jsonl")])
    assert [d.id for d in reader] == [f"{tmp_path / 'a.jsonl'}:1", f"{tmp_path / 'a.jsonl'}:2"]
    assert reader.skipped == {"the run's own output": 1}  # (the temporary file is no input)


# -- one bad document no longer ends the run --------------------------------------------------

def check_one_fault(capsys, tmp_path, inputs, naming, *extra):
    stats = tmp_path / "stats.json"
    status, rows, err = run(capsys, *inputs, "--stats", str(stats), *extra)
    summary = json.loads(stats.read_text())
    failed = errors_of(rows)
    assert status == 1 and len(failed) == 1 and naming in failed[0]["dechaff_error"], failed
    assert summary["documents_read"] == summary["documents_cleaned"] + 1
    assert summary["documents_errored"] == 1 and summary["balanced"]
    assert len(one_line(err)) == 1
    return rows, failed[0]


def test_a_lone_surrogate_is_one_error_row_that_keeps_the_text(tmp_path, capsys):
    bad = '{"doc_id": "bad", "text": "A lone \\ud800 surrogate in a story about the bridge."}'
    source = write_jsonl(tmp_path / "c.jsonl", [*docs(2), bad, *docs(2, start=2)])
    rows, failed = check_one_fault(capsys, tmp_path, [str(source)], "lone surrogate")
    assert failed["text"] == "A lone \ud800 surrogate in a story about the bridge."
    assert len(rows) == 5 and failed["dechaff_id"] == f"{source}:3"


def test_a_100000_deep_json_row_is_one_error_row(tmp_path, capsys):
    deep = "[" * 100_000 + "]" * 100_000
    source = write_jsonl(tmp_path / "c.jsonl", [*docs(2), deep, *docs(2, start=2)])
    rows, failed = check_one_fault(capsys, tmp_path, [str(source)], "nested too deeply")
    assert failed["dechaff_line"] == deep and len(rows) == 5


def test_a_truncated_gzip_keeps_what_was_read_and_the_next_file(tmp_path, capsys):
    whole = gzip.compress("".join(json.dumps(d) + "\n" for d in docs(200)).encode())
    (tmp_path / "a.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    write_jsonl(tmp_path / "b.jsonl", docs(3, start=500))
    rows, failed = check_one_fault(capsys, tmp_path, [str(tmp_path)], "ends early")
    assert str(tmp_path / "a.jsonl.gz") in failed["dechaff_error"] and "byte" in failed["dechaff_error"]
    read = [r["doc_id"] for r in rows if "dechaff_error" not in r]
    assert read[:3] == ["d0", "d1", "d2"] and read[-3:] == ["d500", "d501", "d502"]


def test_a_corrupt_checksummed_zstd_keeps_what_was_read_and_the_next_file(tmp_path, capsys):
    import zstandard
    text = "".join(json.dumps(d) + "\n" for d in docs(3000)).encode()
    packed = bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(text))
    packed[-40:-4] = bytes(36)  # the last block's end, before its checksum
    (tmp_path / "a.jsonl.zst").write_bytes(bytes(packed))
    write_jsonl(tmp_path / "b.jsonl", docs(1, start=9000))
    rows, failed = check_one_fault(capsys, tmp_path, [str(tmp_path)], "ZstdError")
    assert str(tmp_path / "a.jsonl.zst") in failed["dechaff_error"]
    assert rows[-1]["doc_id"] == "d9000"


# -- worker death ---------------------------------------------------------------------------

KILLER = '''
    import os
    import signal

    from dechaff import Rule, register


    @register
    class Killer(Rule):
        """Kills the process that cleans a document holding its marker (a test's plugin)."""

        code = "KILL01"
        name = "killer.exit"
        groups = ("killer",)
        description = "Kills its worker on a marked document."

        def propose(self, doc):
            if "EXIT-THE-WORKER" in doc.text:
                os._exit(1)
            if "SEGFAULT-THE-WORKER" in doc.text:
                os.kill(os.getpid(), signal.SIGSEGV)
            return ()
'''


@pytest.fixture(scope="module")
def killer(tmp_path_factory):
    """An environment whose dechaff has a plugin rule that kills its worker on a marker."""
    folder = tmp_path_factory.mktemp("killer")
    (folder / "dechaff_killer.py").write_text(textwrap.dedent(KILLER), encoding="utf-8")
    info = folder / "dechaff_killer-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: dechaff-killer\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[dechaff.rules]\nkiller = dechaff_killer\n")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), *sys.path])}


def dechaff(env, *argv, **kwargs):
    return subprocess.run([sys.executable, "-m", "dechaff", "clean", "--no-config", *argv],
                          env=env, capture_output=True, text=True, **kwargs)


def test_a_worker_that_dies_costs_one_error_row_per_killer(tmp_path, killer):
    rows = docs(600)
    rows[100]["text"] += " EXIT-THE-WORKER"
    rows[400]["text"] += " SEGFAULT-THE-WORKER"
    source = write_jsonl(tmp_path / "c.jsonl", rows)
    stats, out = tmp_path / "stats.json", tmp_path / "out.jsonl"
    result = dechaff(killer, "--workers", "2", "--id-field", "doc_id", "-q", "--stats", str(stats),
                     "-o", str(out), str(source), timeout=300)
    summary = json.loads(stats.read_text())
    written = [json.loads(line) for line in out.read_text().splitlines()]
    failed = {r["dechaff_id"]: r["dechaff_error"] for r in errors_of(written)}
    assert result.returncode == 1, result.stderr
    assert summary["documents_read"] == 600 and summary["documents_errored"] == 2
    assert "worker process died (exit code 1)" in failed["d100"]
    assert "worker process died (signal SIGSEGV)" in failed["d400"]
    assert [r["doc_id"] for r in written] == [f"d{i}" for i in range(600)]  # in order, all there


def children(pid):
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            found += [int(c) for c in handle.read().split()]
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/status") as handle:
            return "\nState:\tZ" not in handle.read()
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("engine", [["--workers", "2"], ["--engine", "dask"]], ids=["workers", "dask"])
def test_killing_the_parent_ends_its_workers(tmp_path, engine):
    source = write_jsonl(tmp_path / "c.jsonl", docs(200_000))
    proc = subprocess.Popen([sys.executable, "-m", "dechaff", "clean", "--no-config", "-q",
                             *engine, "-o", str(tmp_path / "out.jsonl"), str(source)],
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # until cleaned rows are coming in
            written = [p for p in tmp_path.iterdir() if p.name.endswith(".dechaff-tmp")]
            if written and written[0].stat().st_size > 0:
                break
            time.sleep(0.1)
        workers = children(proc.pid)
        assert len(workers) >= 2
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, workers))


# -- disk full ------------------------------------------------------------------------------

def test_disk_full_on_jsonl_is_exit_4_with_one_line(tmp_path, capsys):
    source = write_jsonl(tmp_path / "c.jsonl", docs(50))
    out = tmp_path / "out.jsonl"
    out.symlink_to("/dev/full")
    stats = tmp_path / "stats.json"
    status, _, err = run(capsys, str(source), "-o", str(out), "--stats", str(stats))
    assert status == 4 and "No space left on device" in one_line(err)[0]
    assert json.loads(stats.read_text())["stopped"].startswith("[E400] cannot write")


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.parquet"])
def test_disk_full_leaves_the_previous_output_intact(tmp_path, capsys, monkeypatch, name):
    source = write_jsonl(tmp_path / "c.jsonl", docs(1500))  # two Parquet row groups
    out = tmp_path / name
    assert main(["clean", "--no-config", "-q", str(source), "-o", str(out)]) == 0
    before = out.read_bytes()
    calls = []

    def full(*args, **kwargs):
        calls.append(1)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    if name.endswith(".parquet"):
        import pyarrow.parquet as pq
        real = pq.ParquetWriter.write_table
        monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    else:
        real = writers.encode
        monkeypatch.setattr(writers, "encode", full)
    status, _, err = run(capsys, str(source), "-o", str(out))
    assert status == 4 and f"the previous {out} is left as it was" in one_line(err)[0]
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["c.jsonl", name])  # no temporary file left behind


# -- decompression bombs and limits ---------------------------------------------------------

def bomb(path, size):
    if path.suffix == ".zst":
        import zstandard
        with zstandard.ZstdCompressor().stream_writer(open(path, "wb")) as handle:
            for _ in range(size >> 20):
                handle.write(bytes(1 << 20))
    else:
        with gzip.open(path, "wb") as handle:
            for _ in range(size >> 20):
                handle.write(bytes(1 << 20))


def run_measured(command: list[str], timeout: float = 120) -> tuple[int, str, int]:
    """Run ``command`` and give its exit status, its standard output and its own peak memory
    in bytes (the rusage of that child alone, which ``RUSAGE_CHILDREN`` is not: it holds the
    largest of every child the test process ever waited for)."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        timer = threading.Timer(timeout, proc.kill)  # (a run past the timeout is killed)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            proc.returncode = 0  # (reaped here: Popen must not wait for it again)
        out.seek(0)
        return os.waitstatus_to_exitcode(status), out.read().decode("utf-8"), usage.ru_maxrss * 1024


@pytest.mark.parametrize("name", ["zeros.jsonl.gz", "zeros.jsonl.zst", "zeros.html.gz"])
def test_a_decompression_bomb_is_an_error_row_in_flat_memory(tmp_path, name):
    bomb(tmp_path / name, 256 << 20)  # the ratio is judged once 16 MiB have come out
    write_jsonl(tmp_path / "next.jsonl", docs(1))
    command = [sys.executable, "-m", "dechaff", "clean", "--no-config", "-q"]
    # the same run on the small file alone: what the process takes whatever it reads
    _, _, base = run_measured(command + [str(tmp_path / "next.jsonl")])
    returncode, stdout, peak = run_measured(command + [str(tmp_path / name), str(tmp_path / "next.jsonl")])
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert returncode == 1 and len(errors_of(rows)) == 1 and rows[-1]["doc_id"] == "d0"
    assert "--max-ratio" in rows[0]["dechaff_error"] and "bomb" in rows[0]["dechaff_error"]
    assert peak - base < 200 << 20  # flat: far less than the bomb's 256 MiB


def test_limits_name_their_flag_and_the_run_goes_on(tmp_path, capsys):
    long = json.dumps({"doc_id": "long", "text": "x " * 100_000})
    source = write_jsonl(tmp_path / "c.jsonl", [*docs(1), long, *docs(1, start=1)])
    page = tmp_path / "big.txt"
    page.write_text(ARTICLE.format(n=7) * 100, encoding="utf-8")
    status, rows, _ = run(capsys, "--max-line-bytes", "100000", "--max-document-bytes", "5000",
                          str(source), str(page))
    failed = errors_of(rows)
    assert status == 1 and [r["dechaff_id"] for r in failed] == [f"{source}:2", str(page)]
    assert "--max-line-bytes" in failed[0]["dechaff_error"]
    assert "--max-document-bytes" in failed[1]["dechaff_error"]
    assert [r["doc_id"] for r in rows if "doc_id" in r] == ["d0", "d1"]
    small = tmp_path / "small.jsonl.gz"
    write_jsonl(small, docs(2000), gzip.open)
    status, rows, _ = run(capsys, "--max-file-bytes", "50000", str(small))
    assert status == 1 and "--max-file-bytes" in errors_of(rows)[0]["dechaff_error"]
    assert 0 < len(rows) - 1 < 2000  # what came before the limit is kept


# -- the whole issue at once ----------------------------------------------------------------

PLANTED = {"lone surrogate": "d1000", "nested too deeply": "big.jsonl:3001",
           "worker process died": "d5000", "--max-line-bytes": "big.jsonl:7001",
           "ends early": "broken.jsonl.gz"}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """10,000 small documents with a fault planted among them, and a truncated .gz beside."""
    folder = tmp_path_factory.mktemp("planted")
    lines = [json.dumps(d) for d in docs(10_000)]
    lines[1000] = '{"doc_id": "d1000", "text": "The bridge \\udc00 story."}'
    lines[3000] = "[" * 100_000 + "]" * 100_000
    lines[5000] = json.dumps({"doc_id": "d5000", "text": "EXIT-THE-WORKER " + ARTICLE})
    lines[7000] = json.dumps({"doc_id": "d7000", "text": "word " * 80_000})
    write_jsonl(folder / "big.jsonl", lines)
    whole = gzip.compress("".join(json.dumps(d) + "\n" for d in docs(100, start=20_000)).encode())
    (folder / "broken.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    return folder


@pytest.mark.parametrize("engine", [["--workers", "2"], ["--engine", "dask", "--workers", "2"]],
                         ids=["workers", "dask"])
def test_ten_thousand_documents_with_every_fault_planted(planted, killer, tmp_path, engine):
    stats, out = tmp_path / "stats.json", tmp_path / "out.jsonl"
    result = dechaff(killer, *engine, "--id-field", "doc_id", "--max-line-bytes", "300000",
                     "--stats", str(stats), "-o", str(out), str(planted), timeout=600)
    summary = json.loads(stats.read_text())
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    failed = errors_of(rows)
    assert result.returncode == 1, result.stderr[-2000:]
    assert summary["documents_read"] == summary["documents_cleaned"] + summary["documents_errored"]
    assert summary["documents_errored"] == len(PLANTED) == len(failed)
    for naming, where in PLANTED.items():
        [row] = [r for r in failed if naming in r["dechaff_error"]]
        assert row["dechaff_id"].endswith(where) or where in row["dechaff_error"], row
    cleaned = [r["doc_id"] for r in rows if "dechaff_error" not in r]
    assert len(cleaned) == summary["documents_cleaned"] > 10_000 - 4
    print("\n".join(line for line in result.stderr.splitlines() if "documents read" in line))
