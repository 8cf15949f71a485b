"""One source against many outlets: a row of figures per outlet.

The pure part turns a Comparison into a Row and rows into a table, CSV or
JSON. The edges are kept apart and small: ``labelled`` (globs), ``read_all``
(standard input now, files where they are compared), and ``run`` (read,
decode, compare, in worker processes with ``workers`` > 1). An outlet that
cannot be read or decoded becomes a row with an ``error`` and the others
still run. With ``matrix`` each outlet is also boiled down to its
natodiff.coverage Column in the worker, so no Comparison outlives its outlet,
and ``run`` builds the coverage matrix from the columns in the same workers.
No terminal I/O: the caller shows progress through callbacks.
"""

from __future__ import annotations

import csv
import glob
import io
import os
from concurrent.futures import Executor, as_completed
from contextlib import nullcontext
from dataclasses import asdict, dataclass, fields, replace
from functools import partial
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from natodiff.errors import NatodiffError
from natodiff.model import Comparison, Document, Options, Side, Verdict
from natodiff import parallel

if TYPE_CHECKING:
    from natodiff.coverage import Column, Matrix

SCHEMA = "natodiff.batch/1"


@dataclass(frozen=True)
class Row:
    """The figures of one outlet; ``error`` set (and figures None) if it failed."""

    name: str
    reuse: float | None = None
    coverage: float | None = None
    shared: int | None = None
    reworded: int | None = None
    outlet_only: int | None = None
    source_only: int | None = None
    boilerplate: int | None = None
    altered_quotes: int | None = None
    unsourced_quotes: int | None = None
    differences: bool | None = None  # what --exit-code reports for this outlet
    error: str | None = None


COLUMNS = tuple(f.name for f in fields(Row))


def row(c: Comparison) -> Row:
    from natodiff.api import differences

    s = c.summary
    return Row(
        name=c.outlet.name,
        reuse=s.reuse,
        coverage=s.coverage,
        shared=s.shared,
        reworded=s.reworded,
        outlet_only=s.outlet_only,
        source_only=s.source_only,
        boilerplate=s.boilerplate,
        altered_quotes=sum(q.verdict is Verdict.ALTERED for q in c.quotes),
        unsourced_quotes=sum(q.verdict is Verdict.UNSOURCED for q in c.quotes),
        differences=bool(differences(c)),
    )


def sort_rows(rows: Iterable[Row]) -> list[Row]:
    """Highest reuse first, ties by name; failed outlets last, by name."""
    return sorted(rows, key=lambda r: (r.error is not None, -(r.reuse or 0.0), r.name))


# --- edges ------------------------------------------------------------------

_GLOB_CHARS = frozenset("*?[")


def labelled(patterns: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str | None]]:
    """(paths, a --label per path or None): labels pair with the outlets as given, before repeats are dropped.

    Paths as given; a pattern with * ? [ that names no file is globbed
    (sorted, so runs are repeatable). A pattern that matches nothing stays,
    to be reported as a missing file.

    A repeated outlet keeps its first label. Labels must be one per outlet
    (globs expanded), or none: a count that does not match is refused.
    """
    every = _expanded(patterns)
    if labels and len(labels) != len(every):
        raise NatodiffError(f"{len(labels)} label{'s' * (len(labels) != 1)} for {len(every)} outlet"
                            f"{'s' * (len(every) != 1)}: give one per outlet, in the order given")
    paired: dict[str, str | None] = {}
    for path, label in zip(every, labels or [None] * len(every)):
        paired.setdefault(path, label)
    return list(paired), list(paired.values())


def _expanded(patterns: Sequence[str]) -> list[str]:
    out: list[str] = []
    for p in patterns:
        if p != "-" and _GLOB_CHARS & set(p) and not os.path.lexists(p):
            matches = sorted(glob.glob(p, recursive=True))
            out.extend(m for m in matches if not os.path.isdir(m))
            if not matches:
                out.append(p)
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class Job:
    """One outlet to compare: its bytes, the path to read them from, or why they could not be read."""

    name: str
    data: bytes | None
    error: str | None = None
    path: str | None = None  # read where it is compared: the parent never holds every outlet at once


def read_all(paths: Sequence[str], max_bytes: int) -> list[Job]:
    """Standard input is read here (it can be read only once); files by whoever compares them."""
    from natodiff.inputs import read_input

    jobs = []
    for p in paths:
        if p != "-":
            jobs.append(Job(p, None, path=p))
            continue
        try:
            name, data = read_input(p, max_bytes=max_bytes)
        except NatodiffError as e:
            jobs.append(Job(p, None, e.problem))
        else:
            jobs.append(Job(name, data))
    return jobs


@dataclass(frozen=True)
class Outcome:
    row: Row
    warnings: tuple[str, ...] = ()
    column: "Column | None" = None  # with ``matrix``: what natodiff.coverage needs of the outlet


def analyse(job: Job, source: Document, fmt: str, options: Options,
            fallback: bool = True, max_size: int | None = None, matrix: bool = False) -> Outcome:
    """Read and decode one outlet and compare it with the source (runs in a worker)."""
    from natodiff.api import compare_documents, read_document
    from natodiff.inputs import DEFAULT_MAX_BYTES, read_input
    from natodiff.load import load

    try:
        limit = DEFAULT_MAX_BYTES if max_size is None else max_size
        data = read_input(job.path, max_bytes=limit)[1] if job.path is not None else job.data
        if data is None:
            return Outcome(Row(job.name, error=job.error))
        loaded = load(data, job.name, fmt, fallback=fallback, max_size=max_size)
    except NatodiffError as e:
        return Outcome(Row(job.name, error=e.problem))
    c = compare_documents(source, read_document(loaded.text, Side.OUTLET, job.name), options=options)
    if not matrix:
        return Outcome(row(c), loaded.warnings)
    from natodiff import coverage

    return Outcome(row(c), loaded.warnings, coverage.column(c, coverage.title_of(c.outlet)))


@dataclass(frozen=True)
class Batch:
    """One source against many outlets: an outcome per outlet, in the order given; with ``matrix``, who carried what."""

    source: Document
    outcomes: tuple[Outcome, ...]
    matrix: "Matrix | None" = None

    @property
    def rows(self) -> list[Row]:
        return sort_rows(o.row for o in self.outcomes)


# (stage, steps done, steps in all): "comparing" the outlets, then with a matrix "linking additions".
Progress = Callable[[str, int, int], None]


def run(
    jobs: Sequence[Job],
    source_text: str,
    source_name: str,
    *,
    fmt: str = "auto",
    options: Options = Options(),
    workers: int = 1,
    fallback: bool = True,
    max_size: int | None = None,
    matrix: bool = False,
    labels: Sequence[str | None] = (),
    on_done: Callable[[Outcome], None] | None = None,
    progress: Progress | None = None,
) -> Batch:
    """Compare every job with the source, in ``workers`` processes; with ``matrix`` also build the matrix there.

    The source is segmented once, here. ``on_done`` is called in this process
    as each outlet finishes (for its warnings and errors), ``progress`` as each
    step of a stage does. ``fallback``: decode non-UTF-8 outlets as
    Windows-1252 (as ``load``). ``labels``: a --label per job (None: not given).
    """
    from natodiff.api import read_document

    source = read_document(source_text, Side.SOURCE, source_name)
    step = progress or (lambda stage, done, total: None)
    task = partial(analyse, source=source, fmt=fmt, options=options, fallback=fallback, max_size=max_size,
                   matrix=matrix)
    # spawn, not fork: the caller may run threads (a progress bar does), and forking a threaded process can
    # deadlock (Python 3.12 warns about it).
    spread = workers > 1 and len(jobs) > 1
    with parallel.pool(min(workers, len(jobs)), "spawn", parallel.ignore_sigint) if spread else nullcontext() as pool:
        outcomes: list[Outcome | None] = [None] * len(jobs)
        step("comparing", 0, len(jobs))
        for done, (n, outcome) in enumerate(_as_finished(task, jobs, pool), 1):
            outcomes[n] = outcome
            if on_done:
                on_done(outcome)
            step("comparing", done, len(jobs))
        found = Batch(source, tuple(o for o in outcomes if o is not None))
        return replace(found, matrix=_matrix(found, labels, options, pool, step)) if matrix else found


def _as_finished(task: Callable[[Job], Outcome], jobs: Sequence[Job],
                 pool: Executor | None) -> Iterator[tuple[int, Outcome]]:
    """(position, outcome) of each job as it finishes."""
    if pool is None:
        yield from ((n, task(job)) for n, job in enumerate(jobs))
        return
    futures = {pool.submit(task, job): n for n, job in enumerate(jobs)}
    yield from ((futures[f], f.result()) for f in as_completed(futures))


def _matrix(found: Batch, labels: Sequence[str | None], options: Options, pool: Executor | None,
            step: Progress) -> "Matrix":
    """The coverage matrix of the outlets compared; the additions are linked in ``pool``."""
    from natodiff import coverage

    kept = [(o.column, labels[n] if n < len(labels) else None)
            for n, o in enumerate(found.outcomes) if o.column is not None]
    failed = [coverage.Failed(o.row.name, o.row.error or "") for o in found.outcomes if o.column is None]

    def counted(task, items):
        step("linking additions", 0, len(kept))
        for done, result in enumerate((pool.map if pool else map)(task, items), 1):
            step("linking additions", done, len(kept))
            yield result

    return coverage.build(found.source, [column for column, _ in kept], labels=[label for _, label in kept],
                          failed=failed, options=options, run=counted)


# --- output -----------------------------------------------------------------


def to_json(rows: Sequence[Row], source_name: str) -> str:
    data = {"schema": SCHEMA, "source": source_name, "outlets": [asdict(r) for r in rows]}
    from natodiff.render.json import dumps  # escapes lone surrogates from odd file names

    return dumps(data, indent=2) + "\n"


def to_csv(rows: Sequence[Row]) -> str:
    """RFC 4180 CSV (CRLF line ends, as the csv module writes); empty cells for None."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for r in rows:
        values = asdict(r)
        writer.writerow([_csv_value(values[k]) for k in COLUMNS])
    return buffer.getvalue()


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
