"""Wire and syndication boilerplate: the lines a press-release wire or a feed adds.

"SOURCE: X" and "View source version on Y: URL" close a press release; "The post X appeared
first on Y." closes a syndicated blog post; disclaimers say a story came from a feed.
"""

from __future__ import annotations

import regex

from .base import PatternRule, keep, remove
from .patterns import URL
from .registry import register


@register
class SourceCredit(PatternRule):
    """A press release's ``SOURCE: Company`` credit (upper-case label only)."""

    code = "WR01"
    name = "wire.source_credit"
    groups = ("wire",)
    description = "'SOURCE: Compare-autoinsurance.Org' at the end of a press release."
    scope = "span"
    pattern = r"(?:^|(?<=\s))SOURCE:\s+[^\n]{1,80}?(?=\s+View (?:source|original) version|\s*$)"
    examples = (
        remove("said the director. SOURCE: Compare-autoinsurance.Org", "SOURCE: Compare-autoinsurance.Org"),
        keep("The Source: a history of the magazine is due out next year, its editor said."),
    )


@register
class SourceVersion(PatternRule):
    """"View source version on X: URL": the wire's link to the original release.

    The URL names where the article came from, so it goes to ``sources``.
    """

    code = "WR02"
    name = "wire.source_version"
    groups = ("wire", "fields")
    description = "'View source version on accesswire.com: URL' (the URL becomes a source)."
    scope = "span"
    field = "sources"
    pattern = (rf"(?i:view (?:source|original) version on)\s+[\w.-]+\s*:?\s*(?P<url>{URL})"
               rf"|(?i:(?:this (?:article|story) was )?originally published (?:at|on|in))\s*:?\s*(?P<url>{URL})")
    flags = regex.IGNORECASE

    def value(self, match, doc):
        return [match.group("url")]

    examples = (
        remove("View source version on accesswire.com:https://www.accesswire.com/595055/x",
               sources=["https://www.accesswire.com/595055/x"]),
        keep("Users can view the source code on GitHub, the maintainers said."),
    )


@register
class AppearedFirst(PatternRule):
    """"The post X appeared first on Y.": a syndicated post's last line."""

    code = "WR03"
    name = "wire.appeared_first"
    groups = ("wire",)
    description = "'The post <title> appeared first on <site>.'"
    scope = "span"
    ends_article = True
    pattern = (r"(?i:the post)\s[^\n]{1,300}?\s(?i:appeared first on)\s[^\n]{1,80}?(?:\.|$)"
               r"|(?i:la entrada)\s[^\n]{1,300}?\s(?i:se publicó primero en)\s[^\n]{1,80}?(?:\.|$)"
               r"|(?i:o post)\s[^\n]{1,300}?\s(?i:apareceu primeiro em)\s[^\n]{1,80}?(?:\.|$)"
               r"|(?i:der beitrag)\s[^\n]{1,300}?\s(?i:erschien zuerst auf)\s[^\n]{1,80}?(?:\.|$)"
               r"|(?i:l'article|l’article)\s[^\n]{1,300}?\s(?i:est apparu en premier sur)\s[^\n]{1,80}?(?:\.|$)")
    examples = (
        remove("The post Markets rally on rate hopes appeared first on Finance Daily."),
        keep("The post office appeared first on the list of closures, officials said."),
    )

    def accept(self, match, doc) -> bool:
        # "The post office appeared first on the list ...": a site name is short and
        # capitalised, or a domain.
        tail = regex.split(r"(?i)appeared first on|se publicó primero en|apareceu primeiro em|"
                           r"erschien zuerst auf|est apparu en premier sur", match.group(0))[-1]
        site = tail.strip().rstrip(".")
        return bool(site) and len(site.split()) <= 6 and (site[0].isupper() or "." in site.split()[0])


@register
class SyndicationDisclaimer(PatternRule):
    """A note that the story came, unedited or auto-generated, from a feed."""

    code = "WR04"
    name = "wire.syndication_disclaimer"
    groups = ("wire",)
    description = "'This story was auto-generated from a syndicated feed', 'not edited by our staff'."
    scope = "span"
    pattern = (r"(?i:(?:disclaimer:?\s*)?(?:this|the above) (?:story|article|report|content|news|copy|post) "
               r"(?:has been |was |is )?(?:auto-?generated|automatically generated|published|generated|sourced|taken) "
               r"(?:from|via|through) (?:a |an |the )?(?:syndicated|agency|wire|automated|news agency|third[- ]party)"
               r"[^.\n]{0,120}(?:\.|$)"
               r"|[^.\n]{0,120}(?:has|have) not been edited by [^.\n]{0,60}staff[^.\n]{0,80}(?:\.|$)"
               r"|(?:except for the headline, )?this (?:story|article) (?:has not been|was not) edited by [^.\n]{0,80}(?:\.|$))")
    examples = (
        remove("This story was auto-generated from a syndicated feed."),
        remove("This article is published from a syndicated feed and has not been edited by our staff."),
        keep("The agency feed was cut for three hours, editors said."),
    )
