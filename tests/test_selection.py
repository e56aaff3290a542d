"""Selecting rules: a typo is an error, codes match in any case, every code has a page
(issue 10)."""

import subprocess
import sys

import pytest

import dechaff
from dechaff.cli import main
from dechaff.errors import ConfigError
from dechaff.stages.repair import FIXES


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_an_unknown_reference_is_an_error_with_the_closest_names(option):
    with pytest.raises(ConfigError) as exc:
        dechaff.Cleaner(**{option: ["RL9"]})
    assert "no rule matches 'RL9'" in str(exc.value) and "RL01" in str(exc.value)


def test_the_command_line_says_so_in_one_line_and_exits_2(tmp_path):
    scrape = tmp_path / "scrape.txt"
    scrape.write_text("Also read: another story\n\nThe council met on Monday.\n", encoding="utf-8")
    # before: a Python warning, twice, then the raw text as if cleaned, exit 0
    result = subprocess.run([sys.executable, "-m", "dechaff", "clean", "--no-config", "--select",
                             "RL9", str(scrape)], capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Warning" not in result.stderr
    assert result.stderr.startswith("dechaff: error: [E200] no rule matches 'RL9'")


def test_codes_names_groups_and_globs_match_in_any_case():
    chosen = {r.code for r in dechaff.Cleaner(select=["rl01", "Promo.Membership", "CONSENT", "ui0*"]).rules}
    assert {"RL01", "PR01", "CK01", "UI01", "UI09"} <= chosen and "RL02" not in chosen
    cleaner = dechaff.Cleaner(ignore=["rp02"])
    assert "RP02" not in {f.code for f in cleaner.fixes}
    assert dechaff.rules.get("rl01").code == "RL01"


@pytest.mark.parametrize("code", [fix.code for fix in FIXES] + ["RL01", "ht11"])
def test_every_code_has_a_rules_show_page(code, capsys):
    assert main(["rules", "--no-config", "show", code]) == 0
    page = capsys.readouterr().out
    assert page.startswith(f"# {code.upper()} `") and len(page.splitlines()) > 4


def test_rules_show_finds_a_rule_the_selection_leaves_out(capsys):
    assert main(["rules", "--no-config", "--ignore", "RL01", "show", "RL01"]) == 0
    assert capsys.readouterr().out.startswith("# RL01 ")
