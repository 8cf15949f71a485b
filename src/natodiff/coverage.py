"""One source, many outlets: which source claims each outlet carried, and what several added.

A row is a source sentence outside page furniture. Each comparison groups the
source's sentences into claims its own way (an outlet may merge two), so the
sentence is the unit every outlet shares; a claim spanning two sentences
marks both rows alike. Each outlet is first boiled down to a ``Column`` (in
the worker that compared it, so a Comparison never outlives its outlet);
``build`` lays the columns side by side and links the outlets' additions
across outlets by aligning them with ``api.compare``, outlet against outlet.

Pure: no files, printing, clock or randomness.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from enum import StrEnum

from natodiff.api import compare
from natodiff.model import Alignment, Claim, Comparison, Document, Kind, Op, Options, Provenance, ShiftType

Runner = Callable[..., Iterable]  # the built-in map, or a pool's: runs the additions' compares

SCHEMA = "natodiff.coverage/1"


class Mark(StrEnum):
    """What one outlet did with one source claim; the values are the marks printed and put in JSON."""

    VERBATIM = "="
    REWORDED = "~"
    LEFT_OUT = "·"
    FLAGGED = "!"


# Additions have no shared story around them, so a cluster needs a closer link than a source and
# its outlet: on hand-written pairs, paraphrases score 0.59-0.99 and near misses (same place, other
# fact) up to 0.42; generated outlets (bench/many.py) join unrelated sentences at 0.40-0.55.
# Pinned by tests/test_coverage.py::test_paraphrased_additions_cluster_and_near_misses_do_not.
CLUSTER_FLOOR = 0.5

# The claim flags that make a carried claim "!": the outlet carried it but changed what it says.
PROBLEMS = frozenset({
    "conflict", "altered_quotation", "misattributed_quotation", "unsourced_quotation",
    "negation_dropped", "negation_added", "meaning_shift",
})


@dataclass(frozen=True, slots=True)
class Cell:
    """One outlet's treatment of one source claim, with the outlet's words for a hover or a memo."""

    mark: Mark
    outlet: tuple[int, ...] = ()  # Sentence.index in the outlet
    text: str | None = None  # the outlet's sentences, as it wrote them
    similarity: float | None = None
    flags: tuple[str, ...] = ()  # natodiff.claims.FLAGS of the claim it is in
    variant: str | None = None  # the claim's outlet_variant: how the outlet's version differs


LEFT_OUT = Cell(Mark.LEFT_OUT)


@dataclass(frozen=True, slots=True)
class Addition:
    """One outlet-only claim of one outlet."""

    outlet: tuple[int, ...]  # Sentence.index in the outlet
    text: str
    facts: tuple[str, ...]  # the labels of the facts it holds: figures, names, places
    flags: tuple[str, ...]
    place: str | None
    heading: bool = False  # a headline or subheading: the outlet's framing, not a fact, so never clustered


@dataclass(frozen=True, slots=True)
class Column:
    """One outlet as the matrix needs it: a few KB, where its Comparison is a few MB."""

    name: str
    title: str | None  # the outlet's own headline, for its label
    cells: tuple[tuple[int, Cell], ...]  # (source Sentence.index, cell), every source sentence in a claim
    additions: tuple[Addition, ...]  # in the outlet's order
    reuse: float
    coverage: float
    words: int


@dataclass(frozen=True, slots=True)
class SourceClaim:
    id: int  # position in Matrix.claims
    sentence: int  # Sentence.index in the source
    text: str


@dataclass(frozen=True, slots=True)
class Member:
    outlet: int  # position in Matrix.outlets
    addition: Addition


@dataclass(frozen=True, slots=True)
class Cluster:
    """One added claim and every outlet that adds it; told in the first outlet's words."""

    id: int  # position in Matrix.clusters
    members: tuple[Member, ...]

    @property
    def text(self) -> str:
        return self.members[0].addition.text

    @property
    def outlets(self) -> tuple[int, ...]:
        return tuple(sorted({m.outlet for m in self.members}))

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for m in self.members for f in m.addition.facts))


@dataclass(frozen=True, slots=True)
class Failed:
    name: str
    error: str


@dataclass(frozen=True, slots=True)
class Totals:
    """What one outlet did with the source claims, counted once for every format."""

    verbatim: int
    reworded: int
    flagged: int
    left_out: int

    @property
    def carried(self) -> int:
        """Claims carried in some form, changed ones ("!") included."""
        return self.verbatim + self.reworded + self.flagged


@dataclass(frozen=True, slots=True)
class Matrix:
    source: Document
    claims: tuple[SourceClaim, ...]
    outlets: tuple[Column, ...]  # the outlets compared, in the order given
    labels: tuple[str | None, ...]  # a --label per outlet in ``outlets`` (None: not given)
    cells: tuple[tuple[Cell, ...], ...]  # one tuple per claim, one cell per outlet
    clusters: tuple[Cluster, ...]
    failed: tuple[Failed, ...] = ()  # outlets that could not be read, in the order given
    totals: tuple[Totals, ...] = ()  # one per outlet, counted by ``build``

    def column(self, n: int) -> tuple[Cell, ...]:
        return tuple(row[n] for row in self.cells)

    def reach(self, claim: int) -> int:
        """How many outlets carry source claim ``claim`` in some form."""
        return sum(c.mark is not Mark.LEFT_OUT for c in self.cells[claim])

    def changed(self, claim: int) -> int:
        """How many outlets carry source claim ``claim`` with a change ("!")."""
        return sum(c.mark is Mark.FLAGGED for c in self.cells[claim])


def title_of(doc: Document) -> str | None:
    """A document's own title: a heading among its first lines, before the body."""
    for s in doc.sentences[:4]:
        if s.heading and not s.boilerplate and len(s.text.split()) >= 3:
            return s.text
    return None


def totals(cells: Sequence[Cell]) -> Totals:
    count = {mark: sum(c.mark is mark for c in cells) for mark in Mark}
    return Totals(count[Mark.VERBATIM], count[Mark.REWORDED], count[Mark.FLAGGED], count[Mark.LEFT_OUT])


def column(c: Comparison, title: str | None = None) -> Column:
    """The outlet's cells and additions, from its claims and their links; nothing re-aligned or re-scored."""
    kinds = {a.id: a for a in c.alignments}
    cells: dict[int, Cell] = {}
    additions = []
    for x in c.claims:
        if x.provenance is Provenance.OUTLET_ONLY:
            heading = all(c.outlet.sentences[j].heading for j in x.outlet)
            additions.append(Addition(x.outlet, x.text, x.figures, x.flags, x.place, heading))
            continue
        for i in x.source:
            if x.provenance is Provenance.SOURCE_ONLY:
                cells[i] = Cell(Mark.LEFT_OUT, flags=x.flags)
            else:
                cells[i] = _cell(c, x, i, [kinds[n] for n in x.items])
    additions.sort(key=lambda a: a.outlet)
    return Column(c.outlet.name, title, tuple(sorted(cells.items())), tuple(additions),
                  c.summary.reuse, c.summary.coverage, c.outlet.words)


def _cell(c: Comparison, x: Claim, i: int, items: Sequence[Alignment]) -> Cell:
    """Source sentence ``i`` of claim ``x`` as the outlet carried it, from the sentence's own links.

    An item may join several source sentences: the one the outlet copied word for word is "=" even
    when its partner was reworded. A claim's problem flags mark each of its sentences "!". A sentence
    with no link of its own (none recorded) takes the claim's outlet sentences and its items' kinds.
    """
    own = [link for a in items for link in a.links if link.source == i]
    outlet = tuple(sorted({link.outlet for link in own})) if own else x.outlet
    verbatim = any(link.ratio >= 1.0 for link in own)
    scores = [a.similarity for a in items if a.similarity is not None]  # a link's own score may hold a prior
    if PROBLEMS.intersection(x.flags):
        mark = Mark.FLAGGED
    elif verbatim or all(a.kind is Kind.SHARED for a in items):
        mark = Mark.VERBATIM
    else:
        mark = Mark.REWORDED
    text = " ".join(c.outlet.sentences[j].text for j in outlet)
    return Cell(mark, outlet, text, min(scores) if scores else None, x.flags, x.outlet_variant)


def build(source: Document, outlets: Sequence[Column], *, labels: Sequence[str | None] = (),
          failed: Sequence[Failed] = (), options: Options = Options(), run: Runner = map) -> Matrix:
    """The matrix: a row per source claim in source order, a cell per outlet; then the clustered additions.

    Rows are the source sentences some outlet's claims hold (furniture and
    repeats are in none); a sentence an outlet's claims do not hold is left out there.
    ``run`` runs the additions' compares (``cluster``): the built-in map, or a pool's.
    """
    by_outlet = [dict(col.cells) for col in outlets]
    held = set().union(*by_outlet) if outlets else {s.index for s in source.sentences if not s.boilerplate}
    sentences = [s for s in source.sentences if s.index in held]
    claims = tuple(SourceClaim(n, s.index, s.text) for n, s in enumerate(sentences))
    cells = tuple(tuple(cells.get(s.index, LEFT_OUT) for cells in by_outlet) for s in sentences)
    given = tuple(labels[n] if n < len(labels) else None for n in range(len(outlets)))
    return Matrix(source, claims, tuple(outlets), given, cells,
                  cluster([col.additions for col in outlets], options.threshold, run=run), tuple(failed),
                  tuple(totals([row[n] for row in cells]) for n in range(len(outlets))))


def cluster(additions: Sequence[Sequence[Addition]], threshold: float, *, run: Runner = map) -> tuple[Cluster, ...]:
    """Each outlet's additions aligned against every earlier outlet's: a link joins the cluster.

    One ``api.compare`` per outlet (``links``), its additions against all
    earlier ones, so a cluster also gathers an addition that matches a later
    member better than its first. Each compare needs only the additions, not
    the clusters, so ``run`` may run them in worker processes; the clusters
    are then joined here, in outlet order. A cluster holds at most one
    addition per outlet: a second one that links to it starts its own. A
    headline joins no cluster: a short line is easily contained in a long
    sentence about something else. Shared by the most outlets first.
    """
    # Largest pools first, so the last task to finish is a short one; map keeps the order asked.
    found = list(run(partial(links, additions, threshold=threshold), range(len(additions) - 1, -1, -1)))[::-1]
    members: list[list[Member]] = []
    cluster_of: dict[tuple[int, int], int] = {}  # (outlet, position among its facts) -> cluster
    for n, added in enumerate(additions):
        for k, a in enumerate(clusterable(added)):
            if k in found[n] and all(mb.outlet != n for mb in members[cluster_of[found[n][k]]]):
                cluster_of[n, k] = cluster_of[found[n][k]]
                members[cluster_of[n, k]].append(Member(n, a))
            else:
                cluster_of[n, k] = len(members)
                members.append([Member(n, a)])
        members.extend([Member(n, a)] for a in added if a.heading)
    ordered = sorted(members, key=lambda ms: (-len({m.outlet for m in ms}), ms[0].outlet, ms[0].addition.outlet))
    return tuple(Cluster(n, tuple(ms)) for n, ms in enumerate(ordered))


def clusterable(added: Sequence[Addition]) -> list[Addition]:
    """The additions that may join a cluster: all but headlines."""
    return [a for a in added if not a.heading]


def links(additions: Sequence[Sequence[Addition]], n: int, *, threshold: float) -> dict[int, tuple[int, int]]:
    """Outlet ``n``'s facts, by position, -> the earlier (outlet, fact position) they link to.

    Only links at or above ``threshold`` and CLUSTER_FLOOR count: a title or
    lead pair the alignment takes below the threshold is a guess about
    position, and additions have none; nor do links that change a negation,
    a figure or an office (``same_fact``). Where the alignment joined several
    additions into one item, its score belongs to the join, so each addition
    in it is scored on its own against each it was joined with.
    """
    earlier = [(m, k, a) for m in range(n) for k, a in enumerate(clusterable(additions[m]))]
    added = clusterable(additions[n])
    if not earlier or not added:
        return {}
    floor = max(threshold, CLUSTER_FLOOR)
    c = compare(_paragraphs([a for _, _, a in earlier]), _paragraphs(added),
                options=Options(threshold=threshold, facts=False))
    joined: dict[int, list[int]] = {}  # an addition -> the earlier ones an item joined it with
    found: dict[int, tuple[int, int]] = {}
    if c.source.paragraphs != len(earlier) or c.outlet.paragraphs != len(added):
        # The texts did not split one paragraph an addition: score every pair on its own instead
        # (about 1 ms a pair).
        joined = {k: list(range(len(earlier))) for k in range(len(added))}
    else:
        for a in c.alignments:
            ours = sorted({s.paragraph for s in a.outlet})
            theirs = sorted({s.paragraph for s in a.source})
            if len(ours) == 1 and len(theirs) == 1:
                if same_fact(a) and (a.similarity or 0.0) >= floor:
                    found.setdefault(ours[0], earlier[theirs[0]][:2])
            elif a.kind in (Kind.SHARED, Kind.REWORDED):  # a join: its score and shifts may be another addition's
                for k in ours:
                    joined.setdefault(k, theirs)
    for k, candidates in sorted(joined.items()):
        if k in found:
            continue
        score, first = max((own_score(earlier[p][2], added[k], threshold), -p) for p in candidates)
        if score >= floor:
            found[k] = earlier[-first][:2]  # the best score; on a tie, the earliest
    return found


def own_score(earlier: Addition, added: Addition, threshold: float) -> float:
    """How closely two additions match when aligned by themselves: the best item of their compare."""
    c = compare(earlier.text, added.text, options=Options(threshold=threshold, facts=False))
    return max((a.similarity or 0.0 for a in c.alignments if same_fact(a)), default=0.0)


def same_fact(a: Alignment) -> bool:
    """Whether a link may join two additions: a shared or reworded item whose negation and figures agree.

    Two outlets that differ in a "not", a number or a minister's portfolio report different facts, however
    alike their words (the core's own negation and figure shifts say so; portfolios are natodiff.lexicon.PORTFOLIOS;
    see test_additions_that_differ_in_a_negation_figure_or_office_stay_apart).
    """
    return (a.kind in (Kind.SHARED, Kind.REWORDED) and not a.negation
            and not any(sh.type is ShiftType.FIGURE for sh in a.shifts) and not _other_office(a))


def _other_office(a: Alignment) -> bool:
    """A portfolio replaced by another ("defence minister" -> "foreign minister"): another person."""
    from natodiff.lexicon import PORTFOLIOS
    from natodiff.normalise import keys

    portfolios = {k for word in PORTFOLIOS for k in keys(word)}
    for op in a.diff:
        if op.op is Op.REPLACE:
            was, now = portfolios.intersection(keys(op.source)), portfolios.intersection(keys(op.outlet))
            if was and now and was != now:
                return True
    return False


def _paragraphs(added: Sequence[Addition]) -> str:
    return "\n\n".join(a.text for a in added)
