"""A fixed-width plain-text rendering of an ``EvalReport``, for people at a terminal."""

from __future__ import annotations

from .metrics import Accuracy, Counts
from .report import EvalReport
from .scores import ArticleScore, Scores

# (label, attribute of Scores, flat metric name or prefix); Counts rows show P/R/F1, Accuracy rows one value.
ROWS: tuple[tuple[str, str, str], ...] = (
    ("figures P/R/F1", "figures", "figures"),
    ("qualifier acc", "qualifier", "qualifier_acc"),
    ("figure place acc", "figure_place", "figure_place_acc"),
    ("attack date acc", "attack_date", "attack_date_acc"),
    ("places P/R/F1", "places", "places"),
    ("targets P/R/F1", "targets", "targets"),
    ("diplomacy F1", "diplomacy", "diplomacy"),
    ("positions F1", "positions", "positions"),
    ("quotes F1", "quotes", "quotes"),
    ("quote speaker acc", "quote_speaker", "quote_speaker_acc"),
    ("statistics F1", "statistics", "statistics"),
    ("evidence integrity", "evidence", "evidence_integrity"),
    ("schema valid", "schema", "schema_valid"),
)

# Per-article columns: (header, flat metric name).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("fig", "figures_f1"), ("qual", "qualifier_acc"), ("fplc", "figure_place_acc"),
    ("date", "attack_date_acc"), ("plc", "places_f1"), ("tgt", "targets_f1"), ("dip", "diplomacy_f1"),
    ("pos", "positions_f1"), ("quo", "quotes_f1"), ("spk", "quote_speaker_acc"), ("stat", "statistics_f1"),
    ("evid", "evidence_integrity"), ("schm", "schema_valid"),
)

LABEL_WIDTH = 20
ID_WIDTH = 64
HEADER = f"{'metric':<{LABEL_WIDTH}}{'P':>7}{'R':>7}{'F1/acc':>8}{'tp':>7}{'fp':>6}{'fn':>6}{'correct/n':>12}"


def _num(value: float | None, width: int) -> str:
    return f"{'n/a' if value is None else f'{value:.3f}':>{width}}"


def _row(label: str, counts: Counts | Accuracy, value_key: str, metrics: dict[str, float | None]) -> str:
    if isinstance(counts, Counts):
        return (f"{label:<{LABEL_WIDTH}}{_num(metrics[value_key + '_precision'], 7)}"
                f"{_num(metrics[value_key + '_recall'], 7)}{_num(metrics[value_key + '_f1'], 8)}"
                f"{counts.tp:>7}{counts.fp:>6}{counts.fn:>6}")
    ratio = f"{counts.correct}/{counts.n}"
    return f"{label:<{LABEL_WIDTH}}{'':>14}{_num(metrics[value_key], 8)}{'':>19}{ratio:>12}"


def render_scores(title: str, scores: Scores, articles: int) -> list[str]:
    """The lines of one block: a title, a header and one row per metric."""
    metrics = scores.metrics()
    lines = [f"== {title} ==", HEADER]
    lines += [_row(label, getattr(scores, attr), key, metrics) for label, attr, key in ROWS]
    lines.append(f"{'articles':<{LABEL_WIDTH}}{articles:>22}")
    return lines


def _cell(value: float | None) -> str:
    return f"{'-':>6}" if value is None else f"{value:6.2f}"


def render_article_lines(rows: tuple[ArticleScore, ...]) -> list[str]:
    """One line per article (F1 or accuracy per metric; - where nothing to score), errors below it."""
    width = min(max([len("article"), *(len(row.id) for row in rows)]) + 2, ID_WIDTH)
    lines = [f"{'article':<{width}}" + "".join(f"{head:>6}" for head, _ in COLUMNS)]
    for row in rows:
        metrics = row.scores.metrics()
        if not row.positions_scored:
            metrics["positions_f1"] = None
        name = row.id if len(row.id) < width else row.id[:width - 2] + "~"
        lines.append(f"{name:<{width}}" + "".join(_cell(metrics[key]) for _, key in COLUMNS))
        lines += [f"    ! {error}" for error in row.errors]
    return lines


def render_report(report: EvalReport, per_article: bool = False) -> str:
    """The report as fixed-width text: one block per gold directory, then the overall block."""
    lines: list[str] = []
    for block in report.dirs:
        lines += render_scores(block.gold_dir, block.totals, len(block.articles))
        if per_article:
            lines += ["", *render_article_lines(block.articles)]
        lines.append("")
    lines += render_scores("overall", report.overall, len(report.articles))
    return "\n".join(lines)
