"""Fuzz the extractor with mutations of the corpus articles, for a while, and keep what breaks it.

    .venv/bin/python scripts/fuzz_extract.py [--seconds 240] [--seed 1] [--out /tmp/warledger-fuzz]

Each round takes a random article of ``corpus/gold`` and mutates it one way: odd characters inserted
(quotation marks, dashes, non-breaking and zero-width spaces, letters whose case folds oddly),
truncated anywhere, sentences shuffled, two articles spliced mid-sentence, spans deleted, or the whole
text upper- or lower-cased. The mutation goes through ``warledger.extract`` (the public entry: the text
normalised as ingest does) and the output is checked as ``tests/test_properties.py`` checks it: no
exception, evidence spans that are the text's own characters. Each distinct failure (by the line that
raised) is written to ``--out`` as ``fail-N.txt`` and printed; the exit status is 1 when any was found.
The property tests explore small generated texts; this explores long real-looking ones, where a rule
meets a shape of sentence no test wrote. A failure found this way becomes a test case of its own.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

import warledger
from warledger.ingest import Metadata, read_articles

ROOT = Path(__file__).resolve().parents[1]
ODD = ["\u2028", "\u00a0", "\t", "\u0130", "\u00df", "\ufb01", "\u200b", "\u201c", "\u201d", "\u2018",
       "\u2019", "\u00ab", "\u00bb", "\u2014", "\u2013", "\u2026", '"', "'", "(", ")", ",", ".", "\n\n", "0",
       "1,000", "\u00bd", "\u0663", "\u216b", "e\u0301", "\U0001f642", "$", "%", "-", ":", ";", "?", "!"]


def corpus() -> list[tuple[str, str | None]]:
    """(text, published) of every article of the corpus gold."""
    out = []
    for gold in sorted((ROOT / "corpus" / "gold").glob("*.json")):
        case = json.loads(gold.read_text(encoding="utf-8"))
        path = (gold.parent / case["text_file"]).resolve()
        article = next(read_articles([str(path)], meta=Metadata(published=case["published"])))
        if hasattr(article, "text"):
            out.append((article.text, case["published"]))
    return out


def mutate(text: str, texts: list[tuple[str, str | None]], rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        for _ in range(rng.randrange(1, 20)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(ODD) + text[at:]
    elif kind == 1:
        text = text[:rng.randrange(1, len(text) + 1)]
    elif kind == 2:
        parts = text.split(". ")
        rng.shuffle(parts)
        text = ". ".join(parts)
    elif kind == 3:
        other = rng.choice(texts)[0]
        text = text[:rng.randrange(len(text))] + other[rng.randrange(len(other)):]
    elif kind == 4:
        for _ in range(rng.randrange(1, 10)):
            at = rng.randrange(len(text))
            text = text[:at] + text[at + rng.randrange(1, 40):]
    else:
        text = text.upper() if rng.random() < 0.5 else text.lower()
    return text or "x"


def check(text: str, published: str | None) -> None:
    data = warledger.extract(text, published=published).to_dict()
    own = data["article"]["text"]
    for section in ("attacks", "diplomacy", "positions", "quotes", "statistics"):
        for item in _evidence(data[section]):
            assert own[item["start"]:item["end"]] == item["text"], item


def _evidence(data: object) -> list[dict[str, object]]:
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k.endswith("evidence") and isinstance(v, dict)]
        return found + [e for v in data.values() for e in _evidence(v)]
    if isinstance(data, list):
        return [e for v in data for e in _evidence(v)]
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=240.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/warledger-fuzz"))
    args = parser.parse_args()
    texts, rng = corpus(), random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    deadline, runs, seen = time.monotonic() + args.seconds, 0, set()
    while time.monotonic() < deadline:
        text, published = rng.choice(texts)
        mutated = mutate(text, texts, rng)
        runs += 1
        try:
            check(mutated, published)
        except Exception as exc:  # every failure is what we look for
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = (where.filename, where.lineno)
            if key not in seen:
                seen.add(key)
                path = args.out / f"fail-{len(seen)}.txt"
                path.write_text(mutated, encoding="utf-8")
                print(f"{type(exc).__name__}: {exc} at {where.filename}:{where.lineno} -> {path}", flush=True)
    print(f"{runs} mutated articles, {len(seen)} distinct failures")
    return 1 if seen else 0


if __name__ == "__main__":
    sys.exit(main())
