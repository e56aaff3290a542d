"""The command line: JSON Lines out, Unix conventions for errors and exit codes."""

import json
import subprocess
import sys

import pytest

from dechaff.cli import main


@pytest.fixture
def seed_path(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def lines(text):
    return [json.loads(line) for line in text.splitlines()]


def test_clean_file_writes_one_json_object_per_record(seed_path, capsys):
    assert main(["clean", str(seed_path)]) == 0
    out = lines(capsys.readouterr().out)
    assert [r["dechaff_published"] for r in out] == ["2024-04-27", "2020-06-24"]
    assert all(r["dechaff_id"] == str(seed_path) and "dechaff_removals" not in r for r in out)
    assert [r["dechaff_part"] for r in out] == [0, 1]


def test_explain_adds_removals(seed_path, capsys):
    assert main(["clean", "--explain", str(seed_path)]) == 0
    out = lines(capsys.readouterr().out)
    assert any(r["code"] == "RL01" for r in out[0]["dechaff_removals"])


def test_output_file_and_ignore(seed_path, tmp_path, capsys):
    target = tmp_path / "out.jsonl"
    assert main(["clean", str(seed_path), "-o", str(target), "--ignore", "RL01"]) == 0
    assert capsys.readouterr().out == ""
    assert "Also read:" in lines(target.read_text(encoding="utf-8"))[0]["dechaff_body"]


def test_stdin(seed_text):
    result = subprocess.run([sys.executable, "-m", "dechaff", "clean", "-"], input=seed_text.encode(),
                            capture_output=True)
    assert result.returncode == 0
    assert len(lines(result.stdout.decode())) == 2


def test_unreadable_input_gives_one_line_error_and_status_1(seed_path, tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["clean", str(missing), str(seed_path)]) == 1
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.startswith("dechaff: error:")]
    assert len(errors) == 1 and str(missing) in errors[0]
    rows = lines(captured.out)
    assert [r["dechaff_id"] for r in rows if "dechaff_error" in r] == [str(missing)]  # nothing silently lost
    assert len([r for r in rows if "dechaff_error" not in r]) == 2  # the readable input was cleaned
    assert "2 documents read = 1 cleaned + 1 errored" in captured.err


def test_binary_input_is_refused(tmp_path, capsys):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(32)) * 64)
    assert main(["clean", str(junk)]) == 1
    captured = capsys.readouterr()
    assert "binary" in captured.err
    assert lines(captured.out)[0]["dechaff_error"].startswith("[E002]")


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["clean"])
    assert exc.value.code == 2


def test_rules_lists_every_rule(capsys):
    from dechaff.rules import all_rules
    assert main(["rules"]) == 0
    codes = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert codes == [c.code for c in all_rules()]


def test_latin1_bytes_are_decoded_and_flagged(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café de la place a rouvert ses portes lundi, a annoncé la mairie.".encode("latin-1"))
    assert main(["clean", str(path)]) == 0
    out = lines(capsys.readouterr().out)
    assert "café" in out[0]["dechaff_body"] and any("decoded as" in f for f in out[0]["dechaff_flags"])


# -- exit statuses and output formats -------------------------------------------------------

import gzip  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

from dechaff import cli, corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STORY = "The council met on Monday and voted to close the old bridge for a year, the mayor said."


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "in" / "story.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return path


def usage_error(capsys, *argv):
    status = main(["clean", "--no-config", *argv])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, [line for line in err.splitlines() if line.startswith("dechaff: error:")]


@pytest.mark.parametrize("argv, message", [
    (["--format", "parquet"], "Parquet needs an output file"),
    (["-o", "{tmp}"], "is a folder"),
    (["-o", "{tmp}/out.csv"], "must end in .jsonl, .jsonl.gz, .jsonl.zst, .parquet"),
    (["-o", "{tmp}/out.jsonl", "--format", "parquet"], "disagrees"),
    (["--max-ratio", "0"], "must be positive"),
])
def test_usage_errors_exit_2_with_one_line(story, tmp_path, capsys, argv, message):
    argv = [a.format(tmp=tmp_path) for a in argv]
    status, errors = usage_error(capsys, str(story), *argv)
    assert status == 2 and len(errors) == 1 and message in errors[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # nothing written


@pytest.mark.parametrize("name, opener", [("out.jsonl.gz", gzip.open), ("out.jsonl.zst", None)])
def test_compressed_outputs_follow_the_name(story, tmp_path, name, opener):
    target = tmp_path / name
    assert main(["clean", "--no-config", "-q", str(story), "-o", str(target)]) == 0
    if opener is None:
        import zstandard
        data = zstandard.ZstdDecompressor().stream_reader(target.read_bytes()).read()
    else:
        data = opener(target).read()
    assert json.loads(data)["dechaff_body"] == STORY


def test_html_gz_and_txt_gz_inputs_are_read(tmp_path, capsys):
    page = f"<html><body><h1>Bridge to close</h1><p>{STORY}</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    assert main(["clean", "--no-config", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert [r["dechaff_body"] for r in lines(captured.out)] == [STORY, STORY]
    assert "2 documents read = 2 cleaned" in captured.err


def test_interrupt_exits_130_and_still_writes_the_stats(story, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(corpus, "outcomes", interrupted)
    stats = tmp_path / "stats.json"
    assert main(["clean", "--no-config", "-q", str(story), "--stats", str(stats)]) == 130
    assert json.loads(stats.read_text())["stopped"] == "interrupted"


def test_an_internal_error_exits_70_with_one_line_and_the_stats(story, tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")
        yield

    monkeypatch.setattr(corpus, "outcomes", broken)
    stats = tmp_path / "stats.json"
    status, errors = usage_error(capsys, str(story), "--stats", str(stats))
    assert status == 70 and errors == ["dechaff: error: internal error, please report it: "
                                       "RuntimeError: boom"]
    assert json.loads(stats.read_text())["documents_read"] == 0


def test_an_unwritable_output_folder_exits_4(story, tmp_path, capsys):
    status, errors = usage_error(capsys, str(story), "-o", str(tmp_path / "no" / "out.jsonl"))
    assert status == 4 and len(errors) == 1 and "cannot write" in errors[0]


def test_the_exit_status_table_in_the_docs_is_the_codes():
    text = (ROOT / "docs" / "corpora.md").read_text(encoding="utf-8")
    table = text[text.index("## Exit statuses"):]
    documented = dict(re.findall(r"^\| (\d+) \| (.*) \|$", table, re.M))
    assert documented == {str(code): meaning for code, meaning in cli.EXIT.items()}


def test_readme_sample_rows_have_the_fields_the_command_writes(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"```shell\n.*?&& (dechaff clean \S+)\n```", readme).group(1)
    samples = [json.loads(line) for block in re.findall(r"```json\n(.*?)```", readme, re.S)
               for line in block.splitlines() if '"dechaff_id"' in line]
    assert main(command.split()[1:]) == 0
    written = lines(capsys.readouterr().out)
    assert samples and [list(row) for row in written] == [list(row) for row in samples]
    assert [r["dechaff_title"] for r in written] == [r["dechaff_title"] for r in samples]


def test_a_reader_that_leaves_early_is_no_error(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"text": STORY}) + "\n" for _ in range(3000)))
    result = subprocess.run(f"{sys.executable} -m dechaff clean --no-config {source} | head -1",
                            shell=True, capture_output=True, text=True)
    assert json.loads(result.stdout)["dechaff_body"] == STORY
    assert "Traceback" not in result.stderr and "dechaff: error:" not in result.stderr


def test_the_progress_bar_shows_documents_errors_a_total_and_an_eta():
    import io
    from types import SimpleNamespace

    from dechaff.cli import Progress

    stream = io.StringIO()
    progress = Progress(True, total=2_000_000, stream=stream)
    progress.update(SimpleNamespace(documents=10, errored=1, bytes=500_000))
    progress.bar.refresh()
    drawn = stream.getvalue()
    assert "10 docs, 1 errors" in drawn and "500k/2.00M" in drawn and "<" in drawn  # elapsed<ETA
    progress.close()
    quiet = io.StringIO()
    Progress(False, total=2_000_000, stream=quiet).update(
        SimpleNamespace(documents=10, errored=0, bytes=500_000))
    assert quiet.getvalue() == ""
