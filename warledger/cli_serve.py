"""The ``serve`` command: the HTTP API and dashboard over a ledger (DOCS: docs/api.md, docs/cli.md)."""

from __future__ import annotations

import os

import click

from .cli import _settings, cli
from .cli_ledger import db_option
from .errors import WarledgerError
from .store import DEFAULT_DB


@cli.command(short_help="Serve the JSON API and the dashboard.")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--write-token-env", "token_env", default=None, metavar="VAR",
              help="Allow POST /api/articles with 'Authorization: Bearer' and the token in this environment "
                   "variable (default: read-only).")
@click.pass_context
def serve(ctx: click.Context, db_url: str | None, host: str, port: int, token_env: str | None) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the dashboard (/).

    Read-only unless --write-token-env names a variable holding a token; then articles posted
    to /api/articles with that token are ingested. Every page also answers as JSON with .json.
    """
    import uvicorn

    from .api import create_app

    token = None
    if token_env is not None:
        token = os.environ.get(token_env, "")
        if len(token) < 16:
            raise click.BadParameter(f"${token_env} must hold a token of at least 16 characters",
                                     param_hint="--write-token-env")
    url = db_url if db_url is not None else (os.environ.get("WARLEDGER_DB") or DEFAULT_DB)
    try:
        app = create_app(url, token, settings=_settings(ctx))
    except WarledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"warledger: serving {url} at http://{host}:{port}/ (API docs at /docs"
               f"{'; writes allowed with the token' if token else '; read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
