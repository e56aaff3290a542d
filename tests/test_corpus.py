"""Corpora: streaming inputs and outputs, parallel and Dask runs, and nothing lost."""

import gzip
import io
import json
from pathlib import Path

import pytest

import dechaff
from dechaff import corpus as runs
from dechaff.cli import main

ROOT = Path(__file__).resolve().parent.parent
PACKS = ROOT / "fixtures" / "packs"
SAMPLES = sorted((ROOT / "fixtures" / "cases").glob("*.txt"))[:12]


def corpus(n, poison_at=None):
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    for i in range(n):
        text = "a" * 60 + "b" if i == poison_at else texts[i % len(texts)]
        yield {"doc_id": f"d{i}", "text": text, "lang": "xx", "n": i}


def write_jsonl(path, rows, opener=open):
    """Rows (dicts, or lines as they are) to a JSON Lines file."""
    with opener(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return path


def run(capsys, *argv):
    status = main(["clean", "--no-config", *argv])
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


def core(rows):
    return [(r["dechaff_id"], r.get("dechaff_part"), r.get("dechaff_title"), r.get("dechaff_body"),
             r.get("dechaff_error")) for r in rows]


def test_jsonl_in_keeps_ids_order_and_passes_fields_through(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", corpus(30))
    status, rows, err = run(capsys, "--id-field", "doc_id", str(source))
    assert status == 0 and "30 documents read = 30 cleaned + 0 errored" in err
    ids = [r["dechaff_id"] for r in rows]
    assert ids == sorted(ids, key=lambda i: int(i[1:]))  # input order
    assert all(r["lang"] == "xx" and r["doc_id"] == r["dechaff_id"] for r in rows)


def test_gzip_and_zstd_inputs(tmp_path, capsys):
    import zstandard
    rows = list(corpus(8))
    write_jsonl(tmp_path / "a.jsonl.gz", rows, gzip.open)
    raw = "".join(json.dumps(r) + "\n" for r in rows).encode()
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(raw))
    status, out, _ = run(capsys, str(tmp_path))  # a folder, read recursively
    assert status == 0
    assert core([r for r in out if r["dechaff_id"].startswith(str(tmp_path / "a"))]) != []
    by_file = {}
    for r in out:
        by_file.setdefault(r["dechaff_id"].rsplit(":", 1)[0], []).append(r["dechaff_body"])
    assert len(by_file) == 2 and len(set(map(tuple, by_file.values()))) == 1


def test_workers_give_the_single_process_rows(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", corpus(200))
    _, one, _ = run(capsys, str(source))
    _, two, _ = run(capsys, "--workers", "2", str(source))
    assert core(one) == core(two) and len(one) >= 200


def test_ten_thousand_documents_with_one_poison(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", corpus(10_000, poison_at=4321))
    stats = tmp_path / "stats.json"
    errors = tmp_path / "errors.jsonl"
    status, rows, _ = run(capsys, "--workers", "2", "--pack", str(PACKS / "runaway.toml"),
                          "--id-field", "doc_id", "--errors", str(errors), "--stats", str(stats),
                          "-q", str(source))
    summary = json.loads(stats.read_text())
    failed = [json.loads(line) for line in errors.read_text().splitlines()]
    assert status == 1
    assert [f["dechaff_id"] for f in failed] == ["d4321"] and "RUN01" in failed[0]["dechaff_error"]
    assert failed[0]["text"] == "a" * 60 + "b"
    assert summary["documents_read"] == 10_000 == summary["documents_cleaned"] + summary["documents_errored"]
    assert summary["documents_errored"] == 1 and summary["records_written"] == len(rows)
    assert len({r["dechaff_id"] for r in rows}) == 9_999 and not any("dechaff_error" in r for r in rows)


def test_max_errors_stops_the_run(tmp_path, capsys):
    rows = [{"text": "a" * 60 + "b"}] * 5 + list(corpus(5))
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    status, out, err = run(capsys, "--pack", str(PACKS / "runaway.toml"), "--max-errors", "2",
                           str(source))
    assert status == 3 and "stopped early" in err and len(out) == 2


def test_parquet_out_holds_the_jsonl_rows(tmp_path, capsys):
    import pyarrow.parquet as pq
    source = write_jsonl(tmp_path / "in.jsonl", corpus(20))
    _, rows, _ = run(capsys, str(source))
    target = tmp_path / "out.parquet"
    assert main(["clean", "--no-config", "-q", "-o", str(target), str(source)]) == 0
    table = pq.read_table(target).to_pylist()
    assert core(table) == core(rows)
    assert [(r["lang"], r["doc_id"], r["n"]) for r in table] == [(r["lang"], r["doc_id"], r["n"]) for r in rows]


def test_parquet_in(tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq
    rows = list(corpus(6))
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    status, out, _ = run(capsys, "--id-field", "doc_id", str(tmp_path / "in.parquet"))
    assert status == 0 and {r["dechaff_id"] for r in out} == {f"d{i}" for i in range(6)}


def test_warc_html_responses(tmp_path, capsys):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    page = ("<html><head><title>t</title><script>var x;</script></head><body><h1>Council approves "
            "new cycle lanes on the river road</h1><p>The city council voted on Tuesday to build "
            "protected cycle lanes along the river road, after two years of consultation.</p>"
            "<p>Also read: Another story here</p></body></html>").encode()
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/a", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    status, out, _ = run(capsys, str(path))
    assert status == 0 and out[0]["dechaff_id"] == "https://example.org/a" == out[0]["url"]
    assert out[0]["dechaff_title"].startswith("Council approves")
    assert "Also read" not in out[0]["dechaff_body"] and "var x" not in out[0]["dechaff_body"]


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet", "out.txt"])
def test_interrupt_leaves_a_whole_file_of_the_finished_records(tmp_path, monkeypatch, name):
    real = runs.outcomes

    def interrupted(*args, **kwargs):
        for n, outcome in enumerate(real(*args, **kwargs)):
            if n == 5:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(runs, "outcomes", interrupted)
    source = write_jsonl(tmp_path / "in.jsonl", corpus(20))
    target = tmp_path / name
    assert main(["clean", "--no-config", "-q", "-o", str(target), str(source)]) == 130
    if name.endswith(".parquet"):  # a footer, so readable
        import pyarrow.parquet as pq
        written = pq.read_table(target).to_pylist()
    elif name.endswith(".txt"):  # whole pages, one a document
        texts = [row["text"] for row in corpus(5)]
        assert target.read_text().split("\f\n") == [
            dechaff.clean_text(t) + "\n" * bool(dechaff.clean_text(t)) for t in texts]
        return
    else:  # whole lines
        written = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["n"] for r in written] == list(range(5))


def test_clean_many_and_batch_cleaner():
    rows = list(dechaff.clean_many(["Also read: X\n\nThe council met on Monday and voted, the mayor said.",
                                    b"\x00\x01\x02" * 100, {"text": "Short note.", "k": 1}]))
    assert [r["dechaff_id"] for r in rows] == ["0", "1", "2"]
    assert "dechaff_error" in rows[1] and rows[2]["k"] == 1
    out = dechaff.batch_cleaner()({"text": ["The council met on Monday and voted, the mayor said."],
                                   "source": ["s"]}).to_pydict()
    assert out["dechaff_body"] == ["The council met on Monday and voted, the mayor said."]
    assert out["source"] == ["s"] and set(out) >= {"dechaff_id", "dechaff_title", "dechaff_error"}


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def test_dask_bag_and_dataframe_match_one_process(cluster):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client

    from dechaff.integrations.dask import clean_bag, clean_dataframe
    items = list(corpus(60))
    expected = list(dechaff.clean_many(items, id_field="doc_id"))
    with Client(cluster):
        got = clean_bag(db.from_sequence(items, npartitions=4), id_field="doc_id").compute()
        frame = dd.from_pandas(pd.DataFrame(items), npartitions=3)
        table = clean_dataframe(frame, "text", id_column="doc_id").compute()
    assert core(got) == core(expected)
    assert list(table["dechaff_id"]) == [r["dechaff_id"] for r in expected]
    assert list(table["dechaff_body"]) == [r["dechaff_body"] for r in expected]


def test_cli_dask_engine_matches_local(cluster, tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", corpus(120, poison_at=7))
    stats = tmp_path / "stats.json"
    _, local, _ = run(capsys, "--pack", str(PACKS / "runaway.toml"), str(source))
    status, remote, _ = run(capsys, "--engine", "dask", "--scheduler", cluster.scheduler_address,
                            "--pack", str(PACKS / "runaway.toml"), "--stats", str(stats), str(source))
    summary = json.loads(stats.read_text())
    assert status == 1 and core(local) == core(remote)
    assert summary["documents_read"] == 120 and summary["documents_errored"] == 1


def _configs_seen(monkeypatch):
    """The configurations dechaff.integrations.dask hands its tasks, recorded."""
    from dechaff.integrations import dask as on_dask
    seen = []

    def clean_chunk(docs, config, *options):
        seen.append(config)
        return runs.clean_chunk(docs, config, *options)

    monkeypatch.setattr(on_dask, "clean_chunk", clean_chunk)
    return on_dask, seen


@pytest.mark.parametrize("explain", [False, True])
def test_dask_bag_builds_the_trace_only_when_asked(monkeypatch, explain):
    import dask.bag as db
    on_dask, seen = _configs_seen(monkeypatch)
    items = list(corpus(12))
    rows = on_dask.clean_bag(db.from_sequence(items, npartitions=3), id_field="doc_id",
                             explain=explain).compute(scheduler="sync")
    assert seen and all(c.explain is explain for c in seen)
    assert rows == list(dechaff.clean_many(items, id_field="doc_id", explain=explain))
    assert any(r.get("dechaff_removals") for r in rows) is explain


@pytest.mark.parametrize("explain", [False, True])
def test_dask_run_builds_the_trace_only_when_asked(monkeypatch, explain):
    import distributed
    on_dask, seen = _configs_seen(monkeypatch)

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    class Client:  # a cluster of one, in this process: what the tasks are given is what counts
        def __init__(self, address):
            pass

        def scheduler_info(self):
            return {"workers": {"w": {}}}

        def submit(self, func, *args, pure=True):
            return Done(func(*args))

        def close(self):
            pass

    monkeypatch.setattr(distributed, "Client", Client)
    def docs():
        return [runs.as_document(item, n, id_field="doc_id") for n, item in enumerate(corpus(8))]

    config = dechaff.Config()
    got = list(on_dask.run(docs(), config, scheduler="tcp://nowhere", explain=explain, chunk_size=3))
    assert seen and all(c.explain is explain for c in seen)
    local = list(runs.outcomes(docs(), config, explain=explain))
    assert [o.rows for o in got] == [o.rows for o in local]
    assert [o.rules for o in got] == [o.rules for o in local]


# -- the record schema and field passthrough ---------------------------------------------------

from dechaff.io import schema  # noqa: E402

PROVENANCE = {"id": "doc-42", "url": "https://example.org/doc-42", "title": "The input's own title",
              "n": 7}
STORY = "The council met on Monday and voted to close the old bridge for a year, the mayor said."


def test_record_to_dict_agrees_with_the_schema():
    record = dechaff.Record(title="t", flags=["f"])
    assert set(record.to_dict(removals=True, markdown=True)) == set(schema.RECORD_KEYS)
    assert set(dechaff.Removal("X", "x.y", "cut", "t", 0, 1).__dataclass_fields__) == {
        name for name, _ in schema.REMOVAL}
    assert all(c.startswith(schema.PREFIX) for c in schema.COLUMNS)


def test_corpora_doc_holds_the_schema_and_limits_tables():
    from dechaff.io import limits
    text = (ROOT / "docs" / "corpora.md").read_text(encoding="utf-8")
    assert schema.table() in text and limits.table() in text


def test_input_fields_pass_through_unchanged_in_jsonl_and_parquet(tmp_path, capsys):
    import pyarrow.parquet as pq
    source = write_jsonl(tmp_path / "in.jsonl", [{**PROVENANCE, "text": STORY}])
    status, [row], _ = run(capsys, "--explain", str(source))
    assert status == 0 and {k: row[k] for k in PROVENANCE} == PROVENANCE and "text" not in row
    assert row["dechaff_id"] == f"{source}:1" and row["dechaff_title"] is None
    assert list(row) == [*PROVENANCE, *(c for c in schema.columns(explain=True)
                                        if schema.BY_KEY[c[8:]].rows != "error")]
    target = tmp_path / "out.parquet"
    assert main(["clean", "--no-config", "-q", "--explain", "-o", str(target), str(source)]) == 0
    table = pq.read_table(target)
    assert table.column_names == [*PROVENANCE, "text", *schema.columns(True, "parquet")]
    assert {k: table.to_pylist()[0][k] for k in PROVENANCE} == PROVENANCE
    assert table.schema.field("dechaff_removals").type == schema.arrow_type("list<removal>")


def test_parquet_keeps_fields_that_do_not_fit_its_columns(tmp_path):
    import pyarrow.parquet as pq
    from dechaff.io.writers import ParquetWriter
    target = tmp_path / "out.parquet"
    writer = ParquetWriter(str(target), group_size=2)
    rows = [{"n": 1}, {"n": "one"}, {"n": 3, "later": [1]}]
    for row in rows:
        writer.write([schema.record_row(row, "x", {"body": STORY})])
    writer.close()
    got = pq.read_table(target).to_pylist()
    assert [r["n"] for r in got] == [1, None, 3] and all(r["dechaff_body"] == STORY for r in got)
    assert [json.loads(r["dechaff_extra"] or "{}") for r in got] == [{}, {"n": "one"}, {"later": [1]}]


def test_an_input_field_with_the_reserved_prefix_is_an_error_row(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": STORY, "dechaff_body": "mine"}])
    status, [row], _ = run(capsys, str(source))
    assert status == 1 and "'dechaff_body'" in row["dechaff_error"] and "rename" in row["dechaff_error"]
    assert row["dechaff_body"] == "mine" and row["text"] == STORY  # nothing overwritten or lost


def test_an_errors_file_runs_again_as_it_stands(tmp_path, capsys):
    rows = [{"doc_id": "a", "text": STORY}, {"doc_id": "b", "text": "a" * 60 + "b"}]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    errors = tmp_path / "errors.jsonl"
    (tmp_path / "fast.toml").write_text("regex_timeout = 0.2\n", encoding="utf-8")
    status, _, _ = run(capsys, "--pack", str(PACKS / "runaway.toml"), "--errors", str(errors),
                       "--config", str(tmp_path / "fast.toml"), str(source))
    assert status == 1
    status, [row], _ = run(capsys, str(errors))  # without the pack, it cleans
    assert status == 0 and row["dechaff_id"] == f"{source}:2" and row["doc_id"] == "b"


def test_warc_fields_pass_through_and_skipped_records_are_counted(tmp_path, capsys):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    page = f"<html><body><h1>Bridge to close</h1><p>{STORY}</p></body></html>".encode()
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)

        def add(kind, body, content_type=None, uri="https://example.org/a"):
            headers = None
            if content_type:
                headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                           protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, kind, payload=io.BytesIO(body),
                                                          http_headers=headers))
        add("request", b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n", None)
        add("response", page, "text/html")
        add("response", b"\x89PNG", "image/png", "https://example.org/a.png")
        add("resource", b"notes", None)
    stats = tmp_path / "stats.json"
    status, [row], err = run(capsys, "--stats", str(stats), str(path))
    assert status == 0 and row["url"] == "https://example.org/a" and row["warc_record_id"]
    skipped = json.loads(stats.read_text())["skipped_by_reason"]
    assert skipped == {"WARC request record": 1, "WARC resource record": 1,
                       "WARC response that is not HTML": 1}
    assert "skipped, not documents: 1 WARC request record" in err


def test_batch_cleaner_with_datasets_across_batches():
    datasets = pytest.importorskip("datasets")
    texts = [STORY, "a" * 60 + "b", None, STORY + "\n\nAlso read: Another story", STORY, STORY]
    data = datasets.Dataset.from_dict({"text": texts, "key": [f"k{i}" for i in range(6)],
                                       "note": [None, None, None, None, "late", None]})
    for kwargs in ({}, {"with_indices": True}):
        out = data.map(dechaff.batch_cleaner(explain=True, packs=[str(PACKS / "runaway.toml")],
                                             regex_timeout=0.2),
                       batched=True, batch_size=2, remove_columns=data.column_names, **kwargs)
        assert out.column_names == ["key", "note", "text", *schema.columns(explain=True)]
        assert out["dechaff_id"] == [str(i) for i in range(6)]  # ids go on across batches
        assert [e is not None for e in out["dechaff_error"]] == [False, True, True, False, False, False]
        assert out["text"][1] == "a" * 60 + "b" and out["text"][0] is None
        assert out["note"][4] == "late" and any(r for r in out["dechaff_removals"])
    by_key = data.map(dechaff.batch_cleaner(id_field="key"), batched=True, batch_size=4,
                      remove_columns=data.column_names)
    assert by_key["dechaff_id"] == [f"k{i}" for i in range(6)]


def test_clean_dataframe_numbers_documents_across_partitions(cluster):
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client

    from dechaff.integrations.dask import clean_dataframe
    frame = dd.from_pandas(pd.DataFrame({"text": [STORY] * 9, "url": [f"u{i}" for i in range(9)]}),
                           npartitions=3)
    with Client(cluster):
        table = clean_dataframe(frame, "text").compute()
    assert list(table["dechaff_id"]) == [str(i) for i in range(9)]
    assert list(table["url"]) == [f"u{i}" for i in range(9)]
    assert list(table.columns) == ["url", "text", *schema.columns()]


def test_clean_many_rows_have_the_cli_layout():
    items = [{**PROVENANCE, "text": STORY}, {"text": "x \ud800"}, {"text": STORY, "dechaff_x": 1}]
    good, surrogate, reserved = dechaff.clean_many(items)
    assert {k: good[k] for k in PROVENANCE} == PROVENANCE and good["dechaff_id"] == "0"
    assert good["dechaff_body"] == STORY and "text" not in good
    assert "lone surrogate" in surrogate["dechaff_error"] and surrogate["text"] == "x \ud800"
    assert "'dechaff_x'" in reserved["dechaff_error"] and reserved["dechaff_x"] == 1
    [kept] = dechaff.clean_many([{"text": STORY}], keep_text=True)
    assert kept["text"] == STORY == kept["dechaff_body"]


def test_keep_text_keeps_the_input_text_on_record_rows(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": STORY, "k": 1}])
    status, [row], _ = run(capsys, "--keep-text", str(source))
    assert status == 0 and row["text"] == STORY and row["k"] == 1


def test_batch_cleaner_keeps_an_unencodable_text_as_its_escape():
    table = dechaff.batch_cleaner()({"text": ["x \ud800 y", STORY], "k": [1, 2]})
    assert table.column("text").to_pylist() == ["x \\ud800 y", None]
    assert "lone surrogate" in table.column("dechaff_error").to_pylist()[0]
    assert table.column("k").to_pylist() == [1, 2]
