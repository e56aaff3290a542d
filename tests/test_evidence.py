"""The evidence rules: what reads as article text stays, the rest goes, with its reason."""

import pytest

import dechaff
from dechaff.features import line

PARA = "The council met on Monday and voted to close the old bridge for repairs."
NEXT = "The bridge will stay shut until the spring, officials said on Tuesday."


def bodies(text, **options):
    return [r.body for r in dechaff.clean(text, **options)]


def test_a_line_is_measured_once():
    first = line("Photo: Reuters/File")
    assert line("Photo: Reuters/File") is first  # cached by its text
    assert first.label and not first.prose and first.words == 3


def test_the_reason_says_what_the_line_is_and_where():
    text = f"{PARA}\n\nSee All Newsletters\n\nMore from the council\n\nPick Six\n\n{NEXT}"
    removals = [r for rec in dechaff.explain(text, select=["EV02"]) for r in rec.removals]
    assert [r.text for r in removals] == ["See All Newsletters", "More from the council", "Pick Six"]
    assert removals[0].reason == ("not article text: 3 words, no sentence end, between two "
                                  "paragraphs")


@pytest.mark.parametrize("favor,kept", [
    ("precision", []),
    ("balanced", ["Nobody was hurt."]),
    ("recall", ["Nobody was hurt.", "Notes on the council", "Council news roundup"]),
])
def test_favor_moves_the_threshold(favor, kept):
    text = (f"{PARA}\n\nNobody was hurt.\n\n{NEXT}\n\nNotes on the council\n\nCouncil news roundup"
            f"\n\n{PARA}")
    body = bodies(text, favor=favor)[0]
    for candidate in ("Nobody was hurt.", "Notes on the council", "Council news roundup"):
        assert (candidate in body) == (candidate in kept), (favor, body)


def test_a_rule_setting_wins_over_the_config():
    text = f"{PARA}\n\nNotes on the council\n\nCouncil news roundup\n\n{NEXT}"
    body = bodies(text, favor="precision", rules={"EV02": {"favor": "recall"}})[0]
    assert "Notes on the council" in body


def test_a_wrong_favor_is_refused():
    with pytest.raises(dechaff.ConfigError, match="favor"):
        dechaff.Config(favor="greedy")
    with pytest.raises(dechaff.ConfigError, match="favor"):
        dechaff.Cleaner(rules={"EV02": {"favor": "greedy"}})


@pytest.mark.parametrize("middle,kept", [
    # numbered steps under the line that introduces them
    ("To apply for a permit:\n\n1. Fill in the form\n\n2. Attach a photo\n\n"
     "3. Pay the fee at the desk", ["To apply for a permit:", "2. Attach a photo"]),
    # a sentence that links broke into lines
    ("The plan was first reported by\n\nCity Herald\n\n, which said the works would start in May.",
     ["The plan was first reported by", "City Herald"]),
    # a dateline on its own line
    ("Berlin.", ["Berlin."]),
    # a table flattened with pipes, its header row without numbers, a subheading over it
    ("Votes by ward\n\nWard | Yes | No\n\nHarbour | 412 | 380\n\nHill Top | 290 | 301",
     ["Votes by ward", "Ward | Yes | No", "Harbour | 412 | 380", "Hill Top | 290 | 301"]),
    # a live blog's entries, stamped with their times
    ("14:05 GMT Ferries are running again\n\nThe first crossing left on time.\n\n"
     "13h40 Les quais rouverts", ["14:05 GMT Ferries are running again", "13h40 Les quais rouverts"]),
    # a wire's credit in brackets
    ("(Reporting by Ana Ruiz in Lima; Editing by Tom Field)",
     ["(Reporting by Ana Ruiz in Lima; Editing by Tom Field)"]),
    # a fact box: labels and short values
    ("Where: Old Mill, Quay Lane\n\nWhen: Sat 4 May, 10am to 4pm\n\nTickets: free for under-12s",
     ["Where: Old Mill, Quay Lane", "When: Sat 4 May, 10am to 4pm", "Tickets: free for under-12s"]),
    # a subheading over the line that introduces a list
    ("What you need\n\nBring these to the desk:\n\nYour passport\n\nA recent bill",
     ["What you need", "Bring these to the desk:", "A recent bill"]),
], ids=["steps", "broken-sentence", "dateline", "pipe-table", "live-blog", "wire-credit",
        "fact-box", "subheading-over-list"])
def test_the_shapes_of_real_text_stay(middle, kept):
    body = bodies(f"{PARA}\n\n{middle}\n\n{NEXT}\n\nNo one was hurt.")[0]
    for line_ in [*kept, "No one was hurt."]:  # and a short closing line
        assert line_ in body


def test_a_list_of_other_headlines_goes_whole():
    text = (f"{PARA}\n\nFerry fares rise in March\n\nHarbour master named\n\n"
            f"Island bus route cut\n\n{NEXT}")
    body = bodies(text)[0]
    assert "Harbour master named" not in body and "Island bus route cut" not in body


def test_an_article_without_a_paragraph_is_left_alone():
    text = "Opening hours\n\nMonday to Friday\n\nNine to five\n\nClosed on holidays"
    removals = [r for rec in dechaff.explain(text) for r in rec.removals if r.code == "EV02"]
    assert removals == []


@pytest.mark.parametrize("middle,gone", [
    # a menu of pipes is no table: one line, no numbers
    ("Home | World | Sport | Video", ["Home | World | Sport | Video"]),
    # a picture's credit in brackets is no note
    ("(Ana Ruiz/City Herald)", ["(Ana Ruiz/City Herald)"]),
    # a video's length is no live blog's time stamp
    ("03:12 min", ["03:12 min"]),
    # a read-also label over a headline goes, and the subheading under it stays
    ("Leggi anche: Harbour master named for the winter\n\nWhat happens next", ["Leggi anche"]),
    # a kicker over another story's headline introduces nothing
    ("Harbour vote count latest:\n\nMayor names new harbour master", ["Harbour vote count",
                                                                     "Mayor names new"]),
], ids=["menu", "photo-credit", "video-length", "read-also-label",
        "kicker"])
def test_look_alikes_of_real_text_go(middle, gone):
    body = bodies(f"{PARA}\n\n{middle}\n\n{NEXT}")[0]
    assert PARA in body and NEXT in body
    for line_ in gone:
        assert line_ not in body, (line_, body)
    if "What happens next" in middle:
        assert "What happens next" in body


def test_a_headline_with_its_byline_and_date_taken_out_is_a_teaser():
    text = (f"{PARA}\n\nHarbour master named for the winter\n\nBy Ana Ruiz\n\n"
            f"12 March 2025\n\n{NEXT}\n\nNo one was hurt, the police said.")
    body = bodies(text, split=False)[0]
    assert "Harbour master named" not in body


def test_a_headline_under_a_question_is_no_answer():
    """Under the last paragraph, a list of other stories' headlines, one of them a question."""
    text = (f"{PARA}\n\n{NEXT}\n\nWill the ferry fares rise again?\n\n"
            f"Harbour master named for the winter")
    body = bodies(text)[0]
    assert "Will the ferry" not in body and "Harbour master" not in body


def test_a_kicker_headline_keeps_its_kicker_when_no_line_under_it_repeats_the_rest():
    # ST02 takes "Ferry fares rise ..." from "Harbour Notes: Ferry fares rise ..." only when
    # the headline stands below on its own; a kicker and its headline stay one title
    [record] = dechaff.clean("Climate change: Labor on track to hit its 2030 target\n\nThe "
                             "government is on track to hit its 2030 emissions target, according "
                             "to new modelling released on Monday by the minister.")
    assert record.title == "Climate change: Labor on track to hit its 2030 target"


def test_an_article_in_an_unspaced_script_after_a_footer_is_an_article_of_its_own():
    # Japanese paragraphs have few spaces: the splitter counts their words as weight() does,
    # so the second article is neither folded back as bodiless nor dropped as a stub.
    english = ("Ferry operator orders two hybrid vessels for island routes\n\nCoastline Ferries "
               "has ordered two hybrid vessels to replace the ageing ships on its busiest island "
               "routes, in a deal worth around 95 million euros, the company said on Tuesday. The "
               "ships will enter service in 2026 and carry 600 passengers each, and their "
               "batteries will be charged in port.\n\n© 2024 Coast Daily. All rights reserved.")
    japanese = ("市、旧橋の改修工事で冬季閉鎖へ\n\n市議会は月曜日、老朽化した旧橋を改修のため閉鎖する"
                "ことを賛成多数で可決した。工事は冬の間続く見通しで、市は期間中フェリーの便数を増やして"
                "住民の移動を支えるとしている。\n\n市長は記者会見で、橋の安全を最優先に考えた結果だと"
                "説明し、春までに再開したいとの考えを示した。")
    records = dechaff.clean(english + "\n\n" + japanese)
    assert [r.title for r in records] == ["Ferry operator orders two hybrid vessels for island routes",
                                          "市、旧橋の改修工事で冬季閉鎖へ"]
    assert records[1].body.startswith("市議会は月曜日") and records[1].body.endswith("考えを示した。")
    assert "旧橋" not in records[0].body


def test_a_headline_in_a_script_without_capitals_is_the_title():
    # Arabic and Hindi have no capitals: a headline there is shaped by its length and end,
    # and Hindi's key words keep their vowel signs, so a ticker above the headline, whose
    # words the lede does not take up, is not the title.
    arabic = ("الرئيسية » أخبار\n\nوزارة الصحة تفتح مراكز جديدة للتطعيم في المحافظات\n\n"
              "أعلنت وزارة الصحة اليوم افتتاح عشرين مركزا جديدا للتطعيم في المحافظات، وقالت إن "
              "المراكز ستعمل طوال أيام الأسبوع لاستقبال المواطنين دون موعد مسبق.")
    assert dechaff.clean(arabic)[0].title == "وزارة الصحة تفتح مراكز جديدة للتطعيم في المحافظات"
    hindi = ("ब्रेकिंग: मुंबई में आज रात भारी बारिश की चेतावनी\n\n"
             "राज्य सरकार ने किसानों के लिए नई बीमा योजना शुरू की\n\n"
             "राज्य सरकार ने मंगलवार को किसानों के लिए नई बीमा योजना शुरू की, जिसके तहत "
             "फसल खराब होने पर किसानों को बीमा राशि सीधे उनके बैंक खाते में मिलेगी।")
    assert dechaff.clean(hindi)[0].title == "राज्य सरकार ने किसानों के लिए नई बीमा योजना शुरू की"
