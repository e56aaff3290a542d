"""page.main_content (PG01): a whole web page keeps its article and loses its chrome."""

import dechaff
from dechaff.rules.page import _PAGE_HEAD, _PAGE_TAIL, _STORY, MainContent
from dechaff.text import TextView

PAGE = f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_PAGE_TAIL}"
OTHER = PAGE.replace("Ferry operator orders two hybrid vessels", "Museum returns carved doorway "
                     "to its village").replace("Coastline Ferries", "The city museum")


def test_a_page_gives_its_article_and_headline():
    [record] = dechaff.clean(PAGE)
    assert record.title == "Ferry operator orders two hybrid vessels"
    assert record.body.startswith("Coastline Ferries has ordered")
    assert record.body.endswith("told reporters at the yard.")


def test_glued_pages_give_one_record_each():
    records = dechaff.clean(PAGE + "\n\n" + OTHER)
    assert [r.title for r in records] == ["Ferry operator orders two hybrid vessels",
                                          "Museum returns carved doorway to its village"]
    assert all("Privacy policy" not in r.body for r in records)


def test_an_aggregator_scrape_is_not_a_page():
    scrape = "Politics\n\nHome\n\nNews\n\nFerry operator orders two hybrid vessels\n\n" + _STORY
    assert list(MainContent().propose(TextView(scrape))) == []


def test_a_page_without_a_run_of_paragraphs_is_left_alone():
    menus = "\n\n".join(f"Section {i}" for i in range(30))
    assert list(MainContent().propose(TextView(menus + "\n\nA short line of text."))) == []


def test_the_guard_leaves_out_what_a_page_rule_dropped():
    # Chrome with paragraphs of its own (a cookie notice), split off by a date header: the
    # part is all chrome, and goes without the over-removal guard bringing it back.
    cookie = ("We use cookies and other tracking technologies to improve your browsing "
              "experience on our site, show personalized content and targeted ads, analyze "
              "site traffic, and understand where our audiences come from. To find out more "
              "or to opt out, please read our cookie policy and our privacy policy, which "
              "were updated and became effective this year.")
    page = PAGE.replace("Coast Daily\n\nHome", f"Coast Daily\n\n{cookie}\n\nHome")
    records = dechaff.clean(page)
    assert not any(r.flags for r in records)
    assert all("cookies" not in r.body for r in records)


def test_short_japanese_sentences_are_paragraphs_not_labels():
    from dechaff.shapes import weight
    assert weight("これが非常に困ったもの。") == (5, True)
    assert weight("ソフトウェア一般")[1] is False
    lines = ["Kindle for PCの起動ホットキーがKeePassと被る", "これが非常に困ったもの。",
             "しかもKindle for PCの設定画面からでは、このショートカットキーの設定を変更することができません。",
             "困った挙げ句、色々調べた結果、別の方法でこの設定を変更することにしました。"]
    [record] = dechaff.clean("\n\n".join(lines))
    assert "これが非常に困ったもの。" in record.body


def test_a_sentence_broken_by_links_weighs_as_a_paragraph():
    from dechaff.rules.page import _rejoin_sentences
    from dechaff.shapes import weight
    doc = TextView("The showroom features a light installation created by\n\nMichael Anastassiades\n\n"
              "Menu\n\nCustomers Leave Without Paying Bill At Troy Steakhouse\n\nDNR Seeks Tips\n\n"
              "The deer was found on Monday.")
    weights = _rejoin_sentences(doc.blocks, [weight(b.text) for b in doc.blocks], 6)
    assert [long for _, long in weights] == [False] * 5 + [True]  # the pieces stay pieces
    # The scraper's lines: the link's text, then the sentence's rest (joined to it by blocks).
    doc = TextView("The showroom features a light installation created by\nMichael Anastassiades\n"
              ", who has designed lamps for Flos since 2013.\n\nThe former star, 42, was voted "
              "off on Monday in a tight race against singer\n\nAlly Brooke .")
    weights = _rejoin_sentences(doc.blocks, [weight(b.text) for b in doc.blocks], 6)
    assert all(long for _, long in weights)


def test_a_page_starts_after_the_last_ones_copyright_line():
    # The second page's title line has no "| Site", and the footer ends in a sentence.
    first = PAGE.replace("Cookie settings", "© 2024 Coast Daily. All rights reserved.\n\n"
                         "Read about our approach to external linking.")
    second = OTHER.replace("Museum returns carved doorway to its village | Coast Daily",
                           "Museum returns carved doorway to its village")
    records = dechaff.clean(first + "\n\n" + second)
    assert [r.title for r in records] == ["Ferry operator orders two hybrid vessels",
                                          "Museum returns carved doorway to its village"]
    assert records[1].body.startswith("The city museum has ordered")


def _page_reasons(text):
    from dechaff.rules.page import _Lines
    rule = MainContent()
    blocks = TextView(text).blocks
    weights, scores = rule.measure(blocks)
    return [(blocks[s].text, why) for s, _, why in rule._pages(_Lines(blocks), weights, scores)]


def test_another_storys_paragraphs_leave_with_their_reason():
    from dechaff.rules.page import _OTHER
    [record] = dechaff.explain(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_OTHER}\n\n{_PAGE_TAIL}")
    assert "rye loaf" not in record.body
    assert any(r.code == "PG01" and "rye loaf" in r.text and "share few" in r.reason
               for r in record.removals)


def test_a_title_line_that_the_headline_over_an_article_repeats_opens_a_page():
    from dechaff.rules.page import _THIRD
    reasons = _page_reasons(f"{PAGE}\n\n{_THIRD}")
    assert reasons[1] == ("Museum returns carved doorway to its village",
                          "the headline over an article repeats it")
    records = dechaff.clean(f"{PAGE}\n\n{_THIRD}")
    assert [r.title for r in records] == ["Ferry operator orders two hybrid vessels",
                                          "Museum returns carved doorway to its village"]


def test_a_short_page_ends_where_the_next_pages_title_line_begins():
    # A page of a few lines (a title, a date, two paragraphs), then a whole page.
    short = ("Bakery keeps its rye loaf\n\n12 March 2024\n\nA bakery in the old town has baked "
             "the same rye loaf every morning since 1952, and its fourth owner says she will "
             "not change the recipe.\n\nAround 300 loaves a day leave the shop, most of them "
             "before nine, and the queue reaches the corner of the square.")
    records = dechaff.clean(f"{short}\n\n{PAGE}")
    assert len(records) == 2
    assert records[1].body.startswith("Coastline Ferries has ordered")


def test_a_headline_in_a_list_of_other_stories_opens_no_page():
    # "Most read" lists the headline of a story whose teaser, with its blurb, comes later.
    teaser = ("Island bus fares rise in March for the first time in a decade")
    rail = _menu_lines("Most read", "1", "Harbour master named after a long search", "2",
                       teaser, "3", "Ferry strike called off after late talks", "4",
                       "Sign in", "Subscribe", "Newsletters", "Search", "Weather", "Video")
    blurb = ("Island bus fares will rise in March for the first time in a decade, the transport "
             "board said, and a single ticket will cost 20 cents more on every route.\n\nThe "
             "board said the rise would pay for new buses on the island's busiest routes and "
             "for longer hours on the routes that link the villages to the ferry port.\n\n"
             "Passengers with a monthly pass will pay the old fare until the summer, and "
             "children under twelve will still travel free on every island bus, it said.")
    text = PAGE.replace("More from Coast Daily", f"{rail}\n\nRecommended\n\n{teaser}\n\n"
                        f"{blurb}\n\nMore from Coast Daily")
    assert len(_page_reasons(text)) == 1


def test_the_pages_own_title_line_repeated_opens_no_page():
    # A share box prints the title line again, and a list of stories its headline.
    title = "Ferry operator orders two hybrid vessels | Coast Daily"
    text = PAGE.replace("More from Coast Daily", f"Share\n\nTweet\n\n{title}\n\nEmail\n\nPrint\n\n"
                        "Most read\n\nFerry operator orders two hybrid vessels\n\n"
                        "More from Coast Daily")
    assert len(_page_reasons(text)) == 1


def _menu_lines(*labels):
    return "\n\n".join(labels)


def test_the_article_is_the_run_under_the_headline_though_a_dialog_outscores_it():
    from dechaff.rules.page import _CONSENT, _LONGER
    [record] = dechaff.explain(f"{_PAGE_HEAD}\n\n{_LONGER}\n\n{_PAGE_TAIL}\n\n{_CONSENT}")
    assert record.body.startswith("Coastline Ferries has ordered")
    assert "unique identifiers" not in record.body
    assert any("unique identifiers" in r.text and "share few" in (r.reason or "")
               for r in record.removals)


def test_the_headline_over_the_article_is_proposed_as_the_title_and_the_title_line_is_not():
    text = f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_PAGE_TAIL}"
    moves = [p for p in MainContent().propose(TextView(text)) if p.action == "move"]
    assert [(text[p.start:p.end], p.field, p.value) for p in moves] == [
        ("Ferry operator orders two hybrid vessels", "title", "Ferry operator orders two hybrid vessels")]
    assert moves[0].start > 0  # the page's title line, which names the site, is not the title
    assert "headline" in moves[0].reason


def _lines_of(text: str):
    from dechaff.rules.page import _Lines
    from dechaff.shapes import weight
    blocks = TextView(text).blocks
    return _Lines(blocks, [weight(b.text)[1] for b in blocks])


def test_a_section_about_the_pages_own_story_opens_no_page():
    from dechaff.rules.page import _distinct
    lines = _lines_of("11 Best Sleeping Bags: for Car Campers, for Kids | Gear Daily\n\nHome\n\n"
                      "Best for Car Campers:\n\nDrusen fordern Teilhabe von neuer Regierung - SRF")
    # "Best for Car Campers:" is a section of the page above (found before that page's
    # title line was); the Swiss title line is a page of its own.
    assert _distinct(lines, [0, 2, 3]) == [0, 3]


def test_a_value_under_a_label_opens_no_page_but_a_title_line_naming_its_site_does():
    lines = _lines_of("Sleeping bags tested in the Alps | Gear Daily\n\nFill:\n\n650 Fill Power Down"
                      "\n\nWechseln zu:\n\nRathaus schliesst die alte Brücke - News - SRF")
    assert not MainContent._could_open(lines, 0, 2)  # "Fill:" introduces it: a value
    assert MainContent._could_open(lines, 0, 4)  # under a menu's "Wechseln zu:"


def test_with_no_headline_over_the_article_the_title_line_gives_the_title():
    head = _PAGE_HEAD.replace("\n\nFerry operator orders two hybrid vessels\n\n", "\n\n")
    [record] = dechaff.clean(f"{head}\n\n{_STORY}\n\n{_PAGE_TAIL}")
    assert record.title == "Ferry operator orders two hybrid vessels"  # (less "| Coast Daily")
    assert "Coast Daily" not in record.body and record.body.startswith("Coastline Ferries")
    # a title line that the lede does not take up names no article
    [other] = dechaff.clean(f"{head.replace('Ferry operator orders two hybrid vessels', 'Weather and tides for the week')}"
                            f"\n\n{_STORY}\n\n{_PAGE_TAIL}")
    assert other.title != "Weather and tides for the week"


def test_a_howtos_list_under_a_short_colon_line_stays_with_its_article():
    items = "\n\n".join(["A glass cloche", "A shallow dish", "Floral foam", "A ruler", "A spoon",
                         "Wire pins", "Small plants", "Moss", "Tweezers", "Pebbles"])
    story = (_STORY.replace("What changes for passengers", "What you'll need:\n\n" + items)
             + "\n\nStep 1\n\nSoak the foam in water until it sinks to the bottom of the bowl.")
    [record] = dechaff.clean(f"{_PAGE_HEAD}\n\n{story}\n\n{_PAGE_TAIL}")
    assert "What you'll need:" in record.body and "Tweezers" in record.body
    assert "told reporters at the yard" in record.body


def test_a_piece_of_a_sentence_broken_by_links_is_no_pages_title():
    from dechaff.rules.page import _fragment
    assert _fragment("Address Bar Preferences , under")
    assert not _fragment("These Weeks in Firefox: Issue 85 – Firefox Nightly News")


def test_a_long_title_line_after_a_reproduction_notice_opens_the_next_page():
    notice = ("The material on this site may not be reproduced, distributed, transmitted, cached "
              "or otherwise used, except with the prior written permission of Coast Daily.")
    first = f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_PAGE_TAIL}\n\n{notice}\n\nAd Choices"
    title = "Taliban say they freed two teachers held for three years in exchange for prisoners"
    second = (PAGE.replace("Ferry operator orders two hybrid vessels | Coast Daily", title)
              .replace("Ferry operator orders two hybrid vessels", title))
    records = dechaff.clean(first + "\n\n" + second)
    assert [r.title for r in records] == ["Ferry operator orders two hybrid vessels", title]


def test_an_unfilled_templates_line_opens_no_page():
    lines = _lines_of("Sleeping bags tested in the Alps | Gear Daily\n\nHome\n\n"
                      "{| existing_displayName |} - {| existing_provider |} : {| existing_siteName |}")
    assert not MainContent._could_open(lines, 0, 2)
