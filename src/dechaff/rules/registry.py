"""The registry: every rule is registered under a stable code and a dotted name.

Built-in rules register themselves with the :func:`register` decorator when
:mod:`dechaff.rules` is imported. Rules are selected by code, name, group or glob.
"""

from __future__ import annotations

import fnmatch
from typing import Any, Iterable

from ..errors import ConfigError
from .base import Rule

_RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry. Codes and names must be unique."""
    if not cls.code or not cls.name:
        raise ConfigError(f"rule {cls.__name__} needs a code and a dotted name")
    for other in _RULES.values():
        if other is not cls and (other.code == cls.code or other.name == cls.name):
            raise ConfigError(
                f"rule {cls.__name__} reuses code {cls.code} or name {cls.name} of {other.__name__}"
            )
    _RULES[cls.code] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    """Every registered rule class, in registration order (the order they run in)."""
    return list(_RULES.values())


def get(code_or_name: str) -> type[Rule]:
    for cls in _RULES.values():
        if code_or_name in (cls.code, cls.name):
            return cls
    raise KeyError(code_or_name)


def matches(cls: Any, ref: str) -> bool:
    """Does ``ref`` (a code, name, group or glob over codes and names) name this rule?

    Works for anything with ``code``, ``name`` and ``groups``: rules and repair fixes.
    """
    if ref in (cls.code, cls.name) or ref in cls.groups:
        return True
    return fnmatch.fnmatchcase(cls.code, ref) or fnmatch.fnmatchcase(cls.name, ref)


def select(select: Iterable[str] | None, ignore: Iterable[str] = ()) -> list[type[Rule]]:
    """The rules a run uses: those ``select`` names (all when ``None``), less ``ignore``."""
    chosen = all_rules()
    if select is not None:
        refs = list(select)
        chosen = [c for c in chosen if any(matches(c, r) for r in refs)]
    ignored = list(ignore)
    return [c for c in chosen if not any(matches(c, r) for r in ignored)]
