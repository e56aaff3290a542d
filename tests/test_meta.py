"""An HTML page's own metadata (HT14): every source in its order of trust, and the look-alikes
that must not be taken. The pages are invented, each as small as the case allows."""

import json

import pytest

import dechaff
from dechaff.engine.assemble import NO_TEXT
from dechaff.stages.tree import parse
from dechaff.stages.jsonld import loads
from dechaff.stages.meta import read_meta

BODY = ("<p>The city council voted on Monday to close the old river bridge for at least a year, "
        "after engineers found that its steel supports had corroded far faster than expected.</p>"
        "<p>Repair work is due to start in May, and the state will pay two thirds of the cost.</p>")


def page(body: str = BODY, head: str = "", title: str = "Riverton Post") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


def ld(data, raw: bool = False) -> str:
    text = data if raw else json.dumps(data)
    return f"<script type='application/ld+json'>{text}</script>"


def meta_of(html: str):
    return read_meta(parse(html))


def record(html: str, **options):
    [found] = dechaff.clean(html, **options)
    return found


# JSON-LD: lenient parsing, nesting, references

def test_json_ld_with_comments_trailing_commas_and_control_characters():
    raw = ('{"@type": "NewsArticle", /* from the CMS */ "headline": "Bridge\tto close",\n'
           '"datePublished": "2024-03-01T10:15:00Z", // the first edition\n'
           '"author": [{"@type": "Person", "name": "Jane Roe"},],}')
    meta = meta_of(page(head=ld(raw, raw=True)))
    assert (meta.title, meta.published, meta.authors) == (
        "Bridge to close", "2024-03-01T10:15:00+00:00", ("Jane Roe",))


def test_json_ld_values_lose_entities_and_soft_hyphens():
    data = {"@type": "NewsArticle", "headline": "&quot;Bridge&quot; &#8216;to close&#8217; in Rivert\u00adon"}
    assert meta_of(page(head=ld(data))).title == "\"Bridge\" \u2018to close\u2019 in Riverton"


def test_an_html_escaped_script_is_read():
    escaped = "{&quot;@type&quot;: &quot;NewsArticle&quot;, &quot;datePublished&quot;: &quot;2024-03-01&quot;}"
    assert meta_of(page(head=ld(escaped, raw=True))).published == "2024-03-01"


def test_loads_reads_values_one_after_another_and_gives_up_quietly():
    assert loads('{"a": 1} {"b": 2}') == [{"a": 1}, {"b": 2}]
    assert loads("{not json at all") == []


def test_main_entity_of_a_web_page_and_person_by_reference():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://post.example/b#page",
         "mainEntity": {"@type": "NewsArticle", "headline": "Bridge to close",
                        "datePublished": "2024-03-01", "author": {"@id": "https://post.example/#jr"}}},
        {"@type": "Person", "@id": "https://post.example/#jr", "givenName": "Jane", "familyName": "Roe"}]}
    meta = meta_of(page(head=ld(graph)))
    assert (meta.title, meta.published, meta.authors) == ("Bridge to close", "2024-03-01", ("Jane Roe",))
    assert meta.found["authors"] == "json-ld author"


def test_a_related_articles_json_ld_is_not_the_pages():
    own = {"@type": "NewsArticle", "headline": "Bridge to close", "url": "https://post.example/bridge",
           "datePublished": "2024-03-01", "author": {"@type": "Person", "name": "Jane Roe"}}
    related = {"@type": "NewsArticle", "headline": "Mayor's race heats up",
               "url": "https://post.example/mayor", "datePublished": "2023-11-11",
               "author": {"@type": "Person", "name": "Sam Poe"}}
    listed = {"@type": "ItemList", "itemListElement": [related]}
    head = ("<link rel='canonical' href='https://post.example/bridge'>"
            + ld(related) + ld(own) + ld(listed))
    meta = meta_of(page(head=head))
    assert (meta.title, meta.published, meta.authors) == ("Bridge to close", "2024-03-01", ("Jane Roe",))


def test_the_site_as_json_ld_author_is_left_out_an_agency_is_kept():
    site = "<meta property='og:site_name' content='Riverton Post'>"
    self_credited = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Riverton Post"}}
    wire = {"@type": "NewsArticle", "author": [{"@type": "Organization", "name": "Associated Press"}]}
    assert meta_of(page(head=site + ld(self_credited))).authors == ()
    assert meta_of(page(head=site + ld(wire))).authors == ("Associated Press",)


# microdata and <meta> tags

def test_microdata_of_the_article_not_of_another_item():
    body = ("<article itemscope itemtype='https://schema.org/NewsArticle'>"
            "<h1 itemprop='headline'>Bridge to close</h1>"
            "<span itemprop='author' itemscope><span itemprop='name'>Jane Roe</span></span>"
            "<abbr itemprop='datePublished' title='2024-03-01T08:00:00+01:00'>8:00</abbr>"
            f"{BODY}</article><div itemscope itemtype='https://schema.org/NewsArticle'>"
            "<span itemprop='author'>Sam Poe</span></div>")
    meta = meta_of(page(body))
    assert (meta.title, meta.published, meta.authors) == (
        "Bridge to close", "2024-03-01T08:00:00+01:00", ("Jane Roe",))
    assert meta.found["published"] == "microdata datePublished"


@pytest.mark.parametrize("tag, found", [
    ("<meta property='article:published:time' content='2024-03-01T10:00:00+00:00'>",
     "meta article:published:time"),
    ("<meta name='parsely-pub-date' content='2024-03-01T10:00:00Z'>", "meta parsely-pub-date"),
    ("<meta name='DC.date.issued' content='2024-03-01'>", "meta dc.date.issued"),
    ("<meta name='sailthru.date' content='2024-03-01 10:00:00'>", "meta sailthru.date"),
])
def test_meta_tag_variants_of_the_publication_date(tag, found):
    meta = meta_of(page(head=tag))
    assert meta.published.startswith("2024-03-01") and meta.found["published"] == found


def test_rdfa_on_an_element_of_the_body():
    body = f"<article><span property='dc:date dc:created' content='2024-03-01T10:00:00+01:00'></span>{BODY}</article>"
    meta = meta_of(page(body))
    assert meta.published == "2024-03-01T10:00:00+01:00" and meta.found["published"] == "rdfa dc.date"


def test_an_update_date_only_when_no_publication_date():
    updated = "<meta property='og:updated_time' content='2024-05-05T09:00:00+00:00'>"
    published = "<meta property='article:published_time' content='2024-03-01T10:00:00+00:00'>"
    assert meta_of(page(head=updated + published)).published == "2024-03-01T10:00:00+00:00"
    assert meta_of(page(head=updated)).published == "2024-05-05T09:00:00+00:00"


def test_meta_authors_are_cleaned():
    head = ("<meta property='og:site_name' content='Riverton Post'>"
            "<meta name='author' content='Von Anna Fink (af) und Jan Roe, jan.roe@post.example'>")
    assert meta_of(page(head=head)).authors == ("Anna Fink", "Jan Roe")


@pytest.mark.parametrize("value", ["news@post.example", "Riverton Post", "Staff Writer"])
def test_an_author_field_that_names_no_person_gives_no_author(value):
    head = f"<meta property='og:site_name' content='Riverton Post'><meta name='author' content='{value}'>"
    assert meta_of(page(head=head)).authors == ()


# the visible page

def test_the_visible_headline_beats_an_open_graph_variant_it_agrees_with():
    head = "<meta property='og:title' content='Riverton bridge to close for a year, council says | Riverton Post'>"
    body = f"<article><h1>Riverton bridge to close for a year</h1>{BODY}</article>"
    meta = meta_of(page(body, head))
    assert meta.title == "Riverton bridge to close for a year"
    assert meta.found["title"] == "<h1> (the visible headline)"


def test_a_blogs_name_in_its_h1_loses_to_the_posts_own_heading():
    head = "<meta property='og:site_name' content='Rivertales'><meta property='og:title' content='Our bridge is closing'>"
    body = ("<header><h1>Rivertales</h1></header><div class='post'>"
            f"<h2 class='entry-title'>Our bridge is closing</h2>{BODY}</div>")
    assert meta_of(page(body, head)).title == "Our bridge is closing"


def test_an_h1_that_disagrees_with_the_title_is_a_label():
    body = f"<h1>Lorem</h1>{BODY}"
    assert meta_of(page(body, title="Bridge to close for a year")).title == "Bridge to close for a year"


def test_a_title_loses_the_sites_name():
    head = "<meta property='og:site_name' content='Riverton Post'>"
    assert meta_of(page(head=head, title="Bridge to close &#8211; Riverton Post")).title == "Bridge to close"


def test_a_kicker_in_the_headline_only_as_the_markup_quotes_it():
    body = f"<h1><span class='kicker'>Riverton</span> <span>Bridge to close for a year</span></h1>{BODY}"
    quoted = "<meta property='og:title' content='Riverton: Bridge to close for a year'>"
    assert meta_of(page(body)).title == "Bridge to close for a year"
    assert meta_of(page(body, quoted)).title == "Riverton: Bridge to close for a year"


def test_byline_element_names_split_and_cleaned():
    body = ("<article><h1>Bridge to close</h1><div class='article-byline'>By Jane Roe and "
            f"JOHN DOE | March 3, 2021</div>{BODY}</article>")
    meta = meta_of(page(body))
    assert meta.authors == ("Jane Roe", "JOHN DOE")
    assert meta.found["authors"].startswith("div.article-byline")


def test_rel_author_links_nearest_the_headline_not_a_comments_author():
    body = ("<article><h1>Bridge to close</h1><p>by <a rel='author' href='/jr'>Jane Roe</a></p>"
            f"{BODY}</article><section class='comments'><span class='comment-author'>Sam Poe</span>"
            "<p>I cross that bridge every day.</p></section>")
    assert meta_of(page(body)).authors == ("Jane Roe",)


def test_time_datetime_of_the_article_not_of_a_comment():
    body = ("<section id='comments'><time datetime='2024-03-09'>March 9</time></section>"
            f"<article><h1>Bridge to close</h1><time datetime='2024-03-01T10:00'>Friday</time>{BODY}"
            "</article>")
    meta = meta_of(page(body))
    assert meta.published == "2024-03-01T10:00:00" and meta.found["published"].startswith("<time>")


def test_a_date_in_an_html_comment_or_a_sidebar_is_not_the_pages():
    body = ("<!-- cached 2019-01-01 --><aside class='sidebar'><span class='date'>April 2, 2024</span>"
            f"</aside><article><h1>Bridge to close</h1>{BODY}</article>")
    assert meta_of(page(body)).published is None


@pytest.mark.parametrize("written, day", [
    ("Posted on March 3, 2021", "2021-03-03"),
    ("Veröffentlicht am 18. Mai 2014", "2014-05-18"),
    ("Publicado el 3 de marzo de 2021", "2021-03-03"),
    ("Publié le 1er mars 2020", "2020-03-01"),
    ("Publicado em 5 de abril de 2020", "2020-04-05"),
    ("Diterbitkan 12 Agustus 2020", "2020-08-12"),
    ("Pubblicato il 3 giugno 2021", "2021-06-03"),
    ("Gepubliceerd op 18 maart 2019", "2019-03-18"),
])
def test_a_date_written_under_the_headline_in_the_pages_language(written, day):
    body = f"<article><h1>Bridge to close</h1><p class='info'>{written}</p>{BODY}</article>"
    meta = meta_of(page(body))
    assert meta.published == day


def test_a_two_digit_year_in_a_byline_box():
    body = ("<article><h1>Bridge to close</h1><div class='article-author'>Von Jane Roe "
            f"<span>|</span> <span>31.10.23</span></div>{BODY}</article>")
    meta = meta_of(page(body))
    assert (meta.published, meta.authors) == ("2023-10-31", ("Jane Roe",))


def test_the_dateline_a_lede_opens_with():
    lede = ("<p>27.1.2022 - The city council voted on Monday to close the old river bridge for at "
            "least a year, after engineers found that its steel supports had corroded.</p>")
    assert meta_of(page(f"<h1>Bridge to close</h1>{lede}")).published == "2022-01-27"
    assert meta_of(page(f"<h1>Bridge to close</h1>{BODY}")).published is None  # no date, none made up


def test_a_written_update_loses_to_the_publication_date():
    body = ("<article><h1>Bridge to close</h1><div class='dates'><span class='updated'>Updated "
            "April 2, 2024</span> <span class='date'>March 3, 2024</span></div>"
            f"{BODY}</article>")
    assert meta_of(page(body)).published == "2024-03-03"


def test_the_urls_date_as_a_last_resort():
    head = "<link rel='canonical' href='https://post.example/news/2021/03/05/bridge-closes'>"
    meta = meta_of(page(head=head))
    assert meta.published == "2021-03-05" and meta.found["published"] == "the URL"


# in the pipeline

def test_explain_traces_where_each_field_was_read():
    head = ld({"@type": "NewsArticle", "headline": "Bridge to close", "datePublished": "2024-03-01",
               "author": {"@type": "Person", "name": "Jane Roe"}})
    [found] = dechaff.explain(page(head=head))
    traced = {r.field: r for r in found.removals if r.code == "HT14"}
    assert set(traced) == {"title", "published", "authors"}
    assert traced["authors"].text == "Jane Roe" and traced["authors"].action == "moved"
    assert traced["published"].reason == "from the page's json-ld datePublished"


def test_ignoring_ht14_leaves_the_fields_to_the_text_rules():
    head = ld({"@type": "NewsArticle", "headline": "Bridge to close", "datePublished": "2024-03-01"})
    assert record(page(head=head)).published == "2024-03-01"
    assert record(page(head=head), ignore=["HT14"]).published is None


def test_a_page_with_metadata_but_no_text_keeps_a_flagged_record():
    head = ld({"@type": "NewsArticle", "headline": "Bridge to close", "datePublished": "2024-03-01"})
    found = record(page("<nav><a href='/'>Home</a></nav>", head))
    assert (found.title, found.published, found.body) == ("Bridge to close", "2024-03-01", "")
    assert NO_TEXT in found.flags
