"""page.main_content (PG01): a whole web page keeps its article and loses its chrome."""

import dechaff
from dechaff.rules.page import _PAGE_HEAD, _PAGE_TAIL, _STORY, MainContent
from dechaff.stages.blocks import Doc

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
    assert list(MainContent().propose(Doc(scrape))) == []


def test_a_page_without_a_run_of_paragraphs_is_left_alone():
    menus = "\n\n".join(f"Section {i}" for i in range(30))
    assert list(MainContent().propose(Doc(menus + "\n\nA short line of text."))) == []


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
