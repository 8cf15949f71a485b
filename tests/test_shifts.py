"""Meaning shifts: the gold pairs, the samples, and near copies that must show none."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from natodiff.cli import app
from natodiff.api import compare, differences
from natodiff.model import Options, ShiftType

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "meaning-shifts"
sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # noqa: E402


def shifts_of(source: str, outlet: str, **options) -> list:
    c = compare(source, outlet, options=Options(**options))
    return [s for a in c.alignments for s in a.shifts]


# ------------------------------------------------------------------ gold


def test_the_gold_has_thirty_pairs_with_shifts_and_fifteen_without() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.json")]
    assert sum(1 for g in golds if g["shifts"]) >= 30
    assert sum(1 for g in golds if not g["shifts"]) >= 15
    types = {s["type"] for g in golds for s in g["shifts"]}
    assert types == {t.value for t in ShiftType}


def test_gold_precision_and_recall_meet_the_targets() -> None:
    score = accuracy.score_shifts(compare, GOLD)
    assert score.precision >= 0.95, score.details
    assert score.recall >= 0.85, score.details


def test_a_shift_matches_gold_by_type_and_the_words_of_each_side() -> None:
    predicted = {"type": "stance", "source": "strongly condemn", "outlet": "consult on"}
    assert accuracy.shift_matches(predicted, {"type": "stance", "source": "condemned", "outlet": ""})
    assert not accuracy.shift_matches(predicted, {"type": "hedge", "source": "condemned", "outlet": ""})
    assert not accuracy.shift_matches(predicted, {"type": "stance", "source": "reaffirm", "outlet": ""})


# ------------------------------------------------------------------ samples


@pytest.fixture(scope="module")
def sample(source_text, outlet_text):
    return compare(source_text, outlet_text)


def test_the_samples_shift_only_where_meaning_changed(sample) -> None:
    found = {(a.id, s.type.value, s.source, s.outlet) for a in sample.alignments for s in a.shifts}
    # "He further welcomed that…" made "While some allies…"; the release's own sentence quoted as his.
    assert found == {(21, "stance", "welcomed", "While some"), (23, "attribution", "", "he said")}


def test_spelling_percent_and_said_added_never_shift_on_the_samples(sample) -> None:
    words = " ".join(f"{s.source} {s.outlet}" for a in sample.alignments for s in a.shifts).casefold()
    for word in ("defence", "defense", "per cent", "percent", "added"):
        assert word not in words


def test_ignored_types_leave_the_report_and_the_exit_code() -> None:
    source = "Russia's violation of Finnish airspace lasted about two minutes, the ministry said."
    outlet = "Russia's alleged violation of Finnish airspace lasted about two minutes, the ministry said."
    c = compare(source, outlet)
    assert [s.type for a in c.alignments for s in a.shifts] == [ShiftType.HEDGE]
    assert "a meaning shift" in differences(c)
    quiet = compare(source, outlet, options=Options(ignore_shifts=frozenset({"hedge"})))
    assert not any(a.shifts for a in quiet.alignments)
    assert differences(quiet) == []


def test_ignore_shift_on_the_command_line(tmp_path) -> None:
    src, out = tmp_path / "s.txt", tmp_path / "o.txt"
    src.write_text("Allies will deliver additional Patriot systems to Ukraine before the end of the year.\n")
    out.write_text("Allies may deliver additional Patriot systems to Ukraine before the end of the year.\n")
    runner = CliRunner()
    shown = runner.invoke(app, ["compare", str(src), str(out), "--format", "json", "--exit-code"])
    assert shown.exit_code == 1
    data = json.loads(shown.stdout)
    assert [s["type"] for a in data["alignments"] for s in a["shifts"]] == ["modality"]
    assert data["framing"] == []
    hidden = runner.invoke(app, ["compare", str(src), str(out), "-q", "--exit-code", "--ignore-shift", "modality"])
    assert hidden.exit_code == 0


# "war" called "conflict" in two sentences.
WAR = ("The centre will share lessons learned from Russia's war against Ukraine with Allied forces.\n\n"
       "Allies discussed how Russia's war has changed air defence needs across the eastern flank.")
CONFLICT = ("The centre will share lessons learned from the conflict in Ukraine with Allied forces.\n\n"
            "Allies discussed how the conflict has changed air defence needs across the eastern flank.")


def test_framing_is_tallied_over_the_pair() -> None:
    c = compare(WAR, CONFLICT)
    assert [(f.source_term, f.outlet_term, f.count) for f in c.framing] == [("war", "conflict", 2)]
    assert len(c.framing[0].items) == 2
    from rich.console import Console

    from natodiff.render import text

    console = Console(width=100, record=True, color_system=None)
    text.render(c, console, markers=True)
    report = console.export_text()
    ids = ", ".join(f"#{n}" for n in c.framing[0].items)
    assert f"  war → conflict  ×2  ({ids})\n" in report


def test_the_markdown_and_html_reports_carry_the_framing_table() -> None:
    from natodiff.render import html, markdown

    c = compare(WAR, CONFLICT)
    ids = ", ".join(f"#{n}" for n in c.framing[0].items)
    md = markdown.render(c)
    assert "\n## Framing\n" in md
    assert "| war | conflict | 2 | " + ids.replace("#", "\\#") + " |" in md  # "#" escaped, as Markdown needs
    page = html.render(c)
    assert "<h2>Framing</h2>" in page
    assert f"<tr><td>war</td><td>conflict</td><td>2</td><td>{ids}</td></tr>" in page


def test_the_text_report_lists_each_shift_under_its_item() -> None:
    source = "NATO said the exercise was defensive and directed at no country."
    outlet = "Stoltenberg said the exercise was defensive and directed at no country."
    from natodiff.render import markdown

    report = markdown.render(compare(source, outlet))
    assert '  - shift: attribution: "NATO said" became "Stoltenberg said"' in report
    assert "| meaning shifts | attribution 1 |" in report


def test_every_lexicon_list_says_why() -> None:
    text = (ROOT / "src" / "natodiff" / "lexicon" / "meaning.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    lines = text.splitlines()
    for table, lists in data.items():
        for name in lists:
            at = next(k for k, line in enumerate(lines) if line.startswith(f"{name} = ")
                      and any(l.strip() == f"[{table}]" for l in lines[:k]))
            assert lines[at - 1].startswith("# ") or table == "modality", (table, name)


# ------------------------------------------------------------------ near copies

WORDS = ["Allies", "NATO", "ministers", "support", "Ukraine", "air", "forces", "strongly", "condemn", "will",
         "may", "reportedly", "training", "agreed", "meeting", "eastern", "flank", "war", "not", "Brussels"]
VARIANTS = [  # the same word as two texts may write it
    ("defence", "defense"), ("programme", "program"), ("organised", "organized"), ("modernise", "modernize"),
    ("centre", "center"), ("labour", "labor"), ("recognised", "recognized"), ("travelled", "traveled"),
    ("2%", "2 percent"), ("2%", "2 per cent"), ("$10 billion", "10 billion dollars"), ("1,500", "1500"),
    ("three", "3"), ("NATO's", "NATO’s"), ("Alliance", "NATO"), ("Kiev", "Kyiv"), ("Türkiye", "Turkey"),
    ("co-operation", "cooperation"), ("said", "says"), ("Secretary-General", "Secretary General"),
]
TYPOGRAPHY = [("'", "’"), ('"', "“"), ("-", "–"), (" ", "\u00a0")]


@st.composite
def near_copies(draw) -> tuple[str, str]:
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS).map(lambda w: (w, w)), st.sampled_from(VARIANTS)),
                          min_size=6, max_size=18))
    flips = draw(st.lists(st.booleans(), min_size=len(parts), max_size=len(parts)))
    pairs = [(b, a) if flip else (a, b) for (a, b), flip in zip(parts, flips)]
    source = " ".join(a for a, _ in pairs) + "."
    outlet = " ".join(b for _, b in pairs) + "."
    for plain, fancy in draw(st.lists(st.sampled_from(TYPOGRAPHY), max_size=3)):
        outlet = outlet.replace(plain, fancy)
    return source[0].upper() + source[1:], outlet[0].upper() + outlet[1:]


@given(near_copies())
def test_spelling_number_format_and_typography_are_never_shifts(pair) -> None:
    source, outlet = pair
    assert shifts_of(source, outlet) == []


@pytest.mark.parametrize("source, outlet, expected", [
    ("Finland's Defence Ministry said Russia's violation of Finnish airspace near Porvoo lasted about two "
     "minutes on Friday.",
     "Finland's Defence Ministry said the alleged incursion near Porvoo was said to have lasted about two "
     "minutes on Friday.",
     [("hedge", '"alleged" added'), ("hedge", '"was said to" added'), ("framing", '"violation" called "incursion"')]),
    ("NATO Allies met today to consult and strongly condemn Russia's attack on the Estonian embassy in Kyiv.",
     "NATO allies met today to consult on Russia's attack on the Estonian embassy in Kyiv.",
     [("stance", '"strongly condemn" dropped')]),
    ("Defence Minister Ivan Petrenko welcomed the delivery of the first F-16 aircraft to Ukraine on Monday.",
     "Defence Minister Oleh Petrenko welcomed the delivery of the first F-16 aircraft to Ukraine on Monday.",
     [("name", '"Ivan" named "Oleh"')]),
])
def test_the_issues_own_examples(source: str, outlet: str, expected: list) -> None:
    assert [(s.type.value, s.note) for s in shifts_of(source, outlet)] == expected


PHRASE_WORDS = ["according", "to", "was", "said", "so", "called", "war", "of", "aggression", "strongly", "condemn",
                "reportedly", "the", "Allies", "stand", "with"]


@given(st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=30))
def test_phrases_found_by_their_first_key_are_the_ones_a_plain_scan_finds(words) -> None:
    from natodiff import shifts
    from natodiff.lexicon.meaning import meaning
    from natodiff.model import DiffOp, Op

    text = " ".join(words)
    side = shifts._side((DiffOp(Op.REPLACE, text, text),), "source")
    phrases = meaning().hedges | meaning().stance | {t for pair in meaning().framing for t in pair}
    ks = [t.key for t in side.toks]
    plain, taken = [], set()
    for p in sorted(phrases, key=lambda p: (-len(p), p)):
        for i in range(len(ks) - len(p) + 1):
            if tuple(ks[i:i + len(p)]) == p and not taken & set(range(i, i + len(p))):
                plain.append((i, p))
                taken |= set(range(i, i + len(p)))
    assert shifts._find(side, phrases) == sorted(plain)
