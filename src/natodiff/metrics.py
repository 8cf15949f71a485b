"""Summary figures computed once from the items, so every renderer agrees.

reuse and coverage count matching tokens inside linked items only, so they
stay right when an outlet shuffles paragraphs (a plain word diff does not).
density follows Grusky et al. (Newsroom, 2018): the mean squared length of
the greedy extractive fragments, per outlet token; here fragments are found
within each linked item.
"""

from __future__ import annotations

from typing import Sequence

from natodiff.align import PreparedSentence
from natodiff.model import Alignment, Fragment, Kind, Lead, Op, Summary
from natodiff.normalise import Token, tokens


def summarise(
    items: Sequence[Alignment], source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence]
) -> Summary:
    counts = {k: 0 for k in Kind}
    repeats = 0
    for it in items:
        if it.repeat_of is not None:
            repeats += 1
            continue
        side = it.source if it.kind in (Kind.SOURCE_ONLY,) else it.outlet
        if it.kind is Kind.BOILERPLATE:
            side = it.source + it.outlet
        counts[it.kind] += len(side)
    live = {
        ("source", it_s.index) for it in items if it.repeat_of is None and it.kind is not Kind.BOILERPLATE
        for it_s in it.source
    } | {
        ("outlet", it_o.index) for it in items if it.repeat_of is None and it.kind is not Kind.BOILERPLATE
        for it_o in it.outlet
    }
    s_total = sum(len(u.tokens) for u in source if ("source", u.sentence.index) in live)
    o_total = sum(len(u.tokens) for u in outlet if ("outlet", u.sentence.index) in live)
    s_matched = o_matched = 0
    squares = 0
    longest = Fragment(0, "")
    for it in items:
        if not it.links:
            continue
        for op in it.diff:
            if op.op is Op.EQUAL:
                s_matched += len(tokens(op.source))
                o_matched += len(tokens(op.outlet))
        for frag in _fragments(it, source, outlet):
            squares += frag.words**2
            if frag.words > longest.words:
                longest = frag
    return Summary(
        shared=counts[Kind.SHARED],
        reworded=counts[Kind.REWORDED],
        outlet_only=counts[Kind.OUTLET_ONLY],
        source_only=counts[Kind.SOURCE_ONLY],
        boilerplate=counts[Kind.BOILERPLATE],
        repeats=repeats,
        moved=sum(1 for it in items if it.moved),
        reuse=_ratio(o_matched, o_total),
        coverage=_ratio(s_matched, s_total),
        density=round(squares / o_total, 4) if o_total else 0.0,
        longest_shared=longest,
        lead=_lead(items, source),
    )


def _ratio(part: int, whole: int) -> float:
    return round(min(part, whole) / whole, 4) if whole else 0.0


def _fragments(item: Alignment, source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence]) -> list[Fragment]:
    """Greedy extractive fragments of the item's outlet tokens in its source tokens."""
    src = [key for s in item.source for key in source[s.index].keys]
    at: dict[str, list[int]] = {}  # key -> its positions in src: a fragment starts on a match
    for j, key in enumerate(src):
        at.setdefault(key, []).append(j)
    out_units = [outlet[s.index] for s in item.outlet]
    frags: list[Fragment] = []
    for u in out_units:
        toks: Sequence[Token] = u.tokens
        keys = [t.key for t in toks]
        i = 0
        while i < len(keys):
            best = longest_match_at(keys, i, src, at.get(keys[i], ()))
            if best:
                text = u.sentence.text[toks[i].start : toks[i + best - 1].end]
                frags.append(Fragment(best, text))
            i += max(best, 1)
    return frags


def longest_match_at(keys: Sequence[str], i: int, src: Sequence[str], starts: Sequence[int]) -> int:
    """The longest run of `keys` from `i` that `src` holds at one of `starts`.

    A start can only beat the best run so far if it matches one word past it,
    so that word is checked first: without this, a text of one repeated word
    extends every start to the end, quadratic in the sentence's length.
    """
    best = 0
    for j in starts:
        if best and (i + best >= len(keys) or j + best >= len(src) or keys[i + best] != src[j + best]):
            continue
        k = 1
        while i + k < len(keys) and j + k < len(src) and keys[i + k] == src[j + k]:
            k += 1
        best = max(best, k)
    return best


def _lead(items: Sequence[Alignment], source: Sequence[PreparedSentence]) -> Lead:
    content = [u.sentence for u in source if not u.sentence.boilerplate and not u.sentence.heading]
    source_lead = content[0] if content else None
    # A headline is not a lead: the first linked item with body text on the outlet's side.
    first = next(
        (it for it in items if it.links and it.repeat_of is None and not all(s.heading for s in it.outlet)),
        None,
    )
    body = [s for s in first.source if not s.heading] or list(first.source) if first else []
    led = min(body, key=lambda s: s.index) if body else None
    same = bool(first and source_lead and any(s.index == source_lead.index for s in first.source))
    return Lead(outlet_leads_with=led, source_lead=source_lead, same=same)
