"""The library: text in, results out. No file access, printing, clock or randomness.

``compare`` chains the stages: segment -> mark furniture -> align (prepare,
weigh, link, group) -> classify -> summarise -> facts and quotations, inside
one ``analysis.analysing()`` scope, so no stage tokenises a sentence again.
``compare_documents`` does it for texts already segmented (``read_document``);
``list_facts`` runs the facts stages on one text; ``differences`` says what
``--exit-code`` reports.

The stages are imported when first used, so ``import natodiff`` (and so
``natodiff --help``) does not pay for compiling their patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from natodiff.model import Alignment, Comparison, Document, Fact, Options, Sentence, Side, Summary

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from natodiff.quotes import Quotation


def compare(
    source: str,
    outlet: str,
    *,
    options: Options | None = None,
    source_name: str = "source",
    outlet_name: str = "outlet",
    executor: "Executor | None" = None,
) -> Comparison:
    """Align ``outlet`` against ``source`` and classify every sentence of both.

    Facts and quotations need no alignment until their cross-check: given an
    ``executor`` (the caller's choice of processes), they are gathered there
    while the alignment runs here. The result is the same either way.

    >>> c = compare("NATO met in Brussels. Ministers agreed.", "Ministers agreed, NATO said.")
    >>> [a.kind.value for a in c.alignments]
    ['source_only', 'reworded']
    """
    from natodiff.analysis import analysing

    with analysing():  # each sentence tokenised once, whatever reads it
        return compare_documents(read_document(source, Side.SOURCE, source_name),
                                 read_document(outlet, Side.OUTLET, outlet_name), options=options, executor=executor)


def compare_documents(src_doc: Document, out_doc: Document, *, options: Options | None = None,
                      executor: "Executor | None" = None) -> Comparison:
    """``compare`` for texts already read (``read_document``): a source compared with many outlets is read once."""
    from natodiff.analysis import analysing

    with analysing():
        return _compare(src_doc, out_doc, options or Options(), executor)


def _compare(src_doc: Document, out_doc: Document, options: Options, executor: "Executor | None") -> Comparison:
    from natodiff import attribution, claims, shifts

    pending = None
    if executor is not None and options.facts:
        from natodiff.normalise import tokens

        # Alignment tokenises every sentence anyway; done first, a worker forked now inherits the tokens.
        for s in (*src_doc.sentences, *out_doc.sentences):
            tokens(s.text)
        pending = executor.submit(gather_facts, src_doc, out_doc)
    items, summary = _items(src_doc, out_doc, options.threshold)
    facts: tuple = ()
    quotes: tuple = ()
    if options.facts:
        from natodiff import facts as facts_stage

        gathered, quotes = pending.result() if pending is not None else gather_facts(src_doc, out_doc)
        linked = {(s.index, o.index) for a in items for s in a.source for o in a.outlet}
        facts = facts_stage.cross_check(gathered, linked)
    body = attribution.issuing_body(src_doc, options.source_speaker)
    quotes = attribution.settle(quotes, src_doc, out_doc, options.source_speaker)
    items = shifts.with_shifts(items, options.ignore_shifts, body)
    facts, alike = claims.split_names(facts)
    told = claims.build(items, facts, quotes)
    return Comparison(
        src_doc, out_doc, summary, items, facts, quotes, options, told, alike, shifts.framing_tally(items)
    )


def gather_facts(src_doc: Document, out_doc: Document) -> tuple[Any, tuple["Quotation", ...]]:
    """Both texts' fact mentions and the outlet's quotations checked; no alignment needed."""
    from natodiff import facts as facts_stage
    from natodiff import quotes as quotes_stage
    from natodiff.analysis import analysing

    with analysing():  # in a worker process, its own memo
        # Both layers resolve names alike.
        names = facts_stage.register(src_doc.sentences, out_doc.sentences)
        gathered = facts_stage.gather(src_doc.sentences, out_doc.sentences, names)
        return gathered, quotes_stage.compare_quotes(src_doc.sentences, out_doc.sentences, names)


def _items(src_doc: Document, out_doc: Document, threshold: float) -> tuple[tuple[Alignment, ...], Summary]:
    """Items and their figures.

    The prepared sentences they are built from (bags, weights) are freed on
    return; the tokens stay in the comparison's analysis, for shifts to read.
    """
    from natodiff import classify, metrics
    from natodiff.align import align

    aligned = align(src_doc.sentences, out_doc.sentences, threshold)
    items = classify.build_items(aligned)
    return items, metrics.summarise(items, aligned.source, aligned.outlet)


def read_document(text: str, side: Side, name: str) -> Document:
    """Sentences of one text, with page furniture marked."""
    from natodiff.segment import segment

    sentences, n_paragraphs = segment(text, side)
    marked = _mark_furniture(sentences)
    words = sum(len(s.text.split()) for s in marked)
    return Document(name=name, sentences=marked, paragraphs=n_paragraphs, words=words)


def _mark_furniture(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Boilerplate set on each sentence of a furniture paragraph (a caption, a teaser, a stamp)."""
    from natodiff import boilerplate

    return boilerplate.mark(sentences)


def list_facts(text: str, name: str) -> tuple[Document, tuple[Fact, ...], tuple["Quotation", ...]]:
    """One text's document, facts and quotations (``natodiff facts``)."""
    from natodiff import facts, quotes
    from natodiff.analysis import analysing

    with analysing():
        doc = read_document(text, Side.SOURCE, name)
        return doc, facts.list_facts(doc.sentences, side=Side.SOURCE), quotes.find_quotes(doc.sentences)


def differences(c: Comparison) -> list[str]:
    """What ``--exit-code`` reports: changes an analyst must read, each said in a few words.

    Outlet-only content; a quotation altered or not in the source at all; a
    figure that conflicts; a reworded sentence that gained or lost a negation
    ("would not replace" made "would replace"), whatever its similarity; a
    quotation put in a person's mouth; any meaning shift not ignored.
    """
    from natodiff.model import FactStatus, Kind, Verdict

    found = []
    if any(a.kind is Kind.OUTLET_ONLY and a.repeat_of is None for a in c.alignments):
        found.append("outlet-only content")
    if any(q.verdict in (Verdict.ALTERED, Verdict.UNSOURCED) for q in c.quotes):
        found.append("an altered or unsourced quotation")
    if any(f.status is FactStatus.CONFLICT for f in c.facts):
        found.append("a conflicting figure")
    if any(a.negation and a.repeat_of is None and "negation" not in c.options.ignore_shifts for a in c.alignments):
        found.append("a negation added or dropped")
    if any(q.verdict is Verdict.MISATTRIBUTED for q in c.quotes):
        found.append("a quotation given to the wrong speaker")
    if any(a.shifts for a in c.alignments):
        found.append("a meaning shift")
    return found
