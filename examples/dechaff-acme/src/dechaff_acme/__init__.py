"""Rules for the Acme news portal, as a dechaff plugin.

Importing this module registers its Python rule; ``PACK`` is the path of its TOML pack, which
dechaff loads through the second entry point. Users install the package and never import it.
"""

from pathlib import Path

from dechaff import PatternRule, register
from dechaff.rules import keep, remove

#: The plugin's declarative rules (see acme.toml beside this file).
PACK = str(Path(__file__).with_name("acme.toml"))


@register
class AcmePoll(PatternRule):
    """The reader poll widget Acme puts under every story: "POLL: ... Vote now".

    **Why:** the poll is the portal's, not the article's.
    """

    code = "ACMP01"
    name = "acme_plugin.reader_poll"
    groups = ("acme",)
    description = "Acme's reader poll widget: 'POLL: <question> Vote now'."
    keywords = ("vote now",)
    pattern = r"^POLL:\s.{1,200}?\bVote now\b[.!]?$"
    examples = (
        remove("POLL: Should the river road get cycle lanes? Vote now"),
        keep("The poll closed on Friday; residents were asked to vote now or never, she joked."),
    )
