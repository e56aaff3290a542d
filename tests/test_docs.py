"""The documentation matches the code."""

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
