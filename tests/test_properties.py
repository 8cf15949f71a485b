"""Invariants that must hold for any pair of texts (hypothesis).

Nothing lost, determinism, symmetry, self-comparison, and the metamorphic
properties: reordering body paragraphs, re-wrapping lines, British to
American spelling and straight to curly quotes change no link.
"""

from __future__ import annotations

import json
import os
import random
import re
import textwrap
from collections import Counter

from hypothesis import assume, example, given
from hypothesis import strategies as st

from natodiff import compare
from natodiff.model import Comparison, Kind, Options
from natodiff.normalise import tokens
from natodiff.render.json import to_dict


def keys(text: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokens(text))


NO_FACTS = Options(facts=False)

VOCAB = (
    "ministers allies defence centre organisation programme analyse colour security Ukraine "
    "Brussels summit agreed deliver drones ammunition production budget spending percent "
    "billion million training mission forces eastern flank exercise capabilities support "
    "coalition partners statement officials council treaty readiness deterrence investment "
    "pledge industry contracts jobs agency report meeting decision aid air missile systems"
).split()
FILLER = "the a of to in and on for with by that this will has have was were".split()


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(VOCAB + FILLER), min_size=4, max_size=18, unique=True))
    number = draw(st.one_of(st.none(), st.integers(1, 999)))
    if number is not None:
        words.insert(draw(st.integers(0, len(words))), str(number))
    text = " ".join(words)
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", ".", ".", "?", "!"]))


paragraphs = st.lists(st.lists(sentence(), min_size=1, max_size=4), min_size=1, max_size=8)


def article(paras: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paras) + "\n"


@st.composite
def pair(draw) -> tuple[list[list[str]], list[list[str]]]:
    """A source and an outlet built from it: kept, dropped and new sentences."""
    source = draw(paragraphs)
    flat = [s for p in source for s in p]
    kept = draw(st.lists(st.sampled_from(flat), max_size=len(flat), unique=True))
    extra = draw(st.lists(sentence(), max_size=4))
    body = kept + extra
    random.Random(draw(st.integers(0, 2**16))).shuffle(body)
    outlet = [body[k : k + 2] for k in range(0, len(body), 2)] or [[draw(sentence())]]
    return source, outlet


def linked_texts(c: Comparison, unless: str | None = None) -> set[tuple[str, str]]:
    """The linked (source, outlet) sentence texts; ``unless`` leaves out links of that prior."""
    src = {s.index: s.text for s in c.source.sentences}
    out = {s.index: s.text for s in c.outlet.sentences}
    return {(src[s.source], out[s.outlet]) for a in c.alignments for s in a.links
            if unless is None or s.prior != unless}


def as_keys(links: set[tuple[str, str]]) -> Counter:
    return Counter((keys(s), keys(o)) for s, o in links)


def folded(text: str) -> str:
    return "".join(text.split())


@given(st.text(max_size=400), st.text(max_size=400))
def test_any_unicode_nothing_lost(a: str, b: str) -> None:
    c = compare(a, b, options=NO_FACTS)
    for doc, side in ((c.source, "source"), (c.outlet, "outlet")):
        placed = sorted(s.index for item in c.alignments for s in getattr(item, side))
        assert placed == list(range(len(doc.sentences)))
    assert folded("".join(s.text for s in c.source.sentences)) == folded(a)
    assert folded("".join(s.text for s in c.outlet.sentences)) == folded(b)


@given(pair())
def test_every_sentence_exactly_once(p) -> None:
    source, outlet = p
    c = compare(article(source), article(outlet), options=NO_FACTS)
    for doc, side in ((c.source, "source"), (c.outlet, "outlet")):
        placed = [s.index for item in c.alignments for s in getattr(item, side)]
        assert sorted(placed) == list(range(len(doc.sentences)))


@given(pair())
def test_deterministic(p) -> None:
    a, b = article(p[0]), article(p[1])
    first = json.dumps(to_dict(compare(a, b)), ensure_ascii=False)
    assert json.dumps(to_dict(compare(a, b)), ensure_ascii=False) == first


@given(pair())
def test_symmetry(p) -> None:
    a, b = article(p[0]), article(p[1])
    forward = compare(a, b, options=NO_FACTS)
    backward = compare(b, a, options=NO_FACTS)
    assert {(o, s) for s, o in linked_texts(backward)} == linked_texts(forward)
    assert forward.summary.outlet_only == backward.summary.source_only
    assert forward.summary.source_only == backward.summary.outlet_only


@given(paragraphs)
def test_self_comparison_is_all_shared(paras) -> None:
    text = article(paras)
    c = compare(text, text, options=NO_FACTS)
    assert {a.kind for a in c.alignments} <= {Kind.SHARED, Kind.BOILERPLATE}
    if c.summary.shared:
        assert c.summary.reuse == c.summary.coverage == 1.0
    if c.summary.lead.outlet_leads_with is not None:
        assert c.summary.lead.same  # a text leads with its own lead


@given(pair(), st.integers(0, 2**16))
def test_reordering_body_paragraphs_keeps_links(p, seed) -> None:
    source, outlet = p
    # The title and lead stay on top: their position is evidence by design.
    head, body = outlet[:1], outlet[1:]
    assume(len(body) > 1)
    shuffled = list(body)
    random.Random(seed).shuffle(shuffled)
    before = compare(article(source), article(outlet), options=NO_FACTS)
    # Which of two near-identical sentences is "the repeat" is decided by order.
    assume(before.summary.repeats == 0)
    after = compare(article(source), article(head + shuffled), options=NO_FACTS)
    assume(after.summary.repeats == 0)
    # Sentences identical after normalisation ("… of." and "… of!") are interchangeable:
    # which pairs with which may follow position, what is linked may not. A link raised by
    # position beside another (align/neighbours.py) is position's by design.
    assert as_keys(linked_texts(after, unless="neighbour")) == as_keys(linked_texts(before, unless="neighbour"))


@given(pair(), st.integers(60, 90))
@example(p=([["Ministers allies defence centre."]],
            [["Ministers allies defence centre.", "Ministers allies aid the a decision 100."]]), width=60)
def test_rewrapping_keeps_links(p, width) -> None:
    # Hard wrapping happens at 60-100 columns; shorter lines read as line-per-paragraph.
    source, outlet = p
    plain = article(outlet)
    wrapped = "\n\n".join(textwrap.fill(" ".join(para), width) for para in outlet) + "\n"
    before = compare(article(source), plain, options=NO_FACTS)
    after = compare(article(source), wrapped, options=NO_FACTS)
    assert {(s, " ".join(o.split())) for s, o in linked_texts(after)} == linked_texts(before)


AMERICAN = {"defence": "defense", "centre": "center", "organisation": "organization",
            "programme": "program", "analyse": "analyze", "colour": "color"}


@given(pair())
def test_american_spelling_keeps_links(p) -> None:
    source, outlet = p
    text = article(outlet)
    american = " ".join(AMERICAN.get(w, w) for w in text.split(" "))
    assume(american != text)
    before = compare(article(source), text, options=NO_FACTS)
    after = compare(article(source), american, options=NO_FACTS)
    assert len(linked_texts(after)) == len(linked_texts(before))
    assert {s for s, _ in linked_texts(after)} == {s for s, _ in linked_texts(before)}


@given(pair())
def test_curly_quotes_keep_links(p) -> None:
    source, outlet = p
    straight = article([[f'"{s[:-1]}," he said.' if k % 2 else s for k, s in enumerate(para)] for para in outlet])
    curly = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", straight)
    assert '"' not in curly
    before = compare(article(source), straight, options=NO_FACTS)
    after = compare(article(source), curly, options=NO_FACTS)
    assert {s for s, _ in linked_texts(after)} == {s for s, _ in linked_texts(before)}


# ------------------------------------------------ arbitrary Unicode, facts on

unicode_paragraphs = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120), min_size=1, max_size=6
).map(lambda ps: "\n\n".join(ps))


@given(unicode_paragraphs, unicode_paragraphs)
def test_any_unicode_with_facts_renders_everywhere(a: str, b: str) -> None:
    """No exception anywhere: the core with facts, and every text renderer."""
    import io

    from natodiff.render.output import make_console
    from natodiff.render import html, markdown
    from natodiff.render import text as render_text

    c = compare(a, b)
    for doc, side in ((c.source, "source"), (c.outlet, "outlet")):
        placed = sorted(s.index for item in c.alignments for s in getattr(item, side))
        assert placed == list(range(len(doc.sentences)))  # every sentence exactly once
    json.loads(render_json(c))
    markdown.render(c).encode("utf-8")
    html.render(c).encode("utf-8")
    render_text.render(c, make_console(io.StringIO(), color=True, width=80), markers=False)


@given(unicode_paragraphs, unicode_paragraphs)
def test_any_unicode_deterministic_json(a: str, b: str) -> None:
    assert render_json(compare(a, b)) == render_json(compare(a, b))


@given(unicode_paragraphs)
def test_any_unicode_self_comparison_loses_nothing(text: str) -> None:
    c = compare(text, text, options=NO_FACTS)
    assert c.summary.outlet_only == c.summary.source_only == 0
    assert linked_texts(c) == {(s, s) for s, _ in linked_texts(c)}  # each sentence linked to itself


def render_json(c: Comparison) -> str:
    from natodiff.render.json import render

    return render(c)


def test_the_profile_in_use(request) -> None:
    """--hypothesis-profile wins, then $HYPOTHESIS_PROFILE, then "ci" (see conftest.py)."""
    from hypothesis import settings

    expected = (request.config.getoption("hypothesis_profile", None)
                or os.environ.get("HYPOTHESIS_PROFILE") or "ci")
    assert settings.default.max_examples == settings.get_profile(expected).max_examples
    probe = os.environ.get("NATODIFF_PROFILE_PROBE")
    if probe:
        with open(probe, "w", encoding="utf-8") as fh:
            fh.write(f"{expected} {settings.default.max_examples}")


def test_profiles_are_chosen_by_flag_or_environment(tmp_path) -> None:
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    def probe(name: str, flag: list[str], env: dict[str, str]) -> str:
        out = tmp_path / name
        environ = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_PROFILE"}
        environ.update(env, NATODIFF_PROFILE_PROBE=str(out))
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *flag,
                            f"{__file__}::test_the_profile_in_use"], capture_output=True, env=environ,
                           cwd=os.path.dirname(os.path.dirname(__file__)), timeout=120)
        assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
        return out.read_text(encoding="utf-8")

    # Without either, test_the_profile_in_use itself checks the default ("ci") in this run.
    with ThreadPoolExecutor(2) as pool:
        flag = pool.submit(probe, "flag", ["--hypothesis-profile=thorough"], {"HYPOTHESIS_PROFILE": "ci"})
        env = pool.submit(probe, "env", [], {"HYPOTHESIS_PROFILE": "thorough"})
        assert (flag.result(), env.result()) == ("thorough 1000", "thorough 1000")


_PUNCT = st.sampled_from(['"', "“", "”", "(", ")", ",", ".", " - ", "'", "…", ""])


@given(st.lists(st.tuples(_PUNCT, st.sampled_from(VOCAB), _PUNCT), max_size=12),
       st.lists(st.tuples(_PUNCT, st.sampled_from(VOCAB), _PUNCT), max_size=12))
def test_word_diff_pieces_rebuild_both_texts_and_stay_on_their_side(a, b) -> None:
    from natodiff.worddiff import word_diff

    source = " ".join(f"{x}{w}{y}" for x, w, y in a)
    outlet = " ".join(f"{x}{w}{y}" for x, w, y in b)
    ops = word_diff(source, outlet)
    assert "".join(o.source for o in ops) == source
    assert "".join(o.outlet for o in ops) == outlet
    assert not any(o.outlet for o in ops if o.op.value == "delete")  # a deletion shows no outlet text
    assert not any(o.source for o in ops if o.op.value == "insert")
