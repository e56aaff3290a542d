"""Cloudflare email-protection leftovers.

Cloudflare hides addresses behind a script; a scraper that does not run it captures the
placeholder ``[email protected]`` instead, often with the label it was meant to fill.
"""

from __future__ import annotations

import regex

from .base import PatternRule, keep, remove
from .registry import register

PLACEHOLDER = r"\[email\s+protected\]"
#: Words that show the placeholder is the subject of the sentence, not a leftover.
_ABOUT = regex.compile(r"cloudflare|obfuscat|placeholder|scrap(?:er|ing)|the string|the text",
                       regex.IGNORECASE)
_QUOTES = "\"“”'‘’«»`"


def quoted_or_discussed(match: regex.Match, doc) -> bool:
    """Is the placeholder quoted, or in a paragraph that talks about it?"""
    text = doc.text
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if before in _QUOTES or after in _QUOTES:
        return True
    return _discusses(doc, doc.block_at(match.start()))


def _discusses(doc, block) -> bool:
    """Does the block talk about the placeholder? Read once per block and document: a line
    of thousands of placeholders is not read again for each one."""
    seen = doc.shared.setdefault("email.discusses", {})
    if block.index not in seen:
        seen[block.index] = bool(_ABOUT.search(block.text))
    return seen[block.index]


@register
class LabeledPlaceholder(PatternRule):
    """An ``Email:`` label left holding nothing but the Cloudflare placeholder."""

    code = "EM01"
    name = "email.labeled_placeholder"
    groups = ("email",)
    description = "'Email: [email protected]' (any language's label), cut together."
    keywords = ("protected]",)
    scope = "span"
    pattern = (r"(?i:\b(?:e-?mail(?:\s+address)?|correo(?:\s+electrónico)?|e-mail-adresse|courriel"
               r"|adresse\s+e-?mail|surel|contact"
               r"|(?:reach|contact|e-?mail|write to)\s+(?:the\s+(?:author|writer|reporter|newsroom|editors?)"
               r"|us|me|him|her|them)(?:\s+(?:at|via|on))?)\s*:?\s*)" + PLACEHOLDER + r"[.:]?")
    examples = (
        remove("Phone Number: (818) 359-3898 Email: [email protected]: https://example.org/",
               "[email protected]", "Email:"),
        keep("Email the newsroom if you have a tip, the editor wrote."),
    )

    def accept(self, match, doc) -> bool:
        return not quoted_or_discussed(match, doc)


@register
class Placeholder(PatternRule):
    """The bare placeholder ``[email protected]`` wherever it stands.

    **Known problems:** a story *about* the placeholder keeps it: quoted, or in a paragraph
    that mentions Cloudflare, obfuscation or scraping.
    """

    code = "EM02"
    name = "email.placeholder"
    groups = ("email",)
    description = "Cloudflare's '[email protected]' placeholder, bare."
    keywords = ("protected]",)
    scope = "span"
    pattern = r"(?:\b(?:or|at|to)\s+)?" + PLACEHOLDER
    examples = (
        remove("Write to the desk at [email protected] with questions.", "[email protected]"),
        keep("Cloudflare replaces each address with [email protected] until a script runs."),
        keep("Readers saw “[email protected]” where the address should be."),
    )

    def accept(self, match, doc) -> bool:
        return not quoted_or_discussed(match, doc)
