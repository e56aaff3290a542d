"""Rules for the tests of the engine's limits: registered for one test, then taken back."""

from contextlib import contextmanager

import dechaff
from dechaff.rules import registry


@contextmanager
def registered(*classes):
    """Register rule classes for the length of a test (and forget cleaners built with them)."""
    for cls in classes:
        registry.register(cls)
    dechaff.pipeline._cleaner.cache_clear()
    try:
        yield
    finally:
        for cls in classes:
            registry._RULES.pop(cls.code, None)
        dechaff.pipeline._cleaner.cache_clear()


def rule(code, propose, phase="text", **attrs):
    """A rule class whose ``propose`` (or ``propose_article``) is the function given."""
    method = "propose_article" if phase == "article" else "propose"
    return type(f"Test_{code}", (dechaff.Rule,), {
        "code": code, "name": f"test.{code.lower()}", "description": "A rule for a test.",
        "phase": phase, method: propose, "__module__": "tests.rulekit", **attrs})
