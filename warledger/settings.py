"""Every setting, declared once: name, default, help. Everything else derives from this table."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    max_article_bytes: int = 2_000_000
    html_min_text_chars: int = 40
    ingest_batch_articles: int = 100
    ingest_batch_seconds: float = 1.0


HELP: Mapping[str, str] = {
    "max_article_bytes": "Largest article accepted, in bytes; larger inputs are rejected as oversized.",
    "html_min_text_chars": "An HTML page whose main text is shorter than this is rejected as having no article.",
    "ingest_batch_articles": "Articles an ingest commits together at most (each article is still all or nothing).",
    "ingest_batch_seconds": "Seconds an ingest's open batch may last before it is committed; other writers wait "
                            "about this long at most.",
}

OBSOLETE_SETTINGS: Mapping[str, str] = {}
MINIMUMS: Mapping[str, float] = {"ingest_batch_articles": 1, "ingest_batch_seconds": 0}


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} must be {kind.__name__}, got {value!r}") from exc


def load_settings(user_file: Path | None = None, overrides: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Packaged defaults, then ``user_file``, then WARLEDGER_* variables, then ``overrides``."""
    layers: list[Mapping[str, Any]] = []
    with resources.files("warledger").joinpath("defaults.toml").open("rb") as fh:
        layers.append(tomllib.load(fh))
    if user_file is not None:
        try:
            layers.append(tomllib.loads(user_file.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {user_file}: {exc}") from exc
    env = os.environ if environ is None else environ
    names = {f.name: f for f in fields(Settings)}
    layers.append({k[len("WARLEDGER_"):].lower(): v for k, v in env.items()
                   if k.startswith("WARLEDGER_") and k[len("WARLEDGER_"):].lower() in names})
    layers.append(dict(overrides or {}))
    merged: dict[str, Any] = {}
    defaults = Settings()
    for layer in layers:
        for key, value in layer.items():
            if key in OBSOLETE_SETTINGS:
                raise ConfigError(f"setting {key!r} was removed: {OBSOLETE_SETTINGS[key]}")
            if key not in names:
                raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(names))}")
            merged[key] = _coerce(key, value, type(getattr(defaults, key)))
    for key, least in MINIMUMS.items():
        if key in merged and not merged[key] >= least:
            raise ConfigError(f"setting {key!r} must be at least {least}, got {merged[key]!r}")
    return Settings(**merged)
