"""dechaff: turn text scraped from news aggregators into clean, explained article records.

>>> import dechaff
>>> [r.body for r in dechaff.clean("Also read: Another story\\n\\nThe council met and voted on Monday.")]
['The council met and voted on Monday.']
"""

from typing import Any

from .config import Config
from .document import Block, Change, Record, Removal
from .errors import (ConfigError, DechaffError, DecodeError, InputError, InputTooLargeError,
                     RuleError)
from .corpus import clean_many
from .integrations.datasets import batch_cleaner
from .api import clean, clean_text, explain
from .pipeline import Cleaner
from .plugins import all_rules
from .rules import PatternRule, Rule, register

__version__ = "0.1.0"

__all__ = [
    "Block", "Change", "Cleaner", "Config", "ConfigError", "DechaffError", "DecodeError",
    "InputError", "InputTooLargeError", "PatternRule", "Record", "Removal", "Rule", "RuleError",
    "all_rules", "batch_cleaner", "clean", "clean_many", "clean_text", "explain", "register",
]

#: Names that left the top level, and where they live now (a plugin that imports them from
#: here still works, warned).
_MOVED = {"keep": "dechaff.rules", "remove": "dechaff.rules", "Example": "dechaff.rules"}


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        import importlib
        import warnings

        warnings.warn(f"dechaff.{name} is {_MOVED[name]}.{name} now: import it from there",
                      DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module 'dechaff' has no attribute {name!r}")
