"""Regenerate the generated blocks of the docs in place: a small stand-in for cog.

The pages keep cog's own markers, so ``cog -r docs/cli.md`` gives the same result
wherever ``cogapp`` is installed:

    <!-- [[[cog
    ... Python that calls cog.out(...) ...
    ]]] -->
    generated text, replaced on every run
    <!-- [[[end]]] -->

As in cog, the blocks of one page run in order in one shared namespace, and ``import cog``
inside a block gets an object with ``out()`` and ``outl()``.

    .venv/bin/python docs/gen_cli_reference.py           # rewrite docs/cli.md and docs/settings.md
    .venv/bin/python docs/gen_cli_reference.py --check   # exit 1 and show a diff when one is stale

tests/test_docs.py runs the check in-process (STYLE C9, C15).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PAGES: tuple[Path, ...] = (DOCS / "cli.md", DOCS / "settings.md")

BEGIN = "[[[cog"
END_CODE = "]]]"
END = "[[[end]]]"


class CogError(Exception):
    """A page whose markers do not pair up, or a block whose code fails."""


class _Cog(types.ModuleType):
    """The part of cog's module that the blocks use: ``out`` and ``outl`` collect the output."""

    def __init__(self) -> None:
        super().__init__("cog")
        self.buffer: list[str] = []

    def out(self, text: str = "", dedent: bool = False, trimblanklines: bool = False) -> None:
        if trimblanklines:
            lines = text.split("\n")
            while lines and not lines[0].strip():
                lines.pop(0)
            while lines and not lines[-1].strip():
                lines.pop()
            text = "\n".join(lines) + ("\n" if lines and text.endswith("\n") else "")
        self.buffer.append(textwrap.dedent(text) if dedent else text)

    def outl(self, text: str = "", **kwargs: bool) -> None:
        self.out(text + "\n", **kwargs)

    def take(self) -> str:
        text = "".join(self.buffer)
        self.buffer = []
        return text if not text or text.endswith("\n") else text + "\n"


@contextmanager
def _cog_module(cog: _Cog) -> Iterator[None]:
    saved = sys.modules.get("cog")
    sys.modules["cog"] = cog
    try:
        yield
    finally:
        if saved is None:
            sys.modules.pop("cog", None)
        else:
            sys.modules["cog"] = saved


def _run(code: str, namespace: dict[str, object], cog: _Cog, where: str) -> str:
    try:
        exec(compile(code, where, "exec"), namespace)
    except Exception as exc:  # a block's code is arbitrary: report which block failed, and why
        raise CogError(f"{where}: the block's code failed: {type(exc).__name__}: {exc}") from exc
    return cog.take()


def _is_end_code(line: str) -> bool:
    return END_CODE in line and END not in line


def regenerate(text: str, name: str = "<page>") -> str:
    """``text`` with the output of every cog block replaced by what its code prints now.

    Markers are read as cog reads them: a line holding ``[[[cog`` opens a block (its code
    may follow on the same line, up to ``]]]``), a line holding ``]]]`` ends the code, and
    a line holding ``[[[end]]]`` ends the generated output.
    """
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    namespace: dict[str, object] = {"__name__": "__cog__"}
    cog = _Cog()
    i = 0
    with _cog_module(cog):
        while i < len(lines):
            line = lines[i]
            i += 1
            out.append(line)
            if BEGIN not in line:
                if _is_end_code(line) or END in line:
                    raise CogError(f"{name}:{i}: a marker outside a block: {line.strip()}")
                continue
            first = i
            head = line.split(BEGIN, 1)[1]
            if END_CODE in head:  # one-line form: <!-- [[[cog code ]]] -->
                code = head.split(END_CODE, 1)[0].strip() + "\n"
            else:
                while i < len(lines) and not _is_end_code(lines[i]):
                    if BEGIN in lines[i] or END in lines[i]:
                        raise CogError(f"{name}:{i + 1}: unexpected marker inside the code of the block "
                                       f"opened on line {first}")
                    i += 1
                if i == len(lines):
                    raise CogError(f"{name}:{first}: the block has no line with '{END_CODE}'")
                code = "".join(lines[first:i])
                out.extend(lines[first:i + 1])
                i += 1
            while i < len(lines) and END not in lines[i]:
                if BEGIN in lines[i]:
                    break
                i += 1  # the old output: dropped
            if i == len(lines) or END not in lines[i]:
                raise CogError(f"{name}:{first}: the block has no line with '{END}'")
            out.append(_run("import cog\n" + textwrap.dedent(code), namespace, cog, f"{name}:{first}"))
            out.append(lines[i])
            i += 1
    return "".join(out)


def stale(page: Path) -> str:
    """A unified diff from ``page`` to its regenerated text; empty when it is up to date."""
    current = page.read_text(encoding="utf-8")
    fresh = regenerate(current, str(page))
    return "".join(difflib.unified_diff(current.splitlines(keepends=True), fresh.splitlines(keepends=True),
                                        fromfile=f"{page} (checked in)", tofile=f"{page} (regenerated)"))


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the pages, or with --check report the stale ones (exit status 1)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a page is stale")
    parser.add_argument("pages", nargs="*", type=Path, help="pages to process (default: docs/cli.md, docs/settings.md)")
    args = parser.parse_args(argv)
    failed = False
    for page in args.pages or PAGES:
        try:
            if args.check:
                diff = stale(page)
                if diff:
                    failed = True
                    print(f"{page} is stale; regenerate it with: python docs/gen_cli_reference.py", file=sys.stderr)
                    sys.stderr.write(diff)
            else:
                text = page.read_text(encoding="utf-8")
                fresh = regenerate(text, str(page))
                if fresh != text:
                    page.write_text(fresh, encoding="utf-8")
                    print(f"rewrote {page}")
        except (OSError, CogError) as exc:
            print(f"gen_cli_reference: {exc}", file=sys.stderr)
            return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
