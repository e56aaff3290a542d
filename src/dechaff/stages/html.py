"""HTML in: telling markup from text, and Cloudflare's protected addresses.

The extraction itself is :mod:`dechaff.stages.extract`; the metadata :mod:`dechaff.stages.meta`.
"""

from __future__ import annotations

import re


# A tag's name ends at a space, "/" or ">": "<a:0" or "<p-value" is text, not a tag.
_LOOKS_HTML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<(?:html|head|body|div|p|article|"
                         r"section|meta|title|span|h[1-6]|table|ul|a)(?=[\s/>]))", re.IGNORECASE)
_TAGS = re.compile(r"<\s*/?\s*(?:p|div|br|span|a|li|h[1-6]|html|body|article)(?=[\s/>])[^<>]*>",
                   re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Does this text look like an HTML page rather than a scrape's plain text?

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Prices rose 3% <a bit> faster than wages.")
    False
    """
    head = text[:2000]
    return bool(_LOOKS_HTML.search(head)) or len(_TAGS.findall(head)) >= 5


def decode_cfemail(encoded: str) -> str | None:
    """Cloudflare's obfuscated address: the first byte is the key for the others.

    >>> decode_cfemail("543931142c39353d387a373b39")
    'me@xmail.com'
    """
    try:
        data = bytes.fromhex(encoded)
    except ValueError:
        return None
    if not data:
        return None
    return "".join(chr(b ^ data[0]) for b in data[1:])
