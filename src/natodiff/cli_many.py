"""The commands that take many outlets: ``batch`` (a row of figures each, or ``--matrix``) and ``memo``.

Registered on natodiff.cli's app, whose plumbing they share (guard, err,
options). Parse, call the core, render, exit: an unreadable outlet is an
error line and, after everything else is written, exit status 2.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Optional

import typer

from natodiff.cli import (
    COLOR, DEBUG, DOCX_OUTPUT, FORCE, IGNORE_SHIFT, MAX_SIZE, MEMO_AUTHOR, MEMO_MARKING, MEMO_TITLE, OUTLET_FORMAT,
    PAPER, QUIET, SOURCE_ARG, SOURCE_FORMAT, SOURCE_SPEAKER, STRICT_ENCODING, THRESHOLD, Color, InputFormat, Paper,
    _size, app, check_docx_output, emit, err, guard, memo_data, read_text, run_compare, run_date, styled, write_docx,
)
from natodiff.errors import ExitStatus, InputError, NatodiffError
from natodiff.model import Options, ShiftType
from natodiff.render import output as output_of

if TYPE_CHECKING:
    from natodiff.batch import Outcome
    from natodiff.coverage import Matrix

OUTLETS_ARG = typer.Argument(..., help="Outlet texts: paths, - for stdin, or globs like 'news/*.html'.",
                             show_default=False)
LABELS = typer.Option([], "--label", help="A short name for each outlet, in the order given (repeatable; "
                      "default: its headline, else its file name).")
JOBS = typer.Option(1, "--jobs", "-j", min=1, help="Compare in this many processes.")


class BatchFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"


def compare_all(source: str, outlets: list[str], *, source_format, outlet_format, size: int, strict: bool,
                options: Options, jobs: int, color, quiet: bool, matrix: bool,
                labels: list[str | None] = ()) -> tuple[str, list["Outcome"], "Matrix | None"]:
    """(source name, an outcome per outlet, with ``matrix`` the coverage matrix); progress on a terminal's stderr.

    ``outlets`` are paths (globs expanded, repeats dropped: batch.labelled), ``labels`` one per path.

    The matrix's compares of additions run in the pool the outlets were compared in.
    """
    from natodiff import batch as batching
    from natodiff.render.batch import progress_bar

    if source == "-" and "-" in outlets:
        raise InputError("standard input can be read only once", name="-")
    s_name, s_text = read_text(source, source_format, size, fallback=not strict)
    todo = batching.read_all(outlets, size)
    bar = output_of.make_console(sys.stderr, color=styled(color, sys.stderr))
    with batching.processes(jobs, len(todo)) as pool:
        with progress_bar(bar, len(todo), hidden=quiet or not sys.stderr.isatty()) as (progress, task):

            def done(outcome: "batching.Outcome") -> None:
                for warning in outcome.warnings:
                    err(f"warning: {outcome.row.name}: {warning}")
                if outcome.row.error:
                    err(f"error: {outcome.row.name}: {outcome.row.error}")
                progress.advance(task)

            outcomes = batching.run(todo, s_text, s_name, fmt=outlet_format.value, options=options, on_done=done,
                                    fallback=not strict, max_size=size, matrix=matrix, pool=pool)
            if not matrix:
                return s_name, outcomes, None
            linking = progress.add_task("linking additions", total=sum(o.column is not None for o in outcomes))

            def counted(task, items):
                for result in (pool.map if pool else map)(task, items):
                    progress.advance(linking)
                    yield result

            return s_name, outcomes, matrix_of(s_name, s_text, outcomes, labels, options, counted)


def matrix_of(s_name: str, s_text: str, outcomes: list["Outcome"], labels: list[str | None], options: Options,
              run_all=map) -> "Matrix":
    """The coverage matrix of the outlets compared; ``labels`` are given per outlet, failed ones too."""
    from natodiff import coverage
    from natodiff.api import read_document
    from natodiff.model import Side

    kept = [(o, labels[n] if n < len(labels) else None) for n, o in enumerate(outcomes) if o.column is not None]
    failed = [coverage.Failed(o.row.name, o.row.error or "") for o in outcomes if o.column is None]
    return coverage.build(read_document(s_text, Side.SOURCE, s_name), [o.column for o, _ in kept],
                          labels=[label for _, label in kept], failed=failed, options=options, run=run_all)


@app.command()
def batch(
    source: str = SOURCE_ARG,
    outlets: list[str] = OUTLETS_ARG,
    format: BatchFormat = typer.Option(BatchFormat.text, "--format", "-f",
                                       help="Table format (markdown and html with --matrix)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the table to this file."),
    force: bool = FORCE,
    matrix: bool = typer.Option(False, "--matrix", help="Who carried what: a row per source claim, a column per "
                                "outlet, then the additions several outlets share."),
    label: list[str] = LABELS,
    jobs: int = JOBS,
    threshold: float = THRESHOLD,
    facts: bool = typer.Option(True, "--facts/--no-facts", help="Check facts and quotations (quotation columns; "
                               "conflicts in the matrix)."),
    color: Color = COLOR,
    quiet: bool = QUIET,
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when any outlet has differences (as compare --exit-code)."),
    source_format: InputFormat = SOURCE_FORMAT,
    outlet_format: InputFormat = OUTLET_FORMAT,
    max_size: str = MAX_SIZE,
    strict_encoding: bool = STRICT_ENCODING,
    debug: bool = DEBUG,
) -> None:
    """Compare SOURCE with many OUTLETs: one row per outlet, highest reuse first; --matrix: who carried what.

    An unreadable outlet gets an error line; the others still run and are
    written, and the exit status is then 2. Progress is shown on stderr when it is a terminal.

    Example: natodiff batch release.txt 'coverage/*.html' --jobs 4 --format csv > table.csv
    """
    from natodiff import batch as batching

    from natodiff.inputs import check_writable

    with guard(debug):
        if format in (BatchFormat.markdown, BatchFormat.html) and not matrix:
            raise typer.BadParameter(f"{format.value} needs --matrix", param_hint="--format")
        if output is not None and not quiet:
            check_writable(output, force=force)  # before the comparisons, not after them
        paths, given = batching.labelled(outlets, label)
        options = Options(threshold=threshold, facts=facts)
        s_name, outcomes, m = compare_all(
            source, paths, source_format=source_format, outlet_format=outlet_format, size=_size(max_size),
            strict=strict_encoding, options=options, jobs=jobs, color=color, quiet=quiet, matrix=matrix, labels=given)
        rows = batching.sort_rows(o.row for o in outcomes)
        if not quiet:
            painted = styled(color) and output is None
            if m is not None:
                report = output_of.coverage_matrix(m, format.value, color=painted)
            else:
                report = output_of.batch_table(rows, format.value, s_name, color=painted,
                                                labels={p: g for p, g in zip(paths, given) if g})
            emit(report, output, force)
    if any(r.error for r in rows):
        raise typer.Exit(ExitStatus.ERROR)
    raise typer.Exit(ExitStatus.DIFFERENCES if exit_code and any(r.differences for r in rows) else ExitStatus.OK)


@app.command()
def memo(
    source: str = SOURCE_ARG,
    outlets: list[str] = typer.Argument(..., help="The outlet's text (path, or - for stdin); several outlets "
                                        "(paths or globs) make one memo for all of them.", show_default=False),
    output: str = DOCX_OUTPUT,
    force: bool = FORCE,
    title: Optional[str] = MEMO_TITLE,
    author: Optional[str] = MEMO_AUTHOR,
    classification: Optional[str] = MEMO_MARKING,
    paper: Paper = PAPER,
    source_label: Optional[str] = typer.Option(
        None, "--source-label", help="What the memo calls the source (default: its title, else its file name)."),
    outlet_label: list[str] = typer.Option(
        [], "--outlet-label", help="What the memo calls the outlet (default: its title, else its file name); "
        "repeat it for several outlets, in the order given."),
    jobs: int = JOBS,
    threshold: float = THRESHOLD,
    facts: bool = typer.Option(True, "--facts/--no-facts", help="Facts table and quotations check."),
    ignore_shift: list[ShiftType] = IGNORE_SHIFT,
    source_speaker: Optional[str] = SOURCE_SPEAKER,
    source_format: InputFormat = SOURCE_FORMAT,
    outlet_format: InputFormat = OUTLET_FORMAT,
    max_size: str = MAX_SIZE,
    strict_encoding: bool = STRICT_ENCODING,
    debug: bool = DEBUG,
) -> None:
    """Write a briefing memo (.docx): bottom line, combined facts, additions, omissions, quotations, alignment.

    With several outlets, one memo for all: what every outlet carried and
    dropped, what several added, the coverage matrix, then a short section
    per outlet. An unreadable outlet is left out with an error line, and the
    exit status is then 2.

    Example: natodiff memo release.txt story.html -o memo.docx --classification UNCLASSIFIED
    """
    from natodiff import batch as batching
    from natodiff.inputs import check_writable

    with guard(debug):
        size = _size(max_size)
        expanded, given = batching.labelled(outlets, outlet_label)
        if len(expanded) == 1:
            c = run_compare(source, expanded[0], source_format=source_format, outlet_format=outlet_format,
                            max_size=size, threshold=threshold, facts=facts, fallback=not strict_encoding,
                            ignore_shifts=ignore_shift, source_speaker=source_speaker)
            labels = (source_label, given[0])
            write_docx(memo_data(c, output, title=title, author=author, classification=classification, paper=paper,
                                 labels=labels), output, force)
            return
        from natodiff.render import memo_many

        check_docx_output(output)
        check_writable(output, force=force)  # before the comparisons, not after them
        options = Options(threshold=threshold, facts=facts, ignore_shifts=frozenset(str(t) for t in ignore_shift),
                          source_speaker=source_speaker)
        _, outcomes, m = compare_all(
            source, expanded, source_format=source_format, outlet_format=outlet_format, size=size,
            strict=strict_encoding, options=options, jobs=jobs, color=Color.auto, quiet=False, matrix=True,
            labels=given)
        if not m.outlets:
            raise NatodiffError("no outlet could be read; no memo written")
        write_docx(memo_many.render(m, title=title, author=author, classification=classification, paper=paper.value,
                                    created=run_date(None), source_label=source_label), output, force)
    if any(o.row.error for o in outcomes):
        raise typer.Exit(ExitStatus.ERROR)
