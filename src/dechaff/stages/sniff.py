"""Sniff: is an input an HTML page or a scrape's plain text?

The page's tree is :mod:`dechaff.stages.tree`; its metadata :mod:`dechaff.stages.meta`.
"""

from __future__ import annotations

import re


# A tag's name ends at a space, "/" or ">": "<a:0" or "<p-value" is text, not a tag.
# Before its first tag a page may have a byte-order mark, an XML declaration, and comments
# its templates left (``<!-- cached -->``, ``<!--[if IE]>``).
_LOOKS_HTML = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype html|<(?:html|"
                         r"head|body|div|p|article|section|meta|title|span|h[1-6]|table|ul|a|script|"
                         r"style|link)(?=[\s/>]))", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<\s*/?\s*(?:p|div|br|span|a|li|h[1-6]|html|body|article)(?=[\s/>])[^<>]*>",
                   re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Does this text look like an HTML page rather than a scrape's plain text?

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Prices rose 3% <a bit> faster than wages.")
    False
    >>> looks_like_html("<!-- served from cache -->\\n<!DOCTYPE html><html><body></body></html>")
    True
    """
    head = text[:2000]
    return bool(_LOOKS_HTML.search(head)) or len(_TAGS.findall(head)) >= 5
