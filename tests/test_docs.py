"""Documentation is enforced by tests (STYLE C15).

Every CLI command has help text and a section in docs/cli.md; the generated blocks of
docs/cli.md and docs/settings.md are up to date (``docs/gen_cli_reference.py --check``);
every setting is documented with its help; every rule file and rule kind appears in
docs/extraction.md; every ``DOCS:`` link in the package points at a page that exists.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import fields
from pathlib import Path
from types import ModuleType

import click
import pytest

from warledger.cli import cli
from warledger.extract.rules import OWN_LOADER_FILES, RULE_FILES
from warledger.settings import HELP, Settings

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RULES_DIR = ROOT / "warledger" / "extract" / "rules"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli_reference", DOCS / "gen_cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    """Every command under ``group``, nested groups included, as (path, command)."""
    out: list[tuple[tuple[str, ...], click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        out.append((path, command))
        if isinstance(command, click.Group):
            out += _commands(command, path)
    return out


COMMANDS = _commands(cli)
COMMAND_IDS = [" ".join(path) for path, _ in COMMANDS]
SETTINGS = [f.name for f in fields(Settings)]


def _read(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=COMMAND_IDS)
def test_every_command_has_help_text(path: tuple[str, ...], command: click.Command) -> None:
    assert (command.help or "").strip(), f"warledger {' '.join(path)} has no help text (add a docstring)"
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"warledger {' '.join(path)}: option {param.opts[0]} has no help"


def test_the_group_and_its_options_have_help_text() -> None:
    assert (cli.help or "").strip()
    for param in cli.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"warledger: option {param.opts[0]} has no help"


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=COMMAND_IDS)
def test_every_command_is_in_the_cli_reference(path: tuple[str, ...]) -> None:
    name = " ".join(path)
    text = _read("cli.md")
    assert re.search(rf"^## warledger {re.escape(name)}$", text, re.MULTILINE), \
        f"docs/cli.md has no section '## warledger {name}'"
    assert f"Usage: warledger {name} " in text, \
        f"docs/cli.md does not embed the --help of 'warledger {name}': add a cog block and run " \
        "docs/gen_cli_reference.py"


@pytest.mark.parametrize("page", ["cli.md", "settings.md"])
def test_generated_docs_are_up_to_date(page: str) -> None:
    diff = _generator().stale(DOCS / page)
    assert not diff, f"docs/{page} is stale; regenerate it with: .venv/bin/python docs/gen_cli_reference.py\n{diff}"


def test_generator_replaces_only_the_output_of_blocks() -> None:
    gen = _generator()
    page = (
        "intro\n<!-- [[[cog\nx = 2\ncog.outl(f'two is {x}')\n]]] -->\nstale\n<!-- [[[end]]] -->\n"
        "middle\n<!-- [[[cog cog.out(str(x * 2)) ]]] -->\n<!-- [[[end]]] -->\nend\n"
    )
    assert gen.regenerate(page) == (
        "intro\n<!-- [[[cog\nx = 2\ncog.outl(f'two is {x}')\n]]] -->\ntwo is 2\n<!-- [[[end]]] -->\n"
        "middle\n<!-- [[[cog cog.out(str(x * 2)) ]]] -->\n4\n<!-- [[[end]]] -->\nend\n"
    )


@pytest.mark.parametrize("page", [
    "a\n<!-- [[[cog\ncog.out('x')\n]]] -->\nno end marker\n",
    "a\n<!-- [[[cog\ncog.out('x')\nno end of code\n",
    "a\n<!-- [[[end]]] -->\n",
    "<!-- [[[cog raise ValueError('boom') ]]] -->\n<!-- [[[end]]] -->\n",
])
def test_generator_refuses_broken_pages(page: str) -> None:
    gen = _generator()
    with pytest.raises(gen.CogError):
        gen.regenerate(page)


def test_generator_check_mode_exits_non_zero_when_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gen = _generator()
    page = tmp_path / "page.md"
    page.write_text("<!-- [[[cog cog.out('fresh') ]]] -->\nstale\n<!-- [[[end]]] -->\n", encoding="utf-8")
    assert gen.main(["--check", str(page)]) == 1
    assert "stale" in capsys.readouterr().err
    assert gen.main([str(page)]) == 0
    assert gen.main(["--check", str(page)]) == 0
    assert page.read_text(encoding="utf-8") == "<!-- [[[cog cog.out('fresh') ]]] -->\nfresh\n<!-- [[[end]]] -->\n"


def test_every_setting_has_help() -> None:
    assert set(HELP) == set(SETTINGS), "warledger.settings: HELP and the Settings fields differ"
    assert all(HELP[name].strip() for name in SETTINGS)


@pytest.mark.parametrize("name", SETTINGS)
def test_every_setting_is_documented(name: str) -> None:
    text = _read("settings.md")
    assert f"`{name}`" in text, f"docs/settings.md does not mention setting {name!r}"
    assert HELP[name] in text, f"docs/settings.md does not give the help of {name!r}; run docs/gen_cli_reference.py"


def test_rule_files_on_disk_are_the_loaded_ones() -> None:
    assert {p.name for p in RULES_DIR.glob("*.toml")} == set(RULE_FILES) | set(OWN_LOADER_FILES), \
        "a rule file in warledger/extract/rules is not in RULE_FILES or OWN_LOADER_FILES (or the reverse)"


@pytest.mark.parametrize("name", sorted(p.name for p in RULES_DIR.glob("*.toml")))
def test_every_rule_file_is_documented(name: str) -> None:
    assert f"`{name}`" in _read("extraction.md"), f"docs/extraction.md does not describe rule file {name}"


@pytest.mark.parametrize("kind", sorted({kind for kinds in RULE_FILES.values() for kind in kinds}))
def test_every_rule_kind_is_documented(kind: str) -> None:
    assert f"`{kind}`" in _read("extraction.md"), f"docs/extraction.md does not describe rule kind {kind!r}"


def test_docs_links_in_the_package_point_at_pages_that_exist() -> None:
    missing = []
    for path in sorted((ROOT / "warledger").rglob("*.py")):
        for target in re.findall(r"DOCS:\s*(docs/[\w./-]+\.md)", path.read_text(encoding="utf-8")):
            if not (ROOT / target).is_file():
                missing.append(f"{path.relative_to(ROOT)} -> {target}")
    assert not missing, "DOCS: links to missing pages:\n" + "\n".join(missing)
