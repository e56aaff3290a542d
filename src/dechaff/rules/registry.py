"""The registry: every rule, built-in or not, is registered under a stable code and a name.

Rules reach the registry through one mechanism, the ``dechaff.rules`` entry-point group: the
built-in families are the entry point ``builtin`` of dechaff's own distribution, and a
third-party package adds its own entry points the same way (see ``docs/plugins.md``). An entry
point may name a module (whose rules register themselves with :func:`register`), a rule class,
a list of rule classes, or the path of a TOML rule pack. One that fails to load is reported
by name and skipped, or raises :class:`~dechaff.errors.PluginError` in strict mode.

Rules are selected by code (``RL01``), dotted name (``related.read_also``), group
(``related``) or glob (``RL*``), in any case; a reference that names nothing is a
:class:`~dechaff.errors.ConfigError` naming the closest ones.
"""

from __future__ import annotations

import difflib
import fnmatch
import importlib
import os
import warnings
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Iterable, Sequence

from .. import limits
from ..errors import ConfigError, PluginError
from .base import Rule

GROUP = "dechaff.rules"
_RULES: dict[str, type[Rule]] = {}
#: Registered rules by code and by name, case folded (codes and names are unique in any case).
_KEYS: dict[str, type[Rule]] = {}
#: How many rules were registered so far (a cleaner built before a registration is stale).
CHANGES = [0]
#: Entry points that failed to load: (name, value, reason).
FAILURES: list[tuple[str, str, str]] = []
_loaded = False


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry. Codes and names must be unique."""
    if not cls.code or not cls.name:
        raise ConfigError(f"rule {cls.__name__} needs a code and a dotted name")
    for key in (cls.code.casefold(), cls.name.casefold()):
        other = _KEYS.get(key)
        if other is not None and other is not cls and _RULES.get(other.code) is other:
            raise ConfigError(
                f"rule {cls.__name__} reuses code {cls.code} or name {cls.name} of {other.__name__}"
            )
    _RULES[cls.code] = cls
    _KEYS.update({cls.code.casefold(): cls, cls.name.casefold(): cls})
    CHANGES[0] += 1
    return cls


def load(strict: bool | None = None) -> None:
    """Load every ``dechaff.rules`` entry point once (built-ins first).

    ``strict`` (default: the ``DECHAFF_STRICT_PLUGINS`` environment variable) raises on a
    plugin that fails to load instead of warning and skipping it.
    """
    global _loaded
    if strict is None:
        strict = os.environ.get("DECHAFF_STRICT_PLUGINS", "") not in ("", "0")
    if not _loaded:
        _loaded = True
        points = sorted(entry_points(group=GROUP), key=lambda ep: (ep.name != "builtin", ep.name))
        if not any(ep.name == "builtin" and ep.value.startswith("dechaff.") for ep in points):
            importlib.import_module("dechaff.rules.builtin")  # running from a source tree
        load_entry_points(points, strict=False)
    if strict and FAILURES:
        raise PluginError("plugin(s) failed to load: " + "; ".join(
            f"{name} ({value}): {reason}" for name, value, reason in FAILURES))


def load_entry_points(points: Iterable[Any], strict: bool = False) -> None:
    """Register what each entry point gives; report (or, ``strict``, raise on) failures."""
    for ep in points:
        with limits.guard(None):  # tells a real Ctrl-C from a plugin's KeyboardInterrupt
            try:
                _add(ep.load(), ep.name)
            except BaseException as exc:  # a broken plugin, even one that exits, is skipped
                if isinstance(exc, KeyboardInterrupt) and limits.real_interrupt():
                    raise
                _failed(ep, exc, strict)


def _failed(ep: Any, exc: BaseException, strict: bool) -> None:
    FAILURES.append((ep.name, ep.value, f"{type(exc).__name__}: {exc}"))
    message = f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}"
    if strict:
        raise PluginError(message) from (exc if isinstance(exc, Exception) else None)
    warnings.warn(f"dechaff: {message}; skipped", stacklevel=3)


def _add(obj: Any, source: str) -> None:
    """Register what an entry point gave: a module, a rule, rules, or a pack's path."""
    from ..packs import load_pack  # late: packs build rules on this module

    if isinstance(obj, type) and issubclass(obj, Rule):
        if obj.code not in _RULES:
            register(obj)
    elif isinstance(obj, (str, Path)):
        for cls in load_pack(Path(obj)):
            register(cls)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            _add(item, source)
    elif hasattr(obj, "__name__") and hasattr(obj, "__file__"):
        pass  # a module: its rules registered themselves when it was imported
    else:
        raise ConfigError(f"entry point {source!r} gave {type(obj).__name__}; expected a module, "
                          "a Rule subclass, a list of them, or the path of a TOML pack")


def all_rules() -> list[type[Rule]]:
    """Every registered rule class, in the order they run in: the built-in families in
    ``builtin.FAMILIES`` order (each in the order its module defines them), then the others
    in registration order."""
    load()
    rank = _family_rank()
    return sorted(_RULES.values(), key=lambda cls: rank.get(cls.__module__, len(rank)))


def _family_rank() -> dict[str, int]:
    """The built-in families' modules, by the order their rules run in."""
    from . import builtin

    return {module.__name__: i for i, module in enumerate(builtin.FAMILIES)}


def is_builtin(cls: Any) -> bool:
    """Is this one of dechaff's own rules (whose patterns are linear, so run untimed)?"""
    return cls.__module__ in _family_rank()


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
