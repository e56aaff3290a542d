"""One configuration object for a cleaning run.

Every option has a documented default; ``Config().replace(name=value)`` or keyword arguments
to :func:`dechaff.clean` override single options, and :meth:`Config.discover` reads a project's
``[tool.dechaff]`` table in ``pyproject.toml`` or a ``dechaff.toml``.
"""

from __future__ import annotations

import stat
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
#: The values of ``Config.favor``.
FAVORS = ("precision", "balanced", "recall")
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
    - ``favor``: what the rules that judge text by its evidence (``evidence.*``) lean to when
      a line could be either article text or noise: ``"precision"`` (drop more: a cleaner
      body, now and then a short line of the article lost), ``"recall"`` (keep more: every
      line of the article, now and then a line of noise) or ``"balanced"``. A rule's own
      ``favor`` setting (``rules={"EV02": {"favor": "recall"}}``) wins.
    - ``time_limit``: seconds per MB of input (and never less than that many seconds) that
      one document may take, all rules and stages together, built-in or not; a document past
      it fails with a :class:`~dechaff.errors.RuleError` naming the rule that was running,
      and the next one runs as usual. The default, 3 s per MB (so 3 s for any document up
      to 1 MB), is three times or more what real scrapes and pages take; documents shaped
      to be slow (hundreds of thousands of menu lines) fail instead. ``None`` turns the
      limit off.
    - ``language``: give each record its body's language (``Record.language``, ISO 639-1),
      guessed by py3langid (the ``language`` extra): about 1 ms a record, so 1.6 times
      the time on the fixtures' short scrapes and 1.1 times on the bench's whole pages.
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
    favor: str = "balanced"
    time_limit: float | None = 3.0
    language: bool = False

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "packs"):
            object.__setattr__(self, name, _references(name, getattr(self, name)))
        object.__setattr__(self, "rules", _freeze_rules(self.rules))
        for name in ("repair", "split", "explain", "strict_plugins", "language"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"{name} is true or false, not {getattr(self, name)!r:.60}")
        if self.input not in ("auto", "text", "html"):
            raise ConfigError(f"input is 'auto', 'text' or 'html', not {self.input!r:.60}")
        if self.favor not in FAVORS:
            raise ConfigError(f"favor is 'precision', 'balanced' or 'recall', not {self.favor!r:.60}")
        if not _number(self.max_chars, int) or self.max_chars <= 0:
            raise ConfigError(f"max_chars is a number of characters, more than 0, not {self.max_chars!r:.60}")
        if not _number(self.regex_timeout) or self.regex_timeout <= 0:
            raise ConfigError(f"regex_timeout is seconds, more than 0, not {self.regex_timeout!r:.60}")
        limit = self.time_limit
        if limit is not None and (not _number(limit) or not limit > 0):
            raise ConfigError(f"time_limit is seconds per MB, more than 0 (or None: no limit), "
                              f"not {limit!r:.60}")
        share = self.max_removed_share
        if share is not None and (not _number(share) or not 0 < share <= 1):
            raise ConfigError(f"max_removed_share is a share between 0 and 1 (or None), not {share!r:.60}")

    def replace(self, **changes: Any) -> "Config":
        """A copy with some options changed; unknown option names raise ``ConfigError``."""
        _known_options(changes)
        return replace(self, **changes)

    def settings_for(self, rule: Any) -> dict[str, Any]:
        """The settings for ``rule`` (a rule class): ``favor`` for a rule that has that
        setting, then those given for its code or name (in any case)."""
        found: dict[str, Any] = {"favor": self.favor} if "favor" in rule.settings else {}
        for ref, items in self.rules:
            if ref.casefold() in (rule.code.casefold(), rule.name.casefold()):
                found.update(items)
        return found

    @classmethod
    def of(cls, config: "Config | None" = None, **options: Any) -> "Config":
        """``config`` (the defaults when ``None``) with ``options`` replacing its own."""
        config = config or cls()
        return config.replace(**options) if options else config

    @classmethod
    def from_file(cls, path: str | Path, **overrides: Any) -> "Config":
        """Options from a ``dechaff.toml`` (top level) or ``pyproject.toml`` (``[tool.dechaff]``).

        Relative pack paths are taken from the file's folder.
        """
        path = Path(path)
        data = read_toml(path, "configuration")
        table = data.get("tool", {}).get("dechaff", {}) if path.name == "pyproject.toml" else data
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.dechaff] is a table of options, not {table!r:.60}")
        _known_options(table, f"{path}: ")
        options = dict(table)
        try:
            if "packs" in options:
                packs = _references("packs", options["packs"])
                options["packs"] = tuple(str((path.parent / p).resolve()) for p in packs)
            options.update(overrides)
            return cls(**options)
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc.args[0]}") from None

    @classmethod
    def discover(cls, start: str | Path | None = None, **overrides: Any) -> "Config":
        """Options from the project's file, looking from ``start`` (the working folder) upward
        to the project's root (see :func:`find_project_file`). Defaults when there is none."""
        found = find_project_file(start)
        return cls.from_file(found, **overrides) if found else cls(**overrides)


def _known_options(names: Any, where: str = "") -> None:
    """Raise ``ConfigError`` (``where`` before its message) if any of ``names`` is no option."""
    known = {f.name for f in fields(Config)}
    wrong = sorted(set(names) - known)
    if wrong:
        raise ConfigError(f"{where}unknown option(s) {wrong}; options are {sorted(known)}")


#: What marks a project's root folder: the search for a project file stops there.
ROOT_MARKERS = ("pyproject.toml", "dechaff.toml", ".git")


def find_project_file(start: str | Path | None = None) -> Path | None:
    """The project's ``dechaff.toml``, or its ``pyproject.toml`` with a ``[tool.dechaff]``
    table, looking from ``start`` upward.

    The search stops at the first folder holding a ``pyproject.toml``, a ``dechaff.toml`` or
    a ``.git`` (the project's root, as ruff and black find it): nothing above a project
    applies to it. A folder anyone may write to (a shared ``/tmp``) is never searched, for
    anyone could have left a file there; point at such a file with ``--config``.
    """
    folder = Path(start or Path.cwd()).resolve()
    for place in (folder, *folder.parents):
        if _shared(place):
            return None
        candidate = place / "dechaff.toml"
        if candidate.is_file():
            return candidate
        candidate = place / "pyproject.toml"
        if candidate.is_file() and _has_table(candidate):
            return candidate
        if any((place / marker).exists() for marker in ROOT_MARKERS):
            return None
    return None


def _shared(folder: Path) -> bool:
    try:
        return bool(folder.stat().st_mode & stat.S_IWOTH)
    except OSError:
        return True


def _has_table(path: Path) -> bool:
    try:
        return "dechaff" in read_toml(path, "configuration").get("tool", {})
    except ConfigError:
        return False


def _number(value: Any, kind: type | tuple = (int, float)) -> bool:
    return isinstance(value, kind) and not isinstance(value, bool)


def _references(name: str, value: Any) -> tuple[str, ...] | None:
    """``select``, ``ignore`` or ``packs`` as a tuple of strings (one string is one item)."""
    if value is None and name == "select":
        return None
    if isinstance(value, (str, Path)):
        value = (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, Path)) for v in value):
        return tuple(str(v) for v in value)
    what, example = (("paths of TOML packs", '["acme.toml"]') if name == "packs"
                     else ("rule codes, names, groups or globs", '["RL01", "promo"]'))
    raise ConfigError(f"{name} is a list of {what}, e.g. {name} = {example}, not {value!r:.60}")


def _freeze_rules(rules: Any) -> tuple:
    """Per-rule settings as nested tuples (a Config is hashable), checked for shape."""
    if isinstance(rules, tuple) and all(
            isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
            and isinstance(item[1], tuple) for item in rules):
        return rules  # frozen already
    if not isinstance(rules, Mapping):
        raise ConfigError('rules is a table of per-rule settings, e.g. rules = {"ST06": '
                          '{"min_words": 80}} (in TOML, [rules.ST06] then min_words = 80), '
                          f"not {rules!r:.60}")
    frozen = []
    for ref, settings in rules.items():
        if not isinstance(ref, str) or not isinstance(settings, Mapping):
            raise ConfigError(f"rules.{ref} must be a table of settings, not "
                              f"{type(settings).__name__}")
        frozen.append((ref, tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                                         for k, v in settings.items()))))
    return tuple(frozen)
