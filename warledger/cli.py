"""The command line: a thin click shell over the library. DOCS: docs/cli.md"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from .errors import WarledgerError
from .extract.pool import extractor_for, in_order
from .ingest import Metadata, check_published, read_articles
from .records import Article, Extraction, Rejection
from .render import render_table
from .settings import Settings, load_settings

FORMATS = ("json", "jsonl", "table")


def _settings(ctx: click.Context) -> Settings:
    obj = ctx.find_object(dict)
    settings = obj.get("settings") if obj else None
    return settings if isinstance(settings, Settings) else load_settings()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="warledger")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A warledger.toml whose keys override the packaged defaults.")
@click.option("--set", "overrides", type=(str, str), multiple=True, metavar="KEY VALUE",
              help="Override one setting (after the config file and WARLEDGER_* variables).")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
@click.pass_context
def cli(ctx: click.Context, config: Path | None, overrides: tuple[tuple[str, str], ...], verbose: int) -> None:
    """warledger: turn news reports on the war in Ukraine into an evidence-linked ledger."""
    logging.basicConfig(level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        ctx.obj = {"settings": load_settings(config, dict(overrides))}
    except WarledgerError as exc:
        raise click.ClickException(str(exc)) from exc


def _extractions(paths: tuple[str, ...], meta: Metadata, settings: Settings, failures: list[Rejection],
                 workers: int) -> Iterator[Extraction]:
    """The extractions of the articles read, in input order (``workers`` > 1: extracted in that many
    processes); what fails is reported on stderr and added to ``failures``."""
    items = read_articles(paths, meta=meta, settings=settings)
    with extractor_for(workers) as extractor:
        for item, job in in_order(extractor, items, _article):
            if isinstance(item, Rejection) or job is None:
                assert isinstance(item, Rejection)
                failures.append(item)
                click.echo(f"warledger: error: {item.detail}", err=True)
                continue
            outcome = job.result()  # per-item boundary: a bug on one article does not stop the rest
            if isinstance(outcome, str):
                failure = Rejection(item.origin, "extract", "extract_failed", outcome)
                failures.append(failure)
                click.echo(f"warledger: error: {item.origin}: extraction failed: {failure.detail}", err=True)
                continue
            yield outcome


def _article(item: Article | Rejection) -> Article | None:
    return item if isinstance(item, Article) else None


def _print(result: Extraction, fmt: str, many: bool) -> None:
    data: dict[str, Any] = result.to_dict()
    if fmt == "table":
        click.echo(render_table(result))
    elif fmt == "json" and not many:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(json.dumps(data, ensure_ascii=False))


@cli.command(short_help="Extract attack waves from articles (format v1).")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", default=None, metavar="DATE",
              help="Publication date (ISO) for inputs that carry none; anchors 'overnight into Thursday'.")
@click.option("--source", default=None, help="Outlet name or address, for inputs that carry none.")
@click.option("--title", default=None, help="Article title, for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one pretty object for one article, JSON Lines for several; "
                   "jsonl: always one object per line; table: a summary for people.")
@click.option("--workers", type=click.IntRange(0, 512), default=1, show_default=True,
              help="Processes that extract (0: one per CPU); the output is the same, in input order.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], published: str | None, source: str | None,
            title: str | None, fmt: str, workers: int) -> None:
    """Extract attack waves (figures, places, targets, dates) from articles.

    PATHS are .txt, .html/.htm/.xhtml, .json (an article object or a list of them) or
    .jsonl files, or - for standard input (its format is recognised from the content, as
    for any other suffix). Bad inputs are reported on stderr and the exit code is 1; the
    other articles are still extracted.
    """
    try:
        meta = Metadata(published=check_published(published, "--published"), source=source, title=title)
    except WarledgerError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from exc
    failures: list[Rejection] = []
    results = _extractions(paths, meta, _settings(ctx), failures, workers)
    try:
        first = next(results, None)
        second = next(results, None) if first is not None else None
        if first is not None:
            _print(first, fmt, second is not None)
        if second is not None:
            _print(second, fmt, True)
            for result in results:
                _print(result, fmt, True)
    except WarledgerError as exc:  # a worker process died: what was printed stands
        raise click.ClickException(str(exc)) from exc
    if failures:
        click.echo(f"warledger: {len(failures)} input(s) failed", err=True)
        sys.exit(1)


@cli.command(name="eval", short_help="Score extraction against gold annotations.")
@click.argument("gold_dirs", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table.")
@click.option("--per-article", is_flag=True, help="Also print a line per article.")
def eval_(gold_dirs: tuple[Path, ...], as_json: bool, per_article: bool) -> None:
    """Score extraction against gold annotations (the rules in docs/evaluation.md).

    Each GOLD_DIR holds one JSON file per article, whose text_file points at the article.
    """
    from .evaluate import evaluate_gold_dirs, render_report

    try:
        report = evaluate_gold_dirs(gold_dirs)
    except WarledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(render_report(report, per_article=per_article))
from . import cli_ledger  # noqa: E402,F401  (registers the ledger commands on the group)
from . import cli_serve as cli_serve  # noqa: E402  (registers the serve command on the group)
