"""Reading gold directories and their articles, and running an extractor over them."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError
from ..extract import extract_article
from ..ingest import Metadata, read_articles
from ..records import Article, Extraction, Rejection
from .items import GoldArticle, parse_gold
from .report import DirReport, EvalReport
from .scores import ArticleScore
from .scoring import score_against

Extractor = Callable[[Article], Extraction]


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One gold file, parsed, with the path of its article input."""

    path: Path
    gold: GoldArticle
    text_path: Path


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files (``*.json``) of a directory, in name order."""
    if not gold_dir.is_dir():
        raise EvalError(f"{gold_dir}: not a directory of gold files")
    return sorted(p for p in gold_dir.glob("*.json") if p.is_file())


def load_gold_file(path: Path) -> GoldCase:
    """Parse one gold file; ``EvalError`` naming it when it is unreadable or malformed."""
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: malformed JSON in gold file: {exc}") from exc
    gold = parse_gold(obj, str(path))
    return GoldCase(path=path, gold=gold, text_path=path.parent / gold.text_file)


def read_gold_article(case: GoldCase) -> Article:
    """The article of a gold file, read through ingest with the gold's ``published`` as metadata."""
    if not case.text_path.is_file():
        raise EvalError(f"{case.path}: text_file {case.gold.text_file!r} not found ({case.text_path})")
    items = list(read_articles([str(case.text_path)], meta=Metadata(published=case.gold.published)))
    if len(items) != 1:
        raise EvalError(f"{case.path}: text_file {case.gold.text_file!r} holds {len(items)} articles, "
                        "not one")
    item = items[0]
    if isinstance(item, Rejection):
        raise EvalError(f"{case.path}: cannot read its article: {item.detail}")
    return item


def evaluate_case(case: GoldCase, article: Article, extractor: Extractor) -> ArticleScore:
    """Run the extractor on one article and score its output; an extractor crash becomes an error row."""
    try:
        output: object = extractor(article).to_dict()
    except Exception as exc:  # per-item boundary: one crashing article must not stop the evaluation
        return score_against({}, case.gold, article.text, str(case.path),
                             errors=(f"extract_failed: {type(exc).__name__}: {exc}",))
    return score_against(output, case.gold, article.text, str(case.path))


def evaluate_gold_dirs(gold_dirs: Sequence[Path], extractor: Extractor = extract_article) -> EvalReport:
    """Score ``extractor`` on every gold file of every directory (the dev README rules).

    Raises ``EvalError`` naming the file for a malformed gold file or an unreadable article.
    """
    blocks = []
    for gold_dir in gold_dirs:
        rows = []
        for path in gold_files(Path(gold_dir)):
            case = load_gold_file(path)
            rows.append(evaluate_case(case, read_gold_article(case), extractor))
        blocks.append(DirReport(gold_dir=str(gold_dir), articles=tuple(rows)))
    return EvalReport(dirs=tuple(blocks))
