"""One configuration object for a cleaning run.

Every option has a documented default; ``Config().replace(name=value)`` or keyword arguments to
:func:`dechaff.clean` override single options.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError

LANGUAGES = ("en", "es", "de", "fr", "pt", "id")


@dataclass(frozen=True)
class Config:
    """Options of a cleaning run.

    - ``select``: rules to run, by code (``RL01``), dotted name (``related.read_also``), group
      (``related``) or glob (``RL*``). ``None`` runs every rule that is on by default.
    - ``ignore``: rules not to run, referenced the same way; wins over ``select``.
    - ``languages``: languages whose wordings the multilingual rules look for.
    - ``repair``: run the repair stage (mojibake, entities, invisible characters, glued words).
    - ``split``: split a scrape holding several articles into several records.
    - ``explain``: keep the trace of every removal, repair and split on the records.
    - ``max_chars``: larger inputs raise :class:`~dechaff.errors.InputTooLargeError`.
    - ``regex_timeout``: seconds one rule's pattern may run on one document.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    languages: tuple[str, ...] = LANGUAGES
    repair: bool = True
    split: bool = True
    explain: bool = False
    max_chars: int = 20_000_000
    regex_timeout: float = 5.0

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "languages"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            elif value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        unknown = set(self.languages) - set(LANGUAGES)
        if unknown:
            raise ConfigError(
                f"unsupported language(s) {sorted(unknown)}; dechaff knows {', '.join(LANGUAGES)}"
            )
        if self.max_chars <= 0 or self.regex_timeout <= 0:
            raise ConfigError("max_chars and regex_timeout must be positive")

    def replace(self, **changes: Any) -> "Config":
        """A copy with some options changed; unknown option names raise ``ConfigError``."""
        known = {f.name for f in fields(self)}
        wrong = sorted(set(changes) - known)
        if wrong:
            raise ConfigError(f"unknown option(s) {wrong}; options are {sorted(known)}")
        return replace(self, **changes)
