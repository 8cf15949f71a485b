"""compare(): the pure pipeline, text in, Comparison out.

segment -> mark boilerplate -> normalise (prepare) -> align -> classify ->
summarise -> facts/quotes. No file access, printing, clock or randomness.

The stages are imported when first used, so ``import natodiff`` (and so
``natodiff --help``) does not pay for compiling their patterns.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Collection

from natodiff.model import Comparison, Document, Options, Sentence, Side


def read_document(text: str, side: Side, name: str) -> Document:
    """Sentences of one text, with page furniture marked."""
    from natodiff.segment import segment

    sentences, n_paragraphs = segment(text, side)
    marked = _mark_boilerplate(sentences)
    words = sum(len(s.text.split()) for s in marked)
    return Document(name=name, sentences=marked, paragraphs=n_paragraphs, words=words)


def _mark_boilerplate(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    from natodiff import boilerplate

    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    texts = {p: " ".join(s.text for s in group) for p, group in by_paragraph.items()}
    furniture = {
        p for p, group in by_paragraph.items()
        if boilerplate.is_boilerplate(texts[p])
        or all(boilerplate.is_boilerplate(s.text) for s in group)
        or p - 1 in texts and boilerplate.teaser_after(texts[p - 1], texts[p])
    }
    return tuple(
        replace(s, boilerplate=True) if s.paragraph in furniture or boilerplate.is_boilerplate(s.text) else s
        for s in sentences
    )


def compare(
    source: str,
    outlet: str,
    *,
    options: Options | None = None,
    source_name: str = "source",
    outlet_name: str = "outlet",
) -> Comparison:
    """Align ``outlet`` against ``source`` and classify every sentence of both."""
    options = options or Options()
    aside = None
    try:
        if options.facts:
            from natodiff.aside import Aside

            # Started first, so that it loads its modules while the texts are split here;
            # facts and quotations need the alignment only at their very end.
            aside = Aside(_facts_and_quotes, fork=options.workers > 1)
        from natodiff import align, classify, metrics

        src_doc = read_document(source, Side.SOURCE, source_name)
        out_doc = read_document(outlet, Side.OUTLET, outlet_name)
        if aside is not None:
            aside.send((src_doc, out_doc))
        src_units = align.prepare(src_doc.sentences)
        out_units = align.prepare(out_doc.sentences)
        weights = align.Weights(u for u in src_units + out_units if not u.sentence.boilerplate)
        rep_src = align.find_repeats(src_units, weights)
        rep_out = align.find_repeats(out_units, weights)
        live_src = [u for u in src_units if not u.sentence.boilerplate and u.sentence.index not in rep_src]
        live_out = [u for u in out_units if not u.sentence.boilerplate and u.sentence.index not in rep_out]
        links = align.link(live_src, live_out, weights, options.threshold, workers=options.workers)
        items = classify.build_items(src_units, out_units, links, rep_src, rep_out, weights)
        summary = metrics.summarise(items, src_units, out_units)
        facts: tuple = ()
        quotes: tuple = ()
        if aside is not None:
            aside.send({(s.index, o.index) for a in items for s in a.source for o in a.outlet})
            facts, quotes = aside.result()
    finally:
        if aside is not None:
            aside.close()
    from natodiff import attribution, shifts

    body = attribution.issuing_body(src_doc, options.source_speaker)
    quotes = attribution.settle(quotes, src_doc, out_doc, options.source_speaker)
    items = shifts.with_shifts(items, options.ignore_shifts, body)
    return Comparison(src_doc, out_doc, summary, items, facts, quotes, options, shifts.framing_tally(items))


def _facts_and_quotes(receive: Callable[[], Any]) -> tuple[tuple, tuple]:
    """Facts and quotations of both texts.

    ``receive()`` gives the two documents, then the aligned sentence pairs:
    the modules are loaded before the first is asked for.
    """
    from natodiff import facts, quotes

    src, out = receive()
    reg = facts.register(src.sentences, out.sentences)  # both layers resolve names alike
    gathered = facts.gather(src.sentences, out.sentences, reg)
    quoted = quotes.compare_quotes(src.sentences, out.sentences, reg)
    linked: Collection[tuple[int, int]] = receive()
    return facts.cross_check(gathered, linked), quoted


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
