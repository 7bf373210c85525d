"""Who states a figure: "according to the regional governor", "Ukraine's air force said",
"..., Zelensky wrote on X". The source is the noun phrase next to the reporting verb.
"""

from __future__ import annotations

import re
from functools import lru_cache

REPORT_VERBS = ("said", "says", "reported", "reports", "wrote", "writes", "told", "claimed", "claims",
                "stated", "added", "announced", "posted", "confirmed", "noted")
_VERBS = "|".join(REPORT_VERBS)
# a source: up to six words, capitalised names or the usual official nouns, possessives allowed
_NAME = r"(?:[A-Z][\w'’.\-]*|the|of|and|for|(?:city|region|country|town|ministry|army)['’]s|regional|local|city|" \
        r"military|air|force|defence|defense|ministry|officials?|authorities|governor|mayor|head|spokesperson|" \
        r"spokesman|administration|service)"
_SOURCE = rf"(?P<src>(?:{_NAME})(?:\s+(?:{_NAME})){{0,7}})"
_ACCORDING = re.compile(rf"\baccording\s+to\s+{_SOURCE}")
_BEFORE_VERB = re.compile(rf"{_SOURCE}\s+(?:also\s+|later\s+|earlier\s+)?(?:{_VERBS})\b")
_AFTER_VERB = re.compile(rf"(?:,|\u201d|\")\s*(?:{_VERBS})\s+{_SOURCE}")
_STOP_LEAD = re.compile(r"^(?:the|and|of|for)\s+", re.IGNORECASE)
_STOP_TAIL = re.compile(r"\s+(?:the|and|of|for)$", re.IGNORECASE)
OFFICIAL_WORDS = frozenset({"governor", "mayor", "officials", "official", "authorities", "ministry", "force",
                            "administration", "service", "police", "rescuers", "spokesperson", "spokesman", "head"})
PRONOUNS = frozenset({"He", "She", "It", "They", "We", "I", "This", "That", "The"})


def _clean(src: str) -> str | None:
    src = src.strip(" ,.")
    while True:
        new = _STOP_TAIL.sub("", _STOP_LEAD.sub("", src))
        if new == src:
            break
        src = new
    if not src or src in PRONOUNS:
        return None
    if not any(ch.isupper() for ch in src) and not OFFICIAL_WORDS.intersection(src.lower().split()):
        return None  # "the regional governor said" names a source; "it said" does not
    return src


@lru_cache(maxsize=1024)  # asked once per figure: a sentence with several figures is read once
def attribution(sentence: str) -> str | None:
    """The source a sentence cites for what it states, if it names one."""
    if "according" not in sentence and not any(verb in sentence for verb in REPORT_VERBS):
        return None  # every pattern needs "according" or a verb (tested in C: most sentences have neither)
    for pattern in (_ACCORDING, _AFTER_VERB, _BEFORE_VERB):
        for m in pattern.finditer(sentence):
            src = _clean(m.group("src"))
            if src is not None:
                return src
    return None
