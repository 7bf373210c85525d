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
    counts = {"diplomacy": len(result.diplomacy), "positions": len(result.positions),
              "quotes": len(result.quotes), "statistics": len(result.statistics)}
    lines.append("  " + ", ".join(f"{k}: {v}" for k, v in counts.items()))
    return "\n".join(lines)
