"""The documentation matches the code."""

import json
import re
import subprocess
import sys
from pathlib import Path

from dechaff.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent


def test_rule_reference_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "docs" / "gen_rules.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_readme_names_every_rule_family():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cls in all_rules():
        family = re.match(r"[A-Z]+", cls.code).group(0)
        assert family in readme, f"README's rule table misses the {family} family"


def test_readme_commands_are_one_line_each():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```shell\n(.*?)```", readme, re.S)
    assert any("dechaff clean fixtures/" in b for b in blocks)
    assert any("pytest" in b for b in blocks)
    installs = [b for b in blocks if "pip install" in b]
    assert len(installs) == 2 and all(len(b.strip().splitlines()) == 1 for b in installs)


# The outputs the README and the quickstart show are checked against what the code gives
# now: a renamed field, a changed value or a column the samples leave out fails here. A
# shown string may shorten the real one with "...": what stands around each "..." must be
# there, in order.
SEED = "fixtures/seed/exbulletin-2024-04-27.txt"


def shortened(shown, actual) -> bool:
    """Does ``shown`` (a value from a doc's sample) stand for ``actual``?"""
    if isinstance(shown, dict):
        return (isinstance(actual, dict) and list(shown) == list(actual)
                and all(shortened(shown[k], actual[k]) for k in shown))
    if isinstance(shown, list):
        return (isinstance(actual, list) and len(shown) == len(actual)
                and all(map(shortened, shown, actual)))
    if isinstance(shown, str) and "..." in shown and isinstance(actual, str):
        first, *middle, last = shown.split("...")
        if not (actual.startswith(first) and actual.endswith(last)):
            return False
        pos = len(first)
        for part in middle:
            pos = actual.find(part, pos)
            if pos < 0:
                return False
            pos += len(part)
        return pos <= len(actual) - len(last)
    return shown == actual


def test_shortened_reads_the_ellipsis():
    assert shortened("China seeks ... Blinken", "China seeks to influence, says Antony Blinken")
    assert not shortened("China seeks ... Xi", "China seeks to influence, says Antony Blinken")
    assert shortened({"a": ["x...z"]}, {"a": ["xyz"]}) and not shortened({"a": 1}, {"b": 1})


def seed_rows(explain: bool = False) -> list[dict]:
    """The rows of the README's command, run where the README runs it (the checkout's root)."""
    command = [sys.executable, "-m", "dechaff", "clean", "--no-config", "-q", SEED]
    result = subprocess.run(command + (["--explain"] if explain else []), cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def json_block_after(text: str, heading: str) -> list[dict]:
    block = re.search(r"```json\n(.*?)```", text.split(heading, 1)[1], re.S).group(1)
    return [json.loads(line) for line in block.splitlines() if line.strip()]


def test_readme_shows_the_records_the_seed_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = json_block_after(readme, "After `dechaff clean`")
    rows = seed_rows()
    assert len(shown) == len(rows)
    for sample, row in zip(shown, rows):
        assert shortened(sample, row), f"README's sample is stale; the record is now:\n{row}"


def test_readme_shows_removals_the_seed_trace_holds():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = json_block_after(readme, "With `--explain`")
    trace = iter(seed_rows(explain=True)[0]["dechaff_removals"])
    for sample in shown:  # in the trace's order, some left out
        assert any(shortened(sample, change) for change in trace), (
            f"README's removal {sample} is not (or no longer in order) in the seed's trace")


def test_quickstart_names_the_columns_the_output_has():
    quickstart = (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    paragraph = quickstart.split("Each line of the output", 1)[1].split("\n\n", 1)[0]
    named = list(dict.fromkeys(re.findall(r"`(dechaff_\w+)`", paragraph)))
    assert named == [*seed_rows()[0], "dechaff_removals"]
    assert list(seed_rows(explain=True)[0])[-1] == "dechaff_removals"


def test_the_attributes_the_examples_use_exist():
    import dechaff

    for name in ("README.md", "docs/quickstart.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        code = "\n".join(re.findall(r"```python\n(.*?)```", text, re.S))
        for kind, attribute in re.findall(r"\b(record|removal)\.(\w+)", code):
            owner = dechaff.Record if kind == "record" else dechaff.Change
            assert hasattr(owner, attribute) or attribute in owner.__dataclass_fields__, (
                f"{name} uses {kind}.{attribute}, which {owner.__name__} does not have")
