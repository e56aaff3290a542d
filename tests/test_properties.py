"""Properties that hold for any input, checked with hypothesis."""

import html
import os

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dechaff
from ftfy.badness import is_bad
from dechaff.stages.decode import decode
from dechaff.stages.repair import repair

# Pieces of real scrapes, so generated inputs exercise the rules, not only the decoder.
FRAGMENTS = [
    "Also read: Partners, not rivals", "Unlock a world of perks! Log in now!", "[email protected]",
    "Email: [email\u00a0protected]", "The mention sources can contact us to remove/changing this article",
    "Sources", "1/ https://Google.com/", "2/ https://example.com/a.html", "Published: April 27, 2024",
    "date 2024-04-27 Connect with us", "Politics", "View photos", "More less", "ExBUlletin",
    "LONDON — The council met on Monday and voted to close the road.", "By Jane Doe",
    "A headline about the council vote", "The council met on Monday and voted, the mayor said.",
    "cafÃ© &amp; bar", "zero\u200bwidth", "CompanyPerson for contact", "© 2024 Site. All rights reserved.",
    "Most read", "Home > World > Asia", "Advertisement", "Tags: a, b, c", "\x00\x01", "",
]
fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80))
scrape = st.lists(fragment, max_size=25).flatmap(
    lambda parts: st.lists(st.sampled_from(["\n", "\n\n", " ", "\r\n"]), min_size=len(parts),
                           max_size=len(parts)).map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))
inputs = st.one_of(scrape, st.text(), st.binary(max_size=400), scrape.map(lambda s: s.encode("utf-8")))
# Derandomised: the same 300 examples on every run, so a run of the suite (and CI) cannot
# fail on a draw no earlier run made. Idempotence on glued text is known to fail on some
# draws (tests/test_fuzz_regressions.py keeps the ones found, as strict xfails); a search
# for new ones runs with HYPOTHESIS_SEARCH=1.
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=not os.environ.get("HYPOTHESIS_SEARCH"))
TOKENS = regex.compile(r"\w+")


def clean_or_none(source):
    try:
        return dechaff.clean(source)
    except dechaff.DechaffError:
        return None  # a documented, deliberate refusal


@SETTINGS
@given(inputs)
def test_clean_raises_only_dechaff_errors(source):
    records = clean_or_none(source)
    if records is not None:
        assert all(isinstance(r, dechaff.Record) for r in records)


def render(record):
    return (record.title + "\n\n" if record.title else "") + record.body


@SETTINGS
@given(scrape)
def test_idempotent_on_its_own_output(text):
    """Cleaning a record again gives it back.

    Outputs that ftfy still finds bad are left out: how ftfy reads a stray "Â" depends on
    the character after it, which a joined line changes (a limit of the mojibake fix on
    garbage, not of the rules).
    """
    for record in clean_or_none(text) or []:
        if is_bad(record.body):
            continue
        again = dechaff.clean(render(record))
        assert "\n\n".join(r.body for r in again) == record.body, text
        if record.title:
            assert again and again[0].title == record.title, text


def is_subsequence(small, big):
    it = iter(big)
    return all(token in it for token in small)


@SETTINGS
@given(inputs)
def test_bodies_hold_only_input_text(source):
    records = clean_or_none(source)
    if not records:
        return
    repaired, _ = repair(decode(source, 10**9)[0])
    input_tokens = TOKENS.findall(repaired)
    for record in records:
        assert is_subsequence(TOKENS.findall(record.body), input_tokens)
        assert is_subsequence(TOKENS.findall(record.title or ""), input_tokens)


# HTML pages built from the tags and class names the HTML rules look at, around the same
# fragments, so generated pages exercise the structural rules and the main-content choice.
TAGS = ["p", "div", "span", "a", "li", "ul", "td", "tr", "table", "h1", "h2", "article", "nav",
        "aside", "section", "footer", "b", "pre", "blockquote", "figure"]
CLASSES = ["", "related-posts", "share-bar", "article-body", "comments", "ad", "hidden",
           "content", "menu", "byline", "cookie-banner", "newsletter", "caption"]
leaf = st.one_of(st.sampled_from([f for f in FRAGMENTS if "Ã" not in f]),
                 st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))


def element(tag, cls, children):
    attrs = f' class="{cls}"' if cls else ""
    return f"<{tag}{attrs}>{' '.join(children)}</{tag}> " + ("<br>" if tag == "span" else "")


markup = st.recursive(leaf.map(html.escape),
                      lambda inner: st.builds(element, st.sampled_from(TAGS), st.sampled_from(CLASSES),
                                              st.lists(inner, max_size=5)),
                      max_leaves=30)
pages = markup.map(lambda body: f"<!DOCTYPE html><html><head><title>A page</title></head><body>{body}</body></html>")


@SETTINGS
@given(st.one_of(pages, pages.map(lambda p: p.encode("utf-8"))))
def test_html_pages_raise_nothing_and_invent_no_text(page):
    records = clean_or_none(page)
    if not records:
        return
    text = page.decode("utf-8") if isinstance(page, bytes) else page
    if is_bad(text):
        return  # how ftfy reads mojibake depends on the line around it (see above)
    source_tokens = TOKENS.findall(repair(html.unescape(text))[0])
    for record in records:
        assert is_subsequence(TOKENS.findall(record.body), source_tokens), page


@SETTINGS
@given(pages)
def test_html_idempotent_on_its_own_output(page):
    """A page's record body, cleaned again as the text of a page, gives it back (its title
    came from the page's markup, which the body no longer holds)."""
    for record in clean_or_none(page) or []:
        if is_bad(record.body) or "<" in record.body:
            continue  # mojibake (see above); text that reads as markup once unescaped
        again = dechaff.clean(record.body, input="html")
        assert "\n\n".join(r.body for r in again) == record.body, page
