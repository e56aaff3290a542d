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
