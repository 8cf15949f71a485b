"""The commands that take many outlets: ``batch`` (a row of figures each, or ``--matrix``) and ``memo``.

Registered on natodiff.cli's app, whose plumbing they share (``reads``,
``err``, the options). Parse, call the core (``batch.run``), render, exit: an
unreadable outlet is an error line and, after everything else is written,
exit status 2.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Optional

import typer

from natodiff.cli import (
    COLOR, DOCX_OUTPUT, FORCE, IGNORE_SHIFT, MEMO_AUTHOR, MEMO_MARKING, MEMO_TITLE, PAPER, QUIET, SOURCE_ARG,
    SOURCE_SPEAKER, THRESHOLD, Color, Paper, Reading, app, check_docx_output, emit, err, memo_data, options_of, reads,
    run_compare, run_date, styled, write_docx,
)
from natodiff.errors import ExitStatus, InputError, NatodiffError
from natodiff.model import Options, ShiftType
from natodiff.render import output as output_of

if TYPE_CHECKING:
    from natodiff.batch import Batch, Outcome

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


def compare_all(source: str, outlets: list[str], reading: Reading, options: Options, *, jobs: int, matrix: bool,
                labels: list[str | None], quiet: bool = False, color: Color = Color.auto) -> "Batch":
    """Every outlet compared with the source (``batch.run``); warnings, errors and progress on stderr.

    ``outlets`` are paths (globs expanded, repeats dropped: batch.labelled), ``labels`` one per path.
    """
    from natodiff import batch as batching
    from natodiff.render.batch import progress_bar

    if source == "-" and "-" in outlets:
        raise InputError("standard input can be read only once", name="-")
    s_name, s_text = reading.text(source, "source")
    todo = batching.read_all(outlets, reading.max_size)
    console = output_of.make_console(sys.stderr, color=styled(color, sys.stderr))
    with progress_bar(console, hidden=quiet or not sys.stderr.isatty()) as progress:
        return batching.run(todo, s_text, s_name, fmt=reading.formats["outlet"].value, options=options, workers=jobs,
                            fallback=reading.fallback, max_size=reading.max_size, matrix=matrix, labels=labels,
                            on_done=_told, progress=progress)


def _told(outcome: "Outcome") -> None:
    """An outlet's warnings and error, as soon as it is compared."""
    for warning in outcome.warnings:
        err(f"warning: {outcome.row.name}: {warning}")
    if outcome.row.error:
        err(f"error: {outcome.row.name}: {outcome.row.error}")


@app.command()
@reads(source="SOURCE", outlet="OUTLET")
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
    *,
    reading: Reading,
) -> None:
    """Compare SOURCE with many OUTLETs: one row per outlet, highest reuse first; --matrix: who carried what.

    An unreadable outlet gets an error line; the others still run and are
    written, and the exit status is then 2. Progress is shown on stderr when it is a terminal.

    Example: natodiff batch release.txt 'coverage/*.html' --jobs 4 --format csv > table.csv
    """
    from natodiff import batch as batching
    from natodiff.inputs import check_writable

    if format in (BatchFormat.markdown, BatchFormat.html) and not matrix:
        raise typer.BadParameter(f"{format.value} needs --matrix", param_hint="--format")
    if output is not None and not quiet:
        check_writable(output, force=force)  # before the comparisons, not after them
    paths, given = batching.labelled(outlets, label)
    done = compare_all(source, paths, reading, options_of(threshold, facts), jobs=jobs, matrix=matrix, labels=given,
                       quiet=quiet, color=color)
    rows = done.rows
    if not quiet:
        painted = styled(color) and output is None
        if done.matrix is not None:
            report = output_of.coverage_matrix(done.matrix, format.value, color=painted)
        else:
            report = output_of.batch_table(rows, format.value, done.source.name, color=painted,
                                            labels={p: g for p, g in zip(paths, given) if g})
        emit(report, output, force)
    if any(r.error for r in rows):
        raise typer.Exit(ExitStatus.ERROR)
    raise typer.Exit(ExitStatus.DIFFERENCES if exit_code and any(r.differences for r in rows) else ExitStatus.OK)


@app.command()
@reads(source="SOURCE", outlet="OUTLET")
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
    *,
    reading: Reading,
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

    expanded, given = batching.labelled(outlets, outlet_label)
    options = options_of(threshold, facts, ignore_shift, source_speaker)
    if len(expanded) == 1:
        check_docx_output(output)
        check_writable(output, force=force)  # before the comparison, not after it
        c = run_compare(source, expanded[0], reading, options)
        write_docx(memo_data(c, output, title=title, author=author, classification=classification, paper=paper,
                             labels=(source_label, given[0])), output, force)
        return
    from natodiff.render import memo_many

    check_docx_output(output)
    check_writable(output, force=force)  # before the comparisons, not after them
    done = compare_all(source, expanded, reading, options, jobs=jobs, matrix=True, labels=given)
    if not done.matrix.outlets:
        raise NatodiffError("no outlet could be read; no memo written")
    write_docx(memo_many.render(done.matrix, title=title, author=author, classification=classification,
                                paper=paper.value, created=run_date(None), source_label=source_label), output, force)
    if any(o.row.error for o in done.outcomes):
        raise typer.Exit(ExitStatus.ERROR)
