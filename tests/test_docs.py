"""The README is a contract: its commands, options and schema must be the real ones."""

from __future__ import annotations

import json
import re
import shlex

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SAMPLES
from natodiff.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def section(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert m, f"README has no '## {title}' section"
    return m.group(1)


def quick_start() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", section("Quick start"), re.S)


def test_quick_start_is_two_one_line_commands() -> None:
    commands = quick_start()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)


def test_ci_runs_the_readme_test_command() -> None:
    test_command = quick_start()[1]
    assert "pytest" in test_command
    assert test_command in CI.splitlines()


def test_the_readme_run_command_names_the_bundled_samples() -> None:
    words = shlex.split(quick_start()[0].split("&&")[-1])
    assert words[:2] == [".venv/bin/natodiff", "compare"]
    assert all((ROOT / p).is_file() for p in words[2:])
    assert {(ROOT / p).parent for p in words[2:]} == {SAMPLES}


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    return result.output


def test_every_command_is_documented() -> None:
    commands = re.findall(r"^\s+(\w+)\s{2,}", _help().split("Commands:")[1], re.M)
    assert {"compare", "memo", "redline", "batch", "facts"} <= set(commands)
    for name in commands:
        assert f"`natodiff {name} " in README, name


def test_every_compare_option_is_documented() -> None:
    options = set(re.findall(r"(--[a-z][a-z-]+)", _help("compare"))) - {"--help", "--no-facts"}
    missing = {o for o in options if o not in README}
    assert not missing


def _schema_keys(block: str, opener: str) -> set[str]:
    """Keys of the object that starts at ``opener`` in the README's schema block, one level deep."""
    start = block.index(opener) + len(opener)
    depth, keys, i = 1, set(), start
    while depth:
        ch = block[i]
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
        elif ch == '"' and depth == 1:
            end = block.index('"', i + 1)
            if block[end + 1] == ":":
                keys.add(block[i + 1 : end])
            i = end
        i += 1
    return keys


@pytest.fixture(scope="module")
def schema_block() -> str:
    return re.search(r"```\n(\{\"schema\".*?)```", section("JSON schema"), re.S).group(1)


@pytest.fixture(scope="module")
def emitted() -> dict:
    source, outlet = SAMPLES / "nato-press-release-2024-02-15.txt", SAMPLES / "outlet-report-2024-02-15.txt"
    result = CliRunner().invoke(app, ["compare", str(source), str(outlet), "--format", "json", "--explain"])
    return json.loads(result.stdout)


def test_schema_name(schema_block: str, emitted: dict) -> None:
    assert f'"schema": "{emitted["schema"]}"' in schema_block


@pytest.mark.parametrize(
    "opener, pick",
    [
        ("{", lambda d: d),
        ('"source": {', lambda d: d["source"]),
        ('"summary": {', lambda d: d["summary"]),
        ('"lead": {', lambda d: d["summary"]["lead"]),
        ('"alignments": [\n   {', lambda d: d["alignments"][0]),
        ('"links": [{', lambda d: next(a for a in d["alignments"] if a["links"])["links"][0]),
        ('"facts":  [{', lambda d: d["facts"][0]),
        ('"quotes": [{', lambda d: d["quotes"][0]),
        ('"claims": [{', lambda d: d["claims"][0]),
        ("Sentence = {", lambda d: d["alignments"][0]["outlet"][0]),
    ],
)
def test_documented_keys_are_the_emitted_keys(schema_block: str, emitted: dict, opener: str, pick) -> None:
    assert _schema_keys(schema_block, opener) == set(pick(emitted))


def test_documented_exit_statuses_match_the_help() -> None:
    table = section("Exit status")
    for status in ("0", "1", "2", "130, 143"):
        assert f"| {status} |" in table
    assert "130/143" in _help()


def test_the_readme_sample_report_is_the_real_one(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # the report names the files as the README's command does
    block = re.search(r"On the samples \(trimmed.*?```\n(.*?)```", README, re.S).group(1)
    source, outlet = SAMPLES / "nato-press-release-2024-02-15.txt", SAMPLES / "outlet-report-2024-02-15.txt"
    result = CliRunner().invoke(
        app, ["compare", str(source.relative_to(ROOT)), str(outlet.relative_to(ROOT)), "--color", "never"],
        env={"COLUMNS": "100"},
    )
    shown = [ln for ln in block.splitlines() if ln.strip() not in ("", "…") and not ln.startswith(("facts ", "quotations "))]
    assert shown and [ln for ln in shown if ln not in result.stdout] == []


def test_performance_is_a_summary_that_points_to_the_bench_readme() -> None:
    lines = [line for line in section("Performance").splitlines() if line.strip()]
    assert len(lines) <= 3 and "bench/README.md" in lines[-1]
    bench = (ROOT / "bench" / "README.md").read_text()
    assert bench.index("## Running the scripts") < bench.index("## Latest figures") < bench.index("## History")


def test_the_library_example_runs() -> None:
    """The README's "Use as a library" block is a doctest: its output is what compare() gives."""
    import doctest

    block = re.search(r"```python\n(.*?)```", section("Use as a library"), re.S).group(1)
    test = doctest.DocTestParser().get_doctest(block, {}, "README: Use as a library", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert len(test.examples) >= 5


def test_docstring_examples_run() -> None:
    import doctest

    import natodiff.api
    import natodiff.render

    for module in (natodiff.api, natodiff.render):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__
