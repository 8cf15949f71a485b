"""Page furniture: lines that belong to the web page, not to the story.

Decided per paragraph, because furniture comes as whole lines (a caption, a
related-link teaser, a byline); a caption's sentences all go together.
"""

from __future__ import annotations

import re
from functools import lru_cache

from natodiff.lexicon import MONTHS, NEWS_AGENCIES, WEEKDAY_ABBREVIATIONS, WEEKDAYS

_LINK = re.compile(
    r"^\s*(?:[-*•·|>]\s*)?(?:read more|also read|read also|related|see also|more from|"
    r"recommended|watch|listen|explore more|trending|most read|you may also like|top stories)"
    r"\s*[:|>»-]",
    re.IGNORECASE,
)
_MONTH = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?"
_DATE = (
    rf"(?:(?:{'|'.join(day[:3] for day in WEEKDAYS)})[a-z]*,?\s*)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\s*,?\s*\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:,\s*|\s+)\d{{2,4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
# A date alone, perhaps with a time and a place: "Brussels, 3 March 2025", "15 Mar. 2024 17:48".
_DATE_ONLY = re.compile(
    rf"^[\s\W]*(?:[a-z][a-z .'’-]{{1,30}},\s*)?{_DATE}"
    rf"(?:[\s,|-]*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{{2,4}}\b)?)?[\s\W]*$",
    re.IGNORECASE,
)
# A short line opening with a date and not ending like a sentence: "June 12, 2024 4:37 PM GMT+2 Updated 2 hours ago".
_DATE_FIRST = re.compile(rf"^[\s\W]*{_DATE}\b", re.IGNORECASE)
# "(As delivered)", "(Check against delivery)": a stage direction on its own line.
_ASIDE_ONLY = re.compile(r"^\([^().!?]{1,40}\)$")
# A related-link label with its link on the next line ("Read more:" / the teaser headline).
_LINK_LABEL = re.compile(
    r"^\s*(?:read more|also read|read also|related(?: articles| stories| coverage)?|see also|more from \S+|"
    r"recommended|you may also like|top stories|most read)\s*[:|>»-]?\s*$",
    re.IGNORECASE,
)
# Parts of one line of furniture: "Advertisement · Scroll to continue", "By Jane Doe · 19 March 2025".
_PARTS = re.compile(r"\s+[·•|]\s+")

_AGENCY = rf"(?i:{'|'.join(NEWS_AGENCIES)})"
_CREDIT = re.compile(
    r"\((?:photo|photograph|picture|image|file photo|video)\b[^)]*\)|"
    # "(AP Photo/Susan Walsh)", "(Reuters Photo)": the agency's name first.
    rf"\({_AGENCY}\s+(?:photo|photograph|picture|image|video)\b[^)]*\)\s*\.?\s*$|"
    r"\b(?:photo(?:graph)?|picture|image|video)\s*(?:credit)?\s*:\s|"
    r"^\s*(?:file photo|photo|credit)s?\s*(?::|$)",
    re.IGNORECASE,
)
# "REUTERS/Yves Herman", "Virginia Mayo/AP" closing a caption; not "a Reuters/Ipsos poll" mid-sentence.
_CREDIT_END = re.compile(
    r"(?:^|[.!?][\"'”’)]?\s+)"  # a caption's last sentence, or a line of its own
    rf"(?:\b{_AGENCY}\s*(?i:photo)?\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}"
    rf"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s*/\s*{_AGENCY})"
    r"(?:\s*/\s*(?i:file(?: photo)?))?\s*\)?\s*\.?\s*$"
)
_WEEKDAY = rf"(?:{'|'.join(sorted((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS), key=len, reverse=True))})\b\.?"
# What follows "Updated" in a stamp: a time, a date, a weekday; not "Updated figures show".
_WHEN = rf"(?:\d|{_MONTH}|{_WEEKDAY}|(?:at|on)\s+(?:\d|{_MONTH}|{_WEEKDAY})|yesterday\b|today\b)"
# "Updated 3 hours ago", "Published: 15 Mar. 2024": a stamp, short and not a clause of a sentence.
_STAMP = re.compile(
    rf"^\s*(?:[-*•·|]\s*)?(?:last updated|updated|published|posted|first published|modified)"
    # After a comma only the stamp's date may follow (", July 11, 2023"), not a clause (", NATO's report").
    rf"(?:\s*:\s*\S|\s+{_WHEN})(?!.*,\s+(?!{_MONTH}|{_WEEKDAY}|\d)\w)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^\s*(?:share this|share on|share via|sign up (?:for|to|here|now)|subscribe (?:to|now|for|here)|"
    r"follow us|click here|we use cookies|this (?:article|story) (?:was )?(?:originally|first) "
    r"(?:published|appeared)|enjoyed this (?:article|story)|support (?:our|independent) journalism|"
    r"all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s)|"
    r"^\s*\(?\s*(?:reporting|writing|editing|additional reporting|compiled) by\b|"
    r"^\s*(?:source|editor|contact|from|tags|topics|keywords|filed under)\s*:\s|"
    r"^\s*(?:for information media|not an official record|"
    r"(?:for )?media (?:enquiries|inquiries)\s*(?::|$|should|to\b|please|contact|call|email|tel))|"
    # "SC/15612", "PR/CP(2024)021": a document's reference code on its own line.
    r"^\s*[A-Z]{1,6}(?:/[A-Z]{1,6})?/(?=[\w().-]*\d)[\w().-]{2,20}\s*$|"
    r"^\s*(?:enditem|end item|\(end\)|-30-|#{3}|ends|press release|press office|media contacts?|"
    r"notes? to editors?)(?:[\s.!:-]*$|\s*[:|–—-]\s)|"
    # "Associated Press writer Jill Lawless in London contributed to this report."
    rf"^[-—–\s]*{_AGENCY}\s+(?:writers?|reporters?|correspondents?)\b.*\bcontributed\b",
    re.IGNORECASE,
)
# Searched in a line's last characters only: "… contributed to this report."
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|(?:to\s+)?(?:this\s+)?reporting)"
    r"(?:\s+from\s+[\w ,.]+)?[\s.)]*$",
    re.IGNORECASE,
)
# A contact block: an e-mail address, a telephone number, a web address.
# An address starts where its run of characters does: tried from inside a long
# word, the run would be rescanned from each of its characters.
_CONTACT = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]*[a-z]|\b(?:tel|telephone|phone|fax|mobile)\.?(?:\s*:\s*\+?|\s+\+)\(?\d|\bwww\.\w",
    re.IGNORECASE,
)
# "Tel.: +32 2 281 6319": a telephone number with its label ends a postal address line too.
_PHONE = re.compile(r"\b(?:tel|telephone|phone|fax)\.?\s*:\s*\+?\(?\d", re.IGNORECASE)
_TAIL = 160  # characters at the end of a line where credits sit
_CREDIT_WORDS = ("photo", "picture", "image", "video", "credit")
# Section labels, buttons and embed titles: furniture only as a whole short line.
_LABEL = re.compile(
    r"^\s*(?:background|next steps|related(?: articles| stories| content| coverage)?|more on this(?: story)?|"
    r"\d+(?:st|nd|rd|th) meeting(?: \((?:am|pm)\))?|"
    r"comments?|show comments|share|print|e-?mail|tweet|subscribe|advertisement|sponsored(?: content)?|"
    r"menu|search|log ?in|sign ?in|sign ?up|register|video|photos?|gallery|"
    r"(?:joint )?press (?:conference|point|briefing) (?:by|with)\b.*|"
    r"(?:video|watch|photo gallery|gallery|podcast|audio|live)\b\s*[:|-].*|"
    r"opening remarks by\b.*|doorstep (?:statement )?by\b.*|more (?:from|on) \S+(?: \S+)?|"
    r"skip to (?:main )?content|\d+\s*min(?:ute)?s? read|read (?:more|next)|most (?:read|popular)|"
    r"recommended(?: for you| stories)?|story continues(?: below)?(?: advertisement)?|"
    r"listen to (?:this |the )?(?:article|story)|continue reading|loading\W*|copy link|link copied\W*|"
    r"back to top|scroll to continue(?: reading)?|(?:next|previous) (?:article|story)|"
    r"cookie (?:settings|preferences|policy)|"
    r"accept (?:all )?cookies|(?:image|photo|slide) \d+ (?:of|/) \d+|"
    r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|messenger|"
    r"our standards:.*|contact the authors?\b.*|"
    rf"{_AGENCY}(?: photo)?)\s*$",
    re.IGNORECASE,
)
# A dateline left alone on its line by the page layout: "BRUSSELS (AP) —", "(Reuters) -".
_DATELINE_ONLY = re.compile(r"^\s*(?:[A-Z][A-Z .,'’-]*)?\s*\([\w .]{2,20}\)\s*[-—–:]+\s*$")
# Names of at most 41 characters: a name may give a "-" back to the tail, and
# each give-back rescans the tail, so an unbounded name is quadratic ("By A-a-a…!").
_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.'’-]{1,40}(?:\s+(?:[A-Z][\w.'’-]{1,40}|and))*\s*(?:[|,/-]\s*[\w .,/|-]*)?$")
# A TASS-style dateline, a sentence of its own: "HELSINKI, November 28. /TASS/."
_DATELINE_SLASH = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]*,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\.?\s*/\s*[\w -]{{2,20}}/\s*\.?\s*$",
    re.IGNORECASE,
)
# "Posted by Anna Lindqvist", "Written by …": a byline with its verb, the name alone.
_POSTED_BY = re.compile(
    r"^\s*(?i:posted|written|words|reported|text|story)\s+(?i:by)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and)){0,5}\s*$"
)
# "— Jens Stoltenberg" under a pull quote: a dash and a name, nothing else.
_DASH_NAME = re.compile(r"^\s*[—–―]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,5}\s*$")
# "Home / Analysis": a trail of two from the home page (three or more: _TRAIL).
_HOME_TRAIL = re.compile(r"^\s*home\s*[/|>›»]\s*\S", re.IGNORECASE)
# "Home > World > Europe": a breadcrumb trail.
_TRAIL = re.compile(r"\s(?:[|>›»]|/(?=.*\s/\s))\s")
# "Jens Stoltenberg, NATO Secretary General": a name, a comma, a title; no verb. A pull quote's credit too.
NAME_TITLE = re.compile(
    r"^[-—–\s]*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*,\s*"
    r"(?P<title>(?:[A-Z][\w.'’&-]*|of|the|for|and|de|du)(?:\s+(?:[A-Z][\w.'’&-]*|of|the|for|and|de|du|to)){0,8})$"
)


@lru_cache(maxsize=1 << 16)
def is_boilerplate(paragraph: str) -> bool:
    """True for related links, captions, credits, bylines, stamps and the like.

    Cached: a line is asked about as a line, as a paragraph and as a sentence.
    """
    text = paragraph.strip()
    if not text:
        return True
    if not any(ch.isalnum() for ch in text):
        return True  # "• |", "***"
    tail = max(0, len(text) - _TAIL)
    if (_LINK.match(text) or _FURNITURE.match(text) or _CONTRIBUTED.search(text, tail)
            or _STAMP.match(text) and len(text) <= 120
            or _DATE_ONLY.match(text) or _DATELINE_ONLY.match(text) or _DATELINE_SLASH.match(text)):
        return True
    words = len(text.split())
    if words <= 12 and _DATE_FIRST.match(text) and not text.rstrip("\"'”’)").endswith((".", "!", "?")):
        return True
    if (words <= 40 and not text.rstrip("\"'”’)").endswith(("!", "?", "."))
            and (_CONTACT.match(text) or len(_CONTACT.findall(text)) >= 2 or _PHONE.search(text))):
        # "Rue de la Loi 175 - Tel.: +32 2 281 6319 - press.office@consilium.europa.eu"; one
        # address inside a line may be a hard-wrapped sentence ("write to press@nato.int and").
        return True
    if _ASIDE_ONLY.match(text) and words <= 6:
        return True
    parts = _PARTS.split(text) if words <= 16 else ()
    if len(parts) > 1 and all(is_boilerplate(part) for part in parts):
        return True
    if words <= 12 and (_BYLINE.match(text) or _POSTED_BY.match(text)):
        return True
    if words <= 12 and (_LABEL.match(text) or _TRAIL.search(text) and not text.endswith((".", "!", "?"))):
        return True  # "Background", "Council of the EU | Press release"
    if words <= 60 and (_CREDIT_END.search(text, tail)
                        or any(w in text.casefold() for w in _CREDIT_WORDS) and _CREDIT.search(text)):
        return True
    if _HOME_TRAIL.match(text) and words <= 8 and not text.endswith((".", "!", "?")):
        return True
    return bool(NAME_TITLE.match(text)) and len(text.split()) <= 12


def teaser_after(previous: str, paragraph: str) -> bool:
    """A line that is furniture by what stands above it.

    A headline-like line under a bare "Read more:" label is the link it
    announces; "— Jens Stoltenberg" under a quotation is its pull-quote
    credit (under anything else, a dash and a name may be a list item).
    """
    if _DASH_NAME.match(paragraph) and previous.rstrip().endswith(("”", '"', "»")):
        return True
    return bool(_LINK_LABEL.match(previous.strip())) and len(paragraph.split()) <= 25 \
        and not paragraph.rstrip().endswith((".", "!", "?", ".”", '."'))
