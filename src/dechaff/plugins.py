"""Plugins: the ``dechaff.rules`` entry points, loaded into the registry, and rule packs.

The built-in families are the entry point ``builtin`` of dechaff's own distribution, and a
third-party package adds its own entry points the same way (see ``docs/plugins.md``). An entry
point may name a module (whose rules register themselves with
:func:`~dechaff.rules.registry.register`), a rule class, a list of rule classes, or the path of
a TOML rule pack. One that fails to load is reported by name and skipped, or raises
:class:`~dechaff.errors.PluginError` in strict mode.
"""

from __future__ import annotations

import importlib
import os
import warnings
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Iterable

from . import limits
from .errors import ConfigError, PluginError
from .packs import load_pack
from .rules import registry
from .rules.base import Rule

GROUP = "dechaff.rules"
#: Entry points that failed to load: (name, value, reason).
FAILURES: list[tuple[str, str, str]] = []
_loaded = False


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
    if isinstance(obj, type) and issubclass(obj, Rule):
        if not registry.registered(obj.code):
            registry.register(obj)
    elif isinstance(obj, (str, Path)):
        for cls in load_pack(Path(obj)):
            registry.register(cls)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            _add(item, source)
    elif hasattr(obj, "__name__") and hasattr(obj, "__file__"):
        pass  # a module: its rules registered themselves when it was imported
    else:
        raise ConfigError(f"entry point {source!r} gave {type(obj).__name__}; expected a module, "
                          "a Rule subclass, a list of them, or the path of a TOML pack")


def pack_rules(paths: Iterable[str]) -> list[type[Rule]]:
    """The rules of the packs at ``paths`` that the registry does not hold yet."""
    known = registry.all_rules()
    plugged = {getattr(cls, "source", None) for cls in known} - {None}
    taken = {key: cls for rule in known for key, cls in registry.keys(rule).items()}
    added: list[type[Rule]] = []
    seen = set(known)
    for path in paths:
        for cls in load_pack(path):
            if cls in seen or cls.source in plugged:
                continue  # the pack came in already, through a plugin's entry point
            if registry.reused(cls, taken) is not None:
                raise ConfigError(f"{path}: rule {cls.code} ({cls.name}) reuses the code or "
                                  "name of a rule already known; codes are never reused")
            seen.add(cls)
            taken.update(registry.keys(cls))
            added.append(cls)
    return added


def all_rules() -> list[type[Rule]]:
    """Every rule: the built-in ones and the plugins', loaded first (see
    :func:`~dechaff.rules.registry.all_rules`)."""
    load()
    return registry.all_rules()


registry.LOADER[:] = [load]
