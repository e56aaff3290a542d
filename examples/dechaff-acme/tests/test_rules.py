"""The plugin's rules, checked by dechaff's own helper: one line does it."""

from dechaff.testing import example_tests

from dechaff_acme import PACK, AcmePoll

test_acme_examples = example_tests(AcmePoll, packs=[PACK])
