"""Extending dechaff: packs, selection, settings, plugins, the time limit and the guard."""

import json
import warnings
from pathlib import Path

import pytest

import dechaff
from dechaff.cli import main
from dechaff.errors import ConfigError, PackError, PluginError, RuleError
from dechaff.packs import load_pack
from dechaff import plugins
from dechaff.rules import registry
from dechaff.testing import example_tests

PACKS = Path(__file__).resolve().parent.parent / "fixtures" / "packs"
ACME = PACKS / "acme.toml"
SCRAPE = PACKS / "acme_scrape.txt"


def run(capsys, *argv):
    status = main(["clean", "--no-config", *argv])
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_pack_removes_its_line_and_explains(capsys):
    status, records, _ = run(capsys, "--pack", str(ACME), "--explain", str(SCRAPE))
    assert status == 0 and "Brought to you by Acme" not in records[0]["dechaff_body"]
    assert any(r["code"] == "ACME01" and r["action"] == "dropped" for r in records[0]["dechaff_removals"])


def test_ignore_keeps_the_pack_line(capsys):
    status, records, _ = run(capsys, "--pack", str(ACME), "--ignore", "ACME01", str(SCRAPE))
    assert status == 0 and "Brought to you by Acme Widgets." in records[0]["dechaff_body"]


def test_rules_check_passes_and_fails_naming_the_example(capsys):
    assert main(["rules", "check", str(ACME)]) == 0
    assert main(["rules", "check", str(PACKS / "acme_broken.toml")]) == 1
    err = capsys.readouterr().err
    assert "acme_broken.toml" in err and "ACME01" in err and "must_keep" in err
    assert "Brought to you by Acme, the council said" in err


test_acme_examples = example_tests(packs=[str(ACME)])


@pytest.mark.parametrize("field,text,message", [
    ("pattern", 'pattern = "(unclosed"', "not a valid regular expression"),
    ("scope", 'pattern = "x"\nscope = "page"', "'page'"),
    ("field", 'pattern = "x"\naction = "move"', "required when action"),
    ("code", 'pattern = "x"\ncode = "acme1"', "not a rule code"),
])
def test_malformed_pack_names_file_rule_and_field(tmp_path, field, text, message):
    body = "\n".join(line for line in [
        '[pack]', 'name = "bad"', '[[rules]]', 'code = "BAD01"', 'name = "bad.rule"',
        'description = "d"', text] if not (field == "code" and line.startswith('code = "BAD01"')))
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PackError) as exc:
        load_pack(path)
    assert str(path) in str(exc.value) and f"field {field!r}" in str(exc.value)
    assert message in str(exc.value)


@pytest.mark.timeout(120)  # a hang guard, not a speed check
def test_runaway_pattern_fails_its_document_fast_and_names_the_rule(tmp_path, capsys):
    poison = tmp_path / "poison.txt"
    poison.write_text("a" * 60 + "b\n", encoding="utf-8")
    with pytest.raises(RuleError) as exc:  # (it would backtrack for ever without the time limit)
        dechaff.clean(poison.read_text(), packs=[str(PACKS / "runaway.toml")], regex_timeout=1.0)
    assert "RUN01" in str(exc.value)
    status, records, err = run(capsys, "--pack", str(PACKS / "runaway.toml"), str(poison), str(SCRAPE))
    assert status == 1 and "RUN01" in err
    assert [r["dechaff_id"] for r in records if "dechaff_error" in r] == [str(poison)]
    assert len([r for r in records if "dechaff_error" not in r]) == 1  # the other input was cleaned


def test_unknown_reference_is_an_error_with_close_matches():
    with pytest.raises(ConfigError, match=r"no rule matches 'RL1'.*RL01"):
        dechaff.Cleaner(ignore=["RL1"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dechaff.Cleaner(ignore=["RP01", "related", "UI*"])  # codes, groups, globs: no warning


def test_selection_by_group_and_glob():
    names = {r.code for r in dechaff.Cleaner(select=["related", "PR*"]).rules}
    # the related group spans the text rules and the HTML rules of the same family
    assert names == {"RL01", "RL02", "RL03", "RL04", "HT03", "HT10", "HT15", "PR01", "PR02", "PR03",
                     "PR04", "PR05", "PR06", "PR07"}


def test_rule_settings_are_typed_and_change_behaviour():
    with pytest.raises(ConfigError, match="must be a int"):
        dechaff.Cleaner(rules={"ST06": {"min_words": "many"}})
    with pytest.raises(ConfigError, match="no setting"):
        dechaff.Cleaner(rules={"ST06": {"nope": 1}})
    cleaner = dechaff.Cleaner(rules={"structure.teaser": {"min_words": 500}})
    assert next(r for r in cleaner.rules if r.code == "ST06").options["min_words"] == 500


def test_project_file_is_found_upward(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.dechaff]\nignore = ["UI02"]\npacks = ["packs/acme.toml"]\n', encoding="utf-8")
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "acme.toml").write_text(ACME.read_text(), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    config = dechaff.Config.discover(tmp_path / "sub")
    assert config.ignore == ("UI02",) and Path(config.packs[0]).name == "acme.toml"
    monkeypatch.chdir(tmp_path / "sub")
    records = dechaff.Cleaner(config)(SCRAPE.read_text())
    assert "Brought to you by" not in records[0].body


class FakeEntryPoint:
    def __init__(self, name, target):
        self.name, self.value, self._target = name, f"fake:{name}", target

    def load(self):
        if isinstance(self._target, Exception):
            raise self._target
        return self._target


def test_broken_plugin_is_reported_and_skipped_or_raised():
    with pytest.warns(UserWarning, match="plugin 'broken'.*skipped"):
        plugins.load_entry_points([FakeEntryPoint("broken", ImportError("no module acme"))])
    with pytest.raises(PluginError, match="broken"):
        plugins.load_entry_points([FakeEntryPoint("broken", ImportError("no module acme"))],
                                   strict=True)
    plugins.FAILURES.clear()


def test_plugin_pack_through_entry_point_registers_its_rules():
    plugins.load_entry_points([FakeEntryPoint("acme", str(ACME))])
    dechaff.pipeline._cleaner.cache_clear()  # a cleaner built before the plugin came lacks it
    try:
        assert registry.get("ACME01").name == "acme.sponsor_line"
        assert "Brought to you by" not in dechaff.clean(SCRAPE.read_text())[0].body
    finally:
        registry._RULES.pop("ACME01")
        dechaff.pipeline._cleaner.cache_clear()


def test_over_removal_guard_keeps_the_article_and_flags_it(tmp_path):
    greedy = tmp_path / "greedy.toml"
    greedy.write_text('[pack]\nname = "greedy"\n[[rules]]\ncode = "GRD01"\nname = "greedy.all"\n'
                      'description = "Drops every line."\npattern = \'\'\'^.+$\'\'\'\n', encoding="utf-8")
    text = SCRAPE.read_text()
    record = dechaff.clean(text, packs=[str(greedy)])[0]
    assert "build protected cycle lanes" in record.body
    assert any("over-removal guard" in flag for flag in record.flags)
    unguarded = dechaff.clean(text, packs=[str(greedy)], max_removed_share=None)
    assert not unguarded or "cycle lanes" not in unguarded[0].body


def test_rule_order_follows_the_families_not_the_import_order():
    import dechaff.rules.builtin as builtin

    modules = [m.__name__ for m in builtin.FAMILIES]
    builtins = [cls for cls in dechaff.rules.all_rules() if cls.__module__ in modules]
    ranks = [modules.index(cls.__module__) for cls in builtins]
    assert ranks == sorted(ranks)
    assert [c.code for c in builtins if c.__module__ == "dechaff.rules.page"] == ["PG01"]


def test_pack_patterns_run_timed_and_builtin_patterns_untimed():
    cleaner = dechaff.Cleaner(packs=[str(PACKS / "runaway.toml")], regex_timeout=2.0)
    timeouts = {rule.code: rule.timeout for rule in cleaner.rules}
    assert timeouts["RUN01"] == 2.0
    assert timeouts["RL01"] is None and timeouts["PG01"] is None
