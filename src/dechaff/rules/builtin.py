"""The built-in rule families: importing this module registers them.

It is dechaff's own ``dechaff.rules`` entry point, so built-in rules arrive through the same
door as a plugin's.
"""

from . import (consent, email, evidence, fields, footer, head, html, page, promo, registry,
               related, split, structure, tail, teasers, ui, wire)

#: The families in the order their rules run, whatever order their modules were imported in:
#: a field move (a date, a byline) claims its line before the page rule weighs it, say.
FAMILIES = (footer, fields, split, related, promo, consent, wire, email, ui, structure, head,
            evidence, page, html, teasers, tail)

registry.run_in_order(module.__name__ for module in FAMILIES)
