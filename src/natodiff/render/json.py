"""The JSON contract: natodiff.comparison/1.

Keys come out in the order declared here (never sorted) and are only ever
added, never renamed; numbers are rounded once, in the core.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from natodiff.model import Alignment, Comparison, DiffOp, Document, Fact, LinkScore, Quote, Sentence

SCHEMA = "natodiff.comparison/1"


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
    }
    if explain:
        out["links"] = [link(s) for s in a.links]
    return out


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


def to_dict(c: Comparison, *, explain: bool = False) -> dict[str, Any]:
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
        "alignments": [alignment(a, explain=explain) for a in c.alignments],
        "facts": [fact(f) for f in c.facts],
        "quotes": [quote(q) for q in c.quotes],
    }


def render(c: Comparison, *, explain: bool = False) -> str:
    return json.dumps(to_dict(c, explain=explain), ensure_ascii=False, indent=2) + "\n"


def render_lines(c: Comparison, *, explain: bool = False) -> Iterator[str]:
    """JSON Lines: one alignment item per line, for jq -c and streaming."""
    for a in c.alignments:
        yield json.dumps(alignment(a, explain=explain), ensure_ascii=False) + "\n"
