"""One source, many outlets (issue 21): the coverage matrix, its clusters, formats and command.

tests/coverage/ holds a source and four outlets written for this: "wire"
carries the source verbatim but drops its last line, "daily" rewords it,
"tribune" turns 500 into 1,500 and 8 percent into 18 and alters the
quotation, "digest" keeps two lines. wire and daily add the same cost figure
in different words; tribune and digest the same reaction from Moscow.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff import coverage
from natodiff.api import compare, read_document
from natodiff.coverage import Mark
from natodiff.model import Side
from natodiff.render import coverage as words

from conftest import ROOT
from test_cli import run

HERE = ROOT / "tests" / "coverage"
OUTLETS = ("wire", "daily", "tribune", "digest")
_spec = importlib.util.spec_from_file_location("coverage_regenerate", HERE / "regenerate.py")
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)


def text(name: str) -> str:
    return (HERE / f"{name}.txt").read_text(encoding="utf-8")


def matrix_of(source: str, outlets: dict[str, str], labels=()) -> coverage.Matrix:
    columns = []
    for name, body in outlets.items():
        c = compare(source, body, source_name="source.txt", outlet_name=name)
        columns.append(coverage.column(c, coverage.title_of(c.outlet)))
    return coverage.build(read_document(source, Side.SOURCE, "source.txt"), columns, labels=labels)


@lru_cache(maxsize=1)
def four() -> coverage.Matrix:
    return matrix_of(text("source"), {f"tests/coverage/{n}.txt": text(n) for n in OUTLETS}, labels=OUTLETS)


def row(m: coverage.Matrix, start: str) -> tuple[coverage.Cell, ...]:
    """The cells of the source claim that starts with ``start``."""
    (n,) = [n for n, x in enumerate(m.claims) if x.text.startswith(start)]
    return m.cells[n]


def test_one_row_per_source_sentence_in_source_order():
    m = four()
    source = read_document(text("source"), Side.SOURCE, "s")
    assert [x.text for x in m.claims] == [s.text for s in source.sentences]
    assert all(len(cells) == len(OUTLETS) for cells in m.cells)


def test_cells_say_verbatim_reworded_left_out_and_flagged():
    m = four()
    wire, daily, tribune, digest = row(m, "Ministers agreed to buy 500")
    assert (wire.mark, daily.mark, tribune.mark, digest.mark) == (Mark.VERBATIM, Mark.REWORDED, Mark.FLAGGED,
                                                                  Mark.LEFT_OUT)
    assert "1,500" in tribune.text and "1,500" in tribune.variant  # the detail kept for JSON and the memo
    assert "The ministers will purchase 500 more" in daily.text
    quoted = row(m, '"Our Alliance')
    assert [c.mark for c in quoted] == [Mark.VERBATIM, Mark.VERBATIM, Mark.FLAGGED, Mark.LEFT_OUT]
    assert "altered_quotation" in quoted[2].flags and "defend" in quoted[2].variant
    assert [c.mark for c in row(m, "The next meeting")] == [Mark.LEFT_OUT, Mark.VERBATIM, Mark.LEFT_OUT,
                                                            Mark.LEFT_OUT]
    budget = row(m, "The plan will be funded")[2]  # 18 percent for 8: a conflicting figure
    assert budget.mark is Mark.FLAGGED and "conflict" in budget.flags and budget.variant.startswith("18 percent for 8")


def test_the_same_addition_in_two_outlets_is_one_cluster_with_two_marks():
    m = four()
    cost = [k for k in m.clusters if "4 billion euros" in k.text]
    assert len(cost) == 1 and cost[0].outlets == (0, 1)  # wire and daily, in their own words each
    assert "some 4 billion euros" in cost[0].members[1].addition.text
    moscow = [k for k in m.clusters if "Moscow" in k.text]
    assert len(moscow) == 1 and moscow[0].outlets == (2, 3)
    assert m.clusters[0].outlets == (0, 1) and len(m.clusters[-1].outlets) == 1  # shared ones first
    assert sum(len(k.members) for k in m.clusters) == sum(len(col.additions) for col in m.outlets)


def test_unrelated_additions_stay_apart():
    alone = [k for k in four().clusters if "1,500" in k.text or k.text == "In brief"]
    assert len(alone) == 2 and all(len(k.members) == 1 for k in alone)


def test_labels_are_short_given_titled_or_file_stems_and_distinct():
    source = text("source")
    m = matrix_of(source, {"x/very/long/folder/digest.txt": text("digest"), "a/tribune.txt": text("tribune"),
                           "b/tribune.txt": text("tribune")}, labels=(None, "Reuters"))
    labels = words.labels(m)
    assert labels == ("digest", "Reuters", "NATO to deploy…")
    assert all(len(label) <= words.LABEL_CHARS for label in labels)
    twice = matrix_of(source, {"a/wire.txt": text("wire"), "b/wire.txt": text("wire")})
    assert words.labels(twice) == ("NATO agrees…", "NATO agrees… 2")


@pytest.mark.parametrize("name, expected", [
    ("news/reuters-2024-02-15.html", "reuters"),  # pages saved on one day share the date: it names nothing
    ("tass_20240215.txt", "tass"),
    ("2024-02-15.txt", "2024-02-15"),  # a name that is only a date keeps it
    ("story 3.txt", "story 3"),
])
def test_a_file_stem_label_drops_a_trailing_date(name, expected):
    assert words.stem(name) == expected


@pytest.mark.parametrize("name", sorted(regenerate.CASES))
def test_golden(name):
    expected = (HERE / name).read_bytes()
    assert regenerate.produce(name) == expected, f"{name} changed: run tests/coverage/regenerate.py, review the diff"


def test_json_has_claims_outlets_cells_and_clusters():
    data = json.loads((HERE / "matrix.json").read_text(encoding="utf-8"))
    assert data["schema"] == "natodiff.coverage/1"
    assert list(data) == ["schema", "source", "outlets", "failed", "claims", "cells", "clusters"]
    assert len(data["cells"]) == len(data["claims"]) * len(data["outlets"])
    flagged = [c for c in data["cells"] if c["mark"] == "!"]
    assert {data["outlets"][c["outlet"]]["name"] for c in flagged} == {"tests/coverage/tribune.txt"}
    assert all(c["variant"] and c["outlet_text"] for c in flagged)


def test_csv_is_one_row_per_claim_then_one_per_added_claim():
    records = list(csv.reader(io.StringIO((HERE / "matrix.csv").read_text(encoding="utf-8"))))
    head, body = records[0], records[1:]
    assert head[:2] == ["row", "text"] and len(head) == 2 + len(OUTLETS)
    assert [r[0] for r in body if r[0].startswith("S")] == [f"S{n}" for n in range(1, 8)]
    cost = [r for r in body if "4 billion" in r[1]]
    assert cost[0][2:] == ["+", "+", "", ""]


def test_html_cell_hover_shows_the_outlet_sentence():
    from natodiff.render import coverage_html

    page = coverage_html.render(four())
    hovers = re.findall(r'<td class="m [a-z_]+" title="([^"]*)">', page)
    assert any("The ministers will purchase 500 more air defence interceptors" in h for h in hovers)
    assert any(h.startswith("quotation altered: “defend” for “protect” — ") for h in hovers)
    assert "<script" not in page and "http" not in page  # self-contained
    assert 'title="left out"' in page


def test_text_matrix_fits_and_has_a_legend():
    r = run("batch", *(str(HERE / f"{n}.txt") for n in ("source", *OUTLETS)), "--matrix", "--color", "never",
            *(x for n in OUTLETS for x in ("--label", n.capitalize())), env={"COLUMNS": "80"})
    assert r.exit_code == 0 and r.stderr == ""
    lines = r.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    head = next(line for line in lines if "source claim" in line)
    assert head.split()[-4:] == ["Wire", "Daily", "Tribune", "Digest"]
    assert any(line.startswith("S3 ") and line.split()[-4:] == ["=", "~", "!", "·"] for line in lines)
    assert any(line.startswith("legend") for line in lines)
    assert "\x1b[" not in r.stdout


def test_an_unreadable_outlet_is_an_error_line_and_the_rest_are_written(tmp_path):
    missing = tmp_path / "gone.txt"
    out = tmp_path / "m.json"
    paths = [str(HERE / f"{n}.txt") for n in ("source", "wire", "daily")]
    r = run("batch", *paths[:2], str(missing), paths[2], "--matrix", "-f", "json", "-o", str(out))
    assert r.exit_code == 2
    assert r.stderr == f"natodiff: error: {missing}: no such file\n"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [o["name"] for o in data["outlets"]] == paths[1:]
    assert data["failed"] == [{"name": str(missing), "error": "no such file"}]


def test_markdown_and_html_need_the_matrix():
    r = run("batch", str(HERE / "source.txt"), str(HERE / "wire.txt"), "-f", "markdown")
    assert r.exit_code == 2 and "markdown needs --matrix" in r.stderr


def test_jobs_give_the_same_matrix():
    args = ("batch", *(str(HERE / f"{n}.txt") for n in ("source", *OUTLETS)), "--matrix", "-f", "json")
    assert run(*args).stdout == run(*args, "--jobs", "2").stdout


# --- the invariant ------------------------------------------------------------------

SENTENCES = [x.text for x in four().claims]
EXTRA = ["Critics said the plan came too late.", "The mayor of Riga welcomed the decision.",
         "Shares in defence firms rose 3 percent.", "Analysts expect further orders next year."]


@st.composite
def outlets(draw):
    """Outlets made of source sentences (some dropped, reordered) and added ones."""
    n = draw(st.integers(1, 3))
    made = {}
    for k in range(n):
        kept = draw(st.lists(st.sampled_from(SENTENCES[1:]), max_size=5, unique=True))
        added = draw(st.lists(st.sampled_from(EXTRA), max_size=2, unique=True))
        order = draw(st.permutations(kept + added))
        made[f"o{k}.txt"] = "\n\n".join(order) or "Nothing here."
    return made


@given(outlets())
def test_every_source_claim_is_one_row_with_one_mark_per_outlet(made):
    m = matrix_of(text("source"), made)
    sentences = [x.sentence for x in m.claims]
    assert sentences == sorted(set(sentences))
    assert all(len(cells) == len(made) and all(isinstance(c.mark, Mark) for c in cells) for cells in m.cells)
    for n, body in enumerate(made.values()):  # a source sentence copied whole is never "left out"
        for x, cells in zip(m.claims, m.cells):
            if x.text in body.split("\n\n"):
                assert cells[n].mark is not Mark.LEFT_OUT
    members = [(mb.outlet, mb.addition.outlet) for k in m.clusters for mb in k.members]
    assert len(members) == len(set(members)) == sum(len(col.additions) for col in m.outlets)
    assert all(len(k.members) == len(k.outlets) for k in m.clusters)  # an outlet once per row


# --- the memo for many outlets ----------------------------------------------------------

from test_memo import _pdf_pages, all_text, headings, office, poppler, reopen  # noqa: E402


def memo_args(tmp_path, *outlets: str) -> list[str]:
    return ["memo", str(HERE / "source.txt"), *outlets, "-o", str(tmp_path / "memo.docx")]


def test_memo_for_four_outlets(tmp_path):
    labels = [x for n in OUTLETS for x in ("--outlet-label", n.capitalize())]
    r = run(*memo_args(tmp_path, *(str(HERE / f"{n}.txt") for n in OUTLETS)), *labels, "--classification", "X")
    assert (r.exit_code, r.stderr) == (0, "")
    d = reopen((tmp_path / "memo.docx").read_bytes())
    shown = headings(d)
    assert [h for style, h in shown if style == "Heading 1"] == ["Bottom line", "Coverage matrix", "Outlet by outlet"]
    assert [h for style, h in shown if style == "Heading 2"] == ["Wire", "Daily", "Tribune", "Digest"]
    assert "How 4 outlets reported" in all_text(d)
    bullets = [p.text for p in d.paragraphs if p.style.name == "List Bullet"]
    assert any("4 billion euros" in b and "(Wire and Daily)" in b for b in bullets)  # what several added
    assert any(b.startswith("All 4 outlets carried 1 of the source's 7 claims") for b in bullets)
    assert any(b.startswith("Tribune changed what the source says") for b in bullets)
    (table,) = d.tables
    assert len(table.columns) == 2 + len(OUTLETS) and len(table.rows) == 1 + 7 + 2  # claims, shared additions
    s3 = next(row for row in table.rows if row.cells[0].text == "S3")
    assert [c.text for c in s3.cells[2:]] == ["=", "~", "!", "·"]
    section = d.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    assert sum(col.width for col in table.columns) <= usable  # fits the page width
    assert len(d.sections) == 1 and section.page_width < section.page_height
    assert str(HERE) not in all_text(d)  # labels and file names, never paths


def copies(folder, times: int) -> list[str]:
    """Each of the four outlets ``times`` times over, as files in ``folder``."""
    paths = []
    for k in range(times):
        for n in OUTLETS:
            path = folder / f"{n}{k}.txt"
            path.write_text(text(n), encoding="utf-8")
            paths.append(str(path))
    return paths


def test_memo_with_more_than_six_outlets_has_a_landscape_annex(tmp_path):
    paths = copies(tmp_path, 2)
    r = run(*memo_args(tmp_path, *paths, str(tmp_path / "gone.txt")))
    assert r.exit_code == 2 and r.stderr == f"natodiff: error: {tmp_path / 'gone.txt'}: no such file\n"
    d = reopen((tmp_path / "memo.docx").read_bytes())
    assert len(d.sections) == 2
    annex = d.sections[1]
    assert annex.page_width > annex.page_height
    (table,) = d.tables
    assert [c.text for c in table.rows[0].cells[2:]] == [str(n) for n in range(1, 9)]  # numbered, with a key
    usable = annex.page_width - annex.left_margin - annex.right_margin
    assert sum(col.width for col in table.columns) <= usable
    assert "Not compared: gone.txt: no such file" in all_text(d)


@office
@poppler
def test_libreoffice_converts_the_many_outlet_memo(tmp_path):
    r = run(*memo_args(tmp_path, *(str(HERE / f"{n}.txt") for n in OUTLETS)))
    assert r.exit_code == 0
    pages = _pdf_pages(tmp_path, (tmp_path / "memo.docx").read_bytes())
    assert len(pages) <= 2
    assert "Coverage matrix" in pages[0] and "Critics in Moscow" in pages[0]


def test_the_readme_shows_the_real_matrix(monkeypatch):
    from test_docs import section

    block = section("Many outlets").split("```\n", 2)[1].split("```")[0]
    monkeypatch.chdir(ROOT)
    samples = [f"samples/{name}-2024-02-15.txt" for name in ("nato-press-release", "outlet-report", "outlet-wire",
                                                               "outlet-digest")]
    labels = [x for name in ("Report", "Wire", "Digest") for x in ("--label", name)]
    r = run("batch", *samples, "--matrix", "--color", "never", *labels, env={"COLUMNS": "100"})
    assert r.stdout == block
    headline = next(line for line in block.splitlines() if "NATO allies add $600 billion" in line)
    assert headline.split().count("+") == 1  # a headline stays its outlet's own row
    fund = next(line for line in block.splitlines() if "100 billion eur" in line)
    assert fund.split().count("+") == 2  # the wire's and the digest's, each in its own words


def test_many_outlets_get_numbered_columns_and_a_key():
    m = matrix_of(text("source"), {f"dir/{n}{k}.txt": text(n) for k in range(2) for n in OUTLETS})
    assert words.heads(m) == tuple(str(n) for n in range(1, 9))
    keys = words.key_lines(m)
    assert keys[0] == "1 = NATO agrees air defence plan (dir/wire0.txt)" and len(keys) == 8  # the full label
    markdown = words.to_markdown(m)
    assert "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |" in markdown and "- 8 = digest1 (dir/digest1.txt)" in markdown


def test_a_glob_naming_one_outlet_makes_the_single_memo(tmp_path, monkeypatch):
    monkeypatch.chdir(HERE)
    r = run("memo", "source.txt", "wir*.txt", "-o", str(tmp_path / "memo.docx"))
    assert (r.exit_code, r.stderr) == (0, "")
    d = reopen((tmp_path / "memo.docx").read_bytes())
    assert "How “NATO agrees air defence plan” reported" in all_text(d)  # the one-outlet memo's subtitle


def test_the_matrix_bytes_do_not_depend_on_the_hash_seed():
    from test_e2e import NATODIFF, natodiff

    if not NATODIFF.exists():
        pytest.skip("natodiff is not installed next to the interpreter")
    args = ["batch", *(str(HERE / f"{n}.txt") for n in ("source", *OUTLETS)), "--matrix", "-f", "json"]
    outputs = {natodiff(*args, PYTHONHASHSEED=seed).stdout for seed in ("0", "1", "4242")}
    assert len(outputs) == 1 and outputs.pop().startswith(b"{")


@pytest.mark.parametrize("module", ["coverage.py", "batch.py"])
def test_the_core_imports_no_renderer_terminal_or_aligner(module):
    """coverage.py and batch.py (run in workers) are core: they consume api.compare, never align, rich, typer,
    docx or a renderer (batch's JSON escaping aside)."""
    import ast

    tree = ast.parse((ROOT / "src" / "natodiff" / module).read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {x for x in names if x.split(".")[0] in ("rich", "typer", "docx", "click")
                or x.startswith(("natodiff.render", "natodiff.align", "natodiff.cli"))
                and x != "natodiff.render.json"}
    assert "natodiff.api" in names


def test_a_narrow_terminal_splits_the_outlets_and_keeps_the_claims_readable(tmp_path):
    paths = copies(tmp_path, 3)
    r = run("batch", str(HERE / "source.txt"), *paths, "--matrix", "--color", "never", env={"COLUMNS": "60"})
    lines = r.stdout.splitlines()
    assert r.exit_code == 0 and all(len(line) <= 60 for line in lines)
    parts = [line for line in lines if line.startswith("coverage of ")]
    assert len(parts) > 1 and "–12)" in r.stdout  # every outlet shown, in parts
    s3 = [line for line in lines if line.lstrip().startswith("S3 ")]
    assert len(s3) == len(parts) and all("Ministers agreed to buy" in line for line in s3)


def test_the_readme_schema_names_every_key_emitted():
    from test_docs import section

    block = section("Many outlets").split("```\n")[3]
    assert block.startswith('{"schema": "natodiff.coverage/1"')
    documented = set(re.findall(r'"(\w+)":', block))

    def keys(value) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()

    m = four()
    with_failed = coverage.build(m.source, m.outlets, failed=[coverage.Failed("gone.txt", "no such file")])
    assert keys(json.loads(words.to_json(with_failed))) == documented


PARAPHRASES = [  # one added fact, as two outlets word it
    ("Officials said the interceptors would cost about 4 billion euros.",
     "The interceptors are expected to cost some 4 billion euros, officials said."),
    ("The Kremlin dismissed the decision as hostile.",
     "Moscow's reaction was swift: the Kremlin called the decision hostile."),
    ("Germany will pay for a third of the interceptors, a defence ministry spokesman said.",
     "A German defence ministry spokesman said Berlin would fund one third of the interceptors."),
    ("The deal was first reported by Reuters on Tuesday.", "Reuters first reported the deal on Tuesday."),
]
NEAR_MISSES = [  # the same place or speaker, another fact
    ("Critics in Moscow called the plan a provocation aimed at Russia.",
     "Officials in Moscow said the plan would not change Russia's position on Ukraine."),
    ("Officials said the interceptors would cost about 4 billion euros.",
     "Officials said the first interceptors would arrive in Poland next spring."),
    ("The deal was first reported by Reuters on Tuesday.", "The ministers will meet again on Tuesday in Brussels."),
]


@pytest.mark.parametrize("pair, joined", [(p, True) for p in PARAPHRASES] + [(p, False) for p in NEAR_MISSES])
def test_paraphrased_additions_cluster_and_near_misses_do_not(pair, joined):
    additions = [[coverage.Addition((0,), text, (), (), None)] for text in pair]
    clusters = coverage.cluster(additions, threshold=0.38)
    assert (len(clusters) == 1) is joined


def test_the_bottom_line_names_a_few_outlets_then_counts_the_rest(tmp_path):
    from natodiff.render import memo_many

    m = matrix_of(text("source"), {f"{n}{k}.txt": text(n) for k in range(3) for n in OUTLETS})
    bullets = memo_many.bottom_line(m)
    cost = next(b for b in bullets if "4 billion euros" in b)
    assert "(NATO agrees…, Allies buy 500…, NATO agrees… 2 and 3 more)" in cost  # 6 outlets add it
    assert any(b.startswith("NATO to deploy…, NATO to… 2 and NATO to… 3 changed") for b in bullets)  # 3: all named


def test_a_claim_that_is_a_quotation_is_not_quoted_twice_in_the_memo(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    names = ("nato-press-release", "outlet-report", "outlet-wire", "outlet-digest")
    r = run("memo", *(f"samples/{n}-2024-02-15.txt" for n in names), "-o", str(tmp_path / "m.docx"))
    assert r.exit_code == 0, r.stderr
    text = all_text(reopen((tmp_path / "m.docx").read_bytes()))
    assert "By the end of 2024" in text and not re.search("“[\"“]", text)


def _added(*texts: str) -> tuple[coverage.Addition, ...]:
    return tuple(coverage.Addition((n,), t, (), (), None) for n, t in enumerate(texts))


def test_each_addition_clusters_on_its_own_and_an_outlet_appears_once_per_row():
    """Two additions of one outlet that the aligner joins into one item do not both join the other outlet's row."""
    additions = [
        _added("Germany announced it would send six more Patriot systems to Ukraine, officials said."),
        _added("Germany said it would deliver six Patriot air defence systems to Ukraine, officials said.",
               "Germany announced it would send 60 more Leopard tanks to Poland."),
    ]
    clusters = coverage.cluster(additions, 0.5)
    assert all(len(k.members) == len(k.outlets) for k in clusters)  # one member per outlet per row
    placed = sorted((mb.outlet, mb.addition.text) for k in clusters for mb in k.members)
    assert placed == sorted((n, a.text) for n, added in enumerate(additions) for a in added)  # nothing dropped
    (leopard,) = [k for k in clusters if "Leopard" in k.text]
    assert leopard.outlets == (1,) and len(leopard.members) == 1
    (patriot,) = [k for k in clusters if "Patriot" in k.text]
    assert patriot.outlets == (0, 1)


def test_labels_pair_with_the_outlets_as_given_before_repeats_are_dropped():
    from natodiff import batch as batching
    from natodiff.errors import NatodiffError

    assert batching.labelled(["a", "a", "b"], ["One", "OneAgain", "B"]) == (["a", "b"], ["One", "B"])
    assert batching.labelled(["a", "a", "b"], []) == (["a", "b"], [None, None])
    with pytest.raises(NatodiffError, match="3 labels for 2 outlets"):
        batching.labelled(["a", "b"], ["x", "y", "z"])
    with pytest.raises(NatodiffError, match="^1 label for 2 outlets"):
        batching.labelled(["a", "b"], ["x"])
    wire, daily = str(HERE / "wire.txt"), str(HERE / "daily.txt")
    r = run("batch", str(HERE / "source.txt"), wire, wire, daily, "--matrix", "-f", "csv",
            "--label", "One", "--label", "OneAgain", "--label", "Daily")
    assert r.exit_code == 0 and r.stdout.splitlines()[0] == "row,text,One,Daily"
    r = run("batch", str(HERE / "source.txt"), wire, daily, "--label", "a", "--label", "b", "--label", "c")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == "natodiff: error: 3 labels for 2 outlets: give one per outlet, in the order given\n"


def test_full_labels_in_json_and_csv_distinct_labels_and_a_key_when_one_is_cut():
    source = text("source")
    m = matrix_of(source, {"a/wire.txt": text("wire"), "b/daily.txt": text("daily")},
                  labels=("The Daily Telegraph", "The Daily Mail"))
    assert [o["label"] for o in words.to_dict(m)["outlets"]] == ["The Daily Telegraph", "The Daily Mail"]
    header, files = list(csv.reader(io.StringIO(words.to_csv(m))))[:2]
    assert header[2:] == ["The Daily Telegraph", "The Daily Mail"] and files[2:] == ["wire.txt", "daily.txt"]
    assert words.labels(m) == ("The Daily…", "The Daily Mail")
    assert "The Daily… = The Daily Telegraph (a/wire.txt)" in words.key_lines(m)
    same = matrix_of(source, {"a/wire.txt": text("wire"), "b/daily.txt": text("daily"),
                              "c/digest.txt": text("digest")}, labels=("Reuters", "Reuters", "Reuters 2"))
    assert words.full_labels(same) == ("Reuters", "Reuters 3", "Reuters 2")
    assert len(set(words.labels(same))) == 3 and words.key_lines(same)  # numbered, so the key says which is which
    plain = matrix_of(source, {"a/digest.txt": text("digest")})
    assert words.key_lines(plain) == []  # nothing cut or numbered: no key


def test_a_carried_count_is_never_cut(tmp_path):
    paths = copies(tmp_path, 3)
    r = run("batch", str(HERE / "source.txt"), *paths, "--matrix", "--color", "never", env={"COLUMNS": "200"})
    (line,) = [line for line in r.stdout.splitlines() if line.strip().startswith("carried")]
    assert "…" not in line and len(re.findall(r"\b\d+/7\b", line)) == 12


def test_an_output_path_is_checked_before_any_comparison(tmp_path):
    (tmp_path / "out.csv").write_text("keep", encoding="utf-8")
    for output, problem in ((tmp_path / "out.csv", "file exists"), (tmp_path / "no" / "x.csv", "directory")):
        r = run("batch", str(HERE / "source.txt"), str(tmp_path / "missing.txt"), "-o", str(output))
        assert r.exit_code == 2 and problem in r.stderr
        assert "missing.txt" not in r.stderr  # no outlet was read
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "keep"


def test_the_bottom_line_counts_changed_claims_apart_and_totals_agree_with_the_table():
    from natodiff.render import memo_many

    m = matrix_of(text("source"), {"wire": text("wire"), "tribune": text("tribune"), "tribune2": text("tribune")})
    everyone = next(b for b in memo_many.bottom_line(m) if b.startswith("All 3 outlets carried"))
    altered = sum(m.reach(x.id) == 3 and m.changed(x.id) > 0 for x in m.claims)
    assert altered and f"({altered} of them with a change" in everyone
    conflicts = sum(m.changed(x.id) > 0 for x in m.claims)
    flagged_cells = sum(c.mark is Mark.FLAGGED for row in m.cells for c in row)
    changed = next(b for b in memo_many.bottom_line(m) if "changed what the source says" in b)
    assert f"({conflicts} claim" in changed
    for n in range(3):
        figures = memo_many.outlet_lines(m, n)[0]
        assert f"Carries {m.totals[n].carried} of {len(m.claims)}" in figures
        assert words.carried(m, n) == f"{m.totals[n].carried}/{len(m.claims)}"
    assert flagged_cells > conflicts  # two outlets changed the same claims: counted once each


def test_a_split_terminal_table_names_a_lone_outlet_and_shows_only_its_additions_with_hanging_lines():
    paths = [str(HERE / f"{n}.txt") for n in OUTLETS]
    r = run("batch", str(HERE / "source.txt"), *paths, "--matrix", "--color", "never", env={"COLUMNS": "80"})
    out = r.stdout
    assert "(outlets 4–4)" not in out and "(outlet 4)" in out
    digest_part = out.split("added by the outlets (not in the source) (outlet 4)")[1].split("\n\n")[0]
    rows = [line for line in digest_part.splitlines() if line.startswith("A")]
    assert rows and all(line.rstrip().endswith("+") for line in rows)  # no blank rows of other outlets' additions
    lines = out.splitlines()
    legend = lines.index(next(line for line in lines if line.startswith("legend")))
    assert lines[legend + 1].startswith(" " * 8)  # the legend's second line hangs under its first


def test_one_outlet_is_singular_failures_show_in_csv_and_nothing_compared_says_so(tmp_path):
    source, wire, gone = str(HERE / "source.txt"), str(HERE / "wire.txt"), str(tmp_path / "gone.txt")
    r = run("batch", source, wire, "--matrix", "-f", "markdown")
    assert r.stdout.startswith("# Coverage of ") and r.stdout.splitlines()[0].endswith(" by 1 outlet")
    r = run("batch", source, wire, gone, "--matrix", "-f", "csv")
    assert r.exit_code == 2 and r.stdout.splitlines()[-1] == "failed,gone.txt: no such file,"
    r = run("batch", source, gone, "--matrix", "--color", "never")
    assert r.exit_code == 2
    assert r.stdout == f"coverage of {source}: no outlet could be compared.\nnot compared: {gone}: no such file\n"
    for fmt in ("markdown", "html"):
        r = run("batch", source, gone, "--matrix", "-f", fmt)
        assert "No outlet could be compared." in r.stdout and "carried verbatim" not in r.stdout  # no legend alone
    m = four()
    shared = next(k for k in m.clusters if len(k.outlets) > 1)
    assert "facts" in words.to_dict(m)["clusters"][0] and "figures" not in words.to_dict(m)["clusters"][0]
    assert shared.facts == tuple(dict.fromkeys(f for mb in shared.members for f in mb.addition.facts))


@pytest.mark.parametrize("pair", [
    ("Hungary's defence minister did not attend the meeting, diplomats said.",
     "Hungary's defence minister attended the meeting, diplomats said."),  # a negation dropped
    ("Germany announced it would send six more Patriot systems to Ukraine, officials said.",
     "Germany announced it would send 60 more Patriot systems to Ukraine, officials said."),  # another figure
    ("Hungary's defence minister did not attend the meeting, diplomats said.",
     "Hungary's foreign minister did not attend the meeting, diplomats said."),  # another office
])
def test_additions_that_differ_in_a_negation_figure_or_office_stay_apart(pair):
    additions = [[coverage.Addition((0,), text, (), (), None)] for text in pair]
    assert len(coverage.cluster(additions, threshold=0.38)) == 2


def test_a_sentence_copied_word_for_word_is_verbatim_even_when_joined_with_another():
    lead = ("NATO Defence Ministers met on Thursday (15 February 2024) to address the Alliance's deterrence and "
            "defence, as well as support to Ukraine.")
    source = ("# Defence ministers address strengthening NATO's deterrence and defence, support to Ukraine\n\n"
              f"{lead}\n\nMinisters also discussed progress in ramping up ammunition production.\n")
    c = compare(source, lead + "\n", source_name="s", outlet_name="o")
    assert any(len(a.source) > 1 for a in c.alignments)  # the aligner joins the headline and the lead
    m = coverage.build(read_document(source, Side.SOURCE, "s"), [coverage.column(c)])
    assert row(m, "NATO Defence Ministers met")[0].mark is Mark.VERBATIM


def test_a_flag_detail_does_not_name_its_shift_twice():
    tribune = row(four(), "The plan will be funded")[2]
    assert tribune.mark is Mark.FLAGGED and 'figure "8" reported as "18"' in tribune.variant
    assert "figure: figure" not in tribune.variant


def test_additions_that_do_not_split_one_paragraph_each_are_still_linked():
    """An addition the segmenter does not count as a paragraph (here an empty one) must not cost the links."""
    additions = [
        _added("", "Germany announced it would send six more Patriot systems to Ukraine, officials said."),
        _added("Germany said it would deliver six Patriot air defence systems to Ukraine, officials said."),
    ]
    assert coverage.links(additions, 1, threshold=0.38) == {0: (0, 1)}
    (patriot,) = [k for k in coverage.cluster(additions, 0.38) if "Patriot" in k.text]
    assert patriot.outlets == (0, 1)


def test_batch_run_builds_the_matrix_that_separate_compares_build():
    """batch.run segments the source once for every outlet: the matrix is the one built from plain compares."""
    from natodiff import batch

    jobs = [batch.Job(f"tests/coverage/{n}.txt", text(n).encode("utf-8")) for n in OUTLETS]
    assert batch.run(jobs, text("source"), "source.txt", matrix=True, labels=OUTLETS).matrix == four()
