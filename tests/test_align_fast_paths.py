"""The aligner's shortcuts give what the plain computation gives (hypothesis).

``score_at_least`` drops a pair from word counts before difflib runs;
``find_repeats`` reads only the earlier sentences holding one of a
sentence's rarest keys, and only those heavy enough; ``candidates`` counts
one left sentence's shared keys at a time. Each is checked here against the
plain way.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from math import fsum

from hypothesis import example, given
from hypothesis import strategies as st

from natodiff.align import DF_CAP, Weights, candidates, find_repeats, prepare, score
from natodiff.align.candidates import _counting_cap
from natodiff.align.linking import _phrase
from natodiff.align.repeats import REPEAT_CONTAINMENT, REPEAT_IN_ORDER, _in_order, _polarity
from natodiff.align.scoring import score_at_least
from natodiff.align.weights import STOP_WEIGHT
from natodiff.model import Sentence, Side

WORDS = ("ministers allies defence Ukraine Brussels agreed drones ammunition budget percent billion "
         "Stoltenberg NATO said not the a of to in and on 2024 15 $5bn").split()
RARE = ("Kyiv", "Rutte", "2025", "howitzers")


@st.composite
def texts(draw, n_min: int = 2, n_max: int = 12) -> list[str]:
    n = draw(st.integers(n_min, n_max))
    out = []
    for _ in range(n):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
        out.append(" ".join(words).capitalize() + ".")
    if draw(st.booleans()) and out:  # a sentence printed twice, as pull quotes are
        out.append(draw(st.sampled_from(out)))
    if draw(st.booleans()) and out:  # ... or again with a word of its own (rarer than any it shares)
        out.append(draw(st.sampled_from(out)).rstrip(".") + " " + draw(st.sampled_from(RARE)) + ".")
    return out


def prepared(lines: list[str], side: Side = Side.SOURCE):
    return prepare([Sentence(side, k, k, text) for k, text in enumerate(lines)])


@given(texts(), texts(), st.floats(0.0, 1.0))
def test_a_pair_dropped_below_the_floor_scores_below_it(left, right, floor) -> None:
    a, b = prepared(left), prepared(right, Side.OUTLET)
    weights = Weights(a + b)
    for x in a:
        for y in b:
            plain = score(x, y, weights)
            quick = score_at_least(x, y, weights, weights.total(x.bag), weights.total(y.bag), floor)
            if quick is None:
                assert plain.score < floor
            else:
                assert quick == plain


def _repeats_plainly(units, weights) -> dict[int, int]:
    """find_repeats without prefix filtering: every earlier sentence is read."""
    out = {}
    first = {}
    for u in units:
        if not u.sentence.boilerplate and 1 <= u.content < 3:
            if u.keys in first:
                out[u.sentence.index] = first[u.keys]
            else:
                first[u.keys] = u.sentence.index
    live = [u for u in units if not u.sentence.boilerplate and u.content >= 3]
    w = weights.by_key
    for i, later in enumerate(live):
        total = weights.total(later.bag)
        if not total:
            continue
        for earlier in live[:i]:
            if earlier.sentence.index in out:
                continue
            found = fsum([w.get(k, STOP_WEIGHT) * min(later.bag[k], earlier.bag[k])
                          for k in later.bag.keys() & earlier.bag.keys()])
            if found / total >= REPEAT_CONTAINMENT and _polarity(later) == _polarity(earlier) \
                    and _in_order(later, earlier) >= REPEAT_IN_ORDER:
                out[later.sentence.index] = earlier.sentence.index
                break
    return out


LONG = ("Ministers of the allies agreed in Brussels on a budget for drones, ammunition and air defence for Ukraine, "
        "with 15 percent more in 2024 and 5 billion for training missions")


@given(texts(2, 16))
@example(["NATO met.", LONG + ".", "Allies agreed.", LONG + " in Kyiv."])  # its rarest key is its own
def test_repeats_found_by_prefix_filtering_are_those_found_by_reading_everything(lines) -> None:
    units = prepared(lines)
    weights = Weights(units)
    assert find_repeats(units, weights) == _repeats_plainly(units, weights)


def _candidates_plainly(left, right) -> set[tuple[int, int]]:
    """candidates() as first written: every rare key's pairs listed, then counted per left sentence."""
    lkeys = [u.proposing_keys() for u in left]
    rkeys = [u.proposing_keys() for u in right]
    lpost, rpost = defaultdict(list), defaultdict(list)
    for post, keys in ((lpost, lkeys), (rpost, rkeys)):
        for k, ks in enumerate(keys):
            for key in ks:
                post[key].append(k)
    hits = [[] for _ in left]
    for key, ls in lpost.items():
        rs = rpost.get(key)
        if rs is not None and len(ls) + len(rs) <= DF_CAP:
            for i in ls:
                hits[i].extend(rs)
    cap = _counting_cap(len(left) + len(right))
    common = {k for k, ls in lpost.items() if (rs := rpost.get(k)) and DF_CAP < len(ls) + len(rs) <= cap}
    pairs = set()
    for i, h in enumerate(hits):
        row = Counter(h)
        if left[i].content <= 2:
            pairs.update((i, j) for j in row)
            continue
        mine = lkeys[i] & common
        pairs.update((i, j) for j, n in row.items()
                     if n >= 2 or right[j].content <= 2 or not mine.isdisjoint(rkeys[j] & common))
    for i, u in enumerate(left):
        same = [j for j, v in enumerate(right) if v.keys and v.keys == u.keys]
        pairs.update((i, j) for j in same[:cap])
    return pairs


@given(texts(2, 40), texts(2, 40), st.integers(1, 6))
def test_candidates_read_one_row_at_a_time_are_those_listed_all_at_once(left, right, copies) -> None:
    # Copies of the texts make keys common enough to cross DF_CAP and the counting cap.
    a, b = prepared(left * copies), prepared(right * copies, Side.OUTLET)
    assert candidates(a, b) == _candidates_plainly(a, b)


def _phrase_plainly(whole, lone, shared) -> bool:
    """linking._phrase as first written: the proposing bigrams the two sentences share, read as text."""
    both = whole.proposing_keys() & lone.proposing_keys()
    return any(" " in k and all(w in shared for w in k.split(" ")) for k in both)


@given(texts(2, 2), st.lists(st.sampled_from([*WORDS, *RARE]), max_size=6))
@example(["Allies agreed drones drones.", "The drones drones said."], ["drone"])  # a word beside itself
def test_a_phrase_found_by_word_pairs_is_the_one_the_bigram_keys_find(lines, extra) -> None:
    whole, lone = prepared(lines)[:2]
    for shared in ({t.key for t in lone.tokens if t.content} & {t.key for t in whole.tokens},
                   {t.key for t in prepared([" ".join(extra) or "the"])[0].tokens}):
        assert _phrase(whole, lone, shared) == _phrase_plainly(whole, lone, shared)
