"""Who the source's words belong to: the issuing body, and the verdict of a
quotation the source says without quote marks.

When the source *is* a body's statement (a communiqué, a press release in
NATO's own voice), an outlet quoting its sentences as the body's, or as "the
statement", reports it faithfully; giving the same words to a person puts
them in that person's mouth.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from natodiff.lexicon.meaning import Phrase, meaning
from natodiff.model import Document, Quote, Verdict
from natodiff.normalise import keys
from natodiff.patterns import Pattern

# A scare quote: a few words lifted verbatim ("reckless", "historic progress").
SCARE_WORDS = 3
# Sentences of the source read for the body's name: the title, a dateline, the lead.
FIRST_LINES = 4
_ACRONYM = Pattern(r"\b[A-Z]{2,6}\b")
_BODY_NAME = Pattern(
    r"\b(?:Ministry|Department|Office|Council|Commission|Government|Secretariat|Embassy|Mission)"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w'’-]*)+)"
    r"|(?:[A-Z][\w'’-]*\s+){1,4}(?:Ministry|Council|Commission|Government|Alliance|Office)\b"
)
# All-capital words that are not bodies: a dateline's city, a page's furniture.
_NOT_BODIES = frozenset("PHOTO AP AFP UPDATE NEWS PM US UK EU".split())


def issuing_body(source: Document, speaker: str | None = None) -> frozenset[Phrase]:
    """Keys of the names the source's issuer goes by: from its first lines and ``--source-speaker``."""
    names: set[Phrase] = set()
    lines = [s.text for s in source.sentences if not s.boilerplate][:FIRST_LINES]
    for text in lines:
        names.update(keys(m) for m in _ACRONYM.findall(text) if m not in _NOT_BODIES)
        names.update(keys(m.group()) for m in _BODY_NAME.finditer(text))
    if speaker:
        names.add(keys(speaker))
        names.update(keys(w) for w in speaker.split()[-1:])  # "Jens Stoltenberg" is "Stoltenberg"
    return frozenset(n for n in names if n)


def settle(quotes: Sequence[Quote], source: Document, outlet: Document,
           speaker: str | None = None) -> tuple[Quote, ...]:
    """Quotations found in the source's own prose: faithful, statement_text or misattributed.

    quotes.compare_quotes calls them misattributed; this knows the issuing body.
    """
    from natodiff.shifts import BODY, speakers

    body = issuing_body(source, speaker)
    text = {s.index: s.text for s in outlet.sentences}
    out = []
    for q in quotes:
        if q.verdict is not Verdict.MISATTRIBUTED:
            out.append(q)
            continue
        said = speakers(text.get(q.outlet_sentence, ""), body) if q.outlet_sentence is not None else []
        if _scare(q):
            verdict = Verdict.FAITHFUL
        elif any(who == BODY for _, who in said) or not _a_person(q.speaker, body):
            verdict = Verdict.STATEMENT_TEXT
        else:
            verdict = Verdict.MISATTRIBUTED
        out.append(replace(q, verdict=verdict))
    return tuple(out)


def _scare(q: Quote) -> bool:
    """One to three words the source has verbatim, in that order."""
    quoted, said = keys(q.text), keys(q.source_text or "")
    n = len(quoted)
    return 0 < n <= SCARE_WORDS and any(said[k:k + n] == quoted for k in range(len(said) - n + 1))


def _a_person(speaker: str | None, body: frozenset[Phrase]) -> bool:
    """A named speaker other than the issuing body (or the person --source-speaker names)."""
    if not speaker:
        return False
    said = keys(speaker)
    names = body | meaning().statement_words
    return not any(said[k:k + len(n)] == n for n in names for k in range(len(said) - len(n) + 1))
