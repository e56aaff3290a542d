"""The language a record's body is written in, from py3langid (an optional dependency, the
``language`` extra: its model ships in its package, so nothing is downloaded).

Asked for with ``Config.language`` (``dechaff clean --language``). A body shorter than
:data:`MIN_LETTERS` letters gets ``None``: on a line or two the guess is often wrong.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .errors import ConfigError

#: The fewest letters a body needs for its language to be guessed.
MIN_LETTERS = 40


@lru_cache(maxsize=1)
def _identifier() -> Any:
    try:
        import py3langid
    except ImportError:
        raise ConfigError("language needs py3langid: pip install 'dechaff[language]'") from None
    return py3langid


def available() -> None:
    """Raise :class:`~dechaff.errors.ConfigError` now when py3langid is not installed."""
    _identifier()


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or ``None`` when it is too
    short to tell.

    >>> detect("Die Aufregung nach dem Aufmarsch in Hamburg bleibt groß, sagte die Polizei.")
    'de'
    >>> detect("Home") is None
    True
    """
    if sum(c.isalpha() for c in text[:2000]) < MIN_LETTERS:
        return None
    code, _ = _identifier().classify(text[:10_000])
    return code
