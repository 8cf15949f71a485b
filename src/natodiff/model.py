"""The one immutable result every renderer consumes.

Renderers read these types and nothing else; the enum values are the JSON
values, so a rename here is a schema change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Side(StrEnum):
    SOURCE = "source"
    OUTLET = "outlet"


class Kind(StrEnum):
    SHARED = "shared"
    REWORDED = "reworded"
    OUTLET_ONLY = "outlet_only"
    SOURCE_ONLY = "source_only"
    BOILERPLATE = "boilerplate"


class Op(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"
    REPLACE = "replace"


class FactType(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    DATE = "date"
    ENTITY = "entity"


class FactStatus(StrEnum):
    CONFIRMED = "confirmed"
    SOURCE_ONLY = "source_only"
    OUTLET_ONLY = "outlet_only"
    CONFLICT = "conflict"


class Provenance(StrEnum):
    BOTH = "both"
    SOURCE_ONLY = "source_only"
    OUTLET_ONLY = "outlet_only"


class Verdict(StrEnum):
    FAITHFUL = "faithful"
    ALTERED = "altered"
    UNSOURCED = "unsourced"
    # The source says the words in its own voice (or another's); the outlet gives them to a person.
    MISATTRIBUTED = "misattributed"
    # The outlet quotes the issuing body's own statement, as that body's: faithful in effect.
    STATEMENT_TEXT = "statement_text"


class ShiftType(StrEnum):
    """What an edit inside a linked item does to its meaning (natodiff.shifts)."""

    NAME = "name"
    FIGURE = "figure"
    DATE = "date"
    NEGATION = "negation"
    HEDGE = "hedge"
    MODALITY = "modality"
    ATTRIBUTION = "attribution"
    STANCE = "stance"
    FRAMING = "framing"


@dataclass(frozen=True, slots=True)
class Options:
    """Knobs of the core; defaults are the documented ones."""

    # Link cut-off on the combined score (see align.score). 0.38 is the best
    # F1 on tests/gold that keeps link precision above 0.94 (bench/accuracy.py);
    # pinned by tests/test_accuracy.py.
    threshold: float = 0.38
    facts: bool = True
    # Shift types left out of the report and of --exit-code (--ignore-shift).
    ignore_shifts: frozenset[str] = frozenset()
    # Who issued the source (--source-speaker): its words quoted as theirs are statement_text.
    source_speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading line) exactly as it stands, whitespace folded."""

    side: Side
    index: int  # 0-based position among the document's sentences
    paragraph: int  # 0-based paragraph number
    text: str
    heading: bool = False
    boilerplate: bool = False
    furniture_rule: str | None = None  # which rule made it furniture (--explain)


@dataclass(frozen=True, slots=True)
class Document:
    """One text as segmented: its sentences in order, with the counts the summary reads."""

    name: str
    sentences: tuple[Sentence, ...]
    paragraphs: int
    words: int


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word diff: the source's words and the outlet's, either empty where absent."""

    op: Op
    source: str
    outlet: str


@dataclass(frozen=True, slots=True)
class LinkScore:
    """Why one source sentence was linked to one outlet sentence (--explain)."""

    source: int
    outlet: int
    score: float
    ratio: float  # difflib ratio over normalised tokens
    containment: float  # weighted share of the shorter side found in the longer
    weighted_overlap: float  # IDF-weighted Jaccard-like overlap
    common: tuple[str, ...]  # the rarest shared tokens, rarest first
    # "title", "lead" or "neighbour" when position raised the score; "rest" when scored on
    # what a linked sentence's other links leave over (align.linking.rest_joins).
    prior: str | None = None
    discount: float | None = None  # what a title, lead or neighbour score was divided by

    @property
    def blend(self) -> float:
        return blend_of(self.containment, self.weighted_overlap)


# Share of containment in the blend of containment and weighted overlap.
BLEND_CONTAINMENT = 0.6


def blend_of(containment: float, overlap: float) -> float:
    """Containment carries condensation; overlap keeps a short sentence from matching any long one."""
    return BLEND_CONTAINMENT * containment + (1 - BLEND_CONTAINMENT) * overlap


@dataclass(frozen=True, slots=True)
class Shift:
    """One edit that changes meaning, with the words as each side writes them ("" when absent)."""

    type: ShiftType
    source: str
    outlet: str
    note: str


@dataclass(frozen=True, slots=True)
class Alignment:
    """One item of the report: the sentences of each side that say the same thing, or one side's alone."""

    id: int  # position in Comparison.alignments
    kind: Kind
    similarity: float | None
    source: tuple[Sentence, ...]
    outlet: tuple[Sentence, ...]
    diff: tuple[DiffOp, ...]
    moved: bool = False
    repeat_of: int | None = None  # id of the item this one repeats
    links: tuple[LinkScore, ...] = ()
    # "dropped" when the source's side says no (not, never, no ...) and the outlet's
    # does not, "added" the other way round; None when both agree.
    negation: str | None = None
    shifts: tuple[Shift, ...] = ()


@dataclass(frozen=True, slots=True)
class Fragment:
    """The longest run of words both texts share, and its length in words."""

    words: int
    text: str


@dataclass(frozen=True, slots=True)
class Lead:
    """What the outlet opened with, against what the source opened with."""

    outlet_leads_with: Sentence | None  # source sentence of the outlet's first linked item
    source_lead: Sentence | None  # the source's first content sentence
    same: bool


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts and shares of a comparison, as the report's first lines give them."""

    shared: int
    reworded: int
    outlet_only: int
    source_only: int
    boilerplate: int
    repeats: int
    moved: int
    reuse: float
    coverage: float
    density: float
    longest_shared: Fragment
    lead: Lead


@dataclass(frozen=True, slots=True)
class Fact:
    """A figure or a name, as each text states it, and whether the two agree."""

    type: FactType
    text: str  # canonical label, e.g. "600 billion dollars"
    value: str | float | int | None
    status: FactStatus
    source: str | None  # sentence stating it in the source
    outlet: str | None  # sentence stating it in the outlet
    source_says: str | None = None  # the source's own wording of the fact
    outlet_says: str | None = None
    source_index: int | None = None  # Sentence.index of ``source``, so no renderer searches text for it
    outlet_index: int | None = None  # Sentence.index of ``outlet``


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the outlet, and what the source says of it."""

    text: str
    speaker: str | None
    verdict: Verdict
    source_text: str | None
    diff: tuple[DiffOp, ...] = ()
    outlet_sentence: int | None = None  # Sentence.index in the outlet


@dataclass(frozen=True, slots=True)
class Claim:
    """One aligned item told once: the combined facts of both texts (natodiff.claims)."""

    id: int  # position in Comparison.claims
    text: str  # the source's words; an outlet addition in the outlet's own
    provenance: Provenance
    source: tuple[int, ...]  # Sentence.index in the source
    outlet: tuple[int, ...]  # Sentence.index in the outlet
    items: tuple[int, ...]  # Alignment.id
    figures: tuple[str, ...]  # labels of the facts it holds
    flags: tuple[str, ...]  # natodiff.claims.FLAGS, in that order
    outlet_variant: str | None  # how the outlet's version differs, in a few words
    place: str | None = None  # an outlet addition: "after S8" or "new section"


@dataclass(frozen=True, slots=True)
class Framing:
    """One loaded term the outlet put for the source's, over the whole pair."""

    source_term: str
    outlet_term: str
    count: int
    items: tuple[int, ...]  # Alignment.id of each item where it happens


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything one comparison found: the only thing a renderer reads."""

    source: Document
    outlet: Document
    summary: Summary
    alignments: tuple[Alignment, ...]
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    options: Options = field(default_factory=Options)
    claims: tuple[Claim, ...] = ()
    # Names both texts give alike: not facts, but kept (counted in the memo, listed in the JSON).
    names: tuple[Fact, ...] = ()
    framing: tuple[Framing, ...] = ()
