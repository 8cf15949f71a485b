"""The bound that drops a candidate pair before it is scored drops only pairs scoring would drop (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from natodiff.align import Weights, prepare
from natodiff.align.prepared import rest, with_verbs
from natodiff.align.scoring import cannot_reach, reach_side, score_at_least
from natodiff.model import Sentence, Side

WORDS = ("ministers allies defence Ukraine Brussels agreed drones ammunition budget percent billion "
         "Stoltenberg NATO Jens said not the a of to in and on 2024 15 $5bn").split()


@st.composite
def lines(draw) -> list[str]:
    out = []
    for _ in range(draw(st.integers(1, 8))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
        out.append(" ".join(words).capitalize() + ".")
    return out


def prepared(texts: list[str], side: Side):
    return prepare([Sentence(side, k, k, text) for k, text in enumerate(texts)])


@given(lines(), lines(), st.floats(-0.2, 1.0))
# A short sentence inside a long one: the lighter side's share is what counts.
@example(["Allies agreed on drones."], ["Ministers of the allies agreed in Brussels on a budget for drones, ammunition "
                                       "and air defence for Ukraine, with more training."], 0.29)
# Under half shared, but as one verbatim run: difflib lifts it above a high floor.
@example(["Ministers agreed budget drones ammunition defence training missions howitzers Brussels in Kyiv yesterday "
          "after long talks with Rutte about artillery shells tanks."],
         ["Ministers agreed budget drones ammunition defence training missions howitzers Brussels, diplomats told "
          "reporters outside summit venue tonight amid heavy rain."], 0.6)
def test_a_pair_the_bound_drops_is_one_score_at_least_drops(left, right, floor) -> None:
    a, b = prepared(left, Side.SOURCE), prepared(right, Side.OUTLET)
    weights = Weights(a + b)
    for x in a:
        wx, side = weights.total(x.bag), reach_side(x, weights)
        for y in b:
            wy = weights.total(y.bag)
            if cannot_reach(side, wx, y, wy, floor):
                assert score_at_least(x, y, weights, wx, wy, floor) is None


@given(lines(), lines())
@example(["The costs were borne by Allies."], ["Allies will bear the costs."])  # an irregular verb read as its verb
def test_every_token_key_is_in_its_sentences_bag(left, right) -> None:
    # rest_joins skips a pair whose rest keys are disjoint from the lone sentence's bag, for its tokens.
    a, b = prepared(left, Side.SOURCE), prepared(right, Side.OUTLET)
    for u in (*a, *b, *map(with_verbs, a), *map(with_verbs, b), rest(a[0], b)):
        assert {t.key for t in u.tokens} <= u.bag.keys()
