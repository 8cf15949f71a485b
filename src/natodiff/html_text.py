"""HTML to plain text: the visible text by paragraphs, tolerant of soup.

Its own module, imported only for HTML input (html.parser is slow to import).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from natodiff.lexicon import HTML_CLASS_QUALIFIERS, HTML_FURNITURE_HINTS
from natodiff.patterns import Pattern

# Page furniture and what is never text: a figure is its picture, caption and credit.
_SKIP = frozenset(
    "script style noscript template svg math nav header footer aside form button "
    "iframe head select object canvas figure figcaption".split()
)
_CLASS_WORD = Pattern(r"[a-z]+")
_STORY_CONTAINERS = frozenset("html body article main".split())
# "Headline | Site name", "Headline - Site": the separators of a page title.
_TITLE_PARTS = Pattern(r"\s+[|–—-]\s+")


def _hinted(tag: str, attrs: list) -> bool:
    """An element whose class or id says it is furniture: "share-bar", "related-stories", "c-newsletter".

    The hint must head or end a class name, so "article-share-enabled", "has-share-buttons" and
    "tag-social-media" (which may wrap the story) say nothing; the story's own containers never do.
    """
    if tag in _STORY_CONTAINERS:
        return False
    for name, value in attrs:
        if name in ("class", "id") and value:
            for cls in value.casefold().split():
                words = _CLASS_WORD.findall(cls)
                if not words or words[0] in HTML_CLASS_QUALIFIERS:
                    continue
                if any(_hint(w) for w in {words[0], words[-1]}):
                    return True
    return False


def _hint(word: str) -> bool:
    return word in HTML_FURNITURE_HINTS or any(len(h) >= 6 and word.startswith(h) for h in HTML_FURNITURE_HINTS)


def _headline(title: str) -> str:
    """The page title without the site's name: the longest of its parts."""
    parts = _TITLE_PARTS.split(title)
    return max(parts, key=lambda p: len(p.split())) if len(parts) > 1 else title
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dd dt blockquote section article main "
    "tr table thead tbody tfoot caption figure figcaption pre hr address body html "
    "title details summary center".split()
)
_CELL = frozenset(("td", "th"))
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HEAD_ONLY = frozenset("title meta link base style script noscript template".split())
_BREAK = "\x00"  # a <br>; control characters are removed before parsing, so unambiguous


class _HTMLText(HTMLParser):
    """Visible text by paragraphs; tolerant of soup (unclosed, stray tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.title: list[str] = []
        self.has_h1 = False
        self._buf: list[str] = []
        self._skip: list[str] = []  # open elements whose content is dropped
        self._article = 0  # inside <article>/<main>, a <header> holds the headline
        self._in_title = False
        self._in_h1 = False
        self._pre = 0

    def _flush(self) -> None:
        raw = "".join(self._buf)
        self._buf = []
        lines = [" ".join(part.split()) for part in raw.split(_BREAK)]
        # Consecutive <br>s (an empty line) separate paragraphs, as they look.
        block: list[str] = []
        for line in [*lines, ""]:
            if line:
                block.append(line)
            elif block:
                self.paragraphs.append("\n".join(block))
                block = []

    def _skips(self, tag: str) -> bool:
        return tag in _SKIP and not (tag == "header" and self._article)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._skip == ["head"] and tag not in _HEAD_ONLY:
            self._skip.clear()  # <head> is often never closed
        if tag == "title":
            self._in_title = self._skip in ([], ["head"]) and not self.title
            return
        if self._skip:
            if tag in _SKIP or tag in self._skip and tag not in _VOID:
                self._skip.append(tag)  # nested like the element being dropped: its end is not ours
            return
        if self._skips(tag) or tag not in _VOID and _hinted(tag, attrs):
            self._flush()
            self._skip.append(tag)
        elif tag == "br":
            self._buf.append(_BREAK)
        elif tag in _CELL:
            self._buf.append(" ")
        elif tag in _BLOCK:
            self._flush()
            self._in_h1 = tag == "h1"
            self._pre += tag == "pre"
            self._article += tag in ("article", "main")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if tag in ("body", "html"):
            self._skip.clear()
        if self._skip:
            if tag in self._skip:  # close it, and anything left open inside it
                del self._skip[len(self._skip) - 1 - self._skip[::-1].index(tag) :]
            return
        if tag == "br":  # browsers read </br> as <br>
            self._buf.append(_BREAK)
        elif tag in _CELL:
            self._buf.append(" ")
        elif tag in _BLOCK:
            self._flush()
            self._in_h1 = False
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            if tag in ("article", "main"):
                self._article = max(0, self._article - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            if self._pre:
                data = data.replace("\n", _BREAK)
            if self._in_h1 and data.strip():
                self.has_h1 = True
            self._buf.append(data)

    def text(self) -> str:
        self._flush()
        paragraphs = list(self.paragraphs)
        title = _headline(" ".join("".join(self.title).split()))
        if title and not self.has_h1:
            paragraphs.insert(0, title)
        return "\n\n".join(paragraphs)


def html_to_text(markup: str) -> str:
    """Paragraphs of visible text, separated by blank lines."""
    parser = _HTMLText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - last resort for soup the stdlib chokes on
        stripped = re.sub(r"<[^>]*>", "\n\n", markup)
        return "\n\n".join(" ".join(p.split()) for p in stripped.split("\n\n") if p.strip())
    return parser.text()
