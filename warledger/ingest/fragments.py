"""HTML fragments (feed item content) turned into plain text, one paragraph per block.

Feeds carry short HTML fragments, not pages: trafilatura's boilerplate rules would drop short
items, so a small lxml walk does the job here. Block elements (``p``, ``div``, ``li``, headings
...) give paragraph breaks (``"\\n\\n"``), ``br`` a line break, entities are decoded by the
parser, and scripts, styles and other non-text elements are dropped.
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs

__all__ = ["element_to_text", "html_to_text", "plain_to_text"]

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
SKIP_TAGS = frozenset({
    "applet", "audio", "button", "canvas", "embed", "head", "iframe", "map", "math", "noscript", "object",
    "script", "select", "style", "svg", "template", "textarea", "title", "video",
})


def _local(tag: object) -> str:
    """The lower-case local name of a tag (XHTML content comes namespaced); "" for comments and entities."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


class _Paragraphs:
    """Collects inline text into lines and lines into paragraphs."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.lines: list[str] = []
        self.parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)

    def line_break(self) -> None:
        self.lines.append(" ".join("".join(self.parts).split()))
        self.parts.clear()

    def block_break(self) -> None:
        self.line_break()
        current: list[str] = []
        for line in [*self.lines, ""]:  # an empty line (from <br><br>) also ends a paragraph
            if line:
                current.append(line)
            elif current:
                self.paragraphs.append("\n".join(current))
                current = []
        self.lines.clear()


def element_to_text(root: Any) -> str:
    """The text of an lxml element tree (HTML or XHTML), paragraphs separated by blank lines."""
    out = _Paragraphs()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _local(element.tag)
        if event == "start":
            if not tag:
                continue  # a comment, processing instruction or entity: only its tail is text
            if tag in SKIP_TAGS:
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                out.block_break()
            elif tag == "br":
                out.line_break()
            out.add(element.text)
        else:
            if tag in BLOCK_TAGS:
                out.block_break()
            if element is not root:
                out.add(element.tail)
    out.block_break()
    return "\n\n".join(out.paragraphs)


def html_to_text(fragment: str) -> str:
    """Plain text from an HTML fragment such as an RSS description or Atom ``type="html"`` content."""
    if not fragment.strip():
        return ""
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                              default_doctype=False)
    try:
        root = etree.fromstring(f"<div>{fragment}</div>", parser)
    except (etree.LxmlError, ValueError):  # markup libxml2 cannot recover from: keep the words
        return plain_to_text(fragment)
    return "" if root is None else element_to_text(root)


def plain_to_text(text: str) -> str:
    """Plain text tidied like converted HTML: runs of spaces collapsed, paragraphs at blank lines."""
    paragraphs, current = [], []
    for line in [*text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), ""]:
        line = " ".join(line.split())
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return "\n\n".join(paragraphs)
