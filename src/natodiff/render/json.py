"""The JSON contract: natodiff.comparison/2.

Keys come out in the order declared here (never sorted) and are only ever
added, never renamed; numbers are rounded once, in the core. A minor version
adds keys only (1.1: ``claims`` and ``names``), so a reader of /1 reads it.
"""

from __future__ import annotations

import json
from types import GeneratorType
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from natodiff.model import (
    Alignment, Claim, Comparison, DiffOp, Document, Fact, Framing, Kind, LinkScore, Quote, Sentence, Shift,
)
from natodiff.patterns import Pattern
from natodiff.render.indented import dumps_indented, iter_indented

if TYPE_CHECKING:
    from natodiff.quotes import Quotation

SCHEMA = "natodiff.comparison/2"
FACTS_SCHEMA = "natodiff.facts/1"


def sentence(s: Sentence) -> dict[str, Any]:
    return {"paragraph": s.paragraph + 1, "sentence": s.index + 1, "text": s.text}


def diff_op(op: DiffOp) -> dict[str, Any]:
    return {"op": op.op.value, "source": op.source, "outlet": op.outlet}


def link(s: LinkScore) -> dict[str, Any]:
    return {
        "source": s.source + 1,
        "outlet": s.outlet + 1,
        "score": s.score,
        "ratio": s.ratio,
        "containment": s.containment,
        "overlap": s.weighted_overlap,
        "common": list(s.common),
        "prior": s.prior,
    }


def alignment(a: Alignment, *, explain: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": a.kind.value,
        "similarity": a.similarity,
        "source": [sentence(s) for s in a.source],
        "outlet": [sentence(s) for s in a.outlet],
        "diff": [diff_op(op) for op in a.diff],
        "id": a.id,
        "moved": a.moved,
        "repeat_of": a.repeat_of,
        "negation": a.negation,
        "shifts": [shift(x) for x in a.shifts],
    }
    if explain:
        out["links"] = [link(s) for s in a.links]
        if a.kind is Kind.BOILERPLATE:  # the rule that made each sentence furniture
            out["furniture"] = [s.furniture_rule for s in (*a.source, *a.outlet)]
    return out


def shift(s: Shift) -> dict[str, Any]:
    return {"type": s.type.value, "source": s.source, "outlet": s.outlet, "note": s.note}


def framing(f: Framing) -> dict[str, Any]:
    return {"source_term": f.source_term, "outlet_term": f.outlet_term, "count": f.count, "items": list(f.items)}


def document(d: Document) -> dict[str, Any]:
    return {"name": d.name, "words": d.words, "sentences": len(d.sentences), "paragraphs": d.paragraphs}


def fact(f: Fact) -> dict[str, Any]:
    return {
        "type": f.type.value,
        "text": f.text,
        "value": f.value,
        "status": f.status.value,
        "source": f.source,
        "outlet": f.outlet,
        "source_says": f.source_says,
        "outlet_says": f.outlet_says,
    }


def quote(q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "speaker": q.speaker,
        "verdict": q.verdict.value,
        "source_text": q.source_text,
        "diff": [diff_op(op) for op in q.diff],
    }


def claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "provenance": c.provenance.value,
        "source": [i + 1 for i in c.source],
        "outlet": [i + 1 for i in c.outlet],
        "items": list(c.items),
        "figures": list(c.figures),
        "flags": list(c.flags),
        "outlet_variant": c.outlet_variant,
        "place": c.place,
    }


def to_dict(c: Comparison, *, explain: bool = False) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, GeneratorType) else value
            for key, value in _lazy_dict(c, explain=explain).items()}


def _lazy_dict(c: Comparison, *, explain: bool) -> dict[str, Any]:
    """to_dict with its long lists as generators: their items made one by one as they are written."""
    s = c.summary
    lead = s.lead
    return {
        "schema": SCHEMA,
        "source": document(c.source),
        "outlet": document(c.outlet),
        "summary": {
            "shared": s.shared,
            "reworded": s.reworded,
            "outlet_only": s.outlet_only,
            "source_only": s.source_only,
            "boilerplate": s.boilerplate,
            "repeats": s.repeats,
            "moved": s.moved,
            "reuse": s.reuse,
            "coverage": s.coverage,
            "density": s.density,
            "longest_shared_words": s.longest_shared.words,
            "longest_shared_text": s.longest_shared.text,
            "lead": {
                "outlet_leads_with": sentence(lead.outlet_leads_with) if lead.outlet_leads_with else None,
                "source_lead": sentence(lead.source_lead) if lead.source_lead else None,
                "same": lead.same,
            },
            "threshold": c.options.threshold,
        },
        "alignments": (alignment(a, explain=explain) for a in c.alignments),
        "facts": (fact(f) for f in c.facts),
        "quotes": (quote(q) for q in c.quotes),
        "claims": (claim(x) for x in c.claims),
        "names": (fact(f) for f in c.names),
        "framing": (framing(f) for f in c.framing),
    }


# JSON escapes C0 controls itself; these it would pass through raw: DEL and
# C1 (a terminal obeys U+009B as an escape, as it does ESC), lone surrogates
# (not encodable as UTF-8), the line separators JavaScript chokes on and the
# bidi overrides that reorder a line on screen (render.UNSAFE, less C0).
_RAW = Pattern("[\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_raw(text: str) -> str:
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dumps(data: Any, *, indent: int | None = None) -> str:
    """JSON with non-ASCII text kept readable and every risky character escaped."""
    # Indented output through the one-pass writer: json.dumps indents in Python, twice as slowly.
    text = json.dumps(data, ensure_ascii=False) if indent is None else dumps_indented(data, indent)
    return _escape_raw(text)


def render(c: Comparison, *, explain: bool = False) -> str:
    return "".join(render_chunks(c, explain=explain))


def render_chunks(c: Comparison, *, explain: bool = False) -> Iterator[str]:
    """``render`` in pieces, to be written as they come: a long report is never one string.

    Joined, the pieces are ``dumps(to_dict(c), indent=2) + "\\n"`` (tests/test_streaming.py).
    """
    for piece in iter_indented(_lazy_dict(c, explain=explain), 2):
        yield _escape_raw(piece)  # one character at a time: a piece boundary splits no match
    yield "\n"


def render_lines(c: Comparison, *, explain: bool = False) -> Iterator[str]:
    """JSON Lines: one alignment item per line, for jq -c and streaming."""
    for a in c.alignments:
        yield dumps(alignment(a, explain=explain)) + "\n"


# --- natodiff facts: one text's facts and quotations -------------------------


def listing(doc: Document, facts: Sequence[Fact], quotes: Sequence["Quotation"]) -> dict[str, Any]:
    """natodiff.facts/1: a document's facts and quotations, in text order."""
    text = {s.index: s.text for s in doc.sentences}
    return {
        "schema": FACTS_SCHEMA,
        "document": document(doc),
        "facts": [
            {
                "type": f.type.value,
                "text": f.text,
                "value": f.value,
                "says": f.source_says or f.outlet_says,
                "sentence": f.source or f.outlet,
            }
            for f in facts
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "pull": q.pull, "sentence": text.get(q.sentence)}
            for q in quotes
        ],
    }


def render_listing(doc: Document, facts: Sequence[Fact], quotes: Sequence["Quotation"]) -> str:
    return dumps(listing(doc, facts, quotes), indent=2) + "\n"
