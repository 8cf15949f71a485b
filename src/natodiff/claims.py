"""Claims: the combined facts of both texts, one aligned item told once.

A claim linked in both texts is told in the source's words, with the
outlet's variant where its figures, names, quotation or negation differ; an
outlet addition is told in the outlet's words (its own attribution) with its
place in the story; an omission in the source's. Furniture and repeats are
never claims, so every other sentence of both texts is in exactly one.

Also here: ``split_names``, the step that stops calling a name both texts
give alike a fact. Pure: no I/O, nothing re-aligned or re-scored.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from natodiff.model import (
    Alignment, Claim, Fact, FactStatus, FactType, Kind, Op, Provenance, Quote, Sentence, ShiftType, Verdict,
)

# A quotation's verdict as a claim's flag, keyed by the verdict's value (a StrEnum member finds
# its value): a verdict the quotations layer splits or adds ("misattributed") needs one line here.
QUOTE_FLAGS = {
    "altered": "altered_quotation",
    "misattributed": "misattributed_quotation",
    "unsourced": "unsourced_quotation",
}
# Every flag, in the order a claim lists them.
FLAGS = (
    "conflict",
    *QUOTE_FLAGS.values(),
    "negation_dropped",
    "negation_added",
    "meaning_shift",
    "added_figures",
    "dropped_figures",
    "added_names",
    "dropped_names",
    "moved",
)
# What a reader must see first: a claim with one of these leads the list.
FIRST = frozenset({"conflict", "negation_dropped", "negation_added", *QUOTE_FLAGS.values()}) - {"unsourced_quotation"}
QUOTED_WORDS = 8  # words of a quotation shown in an outlet variant

_PROVENANCE = {Kind.SHARED: Provenance.BOTH, Kind.REWORDED: Provenance.BOTH,
               Kind.OUTLET_ONLY: Provenance.OUTLET_ONLY, Kind.SOURCE_ONLY: Provenance.SOURCE_ONLY}


def is_figure(f: Fact) -> bool:
    return f.type is not FactType.ENTITY


def split_names(facts: Sequence[Fact]) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
    """(facts, names): a name both texts give alike is not a fact, unless a figure counts it.

    Kept as facts: every figure, date and quantity; a name that is one-sided,
    in conflict, or part of a figure's label ("Allies" of "18 Allies").
    """
    # Every run of words inside a figure's label: a figure's label is a few words long.
    runs = set()
    for f in facts:
        if is_figure(f):
            words = tuple(f.text.casefold().split())
            runs.update(words[i:j] for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    kept, names = [], []
    for f in facts:
        alike = (f.type is FactType.ENTITY and f.status is FactStatus.CONFIRMED
                 and tuple(f.text.casefold().split()) not in runs)
        (names if alike else kept).append(f)
    return tuple(kept), tuple(names)


def build(items: Sequence[Alignment], facts: Sequence[Fact], quotes: Sequence[Quote]) -> tuple[Claim, ...]:
    """Every non-furniture, non-repeat item as one claim, in the order a reader must see them."""
    anchors = _anchors(items)
    last_source = max((s.index for a in items for s in a.source), default=-1)
    held_by = _Held(facts, quotes)
    drafts = []
    for a in items:
        provenance = _PROVENANCE.get(a.kind)
        if provenance is None or a.repeat_of is not None or not (a.source or a.outlet):
            continue
        src = tuple(s.index for s in a.source)
        out = tuple(s.index for s in a.outlet)
        held, said = held_by.facts(src, out), held_by.quotes(out)
        flags = _flags(a, held, said)
        place = None
        if provenance is Provenance.OUTLET_ONLY:
            place, position = _place(a.outlet, anchors, last_source)
        else:
            position = (min(src), 0, min(out, default=-1))
        text = _joined(a.outlet if provenance is Provenance.OUTLET_ONLY else a.source)
        variant = _variant(held, said, a) if provenance is Provenance.BOTH else None
        named = any(not is_figure(f) for f in held) or any(q.speaker for q in said)
        rank = _rank(provenance, flags, any(is_figure(f) for f in held) or named)
        figures = tuple(dict.fromkeys(f.text for f in held))
        drafts.append(((rank, position), Claim(0, text, provenance, src, out, (a.id,), figures, flags, variant, place)))
    drafts.sort(key=lambda d: d[0])
    return tuple(replace(claim, id=n) for n, (_, claim) in enumerate(drafts))


class _Held:
    """The facts and quotations of given sentences, found by index (not by a walk over all of them)."""

    def __init__(self, facts: Sequence[Fact], quotes: Sequence[Quote]) -> None:
        self.by_source: dict[int, list[Fact]] = {}
        self.by_outlet: dict[int, list[Fact]] = {}
        for f in facts:
            if f.source_index is not None:
                self.by_source.setdefault(f.source_index, []).append(f)
            if f.outlet_index is not None:
                self.by_outlet.setdefault(f.outlet_index, []).append(f)
        self.rank = {id(f): n for n, f in enumerate(facts)}
        self.quoted: dict[int, list[Quote]] = {}
        for q in quotes:
            if q.outlet_sentence is not None:
                self.quoted.setdefault(q.outlet_sentence, []).append(q)

    def facts(self, source: Sequence[int], outlet: Sequence[int]) -> list[Fact]:
        """In the facts' own order; a fact stated on both sides counted once."""
        found = {id(f): f for i in source for f in self.by_source.get(i, ())}
        found.update({id(f): f for j in outlet for f in self.by_outlet.get(j, ())})
        return sorted(found.values(), key=lambda f: self.rank[id(f)])

    def quotes(self, outlet: Sequence[int]) -> list[Quote]:
        return [q for j in outlet for q in self.quoted.get(j, ())]


def _rank(provenance: Provenance, flags: tuple[str, ...], sourced: bool) -> int:
    """0 problems; 1 meaning shifts; 2 additions with figures or named sources; 3 omissions losing figures; 4 the rest."""
    if FIRST.intersection(flags):
        return 0
    if "meaning_shift" in flags:
        return 1
    if provenance is Provenance.OUTLET_ONLY and sourced:
        return 2
    if provenance is Provenance.SOURCE_ONLY and "dropped_figures" in flags:
        return 3
    return 4


def _flags(a: Alignment, held: Sequence[Fact], said: Sequence[Quote]) -> tuple[str, ...]:
    found = {QUOTE_FLAGS[q.verdict] for q in said if q.verdict in QUOTE_FLAGS}
    if a.negation:
        found.add(f"negation_{a.negation}")
    if a.moved:
        found.add("moved")
    if any(sh.type is not ShiftType.NEGATION for sh in a.shifts):
        found.add("meaning_shift")
    for f in held:
        if f.status is FactStatus.CONFLICT:
            found.add("conflict")
        elif f.status is FactStatus.OUTLET_ONLY:
            found.add("added_figures" if is_figure(f) else "added_names")
        elif f.status is FactStatus.SOURCE_ONLY:
            found.add("dropped_figures" if is_figure(f) else "dropped_names")
    return tuple(flag for flag in FLAGS if flag in found)


class _Anchors:
    """Outlet sentences that tell source sentences, in outlet order, for "after S8"."""

    def __init__(self, told: dict[int, int]) -> None:
        self.outlet = sorted(told)
        self.source = [told[j] for j in self.outlet]

    def before(self, j: int) -> int | None:
        """The source sentence told last before outlet sentence ``j``."""
        k = bisect_left(self.outlet, j)
        return self.source[k - 1] if k else None

    def any_after(self, j: int) -> bool:
        return bisect_right(self.outlet, j) < len(self.outlet)


def _anchors(items: Sequence[Alignment]) -> _Anchors:
    """Outlet sentence -> the last source sentence its item (or the item it repeats) tells."""
    by_id = {a.id: a for a in items}
    out = {}
    for a in items:
        told = a.source or (by_id[a.repeat_of].source if a.repeat_of in by_id else ())
        if a.outlet and told and a.kind is not Kind.BOILERPLATE:
            for s in a.outlet:
                out[s.index] = max(t.index for t in told)
    return _Anchors(out)


def _place(outlet: Sequence[Sentence], anchors: _Anchors, last_source: int) -> tuple[str, tuple]:
    """"after S8" when linked sentences stand before and after it in the outlet, else "new section".

    Also its position in source order: after S8, at the start, or at the end.
    """
    first = outlet[0].index
    k = anchors.before(first)
    after = anchors.any_after(outlet[-1].index)
    if k is None:
        return "new section", (-1, 1, first)
    if not after:
        return "new section", (last_source + 1, 1, first)
    if outlet[0].heading:
        return "new section", (k, 1, first)
    return f"after S{k + 1}", (k, 1, first)


def _joined(sentences: Sequence[Sentence]) -> str:
    """The sentences as one text; a heading ends with a full stop so it does not run into the next."""
    parts = []
    for n, s in enumerate(sentences):
        text = s.text
        if s.heading and n < len(sentences) - 1 and not text.endswith((".", "!", "?", ":")):
            text += "."
        parts.append(text)
    return " ".join(parts)


def _variant(held: Sequence[Fact], said: Sequence[Quote], a: Alignment) -> str | None:
    """The outlet's figures, names, quotations, negation and meaning shifts where they differ from the source's."""
    parts = []
    conflicts = [f for f in held if f.status is FactStatus.CONFLICT]
    if conflicts:
        parts.append("; ".join(f"{f.outlet_says} for {f.source_says}" for f in conflicts))
    added = [f.outlet_says or f.text for f in held if f.status is FactStatus.OUTLET_ONLY]
    if added:
        parts.append("adds " + ", ".join(dict.fromkeys(added)))
    dropped = [f.source_says or f.text for f in held if f.status is FactStatus.SOURCE_ONLY]
    if dropped:
        parts.append("drops " + ", ".join(dict.fromkeys(dropped)))
    for q in said:
        if q.verdict is Verdict.ALTERED:
            changes = _changes(q)
            parts.append("quotation altered" + (": " + ", ".join(changes) if changes else ""))
        elif q.verdict in QUOTE_FLAGS:
            who = q.speaker or "an unnamed speaker"
            where = ("not found in the source" if q.verdict == "unsourced"
                     else "words the source says in its own voice or another's")
            parts.append(f"quotes {who}: “{_first_words(q.text)}”, {where}")
    if a.negation:
        parts.append("drops the negation" if a.negation == "dropped" else "adds a negation")
    # A note that names its type already ('figure "8" reported as "18"') is not prefixed with it again.
    parts.extend(sh.note if sh.note.startswith(sh.type.value) else f"{sh.type.value}: {sh.note}"
                 for sh in a.shifts if sh.type is not ShiftType.NEGATION)
    return "; ".join(parts) or None


def _changes(q: Quote, n: int = 3) -> list[str]:
    out = []
    for op in q.diff:
        old, new = " ".join(op.source.split()), " ".join(op.outlet.split())
        if op.op is Op.INSERT and new:
            out.append(f"“{new}” added")
        elif op.op is Op.DELETE and old:
            out.append(f"“{old}” dropped")
        elif op.op is Op.REPLACE and (old or new):
            out.append(f"“{new}” for “{old}”")
    return out[:n]


def _first_words(text: str, n: int = QUOTED_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")
