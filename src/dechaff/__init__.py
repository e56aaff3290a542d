"""dechaff: turn text scraped from news aggregators into clean, explained article records.

>>> import dechaff
>>> [r.body for r in dechaff.clean("Also read: Another story\\n\\nThe council met and voted on Monday.")]
['The council met and voted on Monday.']
"""

from .config import Config
from .document import Block, Record, Removal
from .errors import (ConfigError, DechaffError, DecodeError, InputError, InputTooLargeError,
                     RuleError)
from .corpus import clean_many
from .integrations.datasets import batch_cleaner
from .pipeline import Cleaner, clean, explain
from .rules import Example, PatternRule, Rule, all_rules, keep, register, remove

__version__ = "0.1.0"

__all__ = [
    "Block", "Cleaner", "Config", "ConfigError", "DechaffError", "DecodeError", "Example",
    "InputError", "InputTooLargeError", "PatternRule", "Record", "Removal", "Rule", "RuleError",
    "all_rules", "batch_cleaner", "clean", "clean_many", "explain", "keep", "register", "remove",
]
