"""Segmentation with exact offsets: paragraphs, sentences and word tokens.

Every later step works on these spans, so evidence always points into ``Article.text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import NamedTuple

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset({
    "u.s", "u.n", "u.k", "e.u", "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "gov", "sen", "rep",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "vs", "etc", "approx",
    "a.m", "p.m", "inc", "corp", "co", "jr", "sr", "prof", "adm", "maj", "capt", "sgt", "dept", "est",
})

# A word (a letter, then optionally word characters, apostrophes, hyphens and dots ending in a word
# character), a number, or any other character. The word's tail is written as word characters, then
# runs of joiners each followed by word characters: the same tokens as "[\w'’\-.]*\w" without
# backtracking from the word's end; "0-9A-Za-z" before "\w" are tested from a bitmap, before the
# Unicode category.
_W = r"[0-9A-Za-z\w]"
TOKEN_RE = re.compile(rf"[A-Za-z\u00c0-\u024f\u0400-\u04ff]{_W}*(?:['’\-.]+{_W}+)*|[0-9\d]+(?:,[0-9\d]{{3}})*"
                      rf"(?:\.[0-9\d]+)?|\S")
# A sentence end: "[.!?]+" and closing marks (guillemets too) before a capital, which may follow an opening
# mark ("« We ...", "„We ..."), or a newline (with the blank lines after it).
# Every alternative starts with a literal, so ``re`` skips in C the characters that cannot start one.
_CLOSE = r"[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[]?[A-Z0-9\u0400-\u04ff])"
_SENT_END = re.compile(rf"\.[.!?]*{_CLOSE}|![.!?]*{_CLOSE}|\?[.!?]*{_CLOSE}|\n(?:[ \t]*\n)*")


class Token(NamedTuple):
    """A word, number or punctuation mark; ``low`` is lowercase with straight apostrophes."""

    start: int
    end: int
    text: str
    low: str


class Sentence:
    """A sentence of the article; its tokens are made on first use (most sentences never need them)."""

    __slots__ = ("_tokens", "_words", "block", "end", "index", "memo", "paragraph", "start", "text")

    def __init__(self, index: int, paragraph: int, block: int, start: int, end: int, text: str) -> None:
        self.index = index
        self.paragraph = paragraph  # line number: every newline starts a paragraph
        self.block = block          # blank-line separated block (a bulleted list stays in its heading's)
        self.start = start
        self.end = end
        self.text = text
        self._tokens: tuple[Token, ...] | None = None
        self._words: tuple[str, ...] | None = None
        self.memo: dict[str, object] = {}  # per-sentence results other steps compute once (dates)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Word, number and punctuation tokens with their offsets in the article."""
        if self._tokens is None:
            if self._words is None and _case_safe(self.text):
                self._words = tuple(TOKEN_RE.findall(self.text.lower().replace("’", "'")))
            # words made before the tokens come from the case-safe ``findall``: they are the tokens' ``low``
            self._tokens = _tokenize(self.text, self.start, self._words)
        return self._tokens

    @property
    def words(self) -> tuple[str, ...]:
        """The tokens' ``low`` forms: what the rule tables match against.

        Made with one ``findall`` over the lowercased sentence (the same regex gives the same
        boundaries in either case), so steps that only test words never build Token objects.
        """
        if self._words is None:
            if _case_safe(self.text):
                self._words = tuple(TOKEN_RE.findall(self.text.lower().replace("’", "'")))
            else:  # letters whose lowercase leaves the token classes ("Ɓ", the Kelvin sign): token by token
                self._words = tuple(t.low for t in self.tokens)
        return self._words

    def __repr__(self) -> str:
        return f"Sentence({self.index}, {self.start}:{self.end}, {self.text[:40]!r})"


# Text whose lowercase splits into the same tokens: ASCII, Latin-1 and common punctuation.
_CASE_SAFE = re.compile(r"[\x00-\u00ff’‘“”—–…€•▪\ufe0f]*")


def _case_safe(text: str) -> bool:
    """Whether ``text`` is all _CASE_SAFE characters (``isascii`` reads a flag of the string: no scan)."""
    return text.isascii() or _CASE_SAFE.fullmatch(text) is not None


# A token with the whitespace before it: every character outside tokens is whitespace (any other one
# is a token of its own), so these lengths, added up, give each token's start and end.
_SPACED_TOKEN = re.compile(rf"(\s*)({TOKEN_RE.pattern})")
_SECOND = itemgetter(1)


def _tokenize(text: str, offset: int, lows: Sequence[str] | None) -> tuple[Token, ...]:
    """The tokens of ``text`` (at ``offset`` in the article); ``lows``: their ``low`` forms, if known.

    With ``lows`` every step runs in C: one ``findall``, lengths summed by ``accumulate``, tuples made by
    ``map`` (Python-level loops over tokens cost twice as much).
    """
    if lows is not None:
        pairs = _SPACED_TOKEN.findall(text)
        bounds = list(accumulate(map(len, chain.from_iterable(pairs)), initial=offset))
        fields = zip(bounds[1::2], bounds[2::2], map(_SECOND, pairs), lows, strict=True)
        return tuple(map(tuple.__new__, repeat(Token), fields))
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # a few letters change length in lowercase ("İ"): lower them one by one
        return tuple(Token(offset + m.start(), offset + m.end(), m.group(), m.group().lower().replace("’", "'"))
                     for m in TOKEN_RE.finditer(text))
    new = tuple.__new__  # builds the named tuples without the Python-level __new__ (the hot path)
    return tuple([new(Token, (offset + a, offset + b, text[a:b], low[a:b]))
                  for a, b in map(re.Match.span, TOKEN_RE.finditer(text))])


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isupper())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their paragraph number; a newline always ends a sentence."""
    sentences: list[Sentence] = []
    paragraph = 0
    block = 0
    start = 0
    for m in _SENT_END.finditer(text):
        mark = m.group()
        if mark[0] == "\n":  # the newline alternative: the sentence ends before it
            _add(sentences, text, start, m.start(), paragraph, block)
            paragraph += 1
            if mark.count("\n") > 1:
                block += 1
        elif mark[0] == "." and _is_abbreviation(text, m.start()):
            continue
        else:
            _add(sentences, text, start, m.end(), paragraph, block)
        start = m.end()
    _add(sentences, text, start, len(text), paragraph, block)
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int, block: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    chunk = text[start:end]
    out.append(Sentence(len(out), paragraph, block, start, end, chunk))


def words_before(sentence: Sentence, offset: int, n: int) -> list[str]:
    """The last ``n`` words of the sentence before article offset ``offset`` (lowercase, like ``words``)."""
    head = sentence.text[:max(0, offset - sentence.start)]
    return TOKEN_RE.findall(head.lower().replace("’", "'"))[-n:]
