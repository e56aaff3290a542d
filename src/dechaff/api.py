"""The one-call API: clean a scrape with a cleaner built once per configuration (see
:func:`~dechaff.pipeline.cached_cleaner`), and the shapes users ask for: the records, the
records with their trace, or the clean text alone."""

from __future__ import annotations

from typing import Any

from .config import Config
from .document import Record
from .pipeline import cached_cleaner


def clean(source: str | bytes, *, config: Config | None = None, **options: Any) -> list[Record]:
    """Clean one scrape (text or bytes) into one record per article.

    Keyword options override ``config`` (see :class:`~dechaff.config.Config`), e.g.
    ``clean(text, explain=True)``.

    >>> clean("Politics\\n\\nA headline here\\n\\nThe body of the story is long enough to be one.")[0].title
    'A headline here'
    """
    return cached_cleaner(Config.of(config, **options)).clean(source)


def explain(source: str | bytes, *, config: Config | None = None, **options: Any) -> list[Record]:
    """:func:`clean` with the trace of every removal, repair and split on the records."""
    return clean(source, config=config, **{**options, "explain": True})


def clean_text(source: str | bytes, *, config: Config | None = None, **options: Any) -> str:
    """The clean text of one scrape: its records' bodies, joined by one blank line.

    For a column of texts, ``df["text"].map(dechaff.clean_text)``. Titles and the other
    fields are left out; a scrape that holds no article gives ``""``. Options and errors are
    :func:`clean`'s: text that is no ``str`` or ``bytes`` (``None``, a missing value's NaN)
    raises :class:`~dechaff.errors.InputError`, a bad option
    :class:`~dechaff.errors.ConfigError`.

    >>> clean_text("Also read: Another story\\n\\nThe council met on Monday and voted.")
    'The council met on Monday and voted.'
    """
    return "\n\n".join(r.body for r in clean(source, config=config, **options) if r.body)
