"""Word-level diff on matching keys, reported in the original wording.

Each op's text runs from its first word to the next op's first word, so the
ops of one side concatenate back to that side's text exactly; renderers and
the redline writer rely on it.
"""

from __future__ import annotations

from typing import Sequence

from natodiff.model import DiffOp, Op
from natodiff.normalise import Token, tokens
from natodiff.sequences import Matcher

_OPS = {"equal": Op.EQUAL, "delete": Op.DELETE, "insert": Op.INSERT, "replace": Op.REPLACE}


def word_diff(
    source: str,
    outlet: str,
    source_tokens: Sequence[Token] | None = None,
    outlet_tokens: Sequence[Token] | None = None,
) -> tuple[DiffOp, ...]:
    """Ops turning ``source`` into ``outlet``; equal means equal after normalising."""
    st = tuple(source_tokens) if source_tokens is not None else tokens(source)
    ot = tuple(outlet_tokens) if outlet_tokens is not None else tokens(outlet)
    if not st or not ot:
        ops = []
        if source:
            ops.append(DiffOp(Op.DELETE, source, ""))
        if outlet:
            ops.append(DiffOp(Op.INSERT, "", outlet))
        return tuple(ops)
    s_keys, o_keys = [t.key for t in st], [t.key for t in ot]
    if s_keys == o_keys:  # a copy (the commonest item): difflib would find one equal run
        codes = [("equal", 0, len(st), 0, len(ot))]
    else:
        codes = Matcher(s_keys, o_keys).get_opcodes()
    # The text before a side's first word and after its last goes with the first and
    # last op that holds words of that side: a deletion opening the diff must not
    # carry the outlet's opening quotation mark.
    s_ops = [n for n, c in enumerate(codes) if c[1] < c[2]]
    o_ops = [n for n, c in enumerate(codes) if c[3] < c[4]]
    out: list[DiffOp] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(codes):
        s_text = _piece(source, st, i1, i2, first=n == s_ops[0], last=n == s_ops[-1])
        o_text = _piece(outlet, ot, j1, j2, first=n == o_ops[0], last=n == o_ops[-1])
        out.append(DiffOp(_OPS[tag], s_text, o_text))
    return tuple(out)


def _piece(text: str, toks: Sequence[Token], i1: int, i2: int, *, first: bool, last: bool) -> str:
    """Text from token i1 up to token i2 (exclusive), with the gap that follows."""
    if i1 == i2:
        return ""
    start = 0 if first else toks[i1].start
    end = len(text) if last else (toks[i2].start if i2 < len(toks) else len(text))
    return text[start:end]
