"""A readable plain-text summary of an extraction, for people at a terminal."""

from __future__ import annotations

from .records import Attack, Extraction, Figure


def _figure_line(fig: Figure) -> str:
    qual = {"exact": "", "at_least": ">=", "at_most": "<=", "approx": "~"}[str(fig.qualifier)]
    what = str(fig.what) + (f" ({fig.model})" if fig.model else "")
    extras = []
    if fig.place is not None:
        extras.append(f"in {fig.place.name}")
    if fig.attributed_to:
        extras.append(f"per {fig.attributed_to}")
    if fig.hedged:
        extras.append("hedged")
    tail = f"  [{', '.join(extras)}]" if extras else ""
    return f"    {fig.measure!s:<12}{qual + str(fig.value):>8}  {what}{tail}\n      \u201c{fig.evidence.text}\u201d"


def _attack_block(n: int, attack: Attack) -> list[str]:
    when = attack.date or "date unknown"
    lines = [f"  attack {n}: {attack.attacker} -> {attack.target_country}, {when} ({attack.date_precision})"]
    lines += [_figure_line(f) for f in attack.figures]
    if attack.places:
        lines.append("    places: " + ", ".join(p.name for p in attack.places))
    if attack.launch_areas:
        lines.append("    launched from: " + ", ".join(p.name for p in attack.launch_areas))
    if attack.targets:
        lines.append("    targets: " + "; ".join(f"{t.name} ({t.kind})" for t in attack.targets))
    return lines


def render_table(result: Extraction) -> str:
    art = result.article
    head = art.title or art.origin or art.id[:12]
    lines = [f"== {head}", f"   id {art.id[:16]}  published {art.published or '?'}  source {art.source or '?'}"]
    if not result.attacks:
        lines.append("  no attack waves reported")
    for n, attack in enumerate(result.attacks, 1):
        lines += _attack_block(n, attack)
    lines += _other_sections(result)
    return "\n".join(lines)


def _other_sections(result: Extraction) -> list[str]:
    lines: list[str] = []
    if result.diplomacy:
        lines.append("  diplomacy:")
    for event in result.diplomacy:
        where = f" at {event.venue.name}" if event.venue else ""
        when = f" on {event.date}" if event.date else ""
        lines.append(f"    {event.kind} ({event.status or '?'}){where}{when}: {', '.join(event.participants)}")
    if result.positions:
        lines.append("  positions:")
    for pos in result.positions:
        lines.append(f"    {pos.actor}: {pos.stance} on {pos.issue}  \u201c{pos.evidence.text[:80]}\u201d")
    if result.quotes:
        lines.append("  quotes:")
    for quote in result.quotes:
        text = quote.text if len(quote.text) <= 90 else quote.text[:87] + "..."
        lines.append(f"    {quote.speaker}: \u201c{text}\u201d")
    if result.statistics:
        lines.append("  statistics:")
    for stat in result.statistics:
        qual = {"exact": "", "at_least": ">=", "at_most": "<=", "approx": "~"}[str(stat.qualifier)]
        value = f"{stat.value:,.0f}" if float(stat.value).is_integer() else f"{stat.value:,}"
        lines.append(f"    {stat.indicator}: {qual}{value} {stat.unit}")
    return lines
