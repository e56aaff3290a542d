"""The registry: every rule, built-in or not, is registered under a stable code and a name.

Rules reach it through one door, the ``dechaff.rules`` entry-point group, loaded by
:mod:`dechaff.plugins` (built-in families and plugins alike); :func:`register` is the class
decorator their modules use. The registry imports no family: the built-in families tell it the
order their rules run in (:func:`run_in_order`), and the plugin loader tells it how to load
what is not loaded yet (:data:`LOADER`).

Rules are selected by code (``RL01``), dotted name (``related.read_also``), group
(``related``) or glob (``RL*``), in any case; a reference that names nothing is a
:class:`~dechaff.errors.ConfigError` naming the closest ones.
"""

from __future__ import annotations

import difflib
import fnmatch
from typing import Any, Callable, Iterable, Sequence

from ..errors import ConfigError
from .base import Rule

_RULES: dict[str, type[Rule]] = {}
#: Registered rules by code and by name, case folded (codes and names are unique in any case).
_KEYS: dict[str, type[Rule]] = {}
#: How many rules were registered so far (a cleaner built before a registration is stale).
CHANGES = [0]
#: The modules of the built-in families, in the order their rules run (see :func:`run_in_order`).
_FAMILIES: dict[str, int] = {}
#: Loads every rule not loaded yet (the plugin loader sets it); the registry calls it before
#: it is first read.
LOADER: list[Callable[[], None]] = []


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry. Codes and names must be unique."""
    if not cls.code or not cls.name:
        raise ConfigError(f"rule {cls.__name__} needs a code and a dotted name")
    other = reused(cls, _KEYS, alive=lambda other: _RULES.get(other.code) is other)
    if other is not None:
        raise ConfigError(
            f"rule {cls.__name__} reuses code {cls.code} or name {cls.name} of {other.__name__}")
    _RULES[cls.code] = cls
    _KEYS.update(keys(cls))
    CHANGES[0] += 1
    return cls


def registered(code: str) -> bool:
    """Is a rule registered under this code?"""
    return code in _RULES


def keys(cls: type[Rule]) -> dict[str, type[Rule]]:
    """The keys a rule is known by: its code and its name, case folded."""
    return {cls.code.casefold(): cls, cls.name.casefold(): cls}


def reused(cls: type[Rule], known: dict[str, type[Rule]],
           alive: Callable[[type[Rule]], bool] = lambda other: True) -> type[Rule] | None:
    """The other rule among ``known`` (by :func:`keys`; those ``alive`` say still count)
    whose code or name ``cls`` reuses: codes are never reused."""
    for key in keys(cls):
        other = known.get(key)
        if other is not None and other is not cls and alive(other):
            return other
    return None


def all_rules() -> list[type[Rule]]:
    """Every registered rule class (every entry point loaded first), in the order they run
    in: the built-in families in ``builtin.FAMILIES`` order (each in the order its module
    defines them), then the others in registration order."""
    for load in LOADER:
        load()
    rank = _FAMILIES
    return sorted(_RULES.values(), key=lambda cls: rank.get(cls.__module__, len(rank)))


def run_in_order(modules: Iterable[str]) -> None:
    """The built-in families' modules, by the order their rules run in (whatever order
    their modules were imported in)."""
    _FAMILIES.clear()
    _FAMILIES.update((name, i) for i, name in enumerate(modules))


def is_builtin(cls: Any) -> bool:
    """Is this one of dechaff's own rules (whose patterns are linear, so run untimed)?"""
    return cls.__module__ in _FAMILIES


def get(code_or_name: str) -> type[Rule]:
    """The registered rule with this code or name (in any case)."""
    key = code_or_name.casefold()
    for cls in all_rules():
        if key in (cls.code.casefold(), cls.name.casefold()):
            return cls
    raise KeyError(code_or_name)


def matches(cls: Any, ref: str) -> bool:
    """Does ``ref`` (a code, name, group or glob over codes and names, in any case) name this
    rule?

    Works for anything with ``code``, ``name`` and ``groups``: rules and repair fixes.
    """
    key = ref.casefold()
    code, name = cls.code.casefold(), cls.name.casefold()
    if key in (code, name) or any(key == group.casefold() for group in cls.groups):
        return True
    return fnmatch.fnmatchcase(code, key) or fnmatch.fnmatchcase(name, key)


def select(select: Iterable[str] | None, ignore: Iterable[str] = (),
           rules: Sequence[Any] | None = None, also: Sequence[Any] = ()) -> list[Any]:
    """The rules a run uses: those ``select`` names (all when ``None``), less ``ignore``.

    ``rules`` defaults to every registered rule; ``also`` are other named things a reference
    may mean (repair steps). A reference that names nothing raises
    :class:`~dechaff.errors.ConfigError` with the closest names: a typo must not run the
    wrong rules (or none) in silence.
    """
    pool = list(all_rules() if rules is None else rules)
    refs_select = list(select) if select is not None else None
    refs_ignore = list(ignore)
    known = [*pool, *also]
    wrong = [ref for ref in (refs_select or []) + refs_ignore
             if not any(matches(c, ref) for c in known)]
    if wrong:
        raise ConfigError(unknown(wrong, known))
    chosen = pool if refs_select is None else [c for c in pool if any(matches(c, r) for r in refs_select)]
    return [c for c in chosen if not any(matches(c, r) for r in refs_ignore)]


def unknown(refs: Sequence[str], pool: Sequence[Any]) -> str:
    """No rule matches ``refs``: which names come closest."""
    names = {n.casefold(): n for c in pool for n in (c.code, c.name, *c.groups)}
    parts = []
    for ref in refs:
        close = [names[n] for n in difflib.get_close_matches(ref.casefold(), list(names), n=3, cutoff=0.5)]
        parts.append(f"{ref!r}" + (f" (did you mean {', '.join(close)}?)" if close else ""))
    return (f"no rule matches {', '.join(parts)}: select and ignore take rule codes, dotted "
            "names, groups or globs (RL01, related.read_also, related, RL*); `dechaff rules` "
            "lists them")
