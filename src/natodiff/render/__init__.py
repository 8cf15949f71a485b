"""Renderers: each consumes a Comparison and never re-aligns or recounts.

``visible`` is the one rule every renderer applies to article text: a
character that would act on a terminal or a page instead of being shown
(control characters, lone surrogates, line separators, bidi overrides) is
shown as its escape code. Emoji, RTL text and joiners pass untouched.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable

from natodiff.patterns import Pattern

if TYPE_CHECKING:
    from natodiff.model import Alignment, Comparison

# C0 and C1 controls, DEL, lone surrogates, line/paragraph separators and the
# bidi embeddings, overrides and isolates ("Trojan Source" reordering).
UNSAFE = Pattern("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def code(ch: str) -> str:
    r"""One character as Python writes its escape: ``\x1b``, ``\u202e``, ``\ud800``.

    >>> code("\x1b"), code("\u202e")
    ('\\x1b', '\\u202e')
    """
    return ascii(ch)[1:-1]


def visible(text: str) -> str:
    r"""``text`` with every unsafe character shown as its escape code.

    >>> visible("red \x1b[31m text \u202eevil")
    'red \\x1b[31m text \\u202eevil'
    """
    return UNSAFE.sub(lambda m: code(m.group()), text)


def in_quotes(text: str, escape: Callable[[str], str] = str) -> str:
    """``text`` escaped and set in curly quotes, unless it opens with its own quotation mark.

    A sentence that is a quotation already reads as one; wrapping it again
    prints three marks in a row.

    >>> in_quotes("NATO met."), in_quotes("“We will,” he said.")
    ('“NATO met.”', '“We will,” he said.')
    """
    return escape(text) if text[:1] in OPENING_QUOTES else f"“{escape(text)}”"


OPENING_QUOTES = "\"“„«‘'"


def similarity(value: float) -> str:
    """Two decimals, rounded down: 0.9992 must not read as identical."""
    return f"{math.floor(value * 100 + 1e-9) / 100:.2f}"


def lead_line(c: "Comparison", quoted: Callable[[str], str]) -> str:
    """What the outlet led with, against the source's lead; ``quoted`` escapes for the format."""
    lead = c.summary.lead
    led = lead.outlet_leads_with
    if led is None:
        return "the outlet carries nothing from the source"
    if lead.same:
        return f"the outlet leads with the source's own lead (S{led.index + 1})"
    text = f"the outlet leads with S{led.index + 1} {quoted(led.text)}"
    if lead.source_lead is not None:
        text += f"; the source leads with S{lead.source_lead.index + 1} {quoted(lead.source_lead.text)}"
    return text


def negation_flag(a: "Alignment") -> str | None:
    """"negation dropped" / "negation added": the one edit that reverses a claim, said in words."""
    return f"negation {a.negation}" if a.negation and a.repeat_of is None else None
