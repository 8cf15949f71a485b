"""Meaning shifts: the edits inside a linked item that change what it says.

An item's word diff already says *that* words changed; this says what the
change does (a hedge added, a stance dropped, a speaker changed...). Words
are compared on normalise's keys, so spelling, typography, number format and
known aliases never count. Precision comes first: a lexical edit counts only
when the item as a whole has more (or fewer) of it on one side, so a word
that merely moved is not a shift, and a long clause added or dropped is new
or left-out content (the item's kind says so), not a shift.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence, TypeVar

from natodiff.lexicon.meaning import Phrase, meaning
from natodiff.model import Alignment, DiffOp, Framing, Op, Shift, ShiftType
from natodiff.lexicon import MONTH_NAMES, NEGATIONS, WEEKDAYS
from natodiff.normalise import CURRENCY_KEYS, SCALE_KEYS, Token, keys, tokens
from natodiff.patterns import Pattern, one_of

# An op with more words than this on one side, and under half as many on the
# other, is content added or left out, not an edit of what the rest says
# (tests/gold/meaning-shifts and the samples pin it).
LONG_OP = 8
# A name swapped for another is a few words on each side; more is a rewrite.
NAME_WORDS = 3

_MONTH_KEYS = frozenset(MONTH_NAMES)  # the keys tokens() gives every spelling of a month
_YEAR = Pattern(r"(?:19|20)\d\d")
_FIGURE_KEYS = CURRENCY_KEYS | SCALE_KEYS | {"percent"}
# Modal moves that are tense, not force, in reported speech ("will" -> "he said it would").
_BACKSHIFT = frozenset({("certain", "conditional"), ("ability", "possible"), ("certain", "advice")})
_QUOTE_MARKS = Pattern("[\"“”«»„]")
# Words a speaker's name may be no more than: who speaks is then unknown, not changed.
_UNNAMED = frozenset(
    "he she they it we i general secretary minister ministers spokesperson spokesman spokeswoman chief head "
    "president official officials prime deputy foreign defence defense mr mrs ms dr the a an".split())


T = TypeVar("T")


class _Side(NamedTuple):
    """One side of an item: its text, tokens, and where each token's op is."""

    text: str
    toks: tuple[Token, ...]
    op: tuple[int, ...]  # index into the diff of each token
    counted: tuple[bool, ...]  # not inside a long one-sided op
    live: tuple[bool, ...]  # counted, and inside an op that changed something
    at: dict[str, list[int]]  # positions of each key: phrases are looked up, not scanned for
    changed: frozenset[str]  # keys of the live tokens: a lexical shift starts at one


def _side(diff: Sequence[DiffOp], name: str) -> _Side:
    pieces = [getattr(op, name) for op in diff]
    text = "".join(pieces)
    toks = tokens(text)
    bounds, at = [], 0
    for piece in pieces:
        bounds.append(at + len(piece))
        at += len(piece)
    ops, k = [], 0
    for t in toks:
        while k + 1 < len(bounds) and t.start >= bounds[k]:
            k += 1
        ops.append(k)
    long_ = [_long(op) for op in diff]
    counted = tuple(not long_[k] for k in ops)
    live = tuple(c and diff[k].op is not Op.EQUAL for c, k in zip(counted, ops))
    at: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        at.setdefault(t.key, []).append(i)
    changed = frozenset(t.key for t, alive in zip(toks, live) if alive)
    return _Side(text, toks, tuple(ops), counted, live, at, changed)


def _long(op: DiffOp) -> bool:
    """More than LONG_OP words on one side and under half as many on the other: content, not an edit."""
    n, m = sorted((len(op.source.split()), len(op.outlet.split())))
    return op.op is not Op.EQUAL and m > LONG_OP and 2 * n < m


def _span(side: _Side, i: int, n: int = 1) -> str:
    return side.text[side.toks[i].start:side.toks[i + n - 1].end]


def _piece(diff: Sequence[DiffOp], k: int, name: str) -> str:
    """The other side's words of op ``k`` when it replaced something, else ""."""
    op = diff[k]
    return getattr(op, name).strip(" ,.;:\"'“”‘’") if op.op is Op.REPLACE else ""


def _find(side: _Side, phrases: Iterable[Phrase], taken: set[int] | None = None) -> list[tuple[int, Phrase]]:
    """Counted occurrences of the phrases, longest first, none overlapping another."""
    taken = set() if taken is None else taken
    found = []
    for p in _longest_first(frozenset(phrases)):
        n = len(p)
        for i in side.at.get(p[0], ()):
            if (side.counted[i] and tuple(t.key for t in side.toks[i:i + n]) == p
                    and not taken.intersection(range(i, i + n))):
                found.append((i, p))
                taken.update(range(i, i + n))
    return sorted(found)


@lru_cache(maxsize=256)
def _longest_first(phrases: frozenset[Phrase]) -> tuple[Phrase, ...]:
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


def _extra(mine: list[tuple[int, T]], theirs: list[tuple[int, T]], side: _Side) -> list[tuple[int, T]]:
    """Occurrences of what this side has more of than the other, where this side's words changed."""
    surplus = Counter(p for _, p in mine) - Counter(p for _, p in theirs)
    out = []
    for i, p in mine:
        if surplus[p] and side.live[i]:
            surplus[p] -= 1
            out.append((i, p))
    return out


@lru_cache(maxsize=64)
def _openers(phrases: frozenset[Phrase]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases)


def _may_hold(it: "_Item", openers: frozenset[str]) -> bool:
    """Whether a changed word of either side is one of ``openers``.

    A lexical shift is an occurrence _extra() keeps, and it keeps only those
    starting at a live token: an item whose edits touch none of a list's
    words has no shift of that list, and its phrases are not searched for.
    """
    return not (openers.isdisjoint(it.src.changed) and openers.isdisjoint(it.out.changed))


def _may_open(side: _Side, term: Phrase) -> bool:
    """Whether a changed word of ``side`` may open ``term`` (as _may_hold, for one side and term)."""
    return term[0] in side.changed


class _Item(NamedTuple):
    diff: tuple[DiffOp, ...]
    src: _Side
    out: _Side


def item_shifts(a: Alignment, body: frozenset[Phrase] = frozenset()) -> tuple[Shift, ...]:
    """The shifts of one linked item (names, figures and dates in diff order, then the other types);
    ``body`` keys the issuing body's names."""
    if not (a.source and a.outlet and a.diff) or a.repeat_of is not None:
        return ()
    if all(op.op is Op.EQUAL for op in a.diff):
        return ()  # the same words on both sides, up to spelling and typography
    it = _Item(a.diff, _side(a.diff, "source"), _side(a.diff, "outlet"))
    found: list[Shift] = []
    # Only a replaced (so live) op is asked about: where no framing term opens on a live token, none is.
    found += _names_and_figures(it, framed_ops=_framing_ops(it) if _may_hold(it, _framing_openers()) else set())
    found += _negation(it, a.negation)
    found += _hedges(it, body)
    found += _modality(it)
    found += _attribution(it, body)
    found += _stance(it)
    found += _framing(it)
    return _one_per_edit(found)


# A speaker's name changed is an attribution shift; a word of a framing term
# ("illegal annexation") is the framing shift; "sham" made "so-called" is the
# hedge: one edit, one shift.
_COVERED_BY = {ShiftType.NAME: (ShiftType.ATTRIBUTION,), ShiftType.STANCE: (ShiftType.FRAMING, ShiftType.HEDGE),
               ShiftType.HEDGE: (ShiftType.FRAMING,)}


def _one_per_edit(found: list[Shift]) -> tuple[Shift, ...]:
    def covered(s: Shift) -> bool:
        by = _COVERED_BY.get(s.type, ())
        return any(o.type in by and _within(s.source, o.source) and _within(s.outlet, o.outlet) for o in found)

    return tuple(s for s in found if not covered(s))


def _within(words: str, span: str) -> bool:
    """The content words of ``words`` (all its words if it has none, as "was said to") are all in ``span``."""
    toks = tokens(words)
    return {t.key for t in toks if t.cls != "stop" or all(u.cls == "stop" for u in toks)} <= set(keys(span))


# ------------------------------------------------------------ name, figure, date


@lru_cache(maxsize=1)
def _framing_openers() -> frozenset[str]:
    return frozenset(term[0] for pair in meaning().framing for term in pair)


def _framing_ops(it: _Item) -> set[int]:
    """Ops holding a framing term: "Allies" -> "Partners" is framing there, not a name."""
    terms = {t for pair in meaning().framing for t in pair}
    ops = set()
    for side in (it.src, it.out):
        ops.update(side.op[i] for i, _ in _find(side, terms))
    return ops


def _names_and_figures(it: _Item, framed_ops: set[int]) -> list[Shift]:
    out = []
    for k, op in enumerate(it.diff):
        if op.op is not Op.REPLACE or _long(op):
            continue
        s = [t for i, t in enumerate(it.src.toks) if it.src.op[i] == k]
        o = [t for i, t in enumerate(it.out.toks) if it.out.op[i] == k]
        shift = _dated(s, o, it, k) or (None if k in framed_ops else _named(s, o, it, k))
        if shift:
            out.append(shift)
    return out


@lru_cache(maxsize=1)
def _weekday_keys() -> frozenset[str]:
    """Keyed on first use: keying tokenises, which importing should not."""
    return frozenset(keys(" ".join(WEEKDAYS)))


def _is_date(t: Token) -> bool:
    return t.key in _MONTH_KEYS and (t.key != "may" or t.cls == "name") or t.key in _weekday_keys() or (
        t.cls == "number" and bool(_YEAR.fullmatch(t.key)))


def _day(it: _Item, k: int, t: Token) -> bool:
    """A number of one or two digits next to a month name (lexicon.MONTHS): the day of a date, not a figure."""
    if t.cls != "number" or not t.key.isdigit() or len(t.key) > 2:
        return False
    for side in (it.src, it.out):
        for i, u in enumerate(side.toks):
            if u is t or u == t and side.op[i] == k:
                near = side.toks[max(i - 1, 0):i] + side.toks[i + 1:i + 2]
                return any(v.key in _MONTH_KEYS for v in near)
    return False


def _is_figure(t: Token) -> bool:
    return t.cls == "number" or t.key in _FIGURE_KEYS


def _dated(s: list[Token], o: list[Token], it: _Item, k: int) -> Shift | None:
    """A date or figure that differs where the diff replaced words; a day beside a month is a date."""
    for kind, test in ((ShiftType.DATE, lambda t: _is_date(t) or _day(it, k, t)), (ShiftType.FIGURE, _is_figure)):
        sk = Counter(t.key for t in s if test(t) or kind is ShiftType.DATE and _is_figure(t))
        ok = Counter(t.key for t in o if test(t) or kind is ShiftType.DATE and _is_figure(t))
        has_kind = any(map(test, s)) and any(map(test, o))
        if has_kind and sk and ok and sk != ok:
            src, dst = _piece(it.diff, k, "source"), _piece(it.diff, k, "outlet")
            return Shift(kind, src, dst, f'{kind.value} "{src}" reported as "{dst}"')
    return None


def _initial(side: _Side, t: Token) -> bool:
    """At the start of a sentence, where any word is capitalised."""
    before = side.text[:t.start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _named(s: list[Token], o: list[Token], it: _Item, k: int) -> Shift | None:
    """A person, title or place written as another one."""
    sn = [t for t in s if t.cls != "stop"]
    on = [t for t in o if t.cls != "stop"]
    if not (0 < len(sn) <= NAME_WORDS and 0 < len(on) <= NAME_WORDS):
        return None
    if any(t.cls != "name" for t in sn + on):
        return None
    if (_initial(it.src, sn[0]) or _initial(it.out, on[0])) and not _name_goes_on(it, k):
        return None
    if {t.key for t in sn} & {t.key for t in on}:
        return None
    same = meaning().same_names
    group_s = same.get(tuple(t.key for t in sn))
    if group_s is not None and group_s == same.get(tuple(t.key for t in on)):
        return None
    src, dst = _piece(it.diff, k, "source"), _piece(it.diff, k, "outlet")
    return Shift(ShiftType.NAME, src, dst, f'"{src}" named "{dst}"')


def _name_goes_on(it: _Item, k: int) -> bool:
    """The word after the op is capitalised on both sides, mid-sentence: "Foreign Minister Baerbock"."""
    for side in (it.src, it.out):
        after = [t for i, t in enumerate(side.toks) if side.op[i] > k][:1]
        if not after or after[0].cls != "name" or side.text[after[0].start:after[0].end].isupper():
            return False
    return True


# -------------------------------------------------------------------- negation


def _negation(it: _Item, negation: str | None) -> list[Shift]:
    """The item's negation flag (classify), pointed at the "not" and what stands for it.

    The flag reads whole items; a "not" inside a clause the outlet left out or
    added whole is no shift here, as no word of it was edited."""
    if negation is None:
        return []
    side, name, other = (it.src, "source", "outlet") if negation == "dropped" else (it.out, "outlet", "source")
    live = [i for i, t in enumerate(side.toks) if t.key in NEGATIONS and side.live[i]]
    if not live:
        return []  # the "not" is in a clause added or left out whole: content, not an edit
    i = live[0]
    word = _span(side, i)
    there = _piece(it.diff, side.op[i], other)
    src, dst = (word, there) if name == "source" else (there, word)
    return [Shift(ShiftType.NEGATION, src, dst, f'"{word}" {negation}')]


# ------------------------------------------------------------ lexical: the lists


def _lexical(it: _Item, kind: ShiftType, phrases: Iterable[Phrase], *, skip=None) -> list[Shift]:
    """Words of one list one side has more of, each said added or dropped."""
    wanted = frozenset(phrases)
    if not _may_hold(it, _openers(wanted)):
        return []
    s_all, o_all = _find(it.src, wanted), _find(it.out, wanted)
    out = []
    for side, mine, theirs, name, other, what in (
        (it.src, s_all, o_all, "source", "outlet", "dropped"),
        (it.out, o_all, s_all, "outlet", "source", "added"),
    ):
        for i, n in _runs(side, [(i, p) for i, p in _extra(mine, theirs, side) if not (skip and skip(side, i, p))]):
            word = _span(side, i, n)
            there = _piece(it.diff, side.op[i], other)
            src, dst = (word, there) if name == "source" else (there, word)
            out.append(Shift(kind, src, dst, f'"{word}" {what}'))
    return out


def _runs(side: _Side, found: list[tuple[int, Phrase]]) -> list[tuple[int, int]]:
    """Occurrences in one op with only function words between them, as one (start, length):
    "strongly condemn", "unprovoked and unjustified" are one edit."""
    out: list[list[int]] = []
    for i, p in found:
        if out:
            start, n = out[-1]
            between = side.toks[start + n:i]
            if side.op[i] == side.op[start] and all(t.cls == "stop" for t in between) and len(between) <= 2:
                out[-1][1] = i + len(p) - start
                continue
        out.append([i, len(p)])
    return [(i, n) for i, n in out]


def _hedges(it: _Item, body: frozenset[Phrase]) -> list[Shift]:
    names = body | meaning().statement_words

    def cites_the_body(side: _Side, i: int, p: Phrase) -> bool:
        """ "according to the statement" or "according to NATO" quotes the source, it does not doubt it;
        nor does "X said, according to Y", which only says where the words were read."""
        if p != ("according", "to"):
            return False
        if _reports(side):
            return True
        after = [t.key for t in side.toks[i + 2:i + 6] if t.key not in ("the", "a", "its", "their")]
        return any(tuple(after[:len(n)]) == n for n in names)

    return _lexical(it, ShiftType.HEDGE, meaning().hedges, skip=cites_the_body)


def _stance(it: _Item) -> list[Shift]:
    """Stance words dropped or added; one dropped and one added in the same op is one swap."""
    found = _lexical(it, ShiftType.STANCE, meaning().stance)
    dropped = [f for f in found if f.note.endswith("dropped")]
    added = [f for f in found if f.note.endswith("added")]
    out = []
    for d in dropped:
        swap = next((a for a in added if a.outlet and a.outlet in d.outlet), None)
        if swap is not None:
            added.remove(swap)
            out.append(Shift(ShiftType.STANCE, d.source, swap.outlet, f'"{d.source}" replaced by "{swap.outlet}"'))
        else:
            out.append(d)
    return out + added


@lru_cache(maxsize=1)
def _framing_pairs() -> tuple[tuple[Phrase, Phrase], ...]:
    """Every pair both ways round, longest terms first ("war of aggression" before "war")."""
    pairs = [*meaning().framing, *((b, a) for a, b in meaning().framing)]
    return tuple(sorted(pairs, key=lambda ab: (-len(ab[0]) - len(ab[1]), ab)))


def _framing(it: _Item) -> list[Shift]:
    """A loaded term the outlet uses where the source used its counterpart (either way round)."""
    out = []
    s_taken: set[int] = set()
    o_taken: set[int] = set()
    for a, b in _framing_pairs():
        if not (_may_open(it.src, a) and _may_open(it.out, b)):
            continue  # _extra() keeps only terms starting at a live token, and a swap needs one on each side
        s_a = _extra(_find(it.src, [a], set(s_taken)), _find(it.out, [a]), it.src)
        o_b = _extra(_find(it.out, [b], set(o_taken)), _find(it.src, [b]), it.out)
        for (i, _), (j, _) in zip(s_a, o_b):
            s_taken.update(range(i, i + len(a)))
            o_taken.update(range(j, j + len(b)))
            src, dst = _span(it.src, i, len(a)), _span(it.out, j, len(b))
            out.append(Shift(ShiftType.FRAMING, src, dst, f'"{src}" called "{dst}"'))
    return out


# -------------------------------------------------------------------- modality


@lru_cache(maxsize=1)
def _modal_keys() -> frozenset[str]:
    return frozenset(meaning().modal_force)


def _modals(side: _Side) -> list[tuple[int, str]]:
    force = meaning().modal_force
    out = []
    for i, t in enumerate(side.toks):
        if t.key not in force or not side.counted[i]:
            continue
        word = side.text[t.start:t.end]
        if word == "May" and not _initial(side, t):
            continue  # the month
        if t.key == "will" and i and side.toks[i - 1].key in ("the", "political", "good", "free", "own"):
            continue  # the noun
        out.append((i, force[t.key]))
    return out


def _reports(side: _Side) -> bool:
    verbs = meaning().speech_verbs
    return any(side.text[t.start:t.end].casefold() in verbs for t in side.toks)


def _modality(it: _Item) -> list[Shift]:
    """The force of a verb moved between groups (will -> may, must -> should, is -> would be)."""
    if not _may_hold(it, _modal_keys()):
        return []  # what _extra() keeps of the modals starts at a live token
    s_m, o_m = _modals(it.src), _modals(it.out)
    gone, new = _extra(s_m, o_m, it.src), _extra(o_m, s_m, it.out)
    reported = _reports(it.out)
    out = []
    while gone and new:
        (i, g), (j, h) = gone.pop(0), new.pop(0)
        if (g, h) in _BACKSHIFT and reported:
            continue
        src, dst = _span(it.src, i), _span(it.out, j)
        out.append(Shift(ShiftType.MODALITY, src, dst, f'"{src}" made "{dst}"'))
    for j, h in new:
        if h == "certain" or h == "conditional" and reported:
            continue  # "decided to create" -> "will create": future, not force
        dst = _span(it.out, j)
        out.append(Shift(ShiftType.MODALITY, _piece(it.diff, it.out.op[j], "source"), dst, f'"{dst}" added'))
    for i, g in gone:
        if g == "certain":
            continue
        src = _span(it.src, i)
        out.append(Shift(ShiftType.MODALITY, src, _piece(it.diff, it.src.op[i], "outlet"), f'"{src}" dropped'))
    return out


# ----------------------------------------------------------------- attribution

BODY = "\x00body"  # the identity speakers() gives the issuing body and its statement
_SUBJECT = (r"(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}"
            r"(?:[A-Z][\w'’.-]*|ministry|statement|alliance|council|government|spokesperson|spokesman|"
            r"spokeswoman|officials?|minister|president|chancellor|ambassador|envoy|leader|chief|agency|release|"
            r"communiqu[eé])|\b(?:he|she|they|it)")


@lru_cache(maxsize=1)
def _speech_pattern() -> re.Pattern[str]:
    """Compiled on first use: the verbs come from meaning.toml."""
    verbs = one_of(meaning().speech_verbs)
    phrases = "|".join(r"\s+".join(map(re.escape, p)) for p in sorted(meaning().speech_phrases, key=len, reverse=True))
    return re.compile(
        rf"(?P<a>{_SUBJECT})\s+(?:\w+ly\s+)?{verbs}\b"
        rf"|\b{verbs}\s+(?P<b>{_SUBJECT})"
        rf"|\b(?:{phrases})\s+(?P<c>{_SUBJECT})"
    )


@lru_cache(maxsize=1)
def _speech_hint() -> re.Pattern[str]:
    """The speech verbs and phrases alone, anywhere: _speech_pattern() matches none without one."""
    phrases = (r"\s+".join(map(re.escape, p)) for p in meaning().speech_phrases)
    return re.compile(one_of([*meaning().speech_verbs, *phrases]))


def speakers(text: str, body: frozenset[Phrase]) -> list[tuple[str, str | None]]:
    """Who each speech verb gives the words to: (as written, identity key or None when unnamed)."""
    masked = _masked(text)
    out = []
    for m in _speech_pattern().finditer(masked):
        subject = next(g for g in m.groups() if g)
        out.append((m.group().strip(), _identity(subject, body)))
    return out


def _masked(text: str) -> str:
    """Quoted words blanked: a name inside a quotation does not speak."""
    return re.sub(r"[\"“«„][^\"“”«»„]*[\"”»]", lambda m: " " * len(m.group()), text)


def _identity(subject: str, body: frozenset[Phrase]) -> str | None:
    words = [w for w in re.findall(r"[\w'’.-]+", subject) if w.casefold().strip(".") not in _UNNAMED]
    if not words:
        return None
    statement = meaning().statement_words
    phrase = keys(" ".join(words))
    if not phrase:
        return None  # punctuation only
    if any(tuple(phrase[k:k + len(n)]) == n for n in body | statement for k in range(len(phrase))):
        return BODY  # the issuing body, by name or as "the statement"
    group = meaning().same_names.get(phrase[-1:])
    return f"\x00{group}" if group is not None else phrase[-1]


def _attribution(it: _Item, body: frozenset[Phrase]) -> list[Shift]:
    """A speaker changed, or the source's own words quoted as a speaker's."""
    if not _speech_hint().search(it.out.text):
        return []  # both kinds need a speaker in the outlet, and every speaker has a speech verb or phrase
    s_said = speakers(it.src.text, body)
    o_said = speakers(it.out.text, body)
    s_who = {who for _, who in s_said if who}
    o_who = {who for _, who in o_said if who}
    if s_who and o_who and not s_who & o_who:
        src = next(w for w, who in s_said if who)
        dst = next(w for w, who in o_said if who)
        return [Shift(ShiftType.ATTRIBUTION, src, dst, f'"{src}" became "{dst}"')]
    quoted = [(w, who) for w, who in o_said if who != BODY]
    if not s_said and not _QUOTE_MARKS.search(it.src.text) and _QUOTE_MARKS.search(it.out.text) and quoted:
        dst = quoted[-1][0]
        return [Shift(ShiftType.ATTRIBUTION, "", dst, f'the source\'s own words quoted as "{dst}"')]
    return []


# ------------------------------------------------------------------ whole pair


def with_shifts(items: Sequence[Alignment], ignore: Iterable[str] = (),
                body: frozenset[Phrase] = frozenset()) -> tuple[Alignment, ...]:
    """Every item with its shifts, less the types ``ignore`` names."""
    skip = frozenset(ignore)
    out = []
    for a in items:
        found = tuple(s for s in item_shifts(a, body) if s.type.value not in skip)
        out.append(replace(a, shifts=found) if found else a)
    return tuple(out)


def framing_tally(items: Sequence[Alignment]) -> tuple[Framing, ...]:
    """Each framing swap over the whole pair, with how often and where; commonest first."""
    where: dict[tuple[str, str], list[int]] = {}
    for a in items:
        for s in a.shifts:
            if s.type is ShiftType.FRAMING:
                where.setdefault((s.source.casefold(), s.outlet.casefold()), []).append(a.id)
    rows = [Framing(src, dst, len(ids), tuple(dict.fromkeys(ids))) for (src, dst), ids in where.items()]
    return tuple(sorted(rows, key=lambda f: (-f.count, f.source_term, f.outlet_term)))
