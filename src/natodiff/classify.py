"""From links to alignment items: kinds, diffs, moves, repeats and order.

An item is a connected group of linked sentences (one source sentence told
in two outlet sentences, two merged into one...). Every sentence of both
texts lands in exactly one item.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import Sequence

from natodiff.align import Aligned, Group, PreparedSentence
from natodiff.model import Alignment, Kind, Op, Sentence
from natodiff.normalise import CURRENCY_KEYS, NEGATIONS, POLARITY, SCALE_KEYS, Token, same_compound
from natodiff.sequences import Matcher
from natodiff.worddiff import word_diff

# "Shared" tolerates this many differing function words per ten tokens
# (an article, "on", "few"); any differing content word makes it reworded.
SHARED_STOP_EDITS_PER_10 = 1


def build_items(aligned: Aligned) -> tuple[Alignment, ...]:
    """All items in outlet order, source-only ones where they would have stood."""
    source, outlet, groups = aligned.source, aligned.outlet, aligned.groups
    by_outlet: dict[int, int] = {}
    by_source: dict[int, int] = {}
    for g, group in enumerate(groups):
        for i in group.source:
            by_source[i] = g
        for j in group.outlet:
            by_outlet[j] = g

    drafts: list[dict] = []  # filled in outlet order, then source-only slotted in
    group_draft: dict[int, dict] = {}
    for u in outlet:
        j = u.sentence.index
        if j in by_outlet:
            g = by_outlet[j]
            if g not in group_draft:
                group_draft[g] = _linked_draft(groups[g], source, outlet)
                drafts.append(group_draft[g])
        else:
            drafts.append(_single(u.sentence, aligned.repeats_outlet.get(j)))

    # Source sentences without a link go after the item holding the nearest
    # earlier source sentence that is linked, i.e. where the outlet would have had it.
    anchors: list[tuple[int, int]] = []  # (source index, draft position)
    position = {id(d): p for p, d in enumerate(drafts)}
    for i, g in sorted(by_source.items()):
        anchors.append((i, position[id(group_draft[g])]))
    slots: dict[int, list[dict]] = defaultdict(list)
    for u in source:
        i = u.sentence.index
        if i in by_source:
            continue
        k = bisect_left(anchors, (i, -1)) - 1
        slots[anchors[k][1] if k >= 0 else -1].append(_single(u.sentence, aligned.repeats_source.get(i)))

    ordered: list[dict] = list(slots.get(-1, []))
    for p, d in enumerate(drafts):
        ordered.append(d)
        ordered.extend(slots.get(p, []))

    ordered = _group_furniture(ordered)
    _mark_moves(ordered)
    return _finish(ordered)


def _group_furniture(drafts: list[dict]) -> list[dict]:
    """A caption or stamp split into sentences stays one boilerplate item."""
    out: list[dict] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and d["kind"] is Kind.BOILERPLATE
            and prev["kind"] is Kind.BOILERPLATE
            and bool(d["outlet"]) == bool(prev["outlet"])
            and (d["outlet"] or d["source"])[0].paragraph == (prev["outlet"] or prev["source"])[-1].paragraph
        ):
            out[-1] = {**prev, "source": prev["source"] + d["source"], "outlet": prev["outlet"] + d["outlet"]}
            continue
        out.append(d)
    return out


def _linked_draft(group: Group, source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence]) -> dict:
    s_units = [source[i] for i in group.source]
    o_units = [outlet[j] for j in group.outlet]
    s_text, s_toks = _join(s_units)
    o_text, o_toks = _join(o_units)
    diff = word_diff(s_text, o_text, s_toks, o_toks)
    # A merge or a split restructures the text: reworded however verbatim the words.
    one_to_one = len(s_units) == 1 and len(o_units) == 1
    kind = Kind.SHARED if one_to_one and is_shared(s_toks, o_toks) else Kind.REWORDED
    return {
        "kind": kind,
        "similarity": round(group.likeness, 4),
        "source": tuple(u.sentence for u in s_units),
        "outlet": tuple(u.sentence for u in o_units),
        "diff": diff,
        "links": group.links,
        "repeat_of": None,
        "negation": _negation(s_toks, o_toks),
    }


def _negation(s_toks: Sequence[Token], o_toks: Sequence[Token]) -> str | None:
    """Whether the outlet dropped or added the "not": "no plans" and "does not plan" are both negated."""
    said, reported = (any(t.key in NEGATIONS for t in toks) for toks in (s_toks, o_toks))
    return None if said == reported else "dropped" if said else "added"


def _single(sentence: Sentence, repeat_of_sentence: int | None) -> dict:
    outlet_side = sentence.side == "outlet"
    if sentence.boilerplate:
        kind = Kind.BOILERPLATE
    else:
        kind = Kind.OUTLET_ONLY if outlet_side else Kind.SOURCE_ONLY
    return {
        "kind": kind,
        "similarity": None,
        "source": () if outlet_side else (sentence,),
        "outlet": (sentence,) if outlet_side else (),
        "diff": (),
        "links": (),
        "repeat_of": repeat_of_sentence,  # a sentence index until _finish
    }


def _join(units: Sequence[PreparedSentence]) -> tuple[str, list[Token]]:
    """Sentences joined by a space, with token spans shifted to match."""
    if len(units) == 1:
        return units[0].sentence.text, list(units[0].tokens)
    parts: list[str] = []
    toks: list[Token] = []
    offset = 0
    for u in units:
        if parts:
            offset += 1
        toks.extend(Token(t.key, t.start + offset, t.end + offset, t.cls) for t in u.tokens)
        parts.append(u.sentence.text)
        offset += len(u.sentence.text)
    return " ".join(parts), toks


def is_shared(s_toks: Sequence[Token], o_toks: Sequence[Token]) -> bool:
    """Same content words in the same order; at most one function word in ten differs.

    Datelines and closing "he said" tags do not count: a wire adds them to
    sentences it otherwise carries word for word. A dropped "not" or a
    "before" made "after" is never a trivial edit.
    """
    s_content = _money_last([t for t in s_toks if t.content])
    o_content = _money_last([t for t in o_toks if t.content])
    if s_content != o_content and not _compounds_only(s_content, o_content):
        return False
    s_stop = [t.key for t in s_toks if t.cls == "stop"]
    o_stop = [t.key for t in o_toks if t.cls == "stop"]
    if sorted(k for k in s_stop if k in POLARITY) != sorted(k for k in o_stop if k in POLARITY):
        return False
    m = Matcher(s_stop, o_stop)
    same = sum(b.size for b in m.get_matching_blocks())
    edits = max(len(s_stop), len(o_stop)) - same
    allowed = max(1, SHARED_STOP_EDITS_PER_10 * max(len(s_toks), len(o_toks)) // 10)
    return edits <= allowed


def _compounds_only(a: list[str], b: list[str]) -> bool:
    """The two differ only by compounds written as one word or two ("front line" = "frontline")."""
    ops = Matcher(a, b).get_opcodes()
    return all(tag == "equal" or tag == "replace" and same_compound(a[i1:i2], b[j1:j2])
               for tag, i1, i2, j1, j2 in ops)


def _money_last(toks: Sequence[Token]) -> list[str]:
    """Keys with a currency said before its amount moved after it: "$5bn" = "5 billion dollars"."""
    keys = [t.key for t in toks]
    out: list[str] = []
    k = 0
    while k < len(keys):
        if keys[k] in CURRENCY_KEYS and k + 1 < len(keys) and toks[k + 1].cls == "number":
            amount = 2 if k + 2 < len(keys) and keys[k + 2] in SCALE_KEYS else 1
            out += keys[k + 1 : k + 1 + amount] + [keys[k]]
            k += 1 + amount
        else:
            out.append(keys[k])
            k += 1
    return out


def _mark_moves(items: list[dict]) -> None:
    """Moved = outside the longest run of linked items kept in source order."""
    linked = [d for d in items if d["links"]]
    seq = [min(s.index for s in d["source"]) for d in linked]
    keep = set(_lis(seq))
    for k, d in enumerate(linked):
        d["moved"] = k not in keep


def _lis(seq: Sequence[int]) -> list[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for k, x in enumerate(seq):
        p = bisect_left(tails, x)
        if p == len(tails):
            tails.append(x)
            tail_pos.append(k)
        else:
            tails[p] = x
            tail_pos[p] = k
        prev[k] = tail_pos[p - 1] if p else -1
    out: list[int] = []
    k = tail_pos[-1] if tail_pos else -1
    while k != -1:
        out.append(k)
        k = prev[k]
    return out[::-1]


def _finish(items: list[dict]) -> tuple[Alignment, ...]:
    """Freeze, number, and turn repeats' sentence pointers into item ids."""
    item_of: dict[tuple[str, int], int] = {}
    for n, d in enumerate(items):
        for s in d["source"] + d["outlet"]:
            item_of[(s.side.value, s.index)] = n
    out = []
    for n, d in enumerate(items):
        repeat_of = None
        kind = d["kind"]
        if d["repeat_of"] is not None:
            side = (d["outlet"] or d["source"])[0].side.value
            repeat_of = item_of[(side, d["repeat_of"])]
            kind = items[repeat_of]["kind"]
        out.append(
            Alignment(
                id=n,
                kind=kind,
                similarity=d["similarity"],
                source=d["source"],
                outlet=d["outlet"],
                diff=d["diff"],
                moved=d.get("moved", False),
                repeat_of=repeat_of,
                links=d["links"],
                negation=d.get("negation"),
            )
        )
    return tuple(out)


__all__ = ["build_items", "is_shared", "Op"]
