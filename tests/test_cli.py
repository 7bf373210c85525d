"""The CLI end to end: output formats, bad inputs reported per file while the rest still come out, help text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from jsonschema import Draft202012Validator

import warledger.cli
from warledger.cli import cli
from warledger.extract import pool as extraction_pool

SCHEMA = json.loads((Path(warledger.cli.__file__).parent / "schema" / "extraction-v1.schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA)
EXE = Path(sys.executable).parent / "warledger"

GOOD = "Russia fired 14 drones at Chernihiv overnight; air defence downed 11 of them."
GOOD2 = "In Zaporizhzhia, two people were injured when a missile hit a warehouse on Friday."
CALM = "Farmers in the south expect a late harvest this year because of a cold spring."

BAD_INPUTS: dict[str, tuple[str, bytes, str]] = {  # case: (file name, bytes, words in the error line)
    "empty": ("empty.txt", b"", "empty input"),
    "whitespace": ("blank.txt", b"  \n\n\t\n", "empty input"),
    "nul-bytes": ("nul.txt", b"drones\x00\x00\x00", "binary data"),
    "latin-1": ("latin.txt", "Kherson caf\u00e9 hit by drones".encode("latin-1"), "not UTF-8"),
    "malformed-json": ("broken.json", b'{"text": "drones over Lviv"', "malformed JSON"),
    "json-without-text": ("notext.json", b'{"title": "drones over Lviv"}', "needs a string field 'text'"),
    "json-bad-published": ("date.json", b'{"text": "drones over Lviv", "published": "2025-02-30"}',
                           "is not an ISO date"),
    "json-number-published": ("num.json", b'{"text": "drones over Lviv", "published": 20250101}',
                              "published must be an ISO date string"),
    "html-without-text": ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
                          "no article text"),
    "oversized": ("big.txt", b"Drones over Lviv. " * 200_000, "over the limit"),
}


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def json_lines(stdout: str) -> list[dict]:
    lines = stdout.splitlines()
    assert all(line.startswith("{") for line in lines), stdout[:500]
    return [json.loads(line) for line in lines]


def assert_valid(data: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    text = data["article"]["text"]
    for attack in data["attacks"]:
        for figure in attack["figures"]:
            ev = figure["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"]


# ---------------------------------------------------------------- output formats

def test_one_article_prints_one_pretty_object_that_fits_the_schema(tmp_path, cli_runner):
    path = write(tmp_path, "one.txt", GOOD)
    result = cli_runner.invoke(cli, ["extract", path, "--published", "2025-05-02", "--source", "Wire",
                                     "--title", "Chernihiv"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith('{\n  "format": "warledger-extraction/1",\n')
    data = json.loads(result.stdout)
    assert_valid(data)
    assert data["article"] | {"id": None} == {"id": None, "source": "Wire", "title": "Chernihiv",
                                               "published": "2025-05-02", "text": GOOD}
    assert data["attacks"], "the test article reports an attack"


def test_json_is_the_default_format_and_keeps_unicode(tmp_path, cli_runner):
    text = "\u00abRussia launched 9 drones at Kyiv\u00bb, officials said."
    result = cli_runner.invoke(cli, ["extract", write(tmp_path, "u.txt", text)])
    assert result.exit_code == 0 and "\u00ab" in result.stdout
    assert json.loads(result.stdout)["article"]["text"] == text


def test_several_articles_print_json_lines_in_input_order_with_input_ids(tmp_path, cli_runner):
    listing = write(tmp_path, "list.json", json.dumps([{"id": "zeta", "text": GOOD}, {"id": "alpha", "text": CALM}]))
    feed = write(tmp_path, "feed.jsonl", json.dumps({"id": 7, "text": GOOD2}) + "\n" + json.dumps({"text": CALM}))
    plain = write(tmp_path, "plain.txt", GOOD2)
    result = cli_runner.invoke(cli, ["extract", listing, feed, plain])
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert [r["article"]["id"] for r in records][:3] == ["zeta", "alpha", "7"]
    assert [r["article"]["text"] for r in records] == [GOOD, CALM, GOOD2, CALM, GOOD2]
    assert len(records[3]["article"]["id"]) == 64  # content hash when the input has no id
    for record in records:
        assert_valid(record)


def test_jsonl_format_for_one_article_is_one_line(tmp_path, cli_runner):
    result = cli_runner.invoke(cli, ["extract", write(tmp_path, "one.txt", GOOD), "--format", "jsonl"])
    assert result.exit_code == 0
    (record,) = json_lines(result.stdout)
    assert_valid(record)


def test_table_format_is_readable(tmp_path, cli_runner):
    attack = write(tmp_path, "a.json", json.dumps({"text": GOOD, "title": "Night over Chernihiv",
                                                   "published": "2025-05-02", "source": "Wire"}))
    calm = write(tmp_path, "calm.txt", CALM)
    result = cli_runner.invoke(cli, ["extract", attack, calm, "--format", "table"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "== Night over Chernihiv" in out and "published 2025-05-02" in out and "source Wire" in out
    assert "attack 1: RU -> UA" in out
    assert "launched" in out and "drone" in out and "\u201c" in out  # a figure with its quoted evidence
    assert "no attack waves reported" in out
    assert "{" not in out  # not JSON


def test_published_from_the_command_line_is_used_and_record_dates_win(tmp_path, cli_runner):
    plain = write(tmp_path, "p.txt", GOOD)
    dated = write(tmp_path, "d.json", json.dumps({"text": GOOD2, "published": "2025-06-01"}))
    result = cli_runner.invoke(cli, ["extract", plain, dated, "--published", "2025-05-02"])
    assert [r["article"]["published"] for r in json_lines(result.stdout)] == ["2025-05-02", "2025-06-01"]


@pytest.mark.parametrize(("data", "expected_ids"), [
    (GOOD, None),
    (json.dumps({"id": "in", "text": GOOD}), ["in"]),
    (json.dumps({"id": "a", "text": GOOD}) + "\n" + json.dumps({"id": "b", "text": CALM}) + "\n", ["a", "b"]),
], ids=["text", "json", "jsonl"])
def test_stdin(cli_runner, data, expected_ids):
    result = cli_runner.invoke(cli, ["extract", "-", "--format", "jsonl"], input=data.encode())
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    if expected_ids is None:
        assert [r["article"]["text"] for r in records] == [GOOD]
    else:
        assert [r["article"]["id"] for r in records] == expected_ids


# ---------------------------------------------------------------- bad inputs

@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_reported_and_the_others_still_extracted(tmp_path, cli_runner, case):
    name, data, words = BAD_INPUTS[case]
    first = write(tmp_path, "first.txt", GOOD)
    bad = write(tmp_path, name, data)
    last = write(tmp_path, "last.json", json.dumps({"id": "last", "text": GOOD2}))
    result = cli_runner.invoke(cli, ["extract", first, bad, last])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("warledger: error:")]
    assert len(errors) == 1, result.stderr
    assert bad in errors[0] and words in errors[0]
    assert result.stderr.splitlines()[-1] == "warledger: 1 input(s) failed"
    records = json_lines(result.stdout)
    assert [r["article"]["text"] for r in records] == [GOOD, GOOD2]
    assert records[1]["article"]["id"] == "last"


def test_jsonl_bad_line_names_file_and_line(tmp_path, cli_runner):
    feed = write(tmp_path, "feed.jsonl", "\n".join([
        json.dumps({"id": "a", "text": GOOD}), "{not json", json.dumps({"id": "c", "text": GOOD2}),
        json.dumps({"id": "d", "text": CALM, "published": "yesterday"})]))
    result = cli_runner.invoke(cli, ["extract", feed])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("warledger: error:")]
    assert len(errors) == 2
    assert f"{feed}:2: malformed JSON" in errors[0]
    assert f"{feed}:4" in errors[1] and "'yesterday'" in errors[1]
    assert "2 input(s) failed" in result.stderr
    assert [r["article"]["id"] for r in json_lines(result.stdout)] == ["a", "c"]


def test_oversized_through_a_setting(tmp_path, cli_runner):
    big = write(tmp_path, "big.txt", "Drones over Lviv. " * 10)
    small = write(tmp_path, "small.txt", "Drones.")
    result = cli_runner.invoke(cli, ["--set", "max_article_bytes", "100", "extract", big, small])
    assert result.exit_code == 1
    assert f"{big}: 180 bytes is over the limit of 100" in result.stderr
    assert json.loads(result.stdout)["article"]["text"] == "Drones."


def test_missing_file(tmp_path, cli_runner):
    missing = str(tmp_path / "nowhere.txt")
    result = cli_runner.invoke(cli, ["extract", missing, write(tmp_path, "ok.txt", GOOD)])
    assert result.exit_code == 1
    assert f"{missing}: cannot read" in result.stderr
    assert json.loads(result.stdout)["article"]["text"] == GOOD


def test_only_bad_inputs_print_nothing_and_fail(tmp_path, cli_runner):
    result = cli_runner.invoke(cli, ["extract", write(tmp_path, "e.txt", b""), write(tmp_path, "n.json", b"[]")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "2 input(s) failed" in result.stderr


def test_an_extractor_crash_on_one_article_does_not_stop_the_others(tmp_path, cli_runner, monkeypatch):
    real = extraction_pool.extract_article

    def flaky(article):
        if "Chernihiv" in article.text:
            raise RuntimeError("boom")
        return real(article)

    monkeypatch.setattr(extraction_pool, "extract_article", flaky)
    bad, good = write(tmp_path, "bad.txt", GOOD), write(tmp_path, "good.txt", GOOD2)
    result = cli_runner.invoke(cli, ["extract", bad, good])
    assert result.exit_code == 1
    assert f"{bad}: extraction failed: RuntimeError: boom" in result.stderr
    assert json.loads(result.stdout)["article"]["text"] == GOOD2


@pytest.mark.parametrize("value", ["2025-02-30", "yesterday", "20250101x", "04/05/2025"])
def test_bad_published_option_is_a_usage_error(tmp_path, cli_runner, value):
    result = cli_runner.invoke(cli, ["extract", write(tmp_path, "a.txt", GOOD), "--published", value])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Invalid value for --published" in result.stderr and repr(value) in result.stderr


def test_bad_format_and_no_paths_are_usage_errors(tmp_path, cli_runner):
    path = write(tmp_path, "a.txt", GOOD)
    assert cli_runner.invoke(cli, ["extract", path, "--format", "xml"]).exit_code == 2
    assert cli_runner.invoke(cli, ["extract"]).exit_code == 2


def test_unknown_setting_is_an_error(tmp_path, cli_runner):
    result = cli_runner.invoke(cli, ["--set", "no_such_setting", "1", "extract", write(tmp_path, "a.txt", GOOD)])
    assert result.exit_code == 1
    assert "unknown setting 'no_such_setting'" in result.stderr


# ---------------------------------------------------------------- the real executable

def run_exe(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(EXE), *args], input=stdin, capture_output=True, timeout=120, check=False)


@pytest.mark.skipif(not EXE.exists(), reason="the warledger script is not installed in this environment")
def test_real_process_reports_bad_file_and_extracts_the_rest(tmp_path):
    latin = write(tmp_path, "latin.txt", "Odesa caf\u00e9".encode("latin-1"))
    good = write(tmp_path, "good.txt", GOOD)
    proc = run_exe("extract", latin, good, "--format", "jsonl")
    assert proc.returncode == 1
    stderr = proc.stderr.decode()
    assert f"warledger: error: [W100] {latin}: not UTF-8 text" in stderr
    (record,) = json_lines(proc.stdout.decode())
    assert record["article"]["text"] == GOOD
    assert_valid(record)


@pytest.mark.skipif(not EXE.exists(), reason="the warledger script is not installed in this environment")
def test_real_process_reads_stdin_and_rejects_bad_published():
    proc = run_exe("extract", "-", stdin=GOOD.encode())
    assert proc.returncode == 0, proc.stderr
    assert_valid(json.loads(proc.stdout))
    proc = run_exe("extract", "-", "--published", "yesterday", stdin=GOOD.encode())
    assert proc.returncode == 2 and b"--published" in proc.stderr and proc.stdout == b""


# ---------------------------------------------------------------- help

def test_top_level_help_lists_every_command(cli_runner):
    result = cli_runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    for name in cli.commands:
        assert name in result.stdout


def test_version(cli_runner):
    result = cli_runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "version" in result.stdout


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_text(cli_runner, name):
    command = cli.commands[name]
    assert (command.help or "").strip(), f"command {name!r} has no docstring"
    assert command.get_short_help_str().strip()
    result = cli_runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert command.help.strip().splitlines()[0] in result.stdout
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert (param.help or "").strip(), f"option {param.opts} of {name!r} has no help"


def test_lone_surrogate_in_json_is_reported_not_a_crash(tmp_path, cli_runner):
    bad = write(tmp_path, "bad.jsonl", '{"text": "Drones \\ud800 over Kyiv"}\n{"text": "ok", "title": "\\udcff"}\n')
    good = write(tmp_path, "good.txt", GOOD)
    result = cli_runner.invoke(cli, ["extract", bad, good])
    assert result.exit_code == 1, result.exception
    assert f"{bad}:1: text is not valid Unicode" in result.stderr
    assert f"{bad}:2: title is not valid Unicode" in result.stderr
    assert json.loads(result.stdout)["article"]["text"] == GOOD


def test_extract_with_workers_gives_the_same_output_in_input_order(tmp_path, cli_runner):
    paths = [write(tmp_path, "a.txt", GOOD), write(tmp_path, "empty.txt", b""), write(tmp_path, "b.txt", GOOD2)]
    one = cli_runner.invoke(cli, ["extract", *paths, "--format", "jsonl"])
    two = cli_runner.invoke(cli, ["extract", *paths, "--format", "jsonl", "--workers", "2"])
    assert (one.exit_code, two.exit_code) == (1, 1)    # the empty file is reported, the others extracted
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) == 2
    assert [json.loads(line)["article"]["text"] for line in two.stdout.splitlines()] == [GOOD, GOOD2]


def test_a_dead_extraction_worker_is_a_clear_error(tmp_path, cli_runner, monkeypatch):
    class Dead:
        def result(self):
            raise extraction_pool.WorkerFailed("an extraction worker process died (test)")

    class DyingPool(extraction_pool.InProcess):
        def submit(self, article):
            return Dead()

    monkeypatch.setattr(warledger.cli, "extractor_for", lambda workers: DyingPool())
    result = cli_runner.invoke(cli, ["extract", write(tmp_path, "a.txt", GOOD), "--workers", "2"])
    assert result.exit_code == 1
    assert "W110" in result.stderr and "worker process died" in result.stderr
    assert "Traceback" not in result.output
