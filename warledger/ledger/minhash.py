"""Near-duplicate detection: a one-permutation MinHash of word shingles, banded for lookup.

The signature has ``BINS`` slots; each shingle's 32-bit hash picks a slot by its low bits and
competes for the slot's minimum with its high bits. Two texts agree on a slot with probability
close to the Jaccard similarity of their shingle sets. ``bands`` cuts the signature into
``BANDS`` keys of ``ROWS`` slots: articles sharing a key are candidates, which ``similarity``
then checks. With 32 bands of 3 rows, a pair at similarity 0.5 becomes a candidate with
probability 0.986, a pair at 0.05 with probability 0.004.
"""

from __future__ import annotations

import re
import zlib
from array import array

__all__ = ["BANDS", "ROWS", "bands", "signature", "similarity"]

SHINGLE_WORDS = 5
BANDS = 32
ROWS = 3
BINS = BANDS * ROWS
EMPTY = 0xFFFFFFFF
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def signature(text: str) -> bytes:
    """The MinHash signature of the text's five-word shingles (lowercased words, punctuation ignored)."""
    words = WORD_RE.findall(text.lower())
    slots = [EMPTY] * BINS
    if not words:
        return array("I", slots).tobytes()
    n = max(1, len(words) - SHINGLE_WORDS + 1)
    for i in range(n):
        h = zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8"))
        h = (h * 0x9E3779B1) & 0xFFFFFFFF  # spread the bits: crc32's low bits alone are not uniform enough
        slot = h % BINS
        rest = h // BINS
        if rest < slots[slot]:
            slots[slot] = rest
    return array("I", slots).tobytes()


def _slots(sig: bytes) -> array[int]:
    values = array("I")
    values.frombytes(sig)
    return values


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (slots empty in both are not counted)."""
    sa, sb = _slots(a), _slots(b)
    used = agree = 0
    for x, y in zip(sa, sb, strict=True):
        if x == EMPTY and y == EMPTY:
            continue
        used += 1
        if x == y:
            agree += 1
    return agree / used if used else 0.0


def bands(sig: bytes) -> list[str]:
    """The lookup keys of a signature: one per band, ``"band:hex"``; bands with an empty slot are left out."""
    slots = _slots(sig)
    keys = []
    for band in range(BANDS):
        part = slots[band * ROWS:(band + 1) * ROWS]
        if EMPTY in part:
            continue
        keys.append(f"{band}:{zlib.crc32(part.tobytes()):08x}")
    return keys
