"""The scoring rules of the dev README, one small function per section.

DOCS: /work/shared/dev/README.md ("How an extraction is scored against gold")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .checks import evidence_integrity, schema_errors
from .items import (
    GoldArticle,
    GoldAttack,
    GoldDiplomacy,
    GoldFigure,
    GoldQuote,
    GoldStatistic,
    SysAttack,
    SysDiplomacy,
    SysExtraction,
    SysFigure,
    SysPosition,
    SysQuote,
    SysStatistic,
    day,
    parse_extraction,
    parse_gold,
)
from .metrics import Accuracy, Counts, assign, count_matching, count_sets
from .normalise import (
    actor_side,
    fold,
    jaccard,
    keyword_in,
    normalise_place,
    normalise_unit,
    participant_key,
    quote_words,
    speaker_words,
)
from .scores import ArticleScore, Scores
from .tables import DIPLOMACY_KIND_CLASSES, STANCE_CLASSES

QUOTE_JACCARD = 0.8
PARTICIPANT_JACCARD = 0.5
STATISTIC_TOLERANCE = 0.005
DATE_TOLERANCE_DAYS = 1


def _same_place(gold: str | None, system: str | None) -> bool:
    return gold is not None and system is not None and normalise_place(gold) == normalise_place(system)


def _figure_agreement(gold: GoldFigure, figure: SysFigure) -> int:
    return int(gold.qualifier == figure.qualifier) + int(_same_place(gold.place, figure.place))


def score_figures(gold: Sequence[GoldAttack],
                  system: Sequence[SysAttack]) -> tuple[Counts, Accuracy, Accuracy]:
    """Figures matched one-to-one on (measure, what, value) over all attacks; then qualifier and place.

    Returns (figure counts, qualifier accuracy, place accuracy), the accuracies over matched
    required figures (place accuracy only where the gold figure has a place).
    """
    golds = [(f, attack.optional or f.optional) for attack in gold for f in attack.figures]
    figures = [f for attack in system for f in attack.figures]
    required = [not optional for _, optional in golds]
    edges: list[list[int]] = []
    for g, _ in golds:
        key = (g.measure, g.what, g.value)
        same = [(-_figure_agreement(g, s), j) for j, s in enumerate(figures)
                if (s.measure, s.what, s.value) == key]
        edges.append([j for _, j in sorted(same)])
    matching = assign(required, edges)
    qualifier, place = Accuracy(), Accuracy()
    for gi, si in matching.items():
        if not required[gi]:
            continue
        g, s = golds[gi][0], figures[si]
        qualifier += Accuracy(int(g.qualifier == s.qualifier), 1)
        if g.place is not None:
            place += Accuracy(int(_same_place(g.place, s.place)), 1)
    return count_matching(required, len(figures), matching), qualifier, place


def score_attack_dates(gold: Sequence[GoldAttack], system: Sequence[SysAttack]) -> Accuracy:
    """Required dated gold attacks paired one-to-one with system attacks of the same attacker,
    nearest date first; correct when the dates are at most one day apart."""
    golds = [(a.attacker.upper(), d) for a in gold if not a.optional and (d := day(a.date)) is not None]
    attacks = [(a.attacker.upper(), d) for a in system if (d := day(a.date)) is not None]
    pairs = sorted((abs((gd - sd).days), gi, si) for gi, (ga, gd) in enumerate(golds)
                   for si, (sa, sd) in enumerate(attacks) if ga == sa)
    used_gold: set[int] = set()
    used_system: set[int] = set()
    correct = 0
    for distance, gi, si in pairs:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        correct += int(distance <= DATE_TOLERANCE_DAYS)
    return Accuracy(correct, len(golds))


def _attackers(gold: Sequence[GoldAttack], system: Sequence[SysAttack]) -> list[str]:
    return sorted({a.attacker.upper() for a in gold} | {a.attacker.upper() for a in system})


def _place_set(names: Sequence[str]) -> set[str]:
    return {key for key in map(normalise_place, names) if key}


def score_places(gold: Sequence[GoldAttack], system: Sequence[SysAttack]) -> Counts:
    """Per attacker, the set of normalised place names; optional places (and those of optional
    attacks) count neither way."""
    total = Counts()
    for attacker in _attackers(gold, system):
        mine = [a for a in gold if a.attacker.upper() == attacker]
        required = _place_set([p for a in mine if not a.optional for p in a.places])
        optional = _place_set([p for a in mine for p in a.places_optional + (a.places if a.optional else ())])
        found = _place_set([p for a in system if a.attacker.upper() == attacker for p in a.places])
        total += count_sets(required, optional, found)
    return total


def score_targets(gold: Sequence[GoldAttack], system: Sequence[SysAttack]) -> Counts:
    """Per attacker: a required gold keyword is found when some system target name contains it;
    a system target containing no gold keyword (optional ones included) is a false positive."""
    total = Counts()
    for attacker in _attackers(gold, system):
        mine = [a for a in gold if a.attacker.upper() == attacker]
        required = {fold(t.match) for a in mine if not a.optional for t in a.targets if not t.optional}
        keywords = {fold(t.match) for a in mine for t in a.targets}
        names = [n for a in system if a.attacker.upper() == attacker for n in a.targets]
        tp = sum(1 for k in required if any(keyword_in(k, n) for n in names))
        fp = sum(1 for n in names if not any(keyword_in(k, n) for k in keywords))
        total += Counts(tp=tp, fp=fp, fn=len(required) - tp)
    return total


def _diplomacy_similarity(gold: GoldDiplomacy, event: SysDiplomacy) -> float | None:
    """Participant Jaccard when the two events are compatible (kind class, venue), else None."""
    if DIPLOMACY_KIND_CLASSES.get(gold.kind, gold.kind) != DIPLOMACY_KIND_CLASSES.get(event.kind, event.kind):
        return None
    if gold.venue and event.venue and normalise_place(gold.venue) != normalise_place(event.venue):
        return None
    similarity = jaccard({participant_key(p) for p in gold.participants},
                         {participant_key(p) for p in event.participants})
    return similarity if similarity >= PARTICIPANT_JACCARD else None


def _ranked(scores: Sequence[float | None]) -> list[int]:
    """Indexes of the non-None scores, best (highest) first."""
    return sorted((j for j, s in enumerate(scores) if s is not None), key=lambda j: -(scores[j] or 0.0))


def score_diplomacy(gold: Sequence[GoldDiplomacy], system: Sequence[SysDiplomacy]) -> Counts:
    """Diplomatic events matched one-to-one (kind class, participants Jaccard >= 0.5, venues agree)."""
    required = [not g.optional for g in gold]
    edges = [_ranked([_diplomacy_similarity(g, s) for s in system]) for g in gold]
    return count_matching(required, len(system), assign(required, edges))


def score_positions(gold: GoldArticle, system: Sequence[SysPosition]) -> Counts:
    """The set of (side, issue, stance class); zero counts when the gold file has no positions."""
    if gold.positions is None:
        return Counts()
    required = {(p.side.upper(), p.issue, STANCE_CLASSES.get(p.stance, p.stance))
                for p in gold.positions if not p.optional}
    optional = {(p.side.upper(), p.issue, STANCE_CLASSES.get(p.stance, p.stance))
                for p in gold.positions if p.optional}
    found = {(actor_side(p.actor), p.issue, STANCE_CLASSES.get(p.stance, p.stance)) for p in system}
    return count_sets(required, optional, found)


def score_quotes(gold: Sequence[GoldQuote], system: Sequence[SysQuote]) -> tuple[Counts, Accuracy]:
    """Quotes matched one-to-one on word-set Jaccard >= 0.8; speaker accuracy on matched required quotes."""
    required = [not g.optional for g in gold]
    system_words = [quote_words(s.text) for s in system]
    edges = []
    for g in gold:
        words = quote_words(g.text)
        similarity = [jaccard(words, sw) for sw in system_words]
        edges.append(_ranked([s if s >= QUOTE_JACCARD else None for s in similarity]))
    matching = assign(required, edges)
    speaker = Accuracy()
    for gi, si in matching.items():
        if required[gi]:
            shared = speaker_words(gold[gi].speaker) & speaker_words(system[si].speaker)
            speaker += Accuracy(int(bool(shared)), 1)
    return count_matching(required, len(system), matching), speaker


def _statistic_distance(gold: GoldStatistic, stat: SysStatistic) -> float | None:
    if normalise_unit(gold.unit) != normalise_unit(stat.unit):
        return None
    diff = abs(stat.value - gold.value)
    limit = STATISTIC_TOLERANCE * abs(gold.value)
    if diff > limit:
        return None
    return diff / limit if limit else 0.0


def score_statistics(gold: Sequence[GoldStatistic], system: Sequence[SysStatistic]) -> Counts:
    """Statistics matched one-to-one: same (normalised) unit and value within 0.5%."""
    required = [not g.optional for g in gold]
    edges = []
    for g in gold:
        distance = [_statistic_distance(g, s) for s in system]
        edges.append(_ranked([None if d is None else -d for d in distance]))
    return count_matching(required, len(system), assign(required, edges))


def score_parsed(system: SysExtraction, gold: GoldArticle) -> Scores:
    """Every gold-based metric of one article (evidence and schema are added by the caller)."""
    figures, qualifier, figure_place = score_figures(gold.attacks, system.attacks)
    quotes, quote_speaker = score_quotes(gold.quotes, system.quotes)
    return Scores(
        figures=figures, qualifier=qualifier, figure_place=figure_place,
        attack_date=score_attack_dates(gold.attacks, system.attacks),
        places=score_places(gold.attacks, system.attacks),
        targets=score_targets(gold.attacks, system.attacks),
        diplomacy=score_diplomacy(gold.diplomacy, system.diplomacy),
        positions=score_positions(gold, system.positions),
        quotes=quotes, quote_speaker=quote_speaker,
        statistics=score_statistics(gold.statistics, system.statistics),
    )


def score_against(extraction: Any, gold: GoldArticle, text: str, gold_file: str = "",
                  errors: tuple[str, ...] = ()) -> ArticleScore:
    """Validate, check evidence against ``text`` and score one extraction dict against parsed gold.

    An output that fails the JSON Schema (or comes with ``errors``, such as a crashed extractor)
    is scored as if it were empty (everything in the gold missed), so it can never score well.
    """
    problems = errors or schema_errors(extraction)
    valid = not problems
    system = parse_extraction(extraction) if valid else SysExtraction()
    scores = score_parsed(system, gold)
    evidence = evidence_integrity(extraction, text) if isinstance(extraction, Mapping) else Accuracy()
    scores = scores + Scores(evidence=evidence, schema=Accuracy(int(valid), 1))
    return ArticleScore(id=gold.id, gold_file=gold_file, scores=scores,
                        positions_scored=gold.positions is not None, errors=problems)


def score_extraction(extraction: Mapping[str, Any], gold: Mapping[str, Any], *,
                     text: str | None = None) -> ArticleScore:
    """Score one extraction-v1 dict against one gold dict (the dev README rules).

    Evidence spans are checked against ``text`` when given, else against the extraction's own
    ``article.text``.
    """
    parsed = parse_gold(gold, str(gold.get("id", "<gold>")))
    if text is None:
        article = extraction.get("article") if isinstance(extraction, Mapping) else None
        text = str(article.get("text", "")) if isinstance(article, Mapping) else ""
    return score_against(extraction, parsed, text)
