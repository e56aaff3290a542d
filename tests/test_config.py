"""Configuration: found only inside the project, read within limits, checked (issue 10)."""

from pathlib import Path

import pytest

import dechaff
from dechaff.cli import main
from dechaff.config import find_project_file
from dechaff.errors import ConfigError


def test_discovery_stops_at_the_projects_root(tmp_path):
    # a dechaff.toml two folders up, above the project, ignored every rule before
    (tmp_path / "dechaff.toml").write_text('ignore = ["*"]\n', encoding="utf-8")
    project = tmp_path / "work" / "project"
    (project / "src").mkdir(parents=True)
    (project / ".git").mkdir()
    assert find_project_file(project / "src") is None
    assert dechaff.Config.discover(project / "src") == dechaff.Config()
    (project / "pyproject.toml").write_text('[tool.other]\nx = 1\n', encoding="utf-8")
    assert find_project_file(project / "src") is None
    (project / "dechaff.toml").write_text('ignore = ["UI02"]\n', encoding="utf-8")
    assert dechaff.Config.discover(project / "src").ignore == ("UI02",)


def test_a_folder_anyone_may_write_to_is_not_searched(tmp_path):
    shared = tmp_path / "shared"
    (shared / "mine").mkdir(parents=True)
    (shared / "dechaff.toml").write_text('ignore = ["*"]\n', encoding="utf-8")
    shared.chmod(0o777)
    try:
        assert find_project_file(shared / "mine") is None
    finally:
        shared.chmod(0o755)
    assert find_project_file(shared / "mine") == shared / "dechaff.toml"


def test_reading_a_config_has_a_size_limit(capsys):
    with pytest.raises(ConfigError, match="at most 1,000,000 bytes"):
        dechaff.Config.from_file("/dev/zero")
    assert main(["rules", "--config", "/dev/zero"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/dev/zero" in err
    assert main(["clean", "--no-config", "--pack", "/dev/zero", "-"]) == 2
    assert "at most" in capsys.readouterr().err


@pytest.mark.parametrize("text,message", [
    ('rules = "x"\n', "rules is a table of per-rule settings"),
    ("select = 5\n", "select is a list of rule codes"),
    ("packs = [1, 2]\n", "packs is a list of paths"),
    ('split = "no"\n', "split is true or false"),
    ("time_limit = -1\n", "time_limit is seconds per MB"),
    ("max_chars = 1.5\n", "max_chars is a number of characters"),
    ("[rules]\nST06 = 3\n", "rules.ST06 must be a table"),
])
def test_config_values_are_type_checked(tmp_path, text, message):
    path = tmp_path / "dechaff.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        dechaff.Config.from_file(path)
    assert str(path) in str(exc.value) and message in str(exc.value)


def test_one_pack_given_as_a_string_is_one_pack(tmp_path):
    # it was read a character at a time
    (tmp_path / "dechaff.toml").write_text('packs = "acme.toml"\n', encoding="utf-8")
    config = dechaff.Config.from_file(tmp_path / "dechaff.toml")
    assert config.packs == (str(tmp_path / "acme.toml"),)
    assert dechaff.Config(select="RL01", packs=Path("a.toml")).select == ("RL01",)


def test_rule_settings_are_found_in_any_case():
    cleaner = dechaff.Cleaner(rules={"st06": {"min_words": 500}})
    assert next(r for r in cleaner.rules if r.code == "ST06").options["min_words"] == 500
