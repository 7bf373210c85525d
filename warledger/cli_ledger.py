"""The ledger's commands: ingest, rejections, db migrate, events, show, timeline, export.

Thin shells over warledger.ledger and warledger.store (DOCS: docs/cli.md, docs/ledger.md).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import click

from .cli import _settings, cli
from .errors import WarledgerError
from .ledger.export import EXPORT_FORMATS, export
from .ledger.reading import list_events, show_json, timeline_json
from .ledger.records import EventKind
from .ledger.runner import IngestSummary, ingest
from .store import open_store
from .store.base import EventQuery, Store

SCREENED = frozenset({"not_english", "off_topic"})  # policy decisions, not input errors: exit code stays 0


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db_url", default=None, metavar="URL",
                        help="SQLite file or postgresql:// URL (default: $WARLEDGER_DB, else warledger.db).")(fn)


def date_range_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--since and --until, ISO dates, both inclusive."""
    fn = click.option("--until", default=None, metavar="DATE", help="Last date (inclusive), YYYY-MM-DD.")(fn)
    return click.option("--since", default=None, metavar="DATE", help="First date (inclusive), YYYY-MM-DD.")(fn)


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from exc


@contextmanager
def _store(db_url: str | None, *, migrate: bool = True) -> Iterator[Store]:
    try:
        store = open_store(db_url, migrate=migrate)
    except WarledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    except WarledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _progress(summary: IngestSummary) -> None:
    done = summary.articles_new + summary.duplicates + summary.rejected
    click.echo(f"\r  {done} articles read: {summary.articles_new} new, {summary.duplicates} duplicate, "
               f"{summary.rejected} rejected", err=True, nl=False)


@cli.command(name="ingest", short_help="Ingest articles into the ledger.")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--workers", type=click.IntRange(0, 512), default=1, show_default=True,
              help="Processes that extract while this one stores (0: one per CPU); the ledger is the same.")
@click.pass_context
def ingest_(ctx: click.Context, paths: tuple[str, ...], db_url: str | None, as_json: bool, workers: int) -> None:
    """Read, extract and store articles, merging reports of the same event.

    PATHS are files or folders (read recursively): .txt, .html, .json, .jsonl and RSS/Atom feed
    files. The same input twice adds nothing. Rejected inputs are stored with a reason (see
    `warledger rejections`); the exit code is 1 when an input could not be read, 0 when articles
    were only screened out (not English, not about the war). For a backfill, --workers extracts in
    several processes; storing stays in this one, in input order.
    """
    tty = sys.stderr.isatty()
    with _store(db_url) as store:
        summary = ingest(paths, store, settings=_settings(ctx), progress=_progress if tty else None,
                         workers=workers)
    if tty:
        click.echo("", err=True)
    failed = [r for r in summary.rejections if r.reason not in SCREENED]
    for r in failed:
        click.echo(f"warledger: error: {r.detail}", err=True)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        s = summary
        click.echo(f"articles: {s.articles_new} new ({s.versions} versions of stored stories), "
                   f"{s.duplicates} duplicate, {s.rejected} rejected")
        click.echo(f"events:   {s.events_created} created, {s.events_updated} updated; "
                   f"{s.conflicts} figures in conflict, {s.flags} arithmetic flags, {s.date_disagreements} "
                   f"events dated differently by their reports; {s.undated_items} undated items")
    if failed:
        sys.exit(1)


@cli.command(short_help="List rejected inputs with their reasons.")
@db_option
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="table for people, json for programs.")
def rejections(db_url: str | None, fmt: str) -> None:
    """List the inputs ingest rejected, with a reason code and the detail."""
    with _store(db_url) as store:
        rows = store.rejections()
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r.reason:<15} {r.origin}\n                {r.detail}")
    click.echo(f"{len(rows)} rejected")


@cli.group(short_help="Database maintenance.")
def db() -> None:
    """Database maintenance."""


@db.command(short_help="Apply pending schema migrations.")
@db_option
def migrate(db_url: str | None) -> None:
    """Apply the pending schema migrations, in order, each in its own transaction."""
    with _store(db_url, migrate=False) as store:
        applied = store.migrate()
    click.echo("\n".join(f"applied {name}" for name in applied) if applied else "up to date")


def _emit(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...], table: Callable[[], str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["; ".join(map(str, v)) if isinstance(v, list) else v for v in
                             (row.get(c) for c in columns)])
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(table())


def _num(value: Any) -> str:
    return "-" if value is None else str(value)


def _events_table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'id':<28} {'date':<10} {'kind':<9} {'launched':>8} {'intercpt':>8} {'killed':>6} {'injured':>7} "
             f"{'srcs':>4} {'confl':>5}  places / participants"]
    for e in rows:
        head = e.get("headline") or {}
        conflicts = sum(f["conflict"] for f in e["figures"])
        who = ", ".join(e["places"] if e["kind"] == "attack" else e.get("participants", []))
        lines.append(f"{e['id']:<28} {_num(e['date']):<10} {e['kind']:<9} {_num(head.get('launched')):>8} "
                     f"{_num(head.get('intercepted')):>8} {_num(head.get('killed')):>6} "
                     f"{_num(head.get('injured')):>7} {len(e['sources']):>4} {conflicts:>5}  {who[:60]}")
    return "\n".join(lines)


@cli.command(short_help="List ledger events.")
@db_option
@date_range_options
@click.option("--kind", type=click.Choice([k.value for k in EventKind]), default=None, help="Only this kind.")
@click.option("--place", default=None, help="Only events at this place (a name as reported, any case).")
@click.option("--limit", type=click.IntRange(1, 100_000), default=100, show_default=True,
              help="At most this many events.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many first.")
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True,
              help="table for people; json: the full shape (README); csv: one row per event.")
def events(db_url: str | None, since: str | None, until: str | None, kind: str | None, place: str | None,
           limit: int, offset: int, fmt: str) -> None:
    """List events, newest first, with their headline figures.

    json gives the full shape of each event (README: "The ledger's JSON").
    """
    query = EventQuery(since=_date(since, "--since"), until=_date(until, "--until"),
                       kind=EventKind(kind) if kind else None, place=place, limit=limit, offset=offset)
    with _store(db_url) as store:
        rows = list_events(store, query)
    flat = [{**{k: v for k, v in e.items() if k not in ("figures", "headline", "flags")}, **(e.get("headline") or {}),
             "conflicts": sum(f["conflict"] for f in e["figures"])} for e in rows]
    if fmt == "csv":
        _emit(flat, fmt, ("id", "kind", "date", "attacker", "target_country", "type", "venue", "participants",
                          "places", "launched", "intercepted", "suppressed", "killed", "injured", "conflicts",
                          "sources"), lambda: "")
    else:
        _emit(rows, fmt, (), lambda: _events_table(rows))


def _show_table(e: dict[str, Any]) -> str:
    lines = [f"{e['id']}  {e['kind']}  {e['date']}"]
    if e["kind"] == "attack":
        lines.append(f"{e['attacker']} -> {e['target_country']}; places: {', '.join(e['places']) or '-'}")
    else:
        lines.append(f"{e.get('type')} at {e.get('venue') or '-'}: {', '.join(e.get('participants', []))}")
    for flag in e["flags"]:
        lines.append(f"  ! {flag['code']}: {flag['detail']}")
    for f in e["figures"]:
        mark = "  CONFLICT" if f["conflict"] else ""
        lines.append(f"\n{f['measure']} {f['what']}: best {f['best']} (low {f['low']}, high {f['high']}) "
                     f"by {f['rule']}{mark}")
        for flag in f["flags"]:
            lines.append(f"  ! {flag['code']}: {flag['detail']}")
        for c in f["claims"]:
            who = c.get("source") or c["article_id"]
            when = (c.get("published") or "?") + (f", updated {c['updated']}" if c.get("updated") else "")
            lines.append(f"  {c['value']:>6} {c['qualifier']:<8} {who} ({when})"
                         + (f", attributed to {c['attribution']}" if c.get("attribution") else ""))
            if c.get("context"):
                ev = c["evidence"]["text"]
                lines.append("         " + c["context"].replace(ev, f"[{ev}]", 1))
    lines.append("\nsources:")
    for r in e["reports"]:
        day = f", dates it {r['date']}" if r.get("date") else ""
        lines.append(f"  {r['article_id'][:16]} {r.get('source') or '-'} {r.get('published') or ''}{day}: "
                     f"{r['reason']} ({r['detail']})")
    return "\n".join(lines)


@cli.command(short_help="Show one event with every claim and its evidence.")
@click.argument("event_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="table for people; json: the event shape plus reports and each claim's context.")
def show(event_id: str, db_url: str | None, fmt: str) -> None:
    """Show one event with every claim and its evidence.

    Consensus figures, each source's claim with the sentence around its evidence, conflicts and
    arithmetic flags, and why each article was put on this event.
    """
    with _store(db_url) as store:
        data = show_json(store, event_id)
    if data is None:
        raise click.ClickException(f"no event {event_id!r}; `warledger events` lists them")
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if fmt == "json" else _show_table(data))


TIMELINE_COLUMNS = ("date", "attacks", "launched", "intercepted", "suppressed", "intercepted_share", "killed",
                    "injured", "diplomacy")


def _timeline_table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'date':<10} {'waves':>5} {'launched':>8} {'intercpt':>8} {'share':>6} {'killed':>6} {'injured':>7}"
             "  diplomacy"]
    for d in rows:
        share = "-" if d["intercepted_share"] is None else f"{d['intercepted_share']:.0%}"
        talks = "; ".join(f"{x['type']}: {', '.join(x['participants'][:3])}" for x in d["diplomacy"])
        lines.append(f"{d['date']:<10} {d['attacks']:>5} {_num(d['launched']):>8} {_num(d['intercepted']):>8} "
                     f"{share:>6} {_num(d['killed']):>6} {_num(d['injured']):>7}  {talks}")
    return "\n".join(lines)


@cli.command(short_help="Per day: weapons, interceptions, casualties and talks.")
@db_option
@date_range_options
@click.option("--attacker", type=click.Choice(("RU", "UA", "all")), default="RU", show_default=True,
              help="Whose waves: RU (Russia's attacks), UA (Ukraine's strikes) or all.")
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True,
              help="table for people, json or csv for programs.")
def timeline(db_url: str | None, since: str | None, until: str | None, attacker: str, fmt: str) -> None:
    """Per day: weapons, interceptions, casualties and talks.

    Attack waves, weapons launched, intercepted and suppressed, the share intercepted, people
    killed and injured, and the diplomatic events of that day.
    """
    with _store(db_url) as store:
        rows = timeline_json(store, _date(since, "--since"), _date(until, "--until"),
                             None if attacker == "all" else attacker)
    flat = [{**d, "diplomacy": [f"{x['type']}: {', '.join(x['participants'])}" for x in d["diplomacy"]]}
            for d in rows]
    _emit(rows if fmt == "json" else flat, fmt, TIMELINE_COLUMNS, lambda: _timeline_table(rows))


@cli.command(name="export", short_help="Export the whole ledger (csv, jsonl, geojson).")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="csv: a row per event figure; jsonl: an event per line; geojson: places hit.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8", atomic=True), default="-",
              help="File to write (default: standard output); written whole or not at all.")
def export_(db_url: str | None, fmt: str, output: Any) -> None:
    """Export the whole ledger."""
    with _store(db_url) as store:
        for chunk in export(store, fmt):
            output.write(chunk)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@cli.command(name="eval-ledger", short_help="Score event resolution against cluster gold.")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_context
def eval_ledger(ctx: click.Context, corpus_dir: Path, as_json: bool) -> None:
    """Score the ledger's event resolution on a cluster corpus.

    Ingests CORPUS_DIR/articles into a fresh temporary ledger and scores it against
    CORPUS_DIR/gold: pairwise precision and recall (docs/evaluation.md).
    """
    from .evaluate.clusters import evaluate_ledger

    try:
        report = evaluate_ledger(corpus_dir, _settings(ctx))
    except WarledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    rows = [("event pairs", report.pairs)] + [(f"  {kind}", c) for kind, c in report.by_kind.items()]
    for name, c in [*rows, ("version links", report.versions), ("rejections", report.rejected)]:
        click.echo(f"{name:<14} P {_pct(c.precision)}  R {_pct(c.recall)}  F1 {_pct(c.f1)}  "
                   f"(tp {c.tp}, fp {c.fp}, fn {c.fn})")
    dates = report.dates
    click.echo(f"event dates    {_pct(dates.value)}  ({dates.correct} of {dates.n} gold events dated right)")
    click.echo(f"mentions: {report.mentions}")
    for label, items in (("missing", report.missing), ("split", report.split), ("merged", report.merged)):
        for item in items:
            click.echo(f"  {label}: {item}")
