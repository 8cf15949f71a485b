"""Each sentence turned once into what matching reads: tokens, keys and a weighted bag."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Iterable, Sequence

from natodiff.lexicon import IRREGULAR_VERBS
from natodiff.model import Sentence
from natodiff.normalise import Token, tokens, word_key
from natodiff.sequences import Matcher

# A dateline or "he said" tag word counts this much of a word.
META_SHARE = 0.1


@dataclass(slots=True)
class PreparedSentence:
    """A sentence prepared for matching; built once, reused for every pair."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    bag: Counter[str]
    content: int  # number of content tokens

    def matcher(self) -> Matcher:
        """A matcher with this sentence as its second sequence, for the caller to set the first.

        Not kept: at 1 MB a side a sentence that reaches difflib does so 1.6
        times on average, and the kept indexes were a sixth of the
        alignment's memory.
        """
        return Matcher((), self.keys)

    def proposing_keys(self) -> frozenset[str]:
        """Content unigrams and adjacent content bigrams: what proposes a candidate pair.

        Not kept: read once, by ``candidates``; every sentence holding on to
        its bigrams for the whole comparison costs memory for nothing.
        """
        content = [t.key for t in self.tokens if t.content]
        return frozenset((*content, *map(" ".join, zip(content, content[1:]))))


def prepare(sentences: Sequence[Sentence]) -> list[PreparedSentence]:
    return [_prepared(s, tokens(s.text)) for s in sentences]


def with_verbs(u: PreparedSentence) -> PreparedSentence:
    """``u`` as linking reads it: an irregular verb's past forms keyed as the verb ("borne" as "bear").

    Stemming joins a verb's regular forms only; a sentence turned into the
    passive or another tense ("will bear the costs", "the costs will be
    borne") would otherwise match on its nouns alone. Only linking reads
    this: the word diff and the figures show "met" and "meeting" as the
    different words they are.
    """
    toks = lemmas(u.sentence.text, u.tokens)
    return u if toks is u.tokens else _prepared(u.sentence, toks)


def lemmas(text: str, toks: tuple[Token, ...]) -> tuple[Token, ...]:
    """``toks`` with irregular past forms keyed as their verb; lower-case words only ("Drew" may be a name)."""
    form_keys, lemma_of = _irregular()
    if form_keys.isdisjoint([t.key for t in toks]):
        return toks
    out = tuple(
        Token(lemma, t.start, t.end, t.cls)
        if t.cls == "word" and t.key in form_keys and (lemma := lemma_of.get(text[t.start : t.end].casefold()))
        else t
        for t in toks
    )
    return toks if out == toks else out


@cache
def _irregular() -> tuple[frozenset[str], dict[str, str]]:
    """The keys the forms get without the table (a quick first test), and each form's lemma key."""
    lemma_of = {form: word_key(lemma) for lemma, forms in IRREGULAR_VERBS.items() for form in forms}
    return frozenset(map(word_key, lemma_of)), lemma_of


def _prepared(sentence: Sentence, toks: tuple[Token, ...], bag: Counter[str] | None = None) -> PreparedSentence:
    return PreparedSentence(sentence, toks, tuple(t.key for t in toks), _bag(toks) if bag is None else bag,
                            sum(1 for t in toks if t.content))


def _bag(toks: Sequence[Token]) -> Counter[str]:
    """Key counts, a run of capitalised words counting about as one entity.

    "NATO Secretary General Jens Stoltenberg" is one attribution, not five
    facts; without this, any two sentences citing him look alike.
    """
    bag: Counter[str] = Counter()
    run: list[str] = []
    for t in (*toks, None):
        if t is not None and t.cls == "name":
            run.append(t.key)
            continue
        share = 1.0 if len(run) < 3 else 2.0 / len(run)
        for key in run:
            bag[key] += share
        run = []
        if t is not None:
            bag[t.key] += META_SHARE if t.cls == "meta" else 1
    return bag


def merged(parts: Sequence[PreparedSentence]) -> PreparedSentence:
    """Several sentences read as one (an item's side), under the first one's sentence."""
    first = parts[0]
    if len(parts) == 1:
        return first
    bag = sum((p.bag for p in parts), start=Counter())
    return PreparedSentence(first.sentence, sum((p.tokens for p in parts), ()), sum((p.keys for p in parts), ()),
                            bag, sum(p.content for p in parts))


def rest(whole: PreparedSentence, partners: Iterable[PreparedSentence]) -> PreparedSentence:
    """``whole`` less the words its linked partners already account for."""
    covered = _covered(partners)
    toks = tuple(t for t in whole.tokens if t.key not in covered)
    return _prepared(whole.sentence, toks, Counter({k: c for k, c in whole.bag.items() if k not in covered}))


def rest_keys(whole: PreparedSentence, partners: Iterable[PreparedSentence]) -> frozenset[str]:
    """The keys of ``rest(whole, partners)``, without making it."""
    covered = _covered(partners)
    return frozenset(k for k in whole.bag if k not in covered)


def _covered(partners: Iterable[PreparedSentence]) -> set[str]:
    return {k for p in partners for k in p.bag}
