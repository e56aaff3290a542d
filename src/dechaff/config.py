"""One configuration object for a cleaning run.

Every option has a documented default; ``Config().replace(name=value)`` or keyword arguments
to :func:`dechaff.clean` override single options, and :meth:`Config.discover` reads a project's
``[tool.dechaff]`` table in ``pyproject.toml`` or a ``dechaff.toml``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10
    import tomli as tomllib

PROJECT_FILES = ("dechaff.toml", "pyproject.toml")
#: The most a configuration file or a pack may hold: far more than any real one, and a
#: ``--config /dev/zero`` is refused instead of read without end.
MAX_FILE_BYTES = 1_000_000


def read_toml(path: Path, what: str, error: type[Exception] = ConfigError) -> dict[str, Any]:
    """The TOML table in ``path`` (a ``what``: "configuration", "pack"), read up to
    :data:`MAX_FILE_BYTES`; ``error`` (naming the file) when it cannot be read or parsed."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise error(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise error(f"{path}: a {what} file holds at most {MAX_FILE_BYTES:,} bytes; is this the "
                    "right file?")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise error(f"{path}: cannot read the {what}: not UTF-8 ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: the {what} is not valid TOML: {exc}") from None


@dataclass(frozen=True)
class Config:
    """Options of a cleaning run.

    - ``input``: ``"text"``, ``"html"``, or ``"auto"`` (HTML is recognised by its tags).
    - ``select``: rules to run, by code (``RL01``), dotted name (``related.read_also``), group
      (``related``) or glob (``RL*``). ``None`` runs every rule.
    - ``ignore``: rules (or repair steps, ``RP01``) not to run, referenced the same way; wins
      over ``select``.
    - ``packs``: paths of TOML rule packs to load beside the registered rules.
    - ``rules``: per-rule settings, ``{"ST06": {"min_words": 80}}`` (by code or name).
    - ``repair``: run the repair stage (mojibake, entities, invisible characters, glued words).
    - ``split``: split a scrape holding several articles into several records.
    - ``explain``: keep the trace of every removal, repair and split on the records.
    - ``max_removed_share``: the over-removal guard. When rules would remove more than this
      share of an article's paragraph text (in articles of 50 words of paragraphs or more),
      the article is kept as it was and flagged.
      ``None`` turns the guard off.
    - ``max_chars``: larger inputs raise :class:`~dechaff.errors.InputTooLargeError`.
    - ``regex_timeout``: seconds one pattern of a pack's or plugin's rule may run on one
      document before the document fails with a :class:`~dechaff.errors.RuleError` naming
      the rule (the built-in rules' patterns are linear and run without the timer).
    - ``strict_plugins``: raise when a plugin fails to load, instead of warning.
    - ``time_limit``: seconds per MB of input (and never less than that many seconds) that
      one document may take, all rules and stages together, built-in or not; a document past
      it fails with a :class:`~dechaff.errors.RuleError` naming the rule that was running,
      and the next one runs as usual. The default, 5 s per MB, is about ten times what a
      real scrape takes. ``None`` turns the limit off.
    """

    input: str = "auto"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    rules: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    repair: bool = True
    split: bool = True
    explain: bool = False
    max_removed_share: float | None = 0.9
    max_chars: int = 20_000_000
    regex_timeout: float = 5.0
    strict_plugins: bool = False
    time_limit: float | None = 5.0

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "packs"):
            value = getattr(self, name)
            if isinstance(value, (str, Path)):
                value = (value,)
            if value is not None:
                object.__setattr__(self, name, tuple(str(v) if isinstance(v, Path) else v
                                                     for v in value))
        if isinstance(self.rules, Mapping):
            object.__setattr__(self, "rules", _freeze_rules(self.rules))
        if self.max_chars <= 0 or self.regex_timeout <= 0:
            raise ConfigError("max_chars and regex_timeout must be positive")
        if self.time_limit is not None and not self.time_limit > 0:
            raise ConfigError(f"time_limit is seconds per MB, more than 0 (or None: no limit), "
                              f"not {self.time_limit!r}")
        if self.input not in ("auto", "text", "html"):
            raise ConfigError(f"input is 'auto', 'text' or 'html', not {self.input!r}")
        share = self.max_removed_share
        if share is not None and not 0 < share <= 1:
            raise ConfigError(f"max_removed_share is a share between 0 and 1 (or None), not {share}")

    def replace(self, **changes: Any) -> "Config":
        """A copy with some options changed; unknown option names raise ``ConfigError``."""
        known = {f.name for f in fields(self)}
        wrong = sorted(set(changes) - known)
        if wrong:
            raise ConfigError(f"unknown option(s) {wrong}; options are {sorted(known)}")
        return replace(self, **changes)

    def settings_for(self, code: str, name: str) -> dict[str, Any]:
        """The settings given for the rule with this code or name."""
        found: dict[str, Any] = {}
        for ref, items in self.rules:
            if ref in (code, name):
                found.update(items)
        return found

    @classmethod
    def from_file(cls, path: str | Path, **overrides: Any) -> "Config":
        """Options from a ``dechaff.toml`` (top level) or ``pyproject.toml`` (``[tool.dechaff]``).

        Relative pack paths are taken from the file's folder.
        """
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
        table = data.get("tool", {}).get("dechaff", {}) if path.name == "pyproject.toml" else data
        known = {f.name for f in fields(cls)}
        wrong = sorted(set(table) - known)
        if wrong:
            raise ConfigError(f"{path}: unknown option(s) {wrong}; options are {sorted(known)}")
        options = dict(table)
        if "packs" in options:
            options["packs"] = tuple(str((path.parent / p).resolve()) for p in options["packs"])
        options.update(overrides)
        try:
            return cls(**options)
        except TypeError as exc:
            raise ConfigError(f"{path}: {exc}") from None

    @classmethod
    def discover(cls, start: str | Path | None = None, **overrides: Any) -> "Config":
        """Options from the nearest project file, looking from ``start`` (the working folder)
        upward: a ``dechaff.toml``, or a ``pyproject.toml`` with a ``[tool.dechaff]`` table.
        Defaults when there is none."""
        found = find_project_file(start)
        return cls.from_file(found, **overrides) if found else cls(**overrides)


def find_project_file(start: str | Path | None = None) -> Path | None:
    folder = Path(start or Path.cwd()).resolve()
    for place in (folder, *folder.parents):
        for name in PROJECT_FILES:
            candidate = place / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(path: Path) -> bool:
    try:
        return "dechaff" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def _freeze_rules(rules: Mapping[str, Mapping[str, Any]]) -> tuple:
    frozen = []
    for ref, settings in rules.items():
        if not isinstance(settings, Mapping):
            raise ConfigError(f"rules.{ref} must be a table of settings, not {type(settings).__name__}")
        frozen.append((ref, tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                                         for k, v in settings.items()))))
    return tuple(frozen)
