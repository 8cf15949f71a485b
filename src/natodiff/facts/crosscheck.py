"""Both texts' facts checked against each other: confirmed, in conflict, or said by one side only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from itertools import chain

from natodiff.facts.context import near, similarity, with_context
from natodiff.facts.gathering import Gathered, extract
from natodiff.facts.mention import Mention
from natodiff.model import Fact, FactStatus, FactType, Sentence, Side


def list_facts(sentences: Sequence[Sentence], side: Side = Side.SOURCE) -> tuple[Fact, ...]:
    """One text's facts, one per distinct value, as that side's only facts."""
    status = FactStatus.SOURCE_ONLY if side is Side.SOURCE else FactStatus.OUTLET_ONLY
    return tuple(_fact(ms[0], None, status) if side is Side.SOURCE else _fact(None, ms[0], status)
                 for ms in _grouped(extract(sentences)).values())


def _grouped(mentions: list[Mention]) -> dict[tuple, list[Mention]]:
    out: dict[tuple, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.key, []).append(m)
    return out


def _fact(src: Mention | None, out: Mention | None, status: FactStatus) -> Fact:
    first = src or out
    assert first is not None
    value = first.label if first.type is FactType.ENTITY else first.value
    if first.type is FactType.COUNT and isinstance(value, float) and value.is_integer():
        value = int(value)
    return Fact(
        type=first.type, text=first.label, value=value, status=status,
        source=src.sentence.text if src else None, outlet=out.sentence.text if out else None,
        source_says=src.says if src else None, outlet_says=out.says if out else None,
        source_index=src.sentence.index if src else None, outlet_index=out.sentence.index if out else None,
    )


# Below this context similarity two different figures are about different things.
# Measured on the sample pair: edited figures score 0.66-0.92, neighbouring
# unrelated figures ("18 Allies" / "three members in 2014") up to 0.50.
CONFLICT_THRESHOLD = 0.55
# ... and in sentences the alignment linked: "only 35 per cent of eligible voters had been
# registered" / "only 38 percent of eligible voters had registered" scores 0.36.
LINKED_CONFLICT_THRESHOLD = 0.3


def _conflicts(src: dict[tuple, list[Mention]], out: dict[tuple, list[Mention]],
               linked: Collection[tuple[int, int]] = ()) -> list[tuple[Mention, Mention]]:
    """Pair unmatched figures that measure the same thing in similar sentences.

    Sentences the alignment linked report the same thing already, so their
    figures need less alike surroundings (LINKED_CONFLICT_THRESHOLD).
    """
    same_kind: dict[tuple, list[tuple]] = {}  # (type, group) -> outlet keys, in order
    for okey in out:
        same_kind.setdefault(okey[:2], []).append(okey)
    order = {okey: k for k, okey in enumerate(out)}
    buckets: dict[tuple, _OutletIndex] = {}
    candidates = []
    for skey, sms in src.items():
        if skey[0] is FactType.ENTITY or skey[:2] not in same_kind:
            continue
        if skey[:2] not in buckets:
            buckets[skey[:2]] = _OutletIndex(same_kind[skey[:2]], out)
        alike = buckets[skey[:2]].alike(sms)
        for okey in sorted(alike, key=order.__getitem__):  # every other outlet key scores 0
            oms = out[okey]
            score = alike[okey]
            if score < LINKED_CONFLICT_THRESHOLD:
                continue
            if score >= CONFLICT_THRESHOLD or any(
                    (a.sentence.index, b.sentence.index) in linked and near(a) & near(b) for a in sms for b in oms):
                candidates.append((score, skey, okey))
    pairs, used_s, used_o = [], set(), set()
    for _, skey, okey in sorted(candidates, key=lambda c: -c[0]):
        if skey not in used_s and okey not in used_o:
            used_s.add(skey)
            used_o.add(okey)
            a, b = max(((a, b) for a in src[skey] for b in out[okey]), key=lambda pair: similarity(*pair))
            pairs.append((a, b))
    return pairs


class _OutletIndex:
    """The outlet's mentions of one kind of figure, by the context words they have.

    Most pairs of mentions share fewer than two context words, so score 0:
    the index finds the few that do without a look at every pair.
    """

    def __init__(self, okeys: list[tuple], out: dict[tuple, list[Mention]]) -> None:
        self.mentions = [(okey, b) for okey in okeys for b in out[okey]]
        self.by_word: dict[str, list[int]] = {}
        for pos, (_, b) in enumerate(self.mentions):
            for word in b.context:
                self.by_word.setdefault(word, []).append(pos)

    def alike(self, sms: list[Mention]) -> dict[tuple, float]:
        """Outlet keys with a mention sharing two context words or more with one of ``sms``: best _similarity."""
        best: dict[tuple, float] = {}
        by_word = self.by_word
        for a in sms:
            shared = Counter(chain.from_iterable(by_word[w] for w in a.context if w in by_word))
            for pos, n in shared.items():
                if n >= 2:
                    okey, b = self.mentions[pos]
                    best[okey] = max(best.get(okey, 0.0), similarity(a, b))
        return best


def cross_check(gathered: Gathered, linked: Collection[tuple[int, int]] = ()) -> tuple[Fact, ...]:
    """Each fact once, with its status; ``linked`` sentence pairs (source, outlet) let figures differ more."""
    (src_found, src_inside), (out_found, out_inside) = gathered
    src, out = _grouped(src_found), _grouped(out_found)
    # A name listed on one side and said inside a figure on the other is confirmed.
    for mine, theirs, said in ((src, out, out_inside), (out, src, src_inside)):
        for m in said:
            if m.key in mine and m.key not in theirs:
                theirs[m.key] = [with_context(m)]
    confirmed = [(src[k][0], out[k][0]) for k in src if k in out]
    conflicts = _conflicts({k: v for k, v in src.items() if k not in out},
                           {k: v for k, v in out.items() if k not in src}, linked)
    paired_s = {a.key for a, _ in conflicts}
    paired_o = {b.key for _, b in conflicts}
    src_only = [v[0] for k, v in src.items() if k not in out and k not in paired_s]
    out_only = [v[0] for k, v in out.items() if k not in src and k not in paired_o]
    order = lambda m: (m.sentence.index, m.start)  # noqa: E731
    return (
        tuple(_fact(a, b, FactStatus.CONFIRMED) for a, b in sorted(confirmed, key=lambda p: order(p[0])))
        + tuple(_fact(a, b, FactStatus.CONFLICT) for a, b in sorted(conflicts, key=lambda p: order(p[0])))
        + tuple(_fact(a, None, FactStatus.SOURCE_ONLY) for a in sorted(src_only, key=order))
        + tuple(_fact(None, b, FactStatus.OUTLET_ONLY) for b in sorted(out_only, key=order))
    )
