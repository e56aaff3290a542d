"""Packs: every rule of a file loads, within size and time limits (issue 10)."""


import pytest

import dechaff
from dechaff.cli import main
from dechaff.config import MAX_FILE_BYTES
from dechaff.errors import PackError
from dechaff import packs
from dechaff.packs import load_pack
from work import MOST, counted

NEWSFEED = '''
[pack]
name = "newsfeed"

[[rules]]
code = "NF01"
name = "newsfeed.promo"
description = "The feed's promo line."
pattern = \'\'\'(?i)^get the newsfeed app\\b.*$\'\'\'
must_remove = ["Get the Newsfeed app for more."]

[[rules]]
code = "NF02"
name = "newsfeed.byline"
description = "The feed's byline, moved into authors: the value group holds the name alone."
pattern = \'\'\'^Filed by (?P<value>[A-Z]\\w+ [A-Z]\\w+)\\.$\'\'\'
action = "move"
field = "authors"

[[rules]]
code = "NF03"
name = "newsfeed.footer"
description = "The feed's footer."
pattern = \'\'\'^-- newsfeed --$\'\'\'
must_remove = ["-- newsfeed --"]
'''
STORY = ("Get the Newsfeed app for more.\n\nFiled by Jane Doe.\n\nThe council met on Monday and "
         "voted to close the old bridge for repairs.\n\n-- newsfeed --\n")


@pytest.fixture
def newsfeed(tmp_path):
    path = tmp_path / "newsfeed.toml"
    path.write_text(NEWSFEED, encoding="utf-8")
    return path


def test_every_rule_of_a_pack_loads(newsfeed, capsys):
    # only the first rule came in: the others "already came in through a plugin"
    cleaner = dechaff.Cleaner(packs=[str(newsfeed)])
    assert {"NF01", "NF02", "NF03"} <= {r.code for r in cleaner.rules}
    assert main(["rules", "--no-config", "--pack", str(newsfeed)]) == 0
    listed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert {"NF01", "NF02", "NF03"} <= set(listed)
    assert main(["rules", "check", str(newsfeed)]) == 0
    assert "3 rule(s), 2 example(s) passed" in capsys.readouterr().out


def test_the_value_group_says_what_a_move_keeps(newsfeed):
    record = dechaff.clean(STORY, packs=[str(newsfeed)])[0]
    assert record.authors == ["Jane Doe"]  # not "Filed by Jane Doe."
    assert record.body == "The council met on Monday and voted to close the old bridge for repairs."


def test_a_pattern_too_large_to_compile_is_refused_at_once(tmp_path, monkeypatch):
    path = tmp_path / "huge.toml"
    path.write_text('[pack]\nname = "huge"\n[[rules]]\ncode = "HUGE01"\nname = "huge.rule"\n'
                    'description = "d"\npattern = "(?:(?:a{1000}){1000}){1000}"\n', encoding="utf-8")
    def never(*args, **kwargs):  # it compiled for hours before: refused before compiling
        raise AssertionError("the pattern was handed to the compiler")

    monkeypatch.setattr(packs.regex, "compile", never)
    with pytest.raises(PackError) as exc:
        load_pack(path)
    assert "field 'pattern'" in str(exc.value) and "HUGE01" in str(exc.value)


def rules_toml(count):
    return '[pack]\nname = "big"\n' + "".join(
        f'[[rules]]\ncode = "BIG{i}"\nname = "big.r{i}"\ndescription = "d"\npattern = "^zz{i}$"\n'
        for i in range(count))


def test_a_pack_file_has_a_size_limit(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(rules_toml(20000), encoding="utf-8")  # 19 s and 160 MB before
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(PackError, match="at most 1,000,000 bytes"):
        load_pack(path)
    with pytest.raises(PackError, match="at most"):
        load_pack("/dev/zero")


def test_a_pack_under_the_limit_loads_in_linear_time(tmp_path):
    def load(count):
        path = tmp_path / f"many{count}.toml"
        path.write_text(rules_toml(count), encoding="utf-8")
        return counted(lambda: dechaff.Cleaner(packs=[str(path)]))

    small, _ = load(1000)
    large, cleaner = load(2000)
    assert large / small < MOST, f"twice the rules took {large / small:.2f} times the calls"
    assert sum(r.code.startswith("BIG") for r in cleaner.rules) == 2000

