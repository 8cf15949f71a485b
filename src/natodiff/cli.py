"""The command line: parse options, call the core, render, exit.

The only module that prints to the terminal or exits. Every user error is
a NatodiffError caught in ``guard``: one line on stderr, exit status 2.
"""

from __future__ import annotations

import functools
import gc
import inspect
import os
import signal
import sys
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Optional

import typer

from natodiff import __version__
from natodiff.errors import ExitStatus, InputError, NatodiffError
from natodiff.model import Options, ShiftType
from natodiff.render import output as output_of

if TYPE_CHECKING:
    from natodiff.inputs import Data
    from natodiff.model import Comparison

class _Group(typer.core.TyperGroup):
    """Usage errors as one line, like every other error: ``natodiff: error: ...``."""

    def make_context(self, info_name, args, parent=None, **extra):
        with _usage_in_one_line():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx):
        with _usage_in_one_line():
            return super().invoke(ctx)


@contextmanager
def _usage_in_one_line() -> Iterator[None]:
    try:
        yield
    except _UsageError as e:
        if type(e).__name__ == "NoArgsIsHelpError":  # bare "natodiff": the help, as asked
            raise
        message = e.format_message().replace("Value error, ", "").rstrip(".")
        hint = f" (see '{e.ctx.command_path} --help')" if e.ctx is not None else ""
        err(f"error: {message}{hint}")
        raise typer.Exit(ExitStatus.ERROR) from None


app = typer.Typer(  # no help=: it would hide main_callback's docstring (examples, exit status)
    name="natodiff",
    cls=_Group,
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Order(str, Enum):
    outlet = "outlet"
    source = "source"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"
    docx = "docx"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"natodiff {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """diff for news coverage: what an outlet kept, reworded, added and left out of its source.

    \b
    Examples:
      natodiff compare release.txt story.html
      curl -s URL | natodiff compare release.txt - --format json | jq .summary
      natodiff compare release.txt story.docx --format html -o report.html
      natodiff batch release.txt 'coverage/*' --format csv > table.csv
      natodiff batch release.txt 'coverage/*' --matrix --format html -o matrix.html
      natodiff memo release.txt story.txt -o memo.docx
      natodiff facts release.txt --format json | jq '.quotes[].speaker'

    \b
    Exit status:
      0  done
      1  differences found: outlet-only content, an altered, unsourced or
         misattributed quotation, a conflicting figure, or a meaning shift
         (only with --exit-code, like git diff --exit-code)
      2  error: bad arguments, unreadable input (batch, and memo with several
         outlets: any unreadable outlet, after the rest is written)
      130/143  interrupted
    """


# --- shared plumbing -------------------------------------------------------


def err(message: str) -> None:
    """One line on stderr; a file name's newlines and escapes are shown, not obeyed."""
    from natodiff.render import visible

    if sys.stderr is None:  # started with stderr closed (2>&-): the exit status must say it
        return
    try:
        sys.stderr.write(f"natodiff: {visible(message)}\n")
    except OSError:
        pass


try:  # typer >= 0.20 vendors click
    from typer._click.exceptions import ClickException as _ClickException
    from typer._click.exceptions import UsageError as _UsageError
except ImportError:  # older typer raises click's own
    from click import ClickException as _ClickException
    from click import UsageError as _UsageError

# Exceptions click reports itself: usage errors (exit 2) and deliberate exits.
_CLICK_OWN: tuple[type[BaseException], ...] = (typer.Exit, typer.Abort, _ClickException)


@contextmanager
def guard(debug: bool) -> Iterator[None]:
    """One error funnel: a one-line message, or with --debug the traceback; the same exit status."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    except NatodiffError as e:
        _report(debug, f"error: {e}")
        raise typer.Exit(ExitStatus.ERROR) from None
    except KeyboardInterrupt:
        _report(debug, None)
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    except BrokenPipeError:
        # The reader (head, less) has gone: stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(ExitStatus.OK) from None
    except _CLICK_OWN:
        raise  # usage errors (exit 2) and deliberate exits are click's to report
    except Exception as e:
        # A bug. Exit 2, never 1: with --exit-code, 1 means "differences found".
        _report(debug, f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)")
        raise typer.Exit(ExitStatus.ERROR) from None


def _report(debug: bool, message: str | None) -> None:
    """The one-line message, or with --debug the whole traceback of the exception being handled."""
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
    elif message:
        err(message)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(ExitStatus.TERMINATED)


def styled(color: Color, stream=None) -> bool:
    """Colour on a TTY unless NO_COLOR is set; --color overrides both."""
    if color is Color.always:
        return True
    if color is Color.never or os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


# What ``reads`` gives every command besides an input format per input, by parameter name.
READING = {
    "max_size": typer.Option("50M", "--max-size", help="Refuse inputs larger than this (e.g. 50M, 2G).",
                             envvar="NATODIFF_MAX_SIZE"),
    "strict_encoding": typer.Option(False, "--strict-encoding", help="Refuse an input that is not valid UTF-8 (by "
                                    "default it is read as Windows-1252, with a warning)."),
    "debug": typer.Option(False, "--debug", help="Show the traceback instead of a one-line error (same exit status)."),
}


class Reading(NamedTuple):  # not a dataclass: cheaper to define, and every command defines it at start-up
    """How a command reads its inputs: the options ``reads`` gives it, parsed."""

    formats: dict[str, InputFormat]  # by input: "source" and "outlet", or "input"
    max_size: int
    fallback: bool  # not --strict-encoding: a text that is not UTF-8 is read as Windows-1252

    def text(self, arg: str, name: str) -> tuple[str, str]:
        """(display name, text) of the input ``name`` given as ``arg``; warnings go to stderr."""
        from natodiff.inputs import read_input
        from natodiff.load import load

        shown, data = read_input(arg, max_bytes=self.max_size)
        loaded = load(data, shown, self.formats[name].value, fallback=self.fallback, max_size=self.max_size)
        for warning in loaded.warnings:
            err(f"warning: {shown}: {warning}")
        return shown, loaded.text


def reads(**inputs: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The options of a command reading ``inputs`` (name=METAVAR), defined once for every command.

    The command declares ``reading: Reading`` last. In its place the command
    line takes a ``--NAME-format`` per input, ``--max-size``,
    ``--strict-encoding`` and ``--debug``; the command runs inside ``guard``.
    """
    by_input = {f"{name}_format": typer.Option(InputFormat.auto, f"--{name}-format", help=f"How to read {metavar}.")
                for name, metavar in inputs.items()}
    shared = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=option,
                                annotation=type(option.default)) for name, option in {**by_input, **READING}.items()]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command, eval_str=True)
        params = [p for p in signature.parameters.values() if p.name != "reading"] + shared

        @functools.wraps(command)
        def run(**given) -> None:
            with guard(given.pop("debug")):
                formats = {name: given.pop(f"{name}_format") for name in inputs}
                reading = Reading(formats, _size(given.pop("max_size")), fallback=not given.pop("strict_encoding"))
                command(**given, reading=reading)

        run.__signature__ = signature.replace(parameters=params)  # what typer reads the options from
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run

    return decorate


def options_of(threshold: float, facts: bool, ignore_shift: Iterable[ShiftType] = (),
               source_speaker: str | None = None) -> Options:
    return Options(threshold=threshold, facts=facts, ignore_shifts=frozenset(str(t) for t in ignore_shift),
                   source_speaker=source_speaker)


def run_compare(source: str, outlet: str, reading: Reading, options: Options) -> "Comparison":
    from natodiff.api import compare
    from natodiff.parallel import facts_beside

    if source == "-" and outlet == "-":
        raise InputError("standard input can be read only once", name="-")
    s_name, s_text = reading.text(source, "source")
    o_name, o_text = reading.text(outlet, "outlet")
    with facts_beside(len(s_text) + len(o_text), options.facts) as executor:
        return compare(s_text, o_text, options=options, source_name=s_name, outlet_name=o_name, executor=executor)


def exit_status(c: "Comparison", exit_code: bool) -> ExitStatus:
    """1 with --exit-code when api.differences() finds any."""
    from natodiff.api import differences

    return ExitStatus.DIFFERENCES if exit_code and differences(c) else ExitStatus.OK


def _size(value: str) -> int:
    """Parse --max-size: bytes, or with a K/M/G suffix."""
    from natodiff.inputs import parse_size

    try:
        return parse_size(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--max-size") from None


def _finite(value: float) -> float:
    if value != value:  # nan passes click's range check: every comparison with it is false
        raise typer.BadParameter("not a number: nan", param_hint="--threshold")
    return value


# --- options shared by commands ---------------------------------------------

SOURCE_ARG = typer.Argument(..., help="The source text (path, or - for stdin).", show_default=False)
OUTLET_ARG = typer.Argument(..., help="The outlet's text (path, or - for stdin).", show_default=False)
THRESHOLD = typer.Option(Options().threshold, "--threshold", min=0.05, max=1.0, callback=_finite,
                         help="Link cut-off on the combined similarity score (0-1).")
FORCE = typer.Option(False, "--force", help="Overwrite an existing output file.")
COLOR = typer.Option(Color.auto, "--color", help="Colour: auto (on a terminal), always, never.")
QUIET = typer.Option(False, "--quiet", "-q", help="Print nothing; report by exit status.")
MEMO_TITLE = typer.Option(None, "--title", help="Memo title (default: the source's headline).")
MEMO_AUTHOR = typer.Option(None, "--author", help="Memo author, shown and set in the document properties.")
MEMO_MARKING = typer.Option(None, "--classification",
                            help="Marking line printed in the memo's header and footer, e.g. UNCLASSIFIED.")
IGNORE_SHIFT = typer.Option([], "--ignore-shift", help="Leave this meaning-shift type out of the report and "
                            "the exit code (repeatable).")
SOURCE_SPEAKER = typer.Option(None, "--source-speaker", help="Who issued the source (e.g. NATO): its words "
                              "quoted as theirs are statement text, not misattributed.")


@app.command()
@reads(source="SOURCE", outlet="OUTLET")
def compare(
    source: str = SOURCE_ARG,
    outlet: str = OUTLET_ARG,
    format: Format = typer.Option(Format.text, "--format", "-f", help="Report format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    force: bool = FORCE,
    order: Order = typer.Option(Order.outlet, "--order", help="Reading order of the report."),
    threshold: float = THRESHOLD,
    facts: bool = typer.Option(True, "--facts/--no-facts", help="Facts and quotations check."),
    explain: bool = typer.Option(False, "--explain", help="Show why each link was made (score parts)."),
    color: Color = COLOR,
    quiet: bool = QUIET,
    exit_code: bool = typer.Option(
        False, "--exit-code",
        help="Exit 1 on outlet-only content, an altered or misattributed quote, a conflicting figure or a "
             "meaning shift."),
    ignore_shift: list[ShiftType] = IGNORE_SHIFT,
    source_speaker: Optional[str] = SOURCE_SPEAKER,
    memo: Optional[str] = typer.Option(None, "--memo", help="Also write the briefing memo (.docx) to this file."),
    title: Optional[str] = MEMO_TITLE,
    author: Optional[str] = MEMO_AUTHOR,
    classification: Optional[str] = MEMO_MARKING,
    *,
    reading: Reading,
) -> None:
    """Align OUTLET against SOURCE and report what was kept, reworded, added and left out.

    Example: natodiff compare release.txt story.txt --format json | jq .summary
    """
    from natodiff.inputs import check_writable

    for path in ([memo] if memo is not None else []) + ([output] if output is not None and not quiet else []):
        check_writable(path, force=force)  # before the comparison, not after it
    c = run_compare(source, outlet, reading, options_of(threshold, facts, ignore_shift, source_speaker))
    outputs: list[tuple[str, Data]] = []
    if memo is not None:
        if memo == "-" and not quiet and output in (None, "-"):
            raise NatodiffError("--memo - would mix the memo into the report on stdout (add -o FILE or -q)")
        if output is not None and not quiet:
            from natodiff.inputs import check_distinct

            check_distinct(memo, output)
        outputs.append((memo, memo_data(c, memo, title=title, author=author, classification=classification)))
    if not quiet:
        report = output_of.report_pieces(c, format.value, order=order.value, facts=facts, explain=explain,
                                         color=styled(color) and output is None)
        outputs.append((output or "-", (piece.encode("utf-8") for piece in report)))  # written as made
    from natodiff.inputs import atomic_write_all

    atomic_write_all(outputs, force=force)  # the memo and the report: both written, or neither
    raise typer.Exit(exit_status(c, exit_code))


def emit(report: str, output: str | None, force: bool) -> None:
    """The report to ``output`` or stdout, in UTF-8 as ``compare`` writes it, whatever the locale."""
    from natodiff.inputs import atomic_write_text

    atomic_write_text(output or "-", report, force=force)


# --- one text: facts -----------------------------------------------------------


class FactsFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("facts")
@reads(input="FILE")
def facts_command(
    file: str = typer.Argument(..., help="The text (path, or - for stdin).", show_default=False),
    format: FactsFormat = typer.Option(FactsFormat.text, "--format", "-f", help="Listing format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the listing to this file."),
    force: bool = FORCE,
    color: Color = COLOR,
    *,
    reading: Reading,
) -> None:
    """List one text's facts (figures, dates, names) and quotations with their speakers.

    Example: natodiff facts release.txt --format json | jq '.facts[].text'
    """
    from natodiff.api import list_facts

    name, text = reading.text(file, "input")
    doc, found, quoted = list_facts(text, name)
    emit(output_of.facts_listing(doc, found, quoted, format.value, color=styled(color) and output is None),
         output, force)


# --- Word documents: memo and redline ----------------------------------------


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


PAPER = typer.Option(Paper.a4, "--paper", help="Page size of the Word document.")
DOCX_OUTPUT = typer.Option(..., "--output", "-o", help="Write the .docx here (- for stdout, to pipe it).",
                           show_default=False)


def run_date(value: str | None):
    """--date as an aware datetime; else $SOURCE_DATE_EPOCH; else now (UTC, whole seconds)."""
    from datetime import datetime, timezone

    if value:
        try:
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            raise typer.BadParameter(f"not an ISO date: {value!r} (try 2024-02-16 or 2024-02-16T09:30:00Z)",
                                     param_hint="--date") from None
        return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):  # past the year 9999
            raise InputError(f"not a time this system can show: {epoch}", name="SOURCE_DATE_EPOCH") from None
    return datetime.now(timezone.utc).replace(microsecond=0)


def check_docx_output(output: str) -> None:
    from natodiff.errors import OutputError

    if output == "-" and sys.stdout is not None and sys.stdout.isatty():
        raise OutputError("refusing to write a .docx to the terminal (redirect or pipe it, or use -o FILE)",
                          name="-")


def write_docx(data: bytes, output: str, force: bool) -> None:
    from natodiff.inputs import atomic_write

    check_docx_output(output)
    atomic_write(output, data, force=force)


def memo_data(c: "Comparison", output: str, *, title: str | None, author: str | None,
              classification: str | None, paper: "Paper" = Paper.a4, labels: tuple = (None, None)) -> bytes:
    from natodiff.render import memo as render_memo

    check_docx_output(output)
    return render_memo.render(c, title=title, author=author, classification=classification,
                              paper=paper.value, created=run_date(None),
                              source_label=labels[0], outlet_label=labels[1])


@app.command()
@reads(source="SOURCE", outlet="OUTLET")
def redline(
    source: str = SOURCE_ARG,
    outlet: str = OUTLET_ARG,
    output: str = DOCX_OUTPUT,
    force: bool = FORCE,
    static: bool = typer.Option(False, "--static",
                                help="Visible formatting instead of tracked changes (survives PDF export)."),
    date: Optional[str] = typer.Option(None, "--date",
                                       help="Date of every revision, ISO (default: now, or $SOURCE_DATE_EPOCH)."),
    paper: Paper = PAPER,
    threshold: float = THRESHOLD,
    *,
    reading: Reading,
) -> None:
    """Write OUTLET as a Word document with tracked changes against SOURCE.

    Accept all changes and you have the outlet's text; reject all and you have
    the source's. Revisions are by "natodiff", all at one date.

    Example: natodiff redline release.txt story.html -o redline.docx
    """
    from natodiff.inputs import check_writable

    when = run_date(date)
    check_docx_output(output)
    check_writable(output, force=force)  # before the comparison, not after it
    c = run_compare(source, outlet, reading, options_of(threshold, facts=False))
    from natodiff.render import redline as render_redline

    write_docx(render_redline.render(c, date=when, static=static, paper=paper.value), output, force)


from natodiff import cli_many  # noqa: E402,F401  (registers batch and memo on app)


def main() -> None:
    # A comparison builds millions of small tuples that live until it ends; at the default
    # young-generation threshold (700) the collector re-walks them about 20 % of a 1 MB run.
    # Cycles are still collected, only less often (bench/versus.py: 1 MB 10.7 -> 9.0 s).
    gc.set_threshold(50_000, 20, 20)
    try:
        app(prog_name="natodiff")
    finally:
        # What is still alive lives until the process ends: frozen, the collector leaves it to the OS
        # instead of walking every object once more on the way out. Every file is closed by now; exit
        # handlers still run and the standard streams are flushed as before.
        gc.freeze()
