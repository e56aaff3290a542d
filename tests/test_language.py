"""The language field (issue 15): asked for, guessed from the body; not asked, none."""

import json

import pytest

import dechaff
from dechaff import language
from dechaff.cli import main

GERMAN = ("Die Aufregung nach dem Aufmarsch von Islamisten in Hamburg bleibt groß, sagte die "
          "Polizei am Montag.")
FRENCH = "Le conseil municipal a voté lundi la fermeture du vieux pont pour des travaux."
ENGLISH = "The council voted on Monday to close the old bridge for repairs, the mayor said."

pytest.importorskip("py3langid")


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (FRENCH, "fr"), (ENGLISH, "en")])
def test_each_record_gets_its_bodys_language_when_asked(text, code):
    [record] = dechaff.clean(text, language=True)
    assert record.language == code and record.to_dict()["language"] == code


def test_no_language_unless_asked_and_none_for_a_body_too_short_to_tell():
    assert dechaff.clean(GERMAN)[0].language is None
    assert dechaff.clean("Ja, sagte sie.", language=True)[0].language is None


def test_a_missing_identifier_is_a_config_error_naming_the_extra(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_langid(name, *args, **kwargs):
        if name == "py3langid":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    language._identifier.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_langid)
    try:
        with pytest.raises(dechaff.ConfigError, match=r"dechaff\[language\]"):
            dechaff.Cleaner(language=True)
    finally:
        monkeypatch.undo()
        language._identifier.cache_clear()


def test_the_cli_writes_the_language_column(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text(FRENCH, encoding="utf-8")
    assert main(["clean", "--language", "-q", str(source)]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["dechaff_language"] == "fr"
    assert main(["clean", "-q", str(source)]) == 0
    assert json.loads(capsys.readouterr().out)["dechaff_language"] is None
