"""Ingest: every input kind becomes Articles, and every bad input a Rejection naming where and why (C10)."""

from __future__ import annotations

import io
import json
import os
import random
from pathlib import Path

import pytest

import warledger
from warledger.errors import IngestError, RejectReason
from warledger.extract import extract_article
from warledger.ids import article_id
from warledger.ingest import Metadata, check_published, folders, read_articles
from warledger.records import Article, Rejection
from warledger.settings import Settings

TEXT = "Russia launched 27 drones at Sumy overnight; air defence shot down 19 of them."
TEXT2 = "Two people were injured in Kherson when a guided bomb hit a shop on Tuesday."

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drones target Poltava overnight | Steppe Courier</title>
<meta property="article:published_time" content="2025-04-09T07:15:00+03:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport section</a></li><li><a href="/weather">Weather today</a></li></ul></nav></header>
<main><article><h1>Drones target Poltava overnight</h1>
<p>Russian forces sent 58 attack drones towards central Ukraine overnight, and air defence units
brought down 44 of them, the regional governor wrote on Wednesday morning.</p>
<p>A fuel depot on the edge of Poltava caught fire after the strike, and two workers were taken
to hospital with burns.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten recipes for a rainy weekend</a></li>
<li><a href="/b">Local football club wins the derby</a></li></ul></aside>
<footer><p>Copyright 2025 Steppe Courier. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>
"""
MENU_ONLY = """<!DOCTYPE html><html><head><title>Steppe Courier</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<footer>Copyright 2025</footer></body></html>"""

SMALL = Settings(max_article_bytes=100)
DEFAULT = Settings()
NO_META = Metadata()
RANDOM_BYTES = random.Random(20250101).randbytes(600)  # seeded: contains NUL bytes
KINDS = ("txt", "html", "json", "jsonl", "stdin")


def read(tmp_path: Path, name: str, data: bytes | str, *, settings: Settings = DEFAULT,
         meta: Metadata = NO_META) -> list[Article | Rejection]:
    """Everything ingest yields for one input; ``name == "-"`` feeds ``data`` on standard input."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if name == "-":
        return list(read_articles(["-"], meta=meta, settings=settings, stdin=io.BytesIO(raw)))
    path = tmp_path / name
    path.write_bytes(raw)
    return list(read_articles([str(path)], meta=meta, settings=settings))


def one_article(items: list[Article | Rejection]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def one_rejection(items: list[Article | Rejection], reason: RejectReason) -> Rejection:
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    rejection = items[0]
    assert rejection.reason == reason, rejection
    assert rejection.stage == "ingest"
    assert rejection.detail.startswith("[W100] ")
    assert rejection.detail.startswith(f"[W100] {rejection.origin}"), "the detail must name the input first"
    return rejection


def file_name(kind: str) -> str:
    return "-" if kind == "stdin" else f"article.{kind}"


def record(text: str, **fields: object) -> str:
    return json.dumps({"text": text, **fields})


def spans(data: object) -> list[dict[str, object]]:
    """Every evidence object anywhere in an extraction dict."""
    if isinstance(data, dict):
        found = [data["evidence"]] if isinstance(data.get("evidence"), dict) else []
        if isinstance(data.get("date_evidence"), dict):
            found.append(data["date_evidence"])
        return found + [s for value in data.values() for s in spans(value)]
    if isinstance(data, list):
        return [s for value in data for s in spans(value)]
    return []


# ---------------------------------------------------------------- every kind, read correctly

def test_txt_file(tmp_path):
    article = one_article(read(tmp_path, "report.txt", TEXT + "\n",
                               meta=Metadata(published="2025-03-04", source="Wire", title="Sumy")))
    assert article.text == TEXT + "\n"
    assert (article.published, article.source, article.title) == ("2025-03-04", "Wire", "Sumy")
    assert article.origin == str(tmp_path / "report.txt")
    assert article.id == article_id(article.text)


def test_html_page_is_reduced_to_its_main_text(tmp_path):
    article = one_article(read(tmp_path, "page.html", PAGE))
    assert "58 attack drones" in article.text and "fuel depot" in article.text
    for boilerplate in ("Home", "Weather today", "rainy weekend", "football", "Copyright", "Subscribe", "<p>"):
        assert boilerplate not in article.text
    assert article.title == "Drones target Poltava overnight"
    assert article.published == "2025-04-09T07:15:00+03:00"  # to the minute, from article:published_time


def test_html_modified_time_is_the_articles_update(tmp_path):
    live = PAGE.replace('<meta property="article:published_time" content="2025-04-09T07:15:00+03:00">',
                        '<meta property="article:published_time" content="2025-04-09T07:15:00+03:00">\n'
                        '<meta property="article:modified_time" content="2025-04-09T21:40:00+03:00">')
    article = one_article(read(tmp_path, "live.html", live))
    assert (article.published, article.updated) == ("2025-04-09T07:15:00+03:00", "2025-04-09T21:40:00+03:00")
    assert one_article(read(tmp_path, "page.html", PAGE)).updated is None
    assert "updated" not in article.to_dict()   # not part of format v1


def test_a_records_updated_time_is_kept_and_checked(tmp_path):
    data = json.dumps({"text": TEXT, "published": "2025-03-04T06:30:00Z", "updated": "2025-03-04T18:05:00Z"})
    assert one_article(read(tmp_path, "a.json", data)).updated == "2025-03-04T18:05:00Z"
    bad = json.dumps({"text": TEXT, "published": "2025-03-04", "updated": "tonight"})
    rejection = one_rejection(read(tmp_path, "b.json", bad), RejectReason.BAD_DATE)
    assert "updated" in rejection.detail and "'tonight'" in rejection.detail


def test_html_metadata_from_the_command_line_wins(tmp_path):
    meta = Metadata(published="2025-04-10", title="Given title", source="Courier")
    article = one_article(read(tmp_path, "page.htm", PAGE, meta=meta))
    assert (article.published, article.title, article.source) == ("2025-04-10", "Given title", "Courier")


def test_json_object(tmp_path):
    data = record(TEXT, id="wire-7", published="2025-03-04", source="Wire", title="Sumy")
    article = one_article(read(tmp_path, "a.json", data))
    assert (article.id, article.text, article.published, article.source, article.title) == (
        "wire-7", TEXT, "2025-03-04", "Wire", "Sumy")


def test_json_object_with_html_field_is_reduced(tmp_path):
    article = one_article(read(tmp_path, "a.json", json.dumps({"html": PAGE, "id": 3})))
    assert article.id == "3"
    assert "58 attack drones" in article.text and "Copyright" not in article.text


@pytest.mark.parametrize(("obj", "expected"), [
    pytest.param({"body": TEXT, "headline": "Sumy", "link": "https://example.org/a", "date": "2025-03-04"},
                 ("Sumy", "https://example.org/a", "2025-03-04", None), id="scraper"),
    pytest.param({"content": TEXT, "title": "Sumy", "url": "https://example.org/a", "source": {"id": None, "name":
                 "Wire"}, "publishedAt": "2025-03-04T06:30:00Z"},
                 ("Sumy", "https://example.org/a", "2025-03-04T06:30:00Z", "Wire"), id="newsapi"),
    pytest.param({"articleBody": TEXT, "headline": "Sumy", "datePublished": "2025-03-04",
                  "publisher": {"@type": "Organization", "name": "Wire"}},
                 ("Sumy", None, "2025-03-04", "Wire"), id="schema-org"),
    pytest.param({"text": TEXT, "title": "Sumy", "pubDate": "Tue, 04 Mar 2025 08:30:00 +0200"},
                 ("Sumy", None, "2025-03-04T08:30:00+02:00", None), id="rss-export-date"),
])
def test_json_record_fields_under_other_tools_names(tmp_path, obj, expected):
    article = one_article(read(tmp_path, "a.json", json.dumps(obj)))
    assert article.text == TEXT
    assert (article.title, article.url, article.published, article.source) == expected


def test_json_record_body_under_another_name_may_be_html(tmp_path):
    """WordPress's REST API: {"content": {"rendered": "<p>..."}}; the page's main text is read."""
    obj = {"title": {"rendered": "Sumy"}, "content": {"rendered": PAGE}, "date": "2025-03-04T09:00:00", "id": 81}
    article = one_article(read(tmp_path, "a.json", json.dumps(obj)))
    assert (article.id, article.title, article.published) == ("81", "Sumy", "2025-03-04T09:00:00")
    assert "58 attack drones" in article.text and "<p>" not in article.text
    # under "text" a body is what it says, even with markup in it
    plain = one_article(read(tmp_path, "b.json", json.dumps({"text": "<p>" + TEXT})))
    assert plain.text == "<p>" + TEXT


def test_json_record_canonical_name_wins_over_others(tmp_path):
    obj = {"text": TEXT, "body": TEXT2, "published": "2025-03-04", "date": "2025-01-01", "title": "A", "headline": "B"}
    article = one_article(read(tmp_path, "a.json", json.dumps(obj)))
    assert (article.text, article.published, article.title) == (TEXT, "2025-03-04", "A")


@pytest.mark.parametrize("obj", [
    {"body": TEXT, "pubDate": "sometime in March"},
    {"body": TEXT, "publishedAt": "2025-13-45"},
    {"body": TEXT, "date": 20250304},
])
def test_json_record_bad_date_under_another_name_is_rejected(tmp_path, obj):
    rejection = one_rejection(read(tmp_path, "a.json", json.dumps(obj)), RejectReason.BAD_DATE)
    assert next(iter(k for k in obj if k != "body")) in rejection.detail


def test_json_record_metadata_overrides_command_line_and_falls_back_to_it(tmp_path):
    meta = Metadata(published="2025-01-01", source="CLI source", title="CLI title")
    own = one_article(read(tmp_path, "own.json", record(TEXT, published="2025-03-04", source="Own"), meta=meta))
    assert (own.published, own.source, own.title) == ("2025-03-04", "Own", "CLI title")
    bare = one_article(read(tmp_path, "bare.json", record(TEXT, published=None), meta=meta))
    assert (bare.published, bare.source, bare.title) == ("2025-01-01", "CLI source", "CLI title")


def test_json_list_keeps_order_ids_and_origins(tmp_path):
    data = json.dumps([{"text": TEXT, "id": "b"}, {"text": TEXT2, "id": "a"}, {"text": TEXT2 + " More."}])
    items = read(tmp_path, "list.json", data)
    assert all(isinstance(item, Article) for item in items)
    assert [item.id for item in items][:2] == ["b", "a"]
    assert items[2].id == article_id(TEXT2 + " More.")
    assert [item.origin for item in items] == [f"{tmp_path / 'list.json'}[{n}]" for n in (1, 2, 3)]


def test_jsonl_keeps_order_and_skips_blank_lines(tmp_path):
    data = record(TEXT, id="first") + "\n\n   \n" + record(TEXT2, id="second") + "\n"
    items = read(tmp_path, "feed.jsonl", data)
    assert [(item.id, item.origin) for item in items] == [
        ("first", f"{tmp_path / 'feed.jsonl'}:1"), ("second", f"{tmp_path / 'feed.jsonl'}:4")]


def test_stdin_text(tmp_path):
    article = one_article(read(tmp_path, "-", TEXT, meta=Metadata(published="2025-03-04")))
    assert (article.text, article.origin, article.published) == (TEXT, "<stdin>", "2025-03-04")


def test_stdin_text_starting_with_a_bracket_is_text(tmp_path):
    text = "[Steppe Courier] " + TEXT
    assert one_article(read(tmp_path, "-", text)).text == text


@pytest.mark.parametrize("data", [
    record(TEXT, id="s1"),
    json.dumps({"text": TEXT, "id": "s1"}, indent=2),
    json.dumps([{"text": TEXT, "id": "s1"}]),
], ids=["object", "pretty-object", "list"])
def test_stdin_json(tmp_path, data):
    article = one_article(read(tmp_path, "-", data))
    assert (article.id, article.text) == ("s1", TEXT)


def test_stdin_jsonl(tmp_path):
    items = read(tmp_path, "-", record(TEXT, id="x") + "\n" + record(TEXT2, id="y") + "\n")
    assert [(item.id, item.origin) for item in items] == [("x", "<stdin>:1"), ("y", "<stdin>:2")]


def test_stdin_html(tmp_path):
    article = one_article(read(tmp_path, "-", PAGE))
    assert "58 attack drones" in article.text and "Weather today" not in article.text


def test_unknown_suffix_is_sniffed(tmp_path):
    assert one_article(read(tmp_path, "report.md", TEXT)).text == TEXT
    assert one_article(read(tmp_path, "dump", record(TEXT, id="z"))).id == "z"


def test_several_paths_in_order_with_a_bad_one_between(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "c.txt").write_text(TEXT2)
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "c.txt")]
    items = list(read_articles(paths))
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    assert [item.text for item in items if isinstance(item, Article)] == [TEXT, TEXT2]


# ---------------------------------------------------------------- line endings and BOM

CRLF = "Russia launched 27 drones at Sumy overnight.\r\nIn Kharkiv, three people were killed.\r\n\r\nOld Mac line.\r"
LF = "Russia launched 27 drones at Sumy overnight.\nIn Kharkiv, three people were killed.\n\nOld Mac line.\n"


@pytest.mark.parametrize("kind", KINDS)
def test_line_endings_are_normalised(tmp_path, kind):
    data = {"txt": CRLF, "stdin": CRLF, "json": record(CRLF), "jsonl": record(CRLF) + "\r\n",
            "html": f"<html><body><article><p>{CRLF}</p></article></body></html>"}[kind]
    article = one_article(read(tmp_path, file_name(kind), data))
    assert "\r" not in article.text
    if kind != "html":  # trafilatura re-flows whitespace inside a paragraph
        assert article.text == LF


def test_offsets_refer_to_the_normalised_text(tmp_path):
    article = one_article(read(tmp_path, "crlf.txt", CRLF, meta=Metadata(published="2025-03-04")))
    result = extract_article(article).to_dict()
    assert result["article"]["text"] == LF
    found = spans(result)
    assert any(span["text"] == "three people were killed" for span in found), found
    for span in found:
        assert LF[span["start"]:span["end"]] == span["text"]
    # the library entry point normalises the same way, so gives the same output and id
    assert warledger.extract(CRLF, published="2025-03-04").to_dict() == result


@pytest.mark.parametrize("kind", KINDS)
def test_bom_is_dropped(tmp_path, kind):
    data = {"txt": TEXT, "stdin": record(TEXT), "json": record(TEXT), "jsonl": record(TEXT) + "\n",
            "html": PAGE}[kind]
    article = one_article(read(tmp_path, file_name(kind), b"\xef\xbb\xbf" + data.encode()))
    assert not article.text.startswith("\ufeff")
    if kind != "html":
        assert article.text == TEXT


def test_bom_inside_a_json_text_field_is_dropped(tmp_path):
    assert one_article(read(tmp_path, "a.json", record("\ufeff" + TEXT))).text == TEXT


# ---------------------------------------------------------------- bad input, for every kind

BAD_FILES = {  # the same raw bytes are bad whatever the input kind
    "empty": (b"", RejectReason.EMPTY, "empty"),
    "whitespace": (b"  \n\t \r\n   \n", RejectReason.EMPTY, "empty"),
    "nul-bytes": (b"Russia launched\x00\x00 drones", RejectReason.BINARY, "NUL"),
    "random-bytes": (RANDOM_BYTES, RejectReason.BINARY, "binary"),
    "random-bytes-without-nul": (RANDOM_BYTES.replace(b"\x00", b""), RejectReason.NOT_UTF8, "UTF-8"),
    "control-characters": (bytes(range(1, 9)) * 40, RejectReason.BINARY, "control characters"),
    "latin-1": ("Drones over the caf\u00e9 in Kyiv, \u00abattack\u00bb".encode("latin-1"),
                RejectReason.NOT_UTF8, "not UTF-8 text (bad byte at offset"),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_rejected_for_every_kind(tmp_path, kind, case):
    data, reason, words = BAD_FILES[case]
    rejection = one_rejection(read(tmp_path, file_name(kind), data), reason)
    assert rejection.origin == ("<stdin>" if kind == "stdin" else str(tmp_path / file_name(kind)))
    assert words in rejection.detail


def test_latin_1_detail_says_how_to_fix(tmp_path):
    rejection = one_rejection(read(tmp_path, "a.txt", "Kherson caf\u00e9".encode("latin-1")), RejectReason.NOT_UTF8)
    assert "offset 11" in rejection.detail and "re-encode it as UTF-8" in rejection.detail


OVERSIZED_TEXT = "Drones again. " * 10  # 140 bytes, over a limit of 100


@pytest.mark.parametrize("kind", KINDS)
def test_oversized_article_is_rejected_for_every_kind(tmp_path, kind):
    data = {"txt": OVERSIZED_TEXT, "stdin": OVERSIZED_TEXT, "json": record(OVERSIZED_TEXT),
            "jsonl": record(OVERSIZED_TEXT) + "\n",
            "html": f"<html><body><article><p>{OVERSIZED_TEXT}</p></article></body></html>"}[kind]
    rejection = one_rejection(read(tmp_path, file_name(kind), data, settings=SMALL), RejectReason.OVERSIZED)
    assert "over the limit of 100" in rejection.detail and "max_article_bytes" in rejection.detail


@pytest.mark.parametrize("kind", ["json", "jsonl", "stdin"])
def test_oversized_collection_is_rejected_before_parsing(tmp_path, kind):
    data = json.dumps([{"text": "x"}] * 1000)  # 14 kB: over 50 articles of 100 bytes
    rejection = one_rejection(read(tmp_path, file_name(kind), data, settings=SMALL), RejectReason.OVERSIZED)
    assert "over the limit of 5000" in rejection.detail


def test_oversized_is_counted_in_utf8_bytes(tmp_path):
    text = "\u0416" * 60  # 60 characters, 120 bytes
    one_rejection(read(tmp_path, "a.json", record(text), settings=SMALL), RejectReason.OVERSIZED)
    assert isinstance(read(tmp_path, "b.json", record(text[:45]), settings=SMALL)[0], Article)


@pytest.mark.parametrize("kind", ["json", "jsonl", "stdin"])
@pytest.mark.parametrize(("text", "reason", "words"), [
    pytest.param("", RejectReason.EMPTY, "empty article", id="empty-text"),
    pytest.param(" \n\t ", RejectReason.EMPTY, "empty article", id="whitespace-text"),
    pytest.param("Drones\u0000 over Kyiv", RejectReason.BINARY, "NUL", id="nul-escape-in-text"),
    pytest.param("\u0001\u0002\u0003" * 10, RejectReason.BINARY, "control characters", id="control-escapes"),
])
def test_bad_text_inside_a_json_record(tmp_path, kind, text, reason, words):
    data = record(text) + ("\n" if kind == "jsonl" else "")
    assert words in one_rejection(read(tmp_path, file_name(kind), data), reason).detail


def test_html_without_main_text(tmp_path):
    rejection = one_rejection(read(tmp_path, "menu.html", MENU_ONLY), RejectReason.NO_MAIN_TEXT)
    assert rejection.origin == str(tmp_path / "menu.html")
    assert "no article text" in rejection.detail


@pytest.mark.parametrize("markup", [
    "<html><body><p>unclosed <div><b>",
    "<<<>>> </p></p></html>",
    "<?xml version='1.0'?><html><body></body>",
    "<html><body><script>var drones = 27; document.write('Sumy');</script></body></html>",
], ids=["unclosed", "garbage", "xml-empty", "script-only"])
def test_malformed_html_is_rejected_not_raised(tmp_path, markup):
    one_rejection(read(tmp_path, "bad.html", markup), RejectReason.NO_MAIN_TEXT)


def test_html_field_without_main_text_names_the_record(tmp_path):
    data = json.dumps([{"text": TEXT}, {"html": MENU_ONLY}])
    items = read(tmp_path, "pages.json", data)
    assert isinstance(items[0], Article)
    rejection = one_rejection(items[1:], RejectReason.NO_MAIN_TEXT)
    assert rejection.origin == f"{tmp_path / 'pages.json'}[2]"


@pytest.mark.parametrize(("data", "line"), [
    ('{"text": "Drones over Kyiv"', 1),
    ('{\n  "text": "Drones over Kyiv",\n  "id": \n}', 4),
    ("not json at all", 1),
    ('{"text": "a"} trailing', 1),
])
def test_malformed_json_names_file_and_line(tmp_path, data, line):
    rejection = one_rejection(read(tmp_path, "bad.json", data), RejectReason.MALFORMED_JSON)
    assert rejection.origin == f"{tmp_path / 'bad.json'}:{line}"
    assert "malformed JSON" in rejection.detail


def test_jsonl_with_one_bad_line_keeps_the_good_ones(tmp_path):
    data = "\n".join([record(TEXT, id="one"), '{"text": "broken', record(TEXT2, id="three"),
                      record("", id="four"), record(TEXT, id="five", published="yesterday")]) + "\n"
    items = read(tmp_path, "feed.jsonl", data)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article", "Rejection", "Rejection"]
    assert [item.id for item in items if isinstance(item, Article)] == ["one", "three"]
    origin = str(tmp_path / "feed.jsonl")
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [(r.origin, r.reason) for r in rejections] == [
        (f"{origin}:2", RejectReason.MALFORMED_JSON), (f"{origin}:4", RejectReason.EMPTY),
        (f"{origin}:5", RejectReason.BAD_DATE)]
    assert rejections[0].detail.startswith(f"[W100] {origin}:2: malformed JSON")


def test_json_list_with_one_bad_record_keeps_the_good_ones(tmp_path):
    items = read(tmp_path, "list.json", json.dumps([{"text": TEXT}, {"title": "no text"}, 7, {"text": TEXT2}]))
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Rejection", "Article"]
    assert [item.origin.rsplit("[", 1)[1] for item in items] == ["1]", "2]", "3]", "4]"]


@pytest.mark.parametrize("kind", ["json", "jsonl", "stdin"])
@pytest.mark.parametrize(("obj", "words"), [
    pytest.param({"title": "Drones over Kyiv"}, "needs a string field 'text'", id="no-text"),
    pytest.param({"body": 42}, "needs a string field 'text'", id="body-number"),
    pytest.param({"content": {"raw": TEXT}}, "field 'content' must be a string", id="content-object-no-string"),
    pytest.param({"text": 42}, "needs a string field 'text'", id="text-number"),
    pytest.param({"text": ["Drones", "over Kyiv"]}, "needs a string field 'text'", id="text-list"),
    pytest.param({"text": None, "html": 5}, "needs a string field 'text'", id="html-number"),
    pytest.param({"text": TEXT, "title": 7}, "field 'title' must be a string", id="title-number"),
    pytest.param({"text": TEXT, "source": ["Wire"]}, "field 'source' must be a string", id="source-list"),
    pytest.param({"text": TEXT, "url": 7}, "field 'url' must be a string", id="url-number"),
    pytest.param({"text": TEXT, "url": {"href": "x"}}, "field 'url' must be a string", id="url-object"),
    pytest.param({"text": TEXT, "id": ["a"]}, "field 'id' must be a string", id="id-list"),
    pytest.param({"text": TEXT, "id": 1.5}, "field 'id' must be a string", id="id-float"),
    pytest.param({"text": TEXT, "id": True}, "field 'id' must be a string", id="id-bool"),
    pytest.param("just a string", "expected a JSON object, got str", id="string"),
    pytest.param(12, "expected a JSON object, got int", id="number"),
    pytest.param(None, "expected a JSON object, got NoneType", id="null"),
])
def test_json_with_missing_text_or_wrong_types(tmp_path, kind, obj, words):
    data = json.dumps(obj) + ("\n" if kind == "jsonl" else "")
    if kind == "stdin" and not isinstance(obj, dict):
        data = json.dumps([obj])  # a bare scalar on stdin is plain text, not JSON
    rejection = one_rejection(read(tmp_path, file_name(kind), data), RejectReason.MALFORMED_JSON)
    assert words in rejection.detail


def test_empty_json_list_is_rejected_as_empty(tmp_path):
    rejection = one_rejection(read(tmp_path, "none.json", "[]"), RejectReason.EMPTY)
    assert "no articles" in rejection.detail


@pytest.mark.parametrize("published", ["2025-02-30", "yesterday", 20250101, "2025-13-01", "04/03/2025",
                                       "2025-03-04T25:00", True, 0, ["2025-03-04"]])
@pytest.mark.parametrize("kind", ["json", "jsonl", "stdin"])
def test_bad_published_in_a_record(tmp_path, kind, published):
    data = record(TEXT, published=published) + ("\n" if kind == "jsonl" else "")
    rejection = one_rejection(read(tmp_path, file_name(kind), data), RejectReason.BAD_DATE)
    assert "published" in rejection.detail and repr(published) in rejection.detail


@pytest.mark.parametrize("published", ["2025-03-04", "2025-03-04T06:30:00", "2025-03-04T06:30:00Z",
                                       "2025-03-04T06:30:00+02:00", " 2025-03-04 "])
def test_good_published_is_accepted(tmp_path, published):
    article = one_article(read(tmp_path, "a.json", record(TEXT, published=published)))
    assert article.published == published.strip()


@pytest.mark.parametrize("kind", ["txt", "html", "stdin"])
@pytest.mark.parametrize("published", ["2025-02-30", "yesterday"])
def test_bad_published_from_the_command_line(tmp_path, kind, published):
    data = PAGE if kind == "html" else TEXT
    one_rejection(read(tmp_path, file_name(kind), data, meta=Metadata(published=published)), RejectReason.BAD_DATE)


@pytest.mark.parametrize("published", ["2025-02-30", "yesterday", 20250101, "2025-3-4x"])
def test_check_published_raises_a_coded_error(published):
    with pytest.raises(IngestError) as info:
        check_published(published, "--published")
    assert info.value.reason == RejectReason.BAD_DATE
    assert str(info.value).startswith("[W100] --published: published ")
    with pytest.raises(IngestError):
        warledger.extract(TEXT, published=published)  # type: ignore[arg-type]


@pytest.mark.parametrize("published", [None, ""])
def test_check_published_accepts_nothing(published):
    assert check_published(published, "x") is None


def test_missing_file_is_unreadable_and_an_empty_folder_is_empty(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    items = list(read_articles([str(tmp_path / "missing.txt"), str(tmp_path / "folder.txt")]))
    assert [item.reason for item in items] == [RejectReason.UNREADABLE, RejectReason.EMPTY]
    assert "No such file" in items[0].detail and items[0].detail.startswith(f"[W100] {tmp_path / 'missing.txt'}")
    assert items[1].origin == str(tmp_path / "folder.txt")
    assert "folder holds no input files (.atom .htm .html .json .jsonl .rss .txt .xhtml .xml)" in items[1].detail


def test_rejection_to_dict(tmp_path):
    rejection = one_rejection(read(tmp_path, "e.txt", b""), RejectReason.EMPTY)
    assert rejection.to_dict() == {"origin": str(tmp_path / "e.txt"), "stage": "ingest", "reason": "empty",
                                   "detail": rejection.detail}


@pytest.mark.parametrize("kind", ["json", "jsonl", "stdin"])
@pytest.mark.parametrize(("obj", "field"), [
    pytest.param({"text": "Drones \ud800 over Kyiv"}, "text", id="text"),
    pytest.param({"text": TEXT, "title": "Kyiv \udcff"}, "title", id="title"),
    pytest.param({"text": TEXT, "source": "\udfff"}, "source", id="source"),
    pytest.param({"text": TEXT, "id": "a\ud834"}, "id", id="id"),
    pytest.param({"text": TEXT, "url": "https://a.example/\udc80"}, "url", id="url"),
    pytest.param({"html": f"<html><body><p>{TEXT} \ud800 {TEXT2}</p></body></html>"}, "html", id="html"),
])
def test_lone_surrogate_escapes_in_json_are_not_utf8(tmp_path, kind, obj, field):
    data = json.dumps(obj) + ("\n" if kind == "jsonl" else "")  # ensure_ascii writes them as \\uXXXX escapes
    rejection = one_rejection(read(tmp_path, file_name(kind), data), RejectReason.NOT_UTF8)
    assert f"{field} is not valid Unicode (lone surrogate" in rejection.detail
    rejection.detail.encode("utf-8")  # the message itself can be printed


# ---------------------------------------------------------------- addresses and outlets

def test_json_record_url(tmp_path):
    data = record(TEXT, url="https://wire.example/a", source="Wire")
    article = one_article(read(tmp_path, "a.json", data))
    assert article.url == "https://wire.example/a"
    assert "url" not in article.to_dict()  # extraction format v1 has no url
    assert list(article.to_dict()) == ["id", "source", "title", "published", "text"]
    assert one_article(read(tmp_path, "b.json", record(TEXT, url=None))).url is None


@pytest.mark.parametrize(("source", "expected"), [
    # a feed export that gives the page's address as its source: the address, and the site as source
    ("https://www.wire.example/2025/12/kyiv", ("https://www.wire.example/2025/12/kyiv", "wire.example")),
    ("http://live.post.example/ukraine", ("http://live.post.example/ukraine", "live.post.example")),
    # an outlet's name, or something that only looks like an address, stays the source
    ("Steppe Wire", (None, "Steppe Wire")),
    ("ftp://files.example/a", (None, "ftp://files.example/a")),
    ("https://", (None, "https://")),
])
def test_json_record_source_that_is_an_address(tmp_path, source, expected):
    article = one_article(read(tmp_path, "a.json", record(TEXT, url=None, source=source)))
    assert (article.url, article.source) == expected


def test_json_record_url_and_address_source_keep_their_fields(tmp_path):
    data = record(TEXT, url="https://wire.example/a", source="https://wire.example/")
    article = one_article(read(tmp_path, "a.json", data))
    assert (article.url, article.source) == ("https://wire.example/a", "https://wire.example/")


@pytest.mark.parametrize("kind", ["jsonl", "stdin"])
def test_url_in_jsonl_and_stdin(tmp_path, kind):
    data = record(TEXT, url="https://wire.example/b") + "\n" + record(TEXT2) + "\n"
    items = read(tmp_path, file_name(kind), data)
    assert [item.url for item in items] == ["https://wire.example/b", None]


LINKED_PAGE = PAGE.replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8"><link rel="canonical" href="https://steppecourier.example/2025/04/09/poltava">'
    '<meta property="og:site_name" content="Steppe Courier">')


def test_html_page_gives_canonical_url_and_site_name(tmp_path):
    article = one_article(read(tmp_path, "page.html", LINKED_PAGE))
    assert (article.url, article.source) == ("https://steppecourier.example/2025/04/09/poltava", "Steppe Courier")


def test_html_og_url_is_used_without_a_canonical_link(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">',
                        '<meta charset="utf-8"><meta property="og:url" content="https://sc.example/og">')
    article = one_article(read(tmp_path, "page.html", page))
    assert article.url == "https://sc.example/og"
    assert article.source is None  # trafilatura would name the outlet after the host: not an outlet name


@pytest.mark.parametrize("head", [
    '<link rel="canonical" href="/relative/path">',
    '<meta property="article:publisher" content="https://social.example/steppecourier">',
    "",
])
def test_html_without_usable_url_or_name(tmp_path, head):
    page = PAGE.replace('<meta charset="utf-8">', f'<meta charset="utf-8">{head}')
    article = one_article(read(tmp_path, "page.html", page))
    assert (article.url, article.source) == (None, None)


def test_html_url_and_source_from_the_command_line_and_records_win(tmp_path):
    article = one_article(read(tmp_path, "page.html", LINKED_PAGE, meta=Metadata(source="Given")))
    assert (article.source, article.url) == ("Given", "https://steppecourier.example/2025/04/09/poltava")
    data = json.dumps({"html": LINKED_PAGE, "url": "https://mirror.example/p", "source": "Mirror"})
    article = one_article(read(tmp_path, "page.json", data))
    assert (article.source, article.url) == ("Mirror", "https://mirror.example/p")


# ---------------------------------------------------------------- folders

def make_tree(root: Path) -> None:
    """a.txt, b/ (c.json, d/e.html, notes.md), b.txt, .hidden/x.txt, .dot.txt, z.rss"""
    (root / "b" / "d").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(TEXT)
    (root / "b" / "c.json").write_text(record(TEXT2, id="c"))
    (root / "b" / "d" / "e.html").write_text(PAGE)
    (root / "b" / "notes.md").write_text("not an input")
    (root / "b.txt").write_text(TEXT + " Again.")
    (root / ".hidden" / "x.txt").write_text("hidden")
    (root / ".dot.txt").write_text("hidden too")
    (root / "z.rss").write_text(
        "<rss><channel><title>Z</title><item><description>Drones over Sumy.</description></item></channel></rss>")


def test_folder_is_read_recursively_in_name_order(tmp_path):
    make_tree(tmp_path)
    items = list(read_articles([str(tmp_path)]))
    assert all(isinstance(item, Article) for item in items), items
    assert [item.origin for item in items] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.json"), str(tmp_path / "b" / "d" / "e.html"),
        str(tmp_path / "b.txt"), f"{tmp_path / 'z.rss'}[item 1]"]
    assert "hidden" not in [item.text for item in items]


def test_folder_and_files_together_keep_the_given_order(tmp_path):
    make_tree(tmp_path / "tree")
    (tmp_path / "first.txt").write_text(TEXT2)
    items = list(read_articles([str(tmp_path / "first.txt"), str(tmp_path / "tree" / "b")]))
    assert [Path(item.origin).name for item in items] == ["first.txt", "c.json", "e.html"]


def test_a_hidden_path_given_explicitly_is_read(tmp_path):
    make_tree(tmp_path)
    assert one_article(list(read_articles([str(tmp_path / ".hidden")]))).text == "hidden"


def test_symlink_loops_end(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "b" / "d" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "b" / "self").symlink_to(tmp_path / "b", target_is_directory=True)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    items = list(read_articles([str(tmp_path)]))
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == 5
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [(Path(r.origin).name, r.reason) for r in rejections] == [("loop.txt", RejectReason.UNREADABLE)]


def test_symlinked_folder_is_read_once(tmp_path):
    make_tree(tmp_path / "real")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    items = list(read_articles([str(tmp_path)]))
    assert len(items) == 5 and all(str(tmp_path / "alias") in item.origin for item in items)


def test_bad_files_in_a_folder_are_rejected_and_the_rest_read(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "b" / "broken.json").write_text('{"text": ')
    (tmp_path / "b" / "broken.xml").write_text("<rss><channel>")
    items = list(read_articles([str(tmp_path)]))
    assert [(Path(item.origin).name, item.reason) for item in items if isinstance(item, Rejection)] == [
        ("broken.json:1", RejectReason.MALFORMED_JSON), ("broken.xml:1", RejectReason.MALFORMED_XML)]
    assert sum(isinstance(item, Article) for item in items) == 5


def test_unreadable_subfolder_is_a_rejection(tmp_path, monkeypatch):
    make_tree(tmp_path)
    locked = tmp_path / "b" / "locked"
    locked.mkdir()
    real_entries = folders._entries

    def entries(folder: str) -> list[os.DirEntry[str]]:
        if folder == str(locked):  # chmod 0 would not stop root, so the listing fails here instead
            raise PermissionError(13, "Permission denied", folder)
        return real_entries(folder)

    monkeypatch.setattr(folders, "_entries", entries)
    items = list(read_articles([str(tmp_path)]))
    assert [(item.origin, item.reason) for item in items if isinstance(item, Rejection)] == [
        (str(locked), RejectReason.UNREADABLE)]
    assert "cannot read folder: Permission denied" in items[3].detail
    assert sum(isinstance(item, Article) for item in items) == 5


def test_team_corpus_folders_read_without_rejections():
    corpus = Path(__file__).parents[1] / "corpus"
    items = list(read_articles([str(corpus / "articles"), str(corpus / "ledger" / "articles")]))
    assert [item for item in items if isinstance(item, Rejection)] == []
    assert len(items) == 359
    assert len({item.id for item in items if isinstance(item, Article)}) == 359
