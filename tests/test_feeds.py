"""Feeds saved on disk (RSS 2.0, RSS 1.0/RDF, Atom): one Article per item, a Rejection per bad item or file."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from warledger.errors import IngestError, RejectReason
from warledger.ids import article_id
from warledger.ingest import Metadata, read_articles
from warledger.ingest.feeds import feed_date, looks_like_feed
from warledger.ingest.fragments import html_to_text, plain_to_text
from warledger.records import Article, Rejection
from warledger.settings import Settings

CORPUS = Path(__file__).parents[1] / "corpus" / "ledger" / "articles"

P1 = "Russian forces launched 41 drones at the Chernihiv region overnight, and air defence downed 33 of them."
P2 = "A grain silo near the town caught fire, the regional governor said on Friday morning."
P3 = "Two guided bombs struck the outskirts of Kupiansk on Thursday, damaging a school gym."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Polissia &amp; Beyond</title>
  <link>https://polissia.example/</link>
  <atom:link href="https://polissia.example/rss" rel="self" type="application/rss+xml"/>
  <description>Northern Ukraine news</description>
  <item>
    <title>Drones over Chernihiv: 33 of 41 downed</title>
    <link>https://polissia.example/2025/05/16/chernihiv-drones</link>
    <guid isPermaLink="false">item-1</guid>
    <pubDate>Fri, 16 May 2025 09:30:00 +0300</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>{P1}</p><script>track("x")</script><p>{P2}</p>]]></content:encoded>
  </item>
  <item>
    <title>Guided bombs hit Kupiansk &#8211; school gym damaged</title>
    <guid>https://polissia.example/2025/05/15/kupiansk-bombs</guid>
    <dc:date>2025-05-15T18:00:00Z</dc:date>
    <description>&lt;p&gt;{P3}&lt;/p&gt;&lt;p&gt;Nobody was hurt, officials said&amp;nbsp;&amp;mdash; the gym
    was empty.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Undated note</title>
    <description>Shelling was reported near Kupiansk again.</description>
  </item>
</channel>
</rss>
"""

RDF = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://steppe.example/rss">
    <title>Steppe Notes</title>
    <link>https://steppe.example/</link>
    <description>Regional notes</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://steppe.example/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://steppe.example/a">
    <title>Chernihiv drones</title>
    <link>https://steppe.example/a</link>
    <dc:date>2025-05-16T09:30:00+03:00</dc:date>
    <description>{P1}</description>
  </item>
  <item rdf:about="https://steppe.example/b">
    <title>Kupiansk bombs</title>
    <dc:date>2025-05-15</dc:date>
    <description>{P3}</description>
  </item>
</rdf:RDF>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://northwind.example/">
  <title type="html">Northwind &lt;em&gt;Daily&lt;/em&gt;</title>
  <id>urn:northwind</id>
  <updated>2025-05-16T10:00:00+03:00</updated>
  <entry>
    <title>Chernihiv region: drones downed</title>
    <link rel="self" href="https://northwind.example/api/1"/>
    <link rel="alternate" type="text/html" href="/news/chernihiv-drones"/>
    <id>urn:1</id>
    <published>2025-05-16T09:30:00+03:00</published>
    <updated>2025-05-16T11:00:00+03:00</updated>
    <summary>Teaser only.</summary>
    <content type="html">&lt;h2&gt;Overnight&lt;/h2&gt;&lt;p&gt;{P1}&lt;br&gt;Update follows.&lt;/p&gt;
      &lt;p&gt;{P2}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="text">Kupiansk: bombs &amp; a school gym</title>
    <link href="https://northwind.example/news/kupiansk"/>
    <id>urn:2</id>
    <updated>2025-05-15T18:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{P3}</p><ul><li>one</li><li>two</li></ul></div></content>
  </entry>
  <entry>
    <title>Plain summary</title>
    <id>urn:3</id>
    <summary type="text">Shelling near Kupiansk.

Second paragraph &lt;kept as text&gt;.</summary>
  </entry>
</feed>
"""


def read(tmp_path: Path, name: str, data: bytes | str, *, settings: Settings | None = None,
         meta: Metadata | None = None) -> list[Article | Rejection]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    kwargs = {"meta": meta or Metadata(), "settings": settings or Settings()}
    if name == "-":
        return list(read_articles(["-"], stdin=io.BytesIO(raw), **kwargs))
    path = tmp_path / name
    path.write_bytes(raw)
    return list(read_articles([str(path)], **kwargs))


def articles(items: list[Article | Rejection]) -> list[Article]:
    assert all(isinstance(item, Article) for item in items), items
    return [item for item in items if isinstance(item, Article)]


def rejection(items: list[Article | Rejection], reason: RejectReason) -> Rejection:
    found = [item for item in items if isinstance(item, Rejection)]
    assert len(found) == 1 and found[0].reason == reason, items
    assert found[0].detail.startswith(f"[W100] {found[0].origin}"), found[0]
    return found[0]


# ---------------------------------------------------------------- the three formats

def test_rss_items_become_articles(tmp_path):
    first, second, third = articles(read(tmp_path, "polissia.rss", RSS))
    origin = str(tmp_path / "polissia.rss")
    assert [a.origin for a in (first, second, third)] == [f"{origin}[item {n}]" for n in (1, 2, 3)]
    assert {a.source for a in (first, second, third)} == {"Polissia & Beyond"}
    assert first.text == f"{P1}\n\n{P2}"  # content:encoded (longest), script dropped, CDATA read
    assert (first.title, first.url) == ("Drones over Chernihiv: 33 of 41 downed",
                                        "https://polissia.example/2025/05/16/chernihiv-drones")
    assert first.published == "2025-05-16T09:30:00+03:00"
    assert first.id == article_id(first.text)
    assert second.title == "Guided bombs hit Kupiansk \u2013 school gym damaged"
    assert second.url == "https://polissia.example/2025/05/15/kupiansk-bombs"  # a permalink guid
    assert second.published == "2025-05-15T18:00:00+00:00"
    assert second.updated is None   # <updated> alone is the publication time
    assert second.text == f"{P3}\n\nNobody was hurt, officials said \u2014 the gym was empty."
    assert (third.published, third.url, third.text) == (None, None, "Shelling was reported near Kupiansk again.")


def test_rdf_items_sit_beside_the_channel(tmp_path):
    first, second = articles(read(tmp_path, "steppe.xml", RDF))
    assert (first.source, first.title, first.url, first.text) == (
        "Steppe Notes", "Chernihiv drones", "https://steppe.example/a", P1)
    assert first.published == "2025-05-16T09:30:00+03:00"
    assert (second.url, second.published) == ("https://steppe.example/b", "2025-05-15")  # rdf:about; a day


def test_atom_entries_become_articles(tmp_path):
    first, second, third = articles(read(tmp_path, "northwind.atom", ATOM))
    assert {a.source for a in (first, second, third)} == {"Northwind Daily"}
    assert first.url == "https://northwind.example/news/chernihiv-drones"  # alternate, resolved on xml:base
    assert first.published == "2025-05-16T09:30:00+03:00"  # published wins over updated
    assert first.updated == "2025-05-16T11:00:00+03:00"    # and updated is kept beside it
    assert first.text == f"Overnight\n\n{P1}\nUpdate follows.\n\n{P2}"
    assert (second.title, second.url) == ("Kupiansk: bombs & a school gym", "https://northwind.example/news/kupiansk")
    assert second.published == "2025-05-15T18:00:00+00:00"
    assert second.text == f"{P3}\n\none\n\ntwo"
    assert third.text == "Shelling near Kupiansk.\n\nSecond paragraph <kept as text>."
    assert (third.url, third.published) == (None, None)


def test_an_unreadable_updated_time_is_dropped_not_the_entry(tmp_path):
    feed = ATOM.replace("<updated>2025-05-16T11:00:00+03:00</updated>", "<updated>soon after lunch</updated>")
    first = articles(read(tmp_path, "northwind.atom", feed))[0]
    assert (first.published, first.updated) == ("2025-05-16T09:30:00+03:00", None)


def test_atom_without_a_namespace_is_read(tmp_path):
    feed = ATOM.replace(' xmlns="http://www.w3.org/2005/Atom"', "")
    first = articles(read(tmp_path, "bare.atom", feed))[0]
    assert (first.source, first.published, first.url) == (
        "Northwind Daily", "2025-05-16T09:30:00+03:00", "https://northwind.example/news/chernihiv-drones")


@pytest.mark.parametrize("name", ["feed.xml", "feed.rss", "feed.atom", "-"])
@pytest.mark.parametrize("data", [RSS, RDF, ATOM], ids=["rss", "rdf", "atom"])
def test_any_feed_suffix_and_stdin_are_sniffed(tmp_path, name, data):
    items = articles(read(tmp_path, name, data))
    assert len(items) in (2, 3)
    if name == "-":
        assert items[0].origin == "<stdin>[item 1]"


def test_to_dict_has_no_url(tmp_path):
    article = articles(read(tmp_path, "a.rss", RSS))[0]
    assert article.url and "url" not in article.to_dict()


def test_command_line_metadata_fills_gaps_only(tmp_path):
    meta = Metadata(published="2025-05-01", source="CLI outlet", title="CLI title")
    first, _, third = articles(read(tmp_path, "a.rss", RSS, meta=meta))
    assert (first.source, first.published, first.title) == ("Polissia & Beyond", "2025-05-16T09:30:00+03:00",
                                                            "Drones over Chernihiv: 33 of 41 downed")
    assert third.published == "2025-05-01"
    untitled = RSS.replace("<title>Polissia &amp; Beyond</title>", "")
    assert {a.source for a in articles(read(tmp_path, "b.rss", untitled, meta=meta))} == {"CLI outlet"}


def test_short_items_are_kept(tmp_path):
    """Trafilatura would drop a one-line item as boilerplate; the fragment converter keeps it."""
    feed = RSS.replace(f"<p>{P1}</p><script>track(\"x\")</script><p>{P2}</p>", "Kyiv: one drone downed.")
    assert articles(read(tmp_path, "a.rss", feed))[0].text == "Kyiv: one drone downed."


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize(("value", "expected"), [
    ("Fri, 16 May 2025 09:30:00 +0300", "2025-05-16T09:30:00+03:00"),
    ("16 May 2025 09:30 GMT", "2025-05-16T09:30:00+00:00"),
    ("Fri, 16 May 2025 09:30:00 -0000", "2025-05-16T09:30:00+00:00"),
    ("Fri, 16 May 2025 09:30:00 EST", "2025-05-16T09:30:00-05:00"),
    ("2025-05-16T09:30:00+03:00", "2025-05-16T09:30:00+03:00"),
    ("2025-05-16T06:30:00Z", "2025-05-16T06:30:00+00:00"),
    ("2025-05-16T06:30:00.250Z", "2025-05-16T06:30:00.250000+00:00"),
    (" 2025-05-16T06:30:00 ", "2025-05-16T06:30:00+00:00"),
    ("2025-05-16", "2025-05-16"),
])
def test_feed_dates_become_iso_with_offset(value, expected):
    assert feed_date(value, "x") == expected


@pytest.mark.parametrize("value", ["yesterday", "Fri, 32 May 2025 09:30:00 +0300", "2025-02-30",
                                   "2025-13-01T00:00:00Z", "Fri, 16 May 2025", "16/05/2025", "2025"])
def test_bad_feed_dates_raise_bad_date(value):
    with pytest.raises(IngestError) as info:
        feed_date(value, "f[item 1]")
    assert info.value.reason == RejectReason.BAD_DATE
    assert str(info.value).startswith("[W100] f[item 1]: date ")


def test_a_bad_date_rejects_that_item_only(tmp_path):
    feed = RSS.replace("<dc:date>2025-05-15T18:00:00Z</dc:date>", "<dc:date>last Thursday</dc:date>")
    items = read(tmp_path, "a.rss", feed)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    bad = rejection(items, RejectReason.BAD_DATE)
    assert bad.origin == f"{tmp_path / 'a.rss'}[item 2]" and "'last Thursday'" in bad.detail


def test_missing_dates_are_none(tmp_path):
    feed = RSS.replace("<pubDate>Fri, 16 May 2025 09:30:00 +0300</pubDate>", "")
    assert articles(read(tmp_path, "a.rss", feed))[0].published is None


# ---------------------------------------------------------------- bad files and items

def test_an_item_without_text_is_rejected_by_number(tmp_path):
    feed = RSS.replace("<description>Shelling was reported near Kupiansk again.</description>",
                       "<description>  <![CDATA[<p> </p>]]> </description>")
    items = read(tmp_path, "a.rss", feed)
    bad = rejection(items, RejectReason.EMPTY)
    assert bad.origin == f"{tmp_path / 'a.rss'}[item 3]" and "empty article" in bad.detail
    assert len(items) == 3


@pytest.mark.parametrize(("data", "line"), [
    ('<?xml version="1.0"?>\n<rss><channel>\n<item><title>Open</item>\n</channel></rss>', 3),
    ("<rss><channel><title>A & B</title></channel></rss>", 1),
    ("<rss>\n<channel>\n<title>x &nbsp; y</title>", 3),
    ("<feed xmlns='http://www.w3.org/2005/Atom'>\n<entry>", 2),
    ("not xml at all", 1),
])
def test_malformed_xml_names_file_and_line(tmp_path, data, line):
    bad = rejection(read(tmp_path, "bad.xml", data), RejectReason.MALFORMED_XML)
    assert bad.origin == f"{tmp_path / 'bad.xml'}:{line}"
    assert "malformed XML" in bad.detail


def test_xml_that_is_not_a_feed_is_refused(tmp_path):
    data = '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>'
    bad = rejection(read(tmp_path, "sitemap.xml", data), RejectReason.MALFORMED_XML)
    assert "not an RSS, RDF or Atom feed (root element <urlset>)" in bad.detail


def test_xhtml_page_saved_as_xml_is_read_as_a_page(tmp_path):
    page = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title>'
            '<meta property="og:site_name" content="Polissia Today"/>'
            '<link rel="canonical" href="https://polissia.example/p"/></head>'
            f"<body><article><p>{P1}</p><p>{P3}</p></article></body></html>")
    article = articles(read(tmp_path, "page.xml", page))[0]
    assert "41 drones" in article.text and article.origin == str(tmp_path / "page.xml")
    assert (article.source, article.url) == ("Polissia Today", "https://polissia.example/p")


@pytest.mark.parametrize("data", [
    "<rss version='2.0'><channel><title>Empty</title></channel></rss>",
    "<feed xmlns='http://www.w3.org/2005/Atom'><title>Empty</title></feed>",
])
def test_feed_without_items_is_empty(tmp_path, data):
    assert "feed has no items" in rejection(read(tmp_path, "a.xml", data), RejectReason.EMPTY).detail


def test_empty_feed_file(tmp_path):
    rejection(read(tmp_path, "a.rss", b"  \n"), RejectReason.EMPTY)


def test_feed_may_hold_many_articles_but_each_item_is_limited(tmp_path):
    small = Settings(max_article_bytes=120)  # a feed may be 50 x 120 bytes; an item only 120
    items = read(tmp_path, "a.rss", RSS, settings=small)
    assert [item.reason for item in items if isinstance(item, Rejection)] == [RejectReason.OVERSIZED] * 2
    tiny = Settings(max_article_bytes=10)
    assert "over the limit of 500" in rejection(read(tmp_path, "b.rss", RSS, settings=tiny),
                                                RejectReason.OVERSIZED).detail


def test_feed_in_a_declared_legacy_encoding(tmp_path):
    feed = RSS.replace('encoding="UTF-8"', 'encoding="windows-1251"').replace("Undated note", "Київ")
    third = articles(read(tmp_path, "a.rss", feed.encode("cp1251")))[2]
    assert third.title == "Київ"


# ---------------------------------------------------------------- hostile XML

SECRET = "warledger-secret-7d3f"


@pytest.mark.parametrize("target", ["file:///etc/passwd", "SECRET_FILE"])
def test_xxe_does_not_read_the_file(tmp_path, target):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(f"{SECRET}\nroot:x:0:0:root:/root:/bin/bash\n")
    url = secret_file.as_uri() if target == "SECRET_FILE" else target
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "{url}">]>\n'
            f"<rss><channel><title>T</title><item><title>&x;</title><description>{P1} &x;</description>"
            "</item></channel></rss>")
    items = read(tmp_path, "xxe.xml", data)
    bad = rejection(items, RejectReason.MALFORMED_XML)
    assert "declares XML entities (<!ENTITY x ...>)" in bad.detail
    assert SECRET not in repr(items) and "root:x:0" not in repr(items)


def test_external_dtd_is_not_loaded(tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak "{SECRET}">')
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{dtd.as_uri()}">\n'
            f"<rss><channel><title>T</title><item><description>{P1} &leak;</description></item></channel></rss>")
    items = read(tmp_path, "dtd.xml", data)
    assert SECRET not in repr(items)
    assert "uses the entity &leak; from a DTD that is not read" in rejection(items, RejectReason.MALFORMED_XML).detail


def billion_laughs(levels: int) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels + 1)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{chr(10).join(entities)}\n]>\n'
            f"<rss><channel><title>&lol{levels};</title><item><description>&lol{levels};</description></item>"
            "</channel></rss>")


@pytest.mark.parametrize("levels", [3, 9, 30])
def test_billion_laughs_is_rejected_quickly(tmp_path, levels):
    started = time.perf_counter()
    items = read(tmp_path, "lol.xml", billion_laughs(levels))
    assert time.perf_counter() - started < 2.0
    rejection(items, RejectReason.MALFORMED_XML)
    assert "lollollol" not in repr(items)


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    data = "<rss><channel>" + "<x>" * 5000 + "</x>" * 5000 + "</channel></rss>"
    rejection(read(tmp_path, "deep.xml", data), RejectReason.MALFORMED_XML)


# ---------------------------------------------------------------- the fragment converter

@pytest.mark.parametrize(("fragment", "text"), [
    ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
    ("Lead text<div>Block</div>tail text", "Lead text\n\nBlock\n\ntail text"),
    ("<p>Line one<br>line two<br/><br>Next</p>", "Line one\nline two\n\nNext"),
    ("<ul><li>a</li><li>b <b>bold</b> c</li></ul>", "a\n\nb bold c"),
    ("<p>Fish &amp; chips &rsquo;n&nbsp;peas &#8212; &#x41;</p>", "Fish & chips \u2019n peas \u2014 A"),
    ("<style>p {color: red}</style><p>Kept</p><script>alert(1)</script><noscript>no</noscript>", "Kept"),
    ("<p>Spread\n   over\tlines</p>", "Spread over lines"),
    ("<!-- note --><p>After a comment</p>", "After a comment"),
    ("<p>unclosed <b>bold", "unclosed bold"),
    ("<h1>Head</h1>Text <a href='/x'>link</a>.", "Head\n\nText link."),
    ("<table><tr><td>a</td><td>b</td></tr></table>", "a\n\nb"),
    ("   ", ""),
    ("<p></p><div> </div>", ""),
])
def test_html_to_text(fragment, text):
    assert html_to_text(fragment) == text


def test_plain_to_text():
    assert plain_to_text("  One  line \r\n\r\n\r\nTwo\nlines ") == "One line\n\nTwo\nlines"


def test_looks_like_feed():
    assert looks_like_feed('<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')
    assert looks_like_feed("<rdf:RDF xmlns:rdf='x'>") and looks_like_feed("<feed xmlns='y'>")
    assert not looks_like_feed("<html><body>rss</body></html>") and not looks_like_feed("<?xml version='1.0'?><html>")


# ---------------------------------------------------------------- the team's feeds

def test_team_feeds_give_linked_dated_articles():
    feeds = sorted(CORPUS.glob("*.xml"))
    assert len(feeds) == 4
    items = list(read_articles([str(p) for p in feeds]))
    found = articles(items)
    assert len(found) == 11
    for article in found:
        assert article.url and article.url.startswith("https://") and article.title and article.source
        assert article.published and article.published[10] == "T" and article.published[19] in "+-"
        assert "<p>" not in article.text and "&lt;" not in article.text and "\n\n" in article.text


# ---------------------------------------------------------------- any bytes at all

XML_PIECES = ["<rss>", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>",
              "<description>", "</description>", "<pubDate>", "</pubDate>", "<link>", "</link>",
              '<feed xmlns="http://www.w3.org/2005/Atom">', "</feed>", "<entry>", "</entry>",
              '<content type="html">', '<content type="xhtml">', "</content>", "<updated>", "</updated>",
              "&lt;p&gt;", "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<!DOCTYPE rss [", "]>",
              '<!ENTITY e "x">', "&e;", "Drones over Kyiv", "Fri, 16 May 2025 09:30:00 +0300",
              "2025-02-30", "\x00", "\ufeff", "<?xml version='1.0' encoding='latin-1'?>", " ", "\n"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(XML_PIECES), max_size=40).map(lambda parts: "".join(parts).encode("utf-8")),
))
@example(data=RSS.encode())
@example(data=b"<rss><channel><item><description>&#0;</description></item></channel></rss>")
@example(data=b"\xff\xfe<\x00r\x00s\x00s\x00>\x00")
def test_any_bytes_as_xml_give_articles_or_rejections(tmp_path, data):
    for item in read(tmp_path, "any.xml", data):
        assert isinstance(item, Article | Rejection)
        if isinstance(item, Rejection):
            assert item.detail.startswith(f"[W100] {item.origin}")
        else:
            assert item.text.strip()
