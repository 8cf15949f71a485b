"""How much two prepared sentences say the same thing: one LinkScore per pair."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from math import fsum
from typing import Sequence

from natodiff.align.prepared import META_SHARE, PreparedSentence
from natodiff.align.weights import STOP_WEIGHT, Weights
from natodiff.model import LinkScore, blend_of
from natodiff.normalise import Token

# Content words in one verbatim run that make a link certain (score 1.0).
RUN_FOR_CERTAIN = 10
RUN_CAP = 0.95
# Title-to-title and lead-to-lead scores are divided by this (see with_prior).
PRIOR_DISCOUNT = 0.6
PRIOR_MIN_COMMON = {"title": 2, "lead": 4, "neighbour": 2}
# A pair below the floor still goes to difflib (whose ratio or run may lift it)
# when its containment or its dice passes these.
DIFFLIB_CONTAINMENT = 0.2
DIFFLIB_DICE = 0.5
# Content words two sentences share before their containment counts in full.
EVIDENCE_WORDS = 3


def score(src: PreparedSentence, out: PreparedSentence, weights: Weights) -> LinkScore:
    """How much two sentences say the same thing; symmetric in its arguments.

    containment survives condensation (an outlet keeping half a sentence);
    dice penalises a match that covers little of either side; the difflib
    ratio rewards word order kept; a long verbatim run is copying by itself.
    The best of the three counts.
    """
    s = score_at_least(src, out, weights, weights.total(src.bag), weights.total(out.bag))
    assert s is not None
    return s


def score_at_least(
    src: PreparedSentence, out: PreparedSentence, weights: Weights, wa: float, wb: float,
    floor: float | None = None, guard: bool = True,
) -> LinkScore | None:
    """score() with both bags' total weights given (computed once per sentence).

    With a ``floor``, None for a pair that cannot score that much, decided
    from word counts before difflib runs (most candidate pairs end there).
    ``guard=False`` scores a heading as a sentence, for a pair that position
    has already chosen (a subheading against its own paragraph's item).
    """
    sb, ob = src.bag, out.bag
    w = weights.by_key
    # As Counter's "&"; fsum, so that neither argument order nor set order moves the last digit.
    common = {k: (a if (a := sb[k]) <= (b := ob[k]) else b) for k in sb.keys() & ob.keys()}
    overlap = fsum([w.get(k, STOP_WEIGHT) * c for k, c in common.items()])
    if not overlap or not wa or not wb:
        if floor is not None and floor > 0:
            return None
        return LinkScore(src.sentence.index, out.sentence.index, 0.0, 0.0, 0.0, 0.0, ())
    shared_content = fsum([c for k, c in common.items() if w.get(k, STOP_WEIGHT) > STOP_WEIGHT])
    # A pair sharing one or two words is weak evidence, however short.
    evidence = min(1.0, shared_content / EVIDENCE_WORDS)
    if guard and src.sentence.heading != out.sentence.heading:
        evidence *= evidence  # a two-word headline is inside many long sentences
    containment = overlap / min(wa, wb) * evidence
    dice = 2 * overlap / (wa + wb)
    blend = blend_of(containment, dice)
    difflib = containment > DIFFLIB_CONTAINMENT or dice > DIFFLIB_DICE
    if floor is not None and blend < floor - 1e-6:
        if not difflib or _ceiling(src, out) < floor - 1e-6:
            return None
    # difflib's ratio depends slightly on argument order; fix the order.
    ratio = run = 0.0
    if difflib and src.keys == out.keys:  # what difflib finds in a copy: one block, the whole sentence
        ratio, run = 1.0, run_weight(src.tokens)
    elif difflib:
        x, y = sorted((src, out), key=lambda u: u.keys)
        matcher = y.matcher()
        matcher.set_seq1(x.keys)
        ratio = matcher.ratio()
        run = max((run_weight(x.tokens[b.a : b.a + b.size]) for b in matcher.get_matching_blocks()), default=0.0)
    best = max(ratio, blend, run)
    rare = sorted((k for k in common if w.get(k, STOP_WEIGHT) > STOP_WEIGHT), key=lambda k: (-w[k], k))
    return LinkScore(
        src.sentence.index,
        out.sentence.index,
        round(best, 6),
        round(ratio, 6),
        round(containment, 6),
        round(dice, 6),
        tuple(rare[:6]),
    )


def reach_side(u: PreparedSentence, weights: Weights) -> tuple[dict[str, float], dict[str, float]]:
    """One side of ``cannot_reach``: each key of ``u`` at its weight times its count, and at its
    count when it is a content word (0 otherwise)."""
    w = weights.by_key
    return ({k: w.get(k, STOP_WEIGHT) * c for k, c in u.bag.items()},
            {k: c if w.get(k, STOP_WEIGHT) > STOP_WEIGHT else 0 for k, c in u.bag.items()})


def cannot_reach(
    side: tuple[dict[str, float], dict[str, float]], wa: float, other: PreparedSentence, wb: float, floor: float,
) -> bool:
    """True only for a pair ``score_at_least(..., floor)`` drops; ``side`` is one sentence's ``reach_side``.

    Summed on one side only, over the keys both hold, the overlap and the
    shared content words are at least what the pair has, so containment,
    dice and blend computed from them are too: a pair whose bounds miss the
    floor and both of difflib's gates is dropped. Two C-level passes instead
    of score_at_least's Python loops; most candidate pairs of a long text end
    here.
    """
    if not wa or not wb:
        return False  # score_at_least decides these
    weighted, content = side
    both = weighted.keys() & other.bag.keys()
    overlap = sum(map(weighted.__getitem__, both))
    evidence = min(1.0, sum(map(content.__getitem__, both)) / EVIDENCE_WORDS)
    containment = overlap / min(wa, wb) * evidence
    dice = 2 * overlap / (wa + wb)
    margin = 1e-9  # summation order moves the last digits
    return (blend_of(containment, dice) < floor - 1e-6 - margin
            and containment < DIFFLIB_CONTAINMENT - margin and dice < DIFFLIB_DICE - margin)


def _ceiling(src: PreparedSentence, out: PreparedSentence) -> float:
    """The most ratio and run can be: both are bounded by the words the two share, in any order.

    Counted afresh for each pair: about one candidate pair in seven gets
    here, and kept for every sentence the counts cost more memory than time.
    """
    sk, ok = Counter(src.keys), Counter(out.keys)
    common = sk.keys() & ok.keys()
    said = {t.key for u in (src, out) for t in u.tokens if t.cls in ("word", "number") and t.key in common}
    both = words = 0
    for k in common:
        m = min(sk[k], ok[k])
        both += m
        if k in said:
            words += m
    return max(2.0 * both / (len(src.keys) + len(out.keys)), min(RUN_CAP, (words + 1) / RUN_FOR_CERTAIN))


def run_weight(run: Sequence[Token]) -> float:
    """A verbatim run of ten content words is copying, whatever surrounds it.

    Names count once per run: "NATO Secretary General Jens Stoltenberg" is
    one attribution, not five copied words.
    """
    words = sum(1 for t in run if t.cls in ("word", "number"))
    names = any(t.cls == "name" for t in run)
    # Capped below 1.0 so that a sentence's identical twin always ranks first.
    return min(RUN_CAP, (words + names) / RUN_FOR_CERTAIN)


def in_stretch(
    s: LinkScore, rest: PreparedSentence, lone: PreparedSentence, shared: set[str], weights: Weights
) -> LinkScore:
    """``s`` with its overlap taken on the stretch of the lone sentence that holds the shared words.

    A clause merged into another sentence comes from one stretch of a longer
    sentence ("with 2 abstentions (China, Russian Federation)"); the rest of
    that sentence was left out, so it does not dilute the match. Shared
    words scattered over the whole sentence get no such credit.
    """
    at = [k for k, t in enumerate(lone.tokens) if t.key in shared]
    stretch = lone.tokens[at[0] : at[-1] + 1]
    w_stretch = sum(weights[t.key] * (META_SHARE if t.cls == "meta" else 1) for t in stretch)
    overlap = sum(weights[k] * min(c, lone.bag[k]) for k, c in rest.bag.items() if k in lone.bag)
    local = max(s.weighted_overlap, min(1.0, 2 * overlap / (weights.total(rest.bag) + w_stretch)))
    best = max(s.score, blend_of(s.containment, local))
    return replace(s, score=round(best, 6), weighted_overlap=round(local, 6))


def openers(sentences: Sequence[PreparedSentence]) -> dict[str, int]:
    """Positions of the title (a first heading) and the lead (first body sentence)."""
    out: dict[str, int] = {}
    for k, u in enumerate(sentences):
        first_line = k == 0 and not u.sentence.text.rstrip("\"'”’)").endswith((".", "!", "?"))
        if (u.sentence.heading or first_line) and not out:
            out["title"] = k
        elif not u.sentence.heading:
            out["lead"] = k
            break
    return out


def with_prior(s: LinkScore, prior: str, discount: float = PRIOR_DISCOUNT) -> LinkScore:
    """Titles and leads of two reports of one event describe that event, and a
    sentence beside a link likely continues it (``align.neighbours``).

    Their score is divided by ``discount`` (capped at 1), so a title pair
    sharing a few rare words links where two body sentences would not; two
    titles over linked leads take a smaller one (linking's
    TITLE_LEADS_DISCOUNT). A
    lead, being longer, must share PRIOR_MIN_COMMON["lead"] words: leads on
    one topic share its two or three words anyway.
    """
    if len(s.common) < PRIOR_MIN_COMMON[prior]:
        return s
    return replace(s, score=round(min(1.0, s.score / discount), 6), prior=prior, discount=discount)
