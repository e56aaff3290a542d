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
