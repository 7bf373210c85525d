"""Where the quotations of a text are: quotation marks paired within a paragraph.

Double marks ("straight", “curly”, «guillemets», „low“) are paired first; a mark left open at the
end of a paragraph quotes to the end of it. Single marks (‘curly’, 'straight') are then paired
where an opening mark stands before a word and a closing one after a word, so that apostrophes
("Ukraine's", "leaders’ homes" aside) are not taken for quotation marks; a single-quoted span
inside a double-quoted one is a nested quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

_DOUBLE_MARKS = '"“”«»„'
_SINGLE_MARKS = "‘'"
# a single mark that may open: before a word, and not inside a word ("Ukraine's"): after nothing, a
# space or an opening mark (``_OPENS_BEFORE``)
_SINGLE_MARK = re.compile(r"[‘'](?<![^ \t\n\u00a0(\[—–\-:/“«‘'][‘'])(?=[\w\[…(])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?![\w])|\n")
# a word as a reader counts it: a hyphenated compound ("long-range", "so-called") is one word, so that a
# scare-quoted term of three words ("our long-range sanctions") stays under the four-word minimum
_WORD = re.compile(r"\w+(?:['’.,\-‑]\w+)*")
_OPENS_BEFORE = frozenset(" \t\n\u00a0([—–-:/“«‘'")


class QuoteSpan(NamedTuple):
    """A quotation: ``text[start:end]`` is inside the marks (trimmed); ``open_at`` is the opening mark."""

    open_at: int
    start: int
    end: int
    close_after: int       # just after the closing mark; the paragraph end when left open
    closed: bool
    words: int             # word count (capped: quotations of 80 characters or more count 80)
    heading: bool          # of four words or more, on a line without sentence punctuation: a title
    outer: int | None      # ``open_at`` of the quotation this one is nested in


def find_spans(text: str) -> list[QuoteSpan]:
    """Every quotation of ``text`` (any length), top-level and nested, in text order."""
    if '"' not in text and "“" not in text and "«" not in text and "„" not in text \
            and "‘" not in text and "'" not in text:
        return []
    doubles = _double_spans(text)
    spans = doubles + _single_spans(text, doubles)
    spans.sort(key=lambda s: s.open_at)
    return spans


class Quotations:
    """The top-level quotations of an article, asked what lies inside one."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Sequence[QuoteSpan]) -> None:
        top = [s for s in spans if s.outer is None]  # in text order, none overlapping another
        self._starts = [s.open_at for s in top]
        self._ends = [s.close_after for s in top]

    def around(self, at: int) -> tuple[int, int] | None:
        """(opening mark, just after the closing one) of the quotation ``at`` lies in, its marks included."""
        i = bisect_right(self._starts, at) - 1
        return (self._starts[i], self._ends[i]) if i >= 0 and self._ends[i] > at else None

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether some quotation has a mark or a word in ``lo:hi``."""
        i = bisect_right(self._starts, hi - 1) - 1
        return i >= 0 and self._ends[i] > lo


def _positions(text: str, marks: str) -> list[int]:
    """Where any of ``marks`` stands in ``text``, in order (``str.find`` outruns a regex scan by far)."""
    out: list[int] = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            out.append(i)
            i = text.find(mark, i + 1)
    if len(marks) > 1:
        out.sort()
    return out


def _make(text: str, open_at: int, close_at: int, closed: bool, outer: int | None) -> QuoteSpan | None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    # only whether a quotation has four words matters: long ones are not counted word by word
    words = len(_WORD.findall(text[start:end])) if end - start < 80 else 80
    heading = False
    if words >= 4:  # no sentence punctuation (".", "!", "?") on its line
        line_start = text.rfind("\n", 0, open_at) + 1
        line_end = text.find("\n", close_at)
        if line_end < 0:
            line_end = len(text)
        heading = text.find(".", line_start, line_end) < 0 and text.find("!", line_start, line_end) < 0 \
            and text.find("?", line_start, line_end) < 0
    return QuoteSpan(open_at, start, end, close_at + 1 if closed else close_at, closed, words, heading, outer)


def _opens(text: str, i: int) -> bool:
    """A straight double mark opens when it follows a space or opening punctuation and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPENS_BEFORE and not after.isspace()


def _double_spans(text: str) -> list[QuoteSpan]:
    out: list[QuoteSpan | None] = []
    opener = -1
    line_end = -1  # the end of the opener's paragraph
    for i in _positions(text, _DOUBLE_MARKS):
        ch = text[i]
        if opener >= 0 and i > line_end:  # the paragraph ended with the quotation open
            out.append(_make(text, opener, line_end, False, None))
            opener = -1
        if opener < 0:
            if ch in "“«„" or (ch == '"' and _opens(text, i)):
                opener = i
                line_end = text.find("\n", i)
                line_end = len(text) if line_end < 0 else line_end
        elif ch in '”»"' or (ch == "“" and text[opener] == "„"):
            out.append(_make(text, opener, i, True, None))
            opener = -1
        elif ch in "“«„" and ch == text[opener]:
            opener = i  # the same opening mark again: the first was a stray one
    if opener >= 0:
        out.append(_make(text, opener, line_end, False, None))
    return [s for s in out if s is not None]


def _single_spans(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted spans; each lies wholly inside one double-quoted span or outside all of them."""
    opens = [d.open_at for d in doubles]

    def container(pos: int) -> int | None:
        i = bisect_right(opens, pos) - 1
        return doubles[i].open_at if i >= 0 and pos < doubles[i].close_after else None

    out: list[QuoteSpan] = []
    pos = 0
    for opener in _positions(text, _SINGLE_MARKS):
        if opener < pos or _SINGLE_MARK.match(text, opener) is None:
            continue
        outer = container(opener)
        close = _SINGLE_CLOSE.search(text, opener + 2)
        while close is not None and close.group() != "\n" and container(close.start()) != outer:
            close = _SINGLE_CLOSE.search(text, close.end())
        if close is None or close.group() == "\n":
            pos = opener + 1
            continue
        span = _make(text, opener, close.start(), True, outer)
        if span is not None:
            out.append(span)
        pos = close.end()
    return out
