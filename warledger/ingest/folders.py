"""The input files of a folder, recursively, in a stable order.

Files are listed by name at each level, a subfolder's files coming where the subfolder's name
sorts. Only files with a known suffix are listed; hidden files and folders (``.name``) are
skipped. Each folder is entered once, by its device and inode, so symbolic-link loops end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..errors import IngestError, RejectReason

__all__ = ["INPUT_SUFFIXES", "walk_folder"]

INPUT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".xml", ".rss", ".atom"})


def _entries(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        return sorted(it, key=lambda entry: entry.name)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether an entry is a folder, following symbolic links; False for broken links and link loops."""
    try:
        return entry.is_dir()
    except OSError:  # a link to itself: reading it then says why
        return False


def _unreadable(folder: str, exc: OSError) -> IngestError:
    return IngestError(f"{folder}: cannot read folder: {exc.strerror or exc}", RejectReason.UNREADABLE)


def walk_folder(folder: str) -> Iterator[str | tuple[str, IngestError]]:
    """Paths of the input files under ``folder``; ``(subfolder, error)`` for one that cannot be listed."""
    seen: set[tuple[int, int]] = set()
    try:
        info = os.stat(folder)
        seen.add((info.st_dev, info.st_ino))
        stack = [iter(_entries(folder))]
    except OSError as exc:
        yield folder, _unreadable(folder, exc)
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            try:
                info = os.stat(entry.path)
                key = (info.st_dev, info.st_ino)
                if key in seen:
                    continue  # a link back to a folder already read
                seen.add(key)
                stack.append(iter(_entries(entry.path)))
            except OSError as exc:
                yield entry.path, _unreadable(entry.path, exc)
        elif os.path.splitext(entry.name)[1].lower() in INPUT_SUFFIXES:
            yield entry.path
