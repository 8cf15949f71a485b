"""The redline: the outlet's text as a Word document, tracked against its source.

Reading the document with every change accepted gives the outlet's text;
rejecting every change gives the source's words, in the source's order. The
changes come from the Comparison alone (nothing is re-aligned here):

- shared/reworded items: their word diff, source words as ``w:del``, outlet
  words as ``w:ins``, the rest as plain runs. Words the core calls equal
  after normalising ("defence"/"defense", a curly quote) but which differ
  literally are marked too, word by word, so accept/reject stay exact;
- outlet-only sentences (and the outlet's repeats): one ``w:ins`` each;
- source-only sentences (and the source's repeats): one ``w:del`` each;
- moved items: the source sentences as ``w:moveFrom`` where they stood, the
  outlet's wording as ``w:moveTo`` (with its own additions as ``w:ins``)
  where the outlet has it. A moved item whose sentences are not contiguous on
  both sides cannot be one Word move; it is written as a deletion plus an
  insertion instead, which accepts and rejects the same way;
- outlet boilerplate (captions, "READ MORE" links, bylines): plain, dimmed
  text in the ``natodiff Boilerplate`` character style, not a change, so a
  reviewer sees the page as published but Accept/Reject never stops on it.
  The source's own furniture (date stamps, share bars) is left out.

"Where they stood": a source sentence that the outlet does not carry in
place is written after the nearest earlier source sentence that it does
carry in place (not after a moved one, or rejecting all would scramble the
source's order). One linked item whose outlet sentences are far apart
("O7, O10") is cut at its sentence boundaries so each part sits where the
outlet has it.

``--static`` writes the same plan as visible formatting instead: red struck
deletions, blue underlined insertions, green moves.

Only this module, render.word and render.memo import python-docx.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable, Sequence

from natodiff.model import Alignment, Comparison, Kind, Op, Sentence
from natodiff.patterns import Pattern
from natodiff.render.word import add_field, new_document, set_properties, text_element, to_bytes, xml_safe
from natodiff.sequences import Matcher

AUTHOR = "natodiff"

PLAIN = "plain"
DIM = "dim"
INS = "ins"
DEL = "del"
MOVE_FROM = "moveFrom"
MOVE_TO = "moveTo"

BOILERPLATE_STYLE = "natodiff Boilerplate"
BOILERPLATE_STYLE_ID = "natodiffBoilerplate"  # the id python-docx gives that style in document.xml

RED = (0xC0, 0x00, 0x00)
BLUE = (0x1F, 0x4E, 0xB4)
GREEN = (0x00, 0x80, 0x3C)
GREY = (0x80, 0x80, 0x80)


# --- the plan: paragraphs of typed parts, no docx yet ---------------------------


@dataclass
class Part:
    kind: str  # PLAIN, DIM, INS, DEL, MOVE_FROM, MOVE_TO
    text: str
    move: int | None = None  # the move's number, for MOVE_FROM/MOVE_TO


@dataclass
class Para:
    parts: list[Part] = field(default_factory=list)
    style: str = "body"  # body, heading, boilerplate
    mark: str | None = None  # the paragraph mark's own change: INS, DEL, MOVE_FROM, MOVE_TO


_CHUNK = Pattern(r"\S+\s*|\s+")


def _literal(op_source: str, op_outlet: str) -> list[tuple[str, str, str]]:
    """An 'equal' op as exact pieces: words equal letter for letter stay, others are marked.

    Pieces are ("eq", text, ""), ("pad", " ", "") or ("change", source, outlet).
    """
    if op_source == op_outlet:
        return [("eq", op_outlet, "")] if op_outlet else []
    sc, oc = _CHUNK.findall(op_source), _CHUNK.findall(op_outlet)
    m = Matcher([x.strip() for x in sc], [x.strip() for x in oc])
    out: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in m.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                out.append(("eq", oc[j], ""))
                if sc[i][-1:].isspace() and not oc[j][-1:].isspace():
                    out.append(("pad", " ", ""))  # keep the source's words apart on reject
        else:
            out.append(("change", "".join(sc[i1:i2]), "".join(oc[j1:j2])))
    return out


def _atoms(a: Alignment) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for op in a.diff:
        if op.op is Op.EQUAL:
            out.extend(_literal(op.source, op.outlet))
        elif op.source or op.outlet:
            out.append(("change", op.source, op.outlet))
    return out


def _pieces(a: Alignment) -> list[list[tuple[str, str]]] | None:
    """The item's diff cut at its outlet sentences: one list of (kind, text) per sentence.

    Kinds are "eq", "ins", "del" and "pad" (a space only the source had). A
    change's deleted words go just before its inserted words in the piece
    where the change ends, so they stay next to the source words that follow
    them. None when the diff does not spell out both sides (the caller then
    writes the item as a deletion plus an insertion).
    """
    joined_out = " ".join(s.text for s in a.outlet)
    joined_src = " ".join(s.text for s in a.source)
    if "".join(op.outlet for op in a.diff) != joined_out or "".join(op.source for op in a.diff) != joined_src:
        return None
    starts: list[int] = []
    pos = 0
    for s in a.outlet:
        starts.append(pos)
        pos += len(s.text) + 1
    ends = [st + len(s.text) for st, s in zip(starts, a.outlet)]
    pieces: list[list[tuple[str, str]]] = [[] for _ in a.outlet]

    def piece_at(offset: int) -> int:
        return max(0, bisect_left(starts, offset + 1) - 1)

    o = 0
    pending = ""  # deleted source text glued to the source text that follows it
    for kind, text, inserted in _atoms(a):
        if kind == "pad":
            pieces[piece_at(o)].append(("pad", text))
            continue
        deleted = ""
        if kind == "change":
            deleted, text = text, inserted
            if deleted and not text and not deleted[-1:].isspace():
                pending += deleted
                continue
            if deleted:
                deleted, pending = pending + deleted, ""
        begin, end = o, o + len(text)
        o = end
        cut = [(k, text[max(begin, st) - begin : min(end, en) - begin])
               for k, (st, en) in enumerate(zip(starts, ends)) if max(begin, st) < min(end, en)]
        if kind == "eq" and pending:
            pieces[cut[0][0] if cut else piece_at(begin)].append(("del", pending))
            pending = ""
        if deleted:
            last = piece_at(end)
            at = next((n for n, (k, _) in enumerate(cut) if k == last), len(cut))
            for k, piece in cut[:at]:
                pieces[k].append(("ins", piece))
            pieces[last].append(("del", deleted))
            cut = cut[at:]
        for k, piece in cut:
            pieces[k].append(("ins" if kind == "change" else "eq", piece))
    if pending:
        pieces[piece_at(o)].append(("del", pending))
    return pieces


def plan(c: Comparison) -> list[Para]:
    """The redline as paragraphs of typed parts, in the outlet's order."""
    linked = [a for a in c.alignments if a.source and a.outlet]
    pieces: dict[int, list[list[tuple[str, str]]] | None] = {a.id: _pieces(a) for a in linked}
    # An item in place whose source sentences have another written source sentence between them
    # cannot keep the source's order in one diff: it is written as a deletion plus an insertion.
    written = [s.index for s in c.source.sentences if not s.boilerplate]
    rank = {k: r for r, k in enumerate(written)}
    for a in linked:
        ranks = sorted(rank.get(s.index, -1) for s in a.source)
        if not a.moved and -1 not in ranks and ranks[-1] - ranks[0] + 1 != len(ranks):
            pieces[a.id] = None
    in_place = [a for a in linked if not a.moved and pieces[a.id] is not None]
    moved = [a for a in linked if a.moved and pieces[a.id] is not None]

    # Where each source sentence that is not carried in place goes: after the
    # last outlet sentence of the item carrying the nearest earlier source
    # sentence in place; before everything when there is none.
    after: dict[int, int] = {}
    for a in in_place:
        last = max(s.index for s in a.outlet)
        for s in a.source:
            after[s.index] = last
    carried = sorted(after)
    item_of_source: dict[int, Alignment] = {}
    for a in c.alignments:
        for s in a.source:
            item_of_source[s.index] = a
    slots: dict[int, list[Sentence]] = defaultdict(list)
    for s in c.source.sentences:
        a = item_of_source.get(s.index)
        if s.index in after or a is None or (a.kind is Kind.BOILERPLATE and not a.outlet):
            continue
        k = bisect_left(carried, s.index) - 1
        slots[after[carried[k]] if k >= 0 else -1].append(s)

    # A move is one Word move only if its source sentences stand together in
    # one slot and its outlet sentences follow one another.
    true_moves: set[int] = set()
    for a in moved:
        indices = [s.index for s in a.source]
        run = next((lst for lst in slots.values() if indices[0] in [x.index for x in lst]), [])
        positions = [x.index for x in run]
        start = positions.index(indices[0]) if indices[0] in positions else -1
        together = start >= 0 and positions[start : start + len(indices)] == indices
        outs = [s.index for s in a.outlet]
        following = outs == list(range(outs[0], outs[0] + len(outs)))
        if together and following:
            true_moves.add(a.id)

    outlet_parts: dict[int, list[Part]] = {}
    for a in c.alignments:
        if not a.outlet:
            continue
        if a.id in pieces and pieces[a.id] is not None:
            is_move = a.id in true_moves
            for s, piece in zip(a.outlet, pieces[a.id]):
                outlet_parts[s.index] = _outlet_piece(piece, moved=a.moved, move=a.id if is_move else None)
        elif a.kind is Kind.BOILERPLATE and not a.source:
            for s in a.outlet:
                outlet_parts[s.index] = [Part(DIM, s.text)]
        else:  # outlet-only, a repeat, or a linked item whose diff cannot be used
            for s in a.outlet:
                outlet_parts[s.index] = [Part(INS, s.text)]
    def source_part(s: Sentence) -> Part:
        a = item_of_source[s.index]
        if a.id in true_moves:
            return Part(MOVE_FROM, s.text, move=a.id)
        return Part(DEL, s.text)

    stream: list[tuple[str, Sentence]] = [("src", s) for s in slots.get(-1, [])]
    for s in c.outlet.sentences:
        stream.append(("out", s))
        stream.extend(("src", x) for x in slots.get(s.index, []))
    return _paragraphs(stream, outlet_parts, source_part)


def _outlet_piece(piece: Sequence[tuple[str, str]], *, moved: bool, move: int | None) -> list[Part]:
    out: list[Part] = []
    for kind, text in piece:
        if kind == "eq":
            if move is not None:
                out.append(Part(MOVE_TO, text, move=move))
            elif moved:  # a move Word cannot hold: the outlet's words are inserted
                out.append(Part(INS, text))
            else:
                out.append(Part(PLAIN, text))
        elif kind == "ins":
            out.append(Part(INS, text))
        elif kind == "del" and not moved:  # a moved item's source words stand at its moveFrom
            out.append(Part(DEL, text))
        elif kind == "pad":
            out.append(Part(PLAIN, text))
    return _coalesce(out)


def _coalesce(parts: Iterable[Part]) -> list[Part]:
    """Neighbouring parts of one kind (and move) as one part: one run, one revision."""
    out: list[Part] = []
    for part in parts:
        if not part.text:
            continue
        if out and out[-1].kind == part.kind and out[-1].move == part.move:
            out[-1] = Part(part.kind, out[-1].text + part.text, part.move)
        else:
            out.append(part)
    return out


def _paragraphs(stream, outlet_parts, source_part) -> list[Para]:
    """Outlet paragraphs as they are; source text between two of them gets its own."""
    outs = [i for i, (t, _) in enumerate(stream) if t == "out"]
    paras: list[Para] = []
    keys: list[tuple] = []
    members: list[list[Sentence]] = []
    for i, (t, s) in enumerate(stream):
        if t == "out":
            key: tuple = ("o", s.paragraph)
            parts = outlet_parts.get(s.index, [Part(INS, s.text)])
        else:
            k = bisect_left(outs, i)
            before = stream[outs[k - 1]][1] if k > 0 else None
            following = stream[outs[k]][1] if k < len(outs) else None
            if before is not None and following is not None and before.paragraph == following.paragraph:
                key = ("o", before.paragraph)
            else:
                key = ("s", s.paragraph)
            parts = [source_part(s)]
        if keys and keys[-1] == key:
            previous = {x.kind for x in paras[-1].parts if x.text.strip()}
            now = {x.kind for x in parts if x.text.strip()}
            if len(previous) == 1 and previous == now and PLAIN not in now and paras[-1].parts[-1].kind in now:
                # Two whole sentences of one kind: the space goes with the
                # first, so neither accepting nor rejecting leaves it stray.
                last = paras[-1].parts[-1]
                paras[-1].parts[-1] = Part(last.kind, last.text.rstrip() + " ", last.move)
            else:
                paras[-1].parts.append(Part(PLAIN, " "))
            paras[-1].parts.extend(parts)
            members[-1].append(s)
        else:
            paras.append(Para(list(parts)))
            keys.append(key)
            members.append([s])
    for p, key, group in zip(paras, keys, members):
        outlet = [s for s in group if s.side == "outlet"]
        if key[0] == "o" and outlet and all(s.boilerplate for s in outlet):
            p.style = "boilerplate"
        elif key[0] == "o" and outlet and all(s.heading for s in outlet):
            p.style = "heading"
        kinds = {x.kind for x in p.parts if x.text.strip()}
        if kinds and kinds <= {INS}:
            p.mark = INS
        elif kinds and kinds <= {INS, MOVE_TO}:
            p.mark = MOVE_TO
        elif kinds and kinds <= {DEL}:
            p.mark = DEL
        elif kinds and kinds <= {DEL, MOVE_FROM}:
            p.mark = MOVE_FROM
    if paras:
        paras[-1].mark = None  # the last paragraph mark of a document cannot go
    return paras


# --- docx ------------------------------------------------------------------------


def _stamp(when: datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _boilerplate_style(document):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    style = document.styles.add_style(BOILERPLATE_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor(*GREY)
    style.font.italic = True
    style.font.size = Pt(9)
    return style


class _Writer:
    """Turns the plan into runs, tracked (w:ins/w:del/w:moveFrom/w:moveTo) or static."""

    def __init__(self, document, *, tracked: bool, date: datetime) -> None:
        self.document = document
        self.tracked = tracked
        self.date = _stamp(date)
        self.next_id = 1
        self.counts: dict[str, int] = defaultdict(int)

    def new_id(self) -> str:
        n = self.next_id
        self.next_id += 1
        return str(n)

    def change(self, tag: str):
        from docx.oxml.ns import qn
        from docx.oxml.parser import OxmlElement

        el = OxmlElement(f"w:{tag}")
        el.set(qn("w:id"), self.new_id())
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), self.date)
        return el

    def range_marker(self, tag: str, ident: str, name: str | None = None):
        from docx.oxml.ns import qn
        from docx.oxml.parser import OxmlElement

        el = OxmlElement(f"w:{tag}")
        el.set(qn("w:id"), ident)
        if name is not None:
            el.set(qn("w:name"), name)
            el.set(qn("w:author"), AUTHOR)
            el.set(qn("w:date"), self.date)
        return el

    def run(self, paragraph, part: Part):
        """A run holding the part's text, formatted for static mode when not tracked."""
        from docx.shared import RGBColor
        from docx.enum.text import WD_UNDERLINE

        run = paragraph.add_run()
        r = run._r
        if part.kind == DIM:
            run.style = self.document.styles[BOILERPLATE_STYLE]
        if not self.tracked:
            font = run.font
            if part.kind == DEL:
                font.strike = True
                font.color.rgb = RGBColor(*RED)
            elif part.kind == INS:
                font.underline = True
                font.color.rgb = RGBColor(*BLUE)
            elif part.kind == MOVE_FROM:
                font.double_strike = True
                font.color.rgb = RGBColor(*GREEN)
            elif part.kind == MOVE_TO:
                font.underline = WD_UNDERLINE.DOUBLE
                font.color.rgb = RGBColor(*GREEN)
        deleted = self.tracked and part.kind == DEL
        r.append(text_element("w:delText" if deleted else "w:t", part.text))
        return r

    def paragraph(self, para: Para, first_move: dict, last_move: dict, where: tuple[int, int]):
        from docx.oxml.parser import OxmlElement

        style = {"heading": "Heading 2", "boilerplate": None, "body": None}[para.style]
        p = self.document.add_paragraph(style=style)
        if self.tracked and para.mark is not None:
            ppr = p._p.get_or_add_pPr()
            rpr = OxmlElement("w:rPr")
            rpr.append(self.change(para.mark))
            ppr.append(rpr)
            self.counts[f"paragraph-{para.mark}"] += 1
        for k, part in enumerate(para.parts):
            if not part.text:
                continue
            key = (part.kind, part.move)
            r = self.run(p, part)
            if not self.tracked or part.kind in (PLAIN, DIM):
                continue
            p._p.remove(r)
            if part.move is not None and first_move.get(key) == (where[0], k):
                ident = self.new_id()
                last_move[key + ("id",)] = ident
                p._p.append(self.range_marker(f"{part.kind}RangeStart", ident, f"move{part.move}"))
            wrapper = self.change(part.kind)
            wrapper.append(r)
            p._p.append(wrapper)
            self.counts[part.kind] += 1
            if part.move is not None and last_move.get(key) == (where[0], k):
                p._p.append(self.range_marker(f"{part.kind}RangeEnd", last_move[key + ("id",)]))
        return p

    def write(self, paras: Sequence[Para]) -> None:
        first_move: dict = {}
        last_move: dict = {}
        for i, para in enumerate(paras):
            for k, part in enumerate(para.parts):
                if part.move is not None and part.text:
                    first_move.setdefault((part.kind, part.move), (i, k))
                    last_move[(part.kind, part.move)] = (i, k)
        for i, para in enumerate(paras):
            self.paragraph(para, first_move, last_move, (i, 0))


def _enable_tracking(document) -> None:
    """Set w:trackRevisions so a reviewer's own edits are tracked too."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    el = OxmlElement("w:trackRevisions")
    anchor = settings.find(qn("w:defaultTabStop"))
    if anchor is not None:
        anchor.addprevious(el)
    else:
        settings.append(el)


def render(
    c: Comparison,
    *,
    date: datetime,
    static: bool = False,
    paper: str = "a4",
    title: str | None = None,
) -> bytes:
    """The redline .docx as bytes; ``date`` stamps every revision (one per run)."""
    from docx.shared import Pt, RGBColor

    paras = plan(c)
    document = new_document(paper)
    _boilerplate_style(document)
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    section = document.sections[0]
    header = section.header.paragraphs[0]
    mode = (
        "red struck = source only, blue underlined = outlet only, green = moved"
        if static
        else "tracked changes: accept all = the outlet's text, reject all = the source's"
    )
    run = header.add_run(f"natodiff redline: {xml_safe(c.outlet.name)} against {xml_safe(c.source.name)} · {mode}")
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(*GREY)
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    add_field(footer, "PAGE")
    # The template's body holds an empty section-properties-only paragraph list.
    writer = _Writer(document, tracked=not static, date=date)
    writer.write(paras)
    if not static:
        _enable_tracking(document)
    set_properties(
        document,
        title=title or f"Redline: {c.outlet.name} against {c.source.name}",
        author=AUTHOR,
        subject=f"Changes from {c.source.name} to {c.outlet.name}",
        when=date,
        keywords="natodiff; redline",
        comments="Generated by natodiff redline." + (" Static markup." if static else " Tracked changes."),
    )
    return to_bytes(document)
