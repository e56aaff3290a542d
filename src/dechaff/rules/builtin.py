"""The built-in rule families: importing this module registers them.

It is dechaff's own ``dechaff.rules`` entry point, so built-in rules arrive through the same
door as a plugin's.
"""

from . import footer, fields, boundaries, related, promo, consent, wire, email, ui, structure, page, html  # noqa: F401
