"""Page furniture: lines that belong to the web page, not to the story.

Decided per paragraph, because furniture comes as whole lines (a caption, a
related-link teaser, a byline); a caption's sentences all go together.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from natodiff.lexicon import (
    BYLINE_TITLES,
    FURNITURE_GLUE,
    INTERFACE_WORDS,
    MONTHS,
    NEWS_AGENCIES,
    SPEECH_VERBS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from natodiff.model import Sentence
from natodiff.patterns import Pattern, one_of

# A clause told as someone's words ("Sign up to fight, the poster said."): a story sentence, not a notice.
_REPORTED = Pattern(
    rf",[\"'”’]?\s+(?:[\w'’.-]+\s+){{0,3}}(?:{'|'.join(v for v in SPEECH_VERBS if ' ' not in v)})\b",
    re.IGNORECASE,
)
_LINK = Pattern(
    r"^\s*(?:[-*•·|>]\s*)?(?:read more|also read|read also|related|see also|more from|"
    r"recommended|watch|listen|explore more|trending|most read|you may also like|top stories)"
    r"\s*[:|>»-]",
    re.IGNORECASE,
)
_MONTH = rf"{one_of(MONTHS)}\b\.?"
_DATE = (
    rf"(?:(?:{'|'.join(day[:3] for day in WEEKDAYS)})[a-z]*,?\s*)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\s*,?\s*\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:,\s*|\s+)\d{{2,4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
# A date alone, perhaps with a time and a place: "Brussels, 3 <Month> 2025", "15 <Mon>. 2024 17:48".
_DATE_ONLY = Pattern(
    rf"^[\s\W]*(?:[a-z][a-z .'’-]{{1,30}},\s*)?{_DATE}"
    rf"(?:[\s,|-]*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{{2,4}}\b)?)?[\s\W]*$",
    re.IGNORECASE,
)
# A short line opening with a date and not ending like a sentence: "<Month> 12, 2024 4:37 PM GMT+2 Updated 2 hours ago".
# A scraper may run the time onto the year: "<Month> 18, 20233:41 PM GMT+1Updated 2 hours ago".
_DATE_FIRST = Pattern(rf"^[\s\W]*{_DATE}(?:\b|(?=\d{{1,2}}:\d\d))", re.IGNORECASE)
# "(As delivered)", "(Check against delivery)": a stage direction on its own line.
_ASIDE_ONLY = Pattern(r"^\([^().!?]{1,40}\)$")
# A related-link label with its link on the next line ("Read more:" / the teaser headline).
_LINK_LABEL = Pattern(
    r"^\s*(?:read more|also read|read also|related(?: articles| stories| coverage)?|see also|more from \S+|"
    r"recommended|you may also like|top stories|most read)\s*[:|>»-]?\s*$",
    re.IGNORECASE,
)
# Parts of one line of furniture: "Advertisement · Scroll to continue", "By Jane Doe · 19 <Month> 2025".
_PARTS = Pattern(r"\s+[·•|]\s+")

_AGENCY = rf"(?i:{'|'.join(NEWS_AGENCIES)})"
_CREDIT = Pattern(
    r"\((?:photo|photograph|picture|image|file photo|video)\b[^)]*\)|"
    # "(AP Photo/Susan Walsh)", "(Reuters Photo)": the agency's name first.
    rf"\({_AGENCY}\s+(?:photo|photograph|picture|image|video)\b[^)]*\)\s*\.?\s*$|"
    r"\b(?:photo(?:graph)?|picture|image|video)\s*(?:credit)?\s*:\s|"
    r"^\s*(?:file photo|photo|credit)s?\s*(?::|$)",
    re.IGNORECASE,
)
# "REUTERS/Yves Herman", "Virginia Mayo/AP" closing a caption; not "a Reuters/Ipsos poll" mid-sentence.
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
# "Jussi Nukari/Lehtikuva/AFP/Getty Images" and "Photo by Jean Martin/AFP via Getty Images": a chain
# of credits, or a credit passed on by a second agency.
_CREDIT_END = Pattern(
    r"(?:^|[.!?][\"'”’)]?\s+|\|\s+)"  # a caption's last sentence, a line of its own, or after a "|"
    r"(?:(?i:photo(?:graph)?\s+by)\s+)?"
    rf"(?:\b{_AGENCY}\s*(?i:photo)?\s*/\s*{_NAME}"
    rf"|{_NAME}(?:\s*/\s*{_NAME}){{0,3}}\s*/\s*{_AGENCY}(?:\s+via\s+{_AGENCY})?"
    rf"|{_NAME}(?:\s*/\s*{_NAME}){{1,3}}\s+via\s+{_AGENCY})"
    r"(?:\s*/\s*(?i:file(?: photo)?))?\s*\)?\s*\.?\s*$"
)
_WEEKDAY = rf"{one_of((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS))}\b\.?"
# What follows "Updated" in a stamp: a time, a date, a weekday; not "Updated figures show".
_WHEN = rf"(?:\d|{_MONTH}|{_WEEKDAY}|(?:at|on)\s+(?:\d|{_MONTH}|{_WEEKDAY})|yesterday\b|today\b)"
# "Updated 3 hours ago", "Published: 15 <Mon>. 2024": a stamp, short and not a clause of a sentence.
_STAMP = Pattern(
    rf"^\s*(?:[-*•·|]\s*)?(?:last updated|updated|published|posted|first published|modified|issued)"
    # After a comma only the stamp's date may follow (", <Month> 11, 2023"), not a clause (", NATO's report").
    rf"(?:\s*:\s*\S|\s+{_WHEN})(?!.*,\s+(?!{_MONTH}|{_WEEKDAY}|\d)\w)",
    re.IGNORECASE,
)
_FURNITURE = Pattern(
    r"^\s*(?:share this|share on|share via|sign up (?:for|to|here|now)|subscribe (?:to|now|for|here)|"
    r"follow us|click here|we use cookies|this (?:article|story) (?:was )?(?:originally|first) "
    r"(?:published|appeared)|enjoyed this (?:article|story)|support (?:our|independent) journalism|"
    r"all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s)|"
    # "Reporting by Jane Doe": a credit names someone; "Reporting by journalists was restricted" does not.
    r"^\s*\(?\s*(?:reporting|writing|editing|additional reporting|compiled) by\s+(?-i:[A-Z])|"
    r"^\s*(?:source|editor|contact|from|tags|topics|keywords|filed under)\s*:\s|"
    # "Press Release (2021) 025", "Press release from Ministry of Defence", "Press Service".
    r"^\s*press release(?:\s+(?:from|by|of)\s[^.!?]{1,60}|\s*(?:no\.?|nr\.?)?\s*\(?\d[\w()/ .-]{0,20})$|"
    r"^\s*press (?:service|centre|center|and information (?:office|staff|service))\s*$|"
    r"^\s*(?:read our (?:community )?(?:guidelines|rules|policy)|comments? (?:are|is) (?:closed|moderated)|"
    r"accept (?:all )?cookies|hosted by)\b|"
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
_CONTRIBUTED = Pattern(
    r"\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|(?:to\s+)?(?:this\s+)?reporting)"
    r"(?:\s+from\s+[\w ,.]+)?[\s.)]*$",
    re.IGNORECASE,
)
# A contact block: an e-mail address, a telephone number, a web address.
# An address starts where its run of characters does: tried from inside a long
# word, the run would be rescanned from each of its characters.
_CONTACT = Pattern(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]*[a-z]|\b(?:tel|telephone|phone|fax|mobile)\.?(?:\s*:\s*\+?|\s+\+)\(?\d|\bwww\.\w",
    re.IGNORECASE,
)
# "Tel.: +32 2 281 6319": a telephone number with its label ends a postal address line too.
# "Phone (switchboard) +46 8 405 10 00": a label in brackets, then the number.
_PHONE = Pattern(r"\b(?:tel|telephone|phone|fax)\.?(?:\s*\([a-z ]{1,20}\))?\s*(?::\s*\+?|\+)\(?\d", re.IGNORECASE)
_TAIL = 160  # characters at the end of a line where credits sit
_CREDIT_WORDS = ("photo", "picture", "image", "video", "credit")
# Section labels, buttons and embed titles: furniture only as a whole short line.
_LABEL = Pattern(
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
_DATELINE_ONLY = Pattern(r"^\s*(?:[A-Z][A-Z .,'’-]*)?\s*\([\w .]{2,20}\)\s*[-—–:]+\s*$")
# Names of at most 41 characters: a name may give a "-" back to the tail, and
# each give-back rescans the tail, so an unbounded name is quadratic ("By A-a-a…!").
_BYLINE = Pattern(r"^\s*By\s+[A-Z][\w.'’-]{1,40}(?:\s+(?:[A-Z][\w.'’-]{1,40}|and))*\s*(?:[|,/-]\s*[\w .,/|-]*)?$")
# A TASS-style dateline, a sentence of its own: "HELSINKI, <Month> 28. /TASS/."
_DATELINE_SLASH = Pattern(
    rf"^\s*[A-Z][A-Z .'’-]*,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\.?\s*/\s*[\w -]{{2,20}}/\s*\.?\s*$",
    re.IGNORECASE,
)
# "Posted by Anna Lindqvist", "Written by …": a byline with its verb, the name alone.
_POSTED_BY = Pattern(
    r"^\s*(?i:posted|written|words|reported|text|story)\s+(?i:by)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and)){0,5}\s*$"
)
# "— Jens Stoltenberg" under a pull quote: a dash and a name, nothing else.
_DASH_NAME = Pattern(r"^\s*[—–―]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,5}\s*$")
# "Home / Analysis": a trail of two from the home page (three or more: _TRAIL).
_HOME_TRAIL = Pattern(r"^\s*home\s*[/|>›»]\s*\S", re.IGNORECASE)
# "Home > World > Europe": a breadcrumb trail.
_TRAIL = Pattern(r"\s(?:[|>›»]|/(?=.*\s/\s))\s")
# "Jens Stoltenberg, NATO Secretary General": a name, a comma, a title; no verb. A pull quote's credit too.
NAME_TITLE = Pattern(
    r"^[-—–\s]*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*,\s*"
    r"(?P<title>(?:[A-Z][\w.'’&-]*|of|the|for|and|de|du)(?:\s+(?:[A-Z][\w.'’&-]*|of|the|for|and|de|du|to)){0,8})$"
)


# "4:32 p.m.", "11:30 a.m. ET", "18.04": a live page's time stamp alone on its line.
_TIME_ONLY = Pattern(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?\s*$", re.IGNORECASE)
# An editor's note: kept in the output, never linked as reporting.
_EDITORS_NOTE = Pattern(
    r"^\s*(?:(?:correction|clarification|editor['’]?s note)\s*:|"
    r"an earlier version of this (?:story|article|report|post)\b|"
    r"this (?:story|article|report|post) (?:has been|was) (?:corrected|updated|amended|changed|clarified)\b)",
    re.IGNORECASE,
)
# "… in Vilnius. (<Month> 2) AP": a video's caption ends with its date and the agency.
_VIDEO_CREDIT = Pattern(rf"\(\s*{_MONTH}\s+\d{{1,2}}\s*\)\s*{_AGENCY}\s*$", re.IGNORECASE)
# A photo credit in brackets with a slash, perhaps with the name and agency once more:
# "(Jane Roe/Agency via AP) Jane Roe AP", "(AP Photo/Mindaugas Kulbis)".
IN_SENTENCE_CREDIT = (
    r"\((?:[^()/]{1,60}/[^()/]{1,60}|[^()]{0,30}\b(?i:photo)\b[^()]{0,60})\)"
    rf"(?:\s+(?:[A-Z][\w.'’-]{{0,30}}\s+){{0,4}}{_AGENCY})?"
)
_CREDIT_ONLY = Pattern(rf"^\s*{IN_SENTENCE_CREDIT}\s*\.?\s*$")
# A masthead or a reporter's name run onto a stamp: "THE DAILY HERALD Published 6:02 a.m. ET …".
_MASTHEAD = Pattern(r"^\s*(?:[A-Z][A-Z&'’.-]{1,30}\s+){1,5}(?=[A-Z][a-z])")
# "Image caption, …", "Image source, Reuters": a broadcaster's caption labels.
_CAPTION_LABEL = Pattern(r"^\s*(?:image|photo|video|media) (?:caption|source|credit)s?\s*[,:]", re.IGNORECASE)
# A caption a scraper cut from its "less"/"more" toggle: it ends in the toggle after a credit or a stop.
_TOGGLE_END = Pattern(r"(?:[.!?][\"'”’)]?|\b[A-Z][\w/.)’'-]{0,40})\s+(?:less|more)$")
# What a caption before its toggle has and a headline like "Europe needs NATO more" has not:
# a sentence's stop or a credit's slash.
_CAPTIONED = Pattern(r"[.!?/]")
# A short line of a web address: "Follow AP's coverage of NATO at https://…".
_URL = Pattern(r"\bhttps?://\S|\bwww\.\w", re.IGNORECASE)
_WORDS = Pattern(r"[\w@.'’&+-]+")
_STOP = ('.', '!', '?')


def _interface_line(text: str) -> bool:
    """A short line of buttons and menu words: "SHARE TWEET EMAIL COMMENTS MORE", "Is this page useful?"."""
    words = [w.strip(".'’-").casefold() for w in _WORDS.findall(text)]
    if not 0 < len(words) <= 8 or text.rstrip().endswith("."):
        return False
    return all(w in INTERFACE_WORDS or w in FURNITURE_GLUE for w in words) and any(w in INTERFACE_WORDS for w in words)


def _strip_interface_tail(text: str) -> str:
    """A caption without the link words a page put after its credit ("… REUTERS/Name Purchase Licensing Rights")."""
    words = text.split()
    n = len(words)
    while n and words[n - 1].strip(".,:").casefold() in INTERFACE_WORDS:
        n -= 1
    return " ".join(words[:n]) if 0 < n < len(words) else text


def _byline_with_post(text: str, words: int) -> bool:
    """ "Kate Morton Scotland correspondent": a name and a reporter's post, no verb."""
    tokens = text.rstrip(" .").split()
    return 3 <= words <= 6 and tokens[0][:1].isupper() and tokens[1][:1].isupper() \
        and tokens[-1].casefold() in BYLINE_TITLES and not text.endswith(_STOP)


def is_boilerplate(paragraph: str) -> bool:
    """True for related links, captions, credits, bylines, stamps and the like."""
    return furniture_rule(paragraph) is not None


# A few entries: segment asks about a hard-wrapped line twice in a row (as the
# line after one, then as the line before the next). mark() asks about each
# text once and keeps the answers itself, so a long text never overflows it.
@lru_cache(maxsize=256)
def furniture_rule(paragraph: str) -> str | None:
    """The rule that makes a line page furniture, or None for story text."""
    text = paragraph.strip()
    if not text or not any(ch.isalnum() for ch in text):
        return "no words"  # "• |", "***"
    tail = max(0, len(text) - _TAIL)
    words = len(text.split())
    if _EDITORS_NOTE.match(text):
        return "editor's note"
    if _LINK.match(text):
        return "related link"
    if (_FURNITURE.match(text) or _CONTRIBUTED.search(text, tail)) and not _REPORTED.search(text):
        return "notice"
    if _TIME_ONLY.match(text):
        return "time stamp"
    if _STAMP.match(text) and len(text) <= 120:
        return "stamp"
    masthead = _MASTHEAD.match(text)
    if masthead and len(text) <= 160 and _STAMP.match(text[masthead.end():]):
        return "stamp"
    if _DATE_ONLY.match(text) or _DATELINE_ONLY.match(text) or _DATELINE_SLASH.match(text):
        return "date"
    if words <= 12 and _DATE_FIRST.match(text) and not text.rstrip("\"'”’)").endswith(_STOP):
        return "date"
    if (words <= 40 and not text.rstrip("\"'”’)").endswith(_STOP)
            and (_CONTACT.match(text) or len(_CONTACT.findall(text)) >= 2 or _PHONE.search(text))):
        # "Rue de la Loi 175 - Tel.: +32 2 281 6319 - press.office@consilium.europa.eu"; one
        # address inside a line may be a hard-wrapped sentence ("write to press@nato.int and").
        return "contact"
    if words <= 20 and _URL.search(text) and not text.endswith(_STOP):
        return "web address"
    if words <= 8 and _interface_line(text):
        return "interface words"
    parts = _PARTS.split(text) if words <= 16 else ()
    if len(parts) > 1 and all(is_boilerplate(part) for part in parts):
        return "furniture parts"
    if words <= 12 and (_BYLINE.match(text) or _POSTED_BY.match(text)) or _byline_with_post(text, words):
        return "byline"
    if words <= 12 and (_LABEL.match(text) or _TRAIL.search(text) and not text.endswith(_STOP)):
        return "label"  # "Background", "Council of the EU | Press release"
    if _CAPTION_LABEL.match(text) or words <= 60 and _TOGGLE_END.search(text, tail) and _CAPTIONED.search(text):
        return "caption"
    if words <= 60 and _credit(text, tail):
        return "credit"
    if _ASIDE_ONLY.match(text) and words <= 6:
        return "stage direction"
    if _HOME_TRAIL.match(text) and words <= 8 and not text.endswith(_STOP):
        return "label"
    if NAME_TITLE.match(text) and words <= 12:
        return "attribution"
    return None


def _credit(text: str, tail: int) -> bool:
    if _CREDIT_END.search(text, tail) or _VIDEO_CREDIT.search(text, tail) or _CREDIT_ONLY.match(text):
        return True
    if any(w in text.casefold() for w in _CREDIT_WORDS) and _CREDIT.search(text):
        return True
    core = _strip_interface_tail(text)
    return core is not text and bool(_CREDIT_END.search(core, max(0, len(core) - _TAIL)))


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


# "NATO - News: Headline, 12-<Mon>.-2024": a browser's title bar, the site's name beside the headline and a
# date; "Ukraine war - live: Russia strikes Kyiv" is a headline.
_DASHED_DATE = Pattern(r"\b\d{1,2}-[A-Za-z]{3,9}\.?-\d{4}\b")
_TITLE_BAR = Pattern(r"^\s*[^|–—]{1,40}?\s[|–—-]\s")
_CLOSERS = "\"'”’)]"
_HEADER_LINES = 20
_DATE_SEARCH = Pattern(_DATE, re.IGNORECASE)
_LIST_ITEM = Pattern(r"^\s*(?:[-—–•*·▪◦‣]|\d{1,3}[.)])\s")


def _is_body(text: str) -> bool:
    """A paragraph of the story: it ends like a sentence, or is too long for a heading."""
    return text.rstrip(_CLOSERS).endswith(_STOP) or len(text.split()) > 30


def _unstopped(text: str) -> bool:
    return not text.rstrip(_CLOSERS).endswith(_STOP) and not text.endswith((",", ";"))


def _header_rules(texts: list[str], rules: list[str | None], end: int) -> None:
    """Above the story: one headline; the title bar and short lines beside it (site name, section, byline) are furniture."""
    # A headline sits near the top: the first lines only, so a page of many short lines stays linear.
    lines = [i for i in range(min(end, _HEADER_LINES)) if rules[i] is None and _unstopped(texts[i])]
    if len(lines) < 2:
        return
    folded = {i: texts[i].casefold() for i in lines}
    for i in lines:
        has_headline = any(j != i and len(texts[j].split()) >= 3 and folded[j] in folded[i] for j in lines)
        bar = _TITLE_BAR.match(texts[i])
        dated = _DATE_SEARCH.search(texts[i]) or _DASHED_DATE.search(texts[i])
        if has_headline or bar and len(bar.group().split()) <= 4 and dated:
            rules[i] = "title bar"
    rest = [i for i in lines if rules[i] is None]
    if not rest:
        return
    # A line with a date is the publication line under a title ("Issued by … 10 <Month> 2024"), not the headline.
    undated = [i for i in rest if not _DATE_SEARCH.search(texts[i])] or rest
    headline = max(undated, key=lambda i: (len(texts[i].split()), -i))
    # A short headline right above a longer unstopped standfirst: the line above is the headline.
    above = headline - 1
    if above in rest and len(texts[above].split()) >= 3 and not texts[above].isupper():
        headline = above
    for i in rest:
        # A line under a lone time stamp heads a live page's post, not the page.
        if i != headline and len(texts[i].split()) <= 5 and (i == 0 or rules[i - 1] != "time stamp"):
            rules[i] = "header line"


def _footer_rules(texts: list[str], rules: list[str | None]) -> None:
    """Below the story: short lines without a stop (topics, signatures, addresses) are furniture.

    Read from the end up to the last story paragraph; a list item or a line
    introducing one (ending in a colon) is content and ends the footer.
    """
    for i in range(len(texts) - 1, -1, -1):
        if rules[i] is not None:
            continue
        text = texts[i]
        if not _unstopped(text) or len(text.split()) > 10 or text.endswith(":") or _LIST_ITEM.match(text):
            return
        rules[i] = "footer line"


def paragraph_rules(texts: list[str], own: list[str | None] | None = None) -> list[str | None]:
    """The furniture rule of each paragraph, reading the lines around it too (position, what stands above).

    ``own`` is each text's furniture_rule, where the caller has it already.
    The header and footer rules need a paragraph of story text to stand between:
    a text of headings alone has no header or footer.
    """
    rules = [furniture_rule(t) for t in texts] if own is None else list(own)
    for i in range(1, len(texts)):
        if rules[i] is None and teaser_after(texts[i - 1], texts[i]):
            rules[i] = "teaser"
    body = [i for i, t in enumerate(texts) if rules[i] is None and _is_body(t)]
    if body:
        _header_rules(texts, rules, body[0])
        _footer_rules(texts, rules)
    return rules


def mark(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Boilerplate, and the rule that said so, set on each furniture sentence.

    A paragraph is furniture as a whole (a caption's sentences go together), or
    when every sentence in it is; a sentence may also be furniture on its own.
    Each sentence and each paragraph is asked about once.
    """
    own = [furniture_rule(s.text) for s in sentences]
    members: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        members.setdefault(s.paragraph, []).append(i)
    order = sorted(members)
    texts = [" ".join(sentences[i].text for i in members[p]) for p in order]
    # A paragraph of one sentence is that sentence's text: its rule is known.
    first = [own[members[p][0]] if len(members[p]) == 1 else furniture_rule(text) for p, text in zip(order, texts)]
    rules = dict(zip(order, paragraph_rules(texts, first)))
    for p in order:
        if rules[p] is None and all(own[i] for i in members[p]):
            rules[p] = own[members[p][0]]
    out = []
    for s, rule in zip(sentences, own):
        rule = rules[s.paragraph] or rule
        out.append(replace(s, boilerplate=True, furniture_rule=rule) if rule else s)
    return tuple(out)
