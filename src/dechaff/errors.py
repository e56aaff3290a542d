"""Errors dechaff raises on purpose.

Every error is a :class:`DechaffError`, so a pipeline can catch exactly what dechaff means to
raise and let real bugs through. Each message says what went wrong *and* what to do about it.
"""

from __future__ import annotations


class DechaffError(Exception):
    """Base class of every error dechaff raises on purpose."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(DechaffError, ValueError):
    """The input cannot be cleaned as given (wrong type, binary data, too large)."""

    code = "E001"


class DecodeError(InputError, UnicodeError):
    """Bytes that could not be decoded into text."""

    code = "E002"


class InputTooLargeError(InputError):
    """The input is larger than ``Config.max_chars``."""

    code = "E003"


class RuleError(DechaffError, RuntimeError):
    """A rule raised or ran past its time limit; the message names the rule."""

    code = "E100"

    def __init__(self, message: str, *, rule_code: str | None = None) -> None:
        super().__init__(message)
        self.rule_code = rule_code


class ConfigError(DechaffError, ValueError):
    """A configuration value is invalid."""

    code = "E200"


class PluginError(DechaffError, ImportError):
    """A plugin (a ``dechaff.rules`` entry point) failed to load, in strict mode."""

    code = "E300"


class PackError(ConfigError):
    """A TOML rule pack is malformed; the message names the file, the rule and the field."""

    code = "E201"


class LimitError(InputError):
    """An input is over one of the reading limits (:class:`dechaff.io.limits.Limits`); the
    message names the limit and the option that raises it."""

    code = "E004"


class OutputError(DechaffError, OSError):
    """The output cannot be written (disk full, no permission); a previous output file is
    left as it was."""

    code = "E400"


class UsageError(DechaffError, ValueError):
    """The run is asked for something it cannot do as given (an output that is also an
    input, an output name of no known format); the message says what to give instead."""

    code = "E401"
