"""Every English word list natodiff reads, each with the reason it exists.

The stages build their tables and patterns from these, so adding a month
spelling, a title or a speech verb is a one-line change here. Lists are
lower case unless they say otherwise.
"""

from __future__ import annotations

# ----------------------------------------------------------------- calendar

# Month names in calendar order: dates are read by them and labelled with them.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
# Every spelling of a month a text may use, with the month's number; the order is the order patterns try them.
MONTHS: dict[str, int] = {name: k + 1 for k, name in enumerate(MONTH_NAMES)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Shortened month spellings: a full stop after one may not end the sentence ("15 Feb. 2024").
MONTH_ABBREVIATIONS = frozenset(w for w in MONTHS if w not in MONTH_NAMES)
# Weekday names: a capitalised weekday is no name, and a stamp may open with one.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Shortened weekday spellings in stamps ("Thurs. 4 March 2025").
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun")

# ------------------------------------------------------------------ numbers

# Number words read as figures ("eighteen Allies" = "18 Allies").
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen twenty".split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {word: str(n) for word, n in (*zip(_UNITS, range(21)), *_TENS.items(), ("hundred", 100), ("dozen", 12))}
# Ordinals as written in figures ("16th"); "first" and "second" are left out,
# being as often order or time ("first elections", "a second") as counting.
_ORDINALS = "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth " \
            "sixteenth seventeenth eighteenth nineteenth twentieth".split()
_ORDINAL_TENS = {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
                 "ninetieth": 90, "hundredth": 100}
ORDINAL_WORDS = {word: f"{n}{'th' if n > 3 else 'rd'}" for word, n in (*zip(_ORDINALS, range(3, 21)), *_ORDINAL_TENS.items())}
# Endings glued to a digit that make it an ordinal ("21st").
ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
# The two parts of a hyphenated number word: "twenty-five", "seventy-fifth".
TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
UNIT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
# Words that multiply a figure, by what they multiply it by ("4.2 bn", "one million").
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
# How each multiplier is written out: the label of a figure and the key of its scale word.
SCALE_NAMES = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
# Scales of one letter: a scale only glued to a money figure ("£3m"; "3m" alone may be metres).
SHORT_SCALES = frozenset({"k", "m"})
# Currency words and symbols, by ISO code: "$10 billion" and "10 billion US dollars" agree.
CURRENCIES = {
    "$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd",
    "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur",
    "£": "gbp", "gbp": "gbp", "sterling": "gbp",
    "¥": "jpy", "yen": "jpy",
}
# "Pound" is a weight too: only a figure ("2 billion pounds") makes it money; alone it is a plain word.
POUNDS = {"pound": "gbp", "pounds": "gbp"}
# How a currency is named in a figure's label.
CURRENCY_NAMES = {"usd": "dollars", "eur": "euros", "gbp": "pounds", "jpy": "yen"}
# Words whose number names a thing rather than counting it ("resolution 2728", "Article 5").
NUMBERED = frozenset(
    "resolution resolutions article articles paragraph section chapter page pages item items no number "
    "flight route decision case file annex protocol rule regulation directive line unit room".split()
)
# Words before a four-digit number that make it a year ("the 2024 budget", "above 2023 levels").
YEAR_BEFORE = (
    "the", "in", "of", "since", "by", "until", "till", "from", "before", "after", "above", "below", "over",
    "under", "than", "for", "to", "its", "their", "this", "last", "next",
)
# Plurals without a plural ending, which a count's noun may be ("1,000 people").
IRREGULAR_PLURALS = ("allies", "people", "children", "men", "women", "personnel", "troops")
# Counted nouns meaning "NATO member countries" in news copy ("18 Allies" = "18 member states").
ALLY_NOUNS = frozenset({"ally", "allies", "members", "member", "nato allies"})
MEMBER_HEADS = frozenset({"state", "states", "country", "countries", "nation", "nations"})
MEMBER_OF = frozenset({"member", "allied", "nato", "alliance"})  # "18 member states", "13 NATO countries"
# Counted nouns reports use for one another: "1,000 personnel" and "1,500 troops" count one thing.
SAME_COUNT = {"personnel": "troop", "soldier": "troop", "servicemember": "troop", "servicemen": "troop"}

# -------------------------------------------------------------------- words

# Function words that flip what a sentence says: an edit to one is never trivial.
NEGATIONS = frozenset({"not", "no", "nor", "never", "none", "neither", "without", "cannot"})
POLARITY = NEGATIONS | {"before", "after", "more", "less", "fewer", "above", "below", "against", "only"}
# Words that carry no content of their own: they weigh little in a match.
STOPWORDS = frozenset(
    """a an the and or but nor so yet for of to in on at by with from into onto
    upon about above below over under after before during since until while as
    than then that this these those there here it its it's itself they them their
    theirs we us our ours you your he him his she her hers i me my mine who whom
    whose which what when where why how is are was were be been being am do does
    did done have has had having will would shall should can could may might must
    not no also such both each all any some more most other another same own only
    just very too again further once out up down off if because per via
    through throughout across among amongst between within without against
    including toward towards around onto whether however although though
    mr mrs ms dr said say says saying told according""".split()
)
# Articles: adding or dropping one never makes a quotation unfaithful.
ARTICLES = frozenset({"the", "a", "an"})
# British -> American where no broad spelling rule covers it: both texts' words get one key.
SPELLING = {
    "defence": "defense", "offence": "offense", "licence": "license",
    "pretence": "pretense", "programme": "program", "programmes": "programs",
    "grey": "gray", "ageing": "aging", "judgement": "judgment",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "aluminium": "aluminum",
    "cheque": "check", "tyre": "tire", "sceptical": "skeptical",
    "enrol": "enroll", "fulfil": "fulfill", "whilst": "while", "amongst": "among",
    "towards": "toward", "afterwards": "afterward", "learnt": "learned",
    "spelt": "spelled", "percent": "percent", "pct": "percent",
    "kilometre": "kilometer", "kilometres": "kilometers", "jewellery": "jewelry",
}
# Words ending in one l that British English doubles before an ending ("travelled").
DOUBLE_L = frozenset(
    "travel label cancel model fuel signal level total channel counsel marshal "
    "dial duel equal jewel libel pedal quarrel rival shovel tunnel funnel "
    "marvel panel parcel pencil".split()
)
# Prefixes never a word alone: "co-operation" = "cooperation" ("non-NATO" stays two words).
PREFIXES = frozenset({"co", "re", "pre", "non", "e", "anti", "multi", "inter", "semi", "sub"})
# Contractions: "won't" = "will not", "we're" = "we are".
NOT_BASES = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
CLITICS = {"re": "are", "ve": "have", "ll": "will", "m": "am", "d": "would"}
# Transliterations of one Slavic surname ending: "Zelenskyy", "Zelenskiy" = "Zelensky".
SLAVIC_ENDINGS = ("skyy", "skyi", "skiy", "skii")
# Past forms of irregular verbs, by lemma: stemming joins "pays"/"paying" but not "paid", so a
# sentence reworded into another tense or voice ("will bear the costs" / "the costs will be borne")
# loses its verb. Forms that are as often another word are left out: left (side), found (to found),
# lay (of lie), bound, saw, thought, felt, rose (flower, name), won (currency), shot, tore/torn (tear
# gas), said/told (stop words and speech tags).
IRREGULAR_VERBS = {
    "arise": ("arose", "arisen"), "bear": ("bore", "borne"), "begin": ("began", "begun"),
    "break": ("broke", "broken"), "bring": ("brought",), "build": ("built",), "buy": ("bought",),
    "choose": ("chose", "chosen"), "come": ("came",), "deal": ("dealt",), "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"), "fall": ("fell", "fallen"), "fight": ("fought",), "flee": ("fled",),
    "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"), "foresee": ("foresaw", "foreseen"),
    "forget": ("forgot", "forgotten"), "freeze": ("froze", "frozen"), "get": ("got", "gotten"),
    "give": ("gave", "given"), "go": ("went", "gone"), "grow": ("grew", "grown"), "hear": ("heard",),
    "hide": ("hid", "hidden"), "hold": ("held",), "keep": ("kept",), "know": ("knew", "known"),
    "lead": ("led",), "lend": ("lent",), "lose": ("lost",), "make": ("made",), "mean": ("meant",),
    "meet": ("met",), "mislead": ("misled",), "oversee": ("oversaw", "overseen"), "pay": ("paid",),
    "rebuild": ("rebuilt",), "rise": ("risen",), "run": ("ran",), "see": ("seen",), "seek": ("sought",),
    "sell": ("sold",), "send": ("sent",), "shake": ("shook", "shaken"), "show": ("shown",),
    "sink": ("sank", "sunk"), "speak": ("spoke", "spoken"), "spend": ("spent",), "stand": ("stood",),
    "steal": ("stole", "stolen"), "strike": ("struck", "stricken"), "swear": ("swore", "sworn"),
    "take": ("took", "taken"), "teach": ("taught",), "throw": ("threw", "thrown"),
    "undergo": ("underwent", "undergone"), "understand": ("understood",), "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld",), "wear": ("wore", "worn"), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld",), "write": ("wrote", "written"),
}

# ------------------------------------------------------------ places, names

# Names the press uses interchangeably for one body or place, matched word by word.
WORD_ALIASES = {
    "alliance": "nato", "britain": "uk", "ally": "member",
    # Place names in their older or other transliteration.
    "türkiye": "turkey", "kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv",
    "byelorussia": "belarus", "belorussia": "belarus", "burma": "myanmar",
}
# Multi-word names folded to one matching key.
PHRASE_ALIASES = {
    "north atlantic treaty organization": "nato",
    "united nations": "un",
    "european union": "eu",
    "united states": "usa",
    "united kingdom": "uk",
    "russian federation": "russia",
    "member states": "member",
    "member countries": "member",
}
# Country adjectives, by country: "Russian forces" report on Russia; a demonym alone is no name.
DEMONYMS = {
    "afghan": "afghanistan", "albanian": "albania", "armenian": "armenia", "australian": "australia",
    "austrian": "austria", "azerbaijani": "azerbaijan", "belarusian": "belarus", "belgian": "belgium",
    "bosnian": "bosnia", "british": "uk", "bulgarian": "bulgaria", "canadian": "canada", "chinese": "china",
    "croatian": "croatia", "danish": "denmark", "dutch": "netherlands", "egyptian": "egypt",
    "estonian": "estonia", "finnish": "finland", "french": "france", "georgian": "georgia",
    "german": "germany", "greek": "greece", "hungarian": "hungary", "indian": "india",
    "iranian": "iran", "iraqi": "iraq", "irish": "ireland", "israeli": "israel", "italian": "italy",
    "japanese": "japan", "korean": "korea", "latvian": "latvia", "lithuanian": "lithuania",
    "macedonian": "macedonia", "moldovan": "moldova", "montenegrin": "montenegro",
    "norwegian": "norway", "pakistani": "pakistan", "palestinian": "palestine", "portuguese": "portugal",
    "romanian": "romania", "russian": "russia", "serbian": "serbia", "slovak": "slovakia",
    "slovenian": "slovenia", "spanish": "spain", "sudanese": "sudan", "swedish": "sweden",
    "swiss": "switzerland", "syrian": "syria", "turkish": "turkey", "ukrainian": "ukraine",
}
# Adjectives a names list must not take for names, besides demonyms ("Western Allies", "Czech troops").
NOT_NAME_ADJECTIVES = frozenset({"western", "eastern", "northern", "southern", "czech", "cuban"})
# Places a sentence may open with that are names, not capitalised common words.
PLACES = frozenset(
    {"nato", "europe", "africa", "asia", "america", "ukraine", "turkey", "kyiv", "moscow", "brussels",
     "washington", "london", "paris", "berlin", "warsaw", "ankara", "beijing", "vilnius", "riga",
     "tallinn", "helsinki", "stockholm", "oslo", "copenhagen", "madrid", "rome", "bucharest", "sofia",
     "budapest", "prague", "bratislava", "vienna", "athens", "lisbon", "ottawa", "tokyo", "tehran",
     "minsk", "chisinau", "tbilisi", "belgrade", "zagreb", "ljubljana", "skopje", "tirana", "podgorica",
     "britain", "england", "scotland", "wales", "kosovo", "montenegro", "usa", "uk"}
    | set(DEMONYMS.values())
)
# How the facts list names a body, whatever the text calls it.
NAME_ALIASES = {
    "nato": "NATO", "alliance": "NATO", "the alliance": "NATO", "north atlantic alliance": "NATO",
    "north atlantic treaty organization": "NATO", "north atlantic treaty organisation": "NATO",
    "us": "United States", "u.s": "United States", "u.s.": "United States", "usa": "United States",
    "united states": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "u.k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "eu": "European Union", "european union": "European Union",
    "un": "United Nations", "united nations": "United Nations",
    "russian federation": "Russia",
    "un security council": "UN Security Council", "security council": "UN Security Council",
    "united nations security council": "UN Security Council",
}
# Honorifics: they open a person's name and are no part of a title.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "mx"})
# Words that make a capitalised run a title ("Secretary General", "Defence Minister").
TITLE_WORDS = frozenset(
    """secretary general secretary-general minister ministers president chancellor
    ambassador ambassadors commander chief spokesperson spokesman spokeswoman admiral
    colonel lieutenant captain premier king queen prince princess senator governor mayor
    chairman chairwoman chair director envoy representative pm gen lt col adm sgt
    rep sen gov pres amb manager marshal officer maj capt cpl brig cmdr""".split()
)
# A minister's or secretary's portfolio ("Defence Minister"): two titles alike but for it name
# different people.
PORTFOLIOS = frozenset(
    """defence defense foreign prime finance interior home justice economy economic trade energy
    health education transport agriculture environment""".split()
)
# Words that may stand before a title word inside the title ("Deputy Prime Minister").
TITLE_MODIFIERS = PORTFOLIOS | frozenset(
    """vice deputy assistant supreme allied security army navy first former acting state national air
    high executive""".split()
)
# Words that end an organisation's name ("North Atlantic Council", "Ministry of Defence").
ORGANISATION_WORDS = frozenset(
    """council committee commission organization organisation agency centre center
    institute ministry department office command union bank fund assembly parliament
    university court alliance treaty forum initiative partnership programme program
    group force forces summit conference policy facility""".split()
)
# Capitalised group nouns: "European Allies" names no one.
GROUP_NOUNS = frozenset(
    """allies ally allied members member states nations countries leaders heads
    government governments ministers minister officials forces partners capitals
    headquarters troops people""".split()
)
# Words that alone refer back to a name said before ("the Mission"): no name of their own.
BACK_REFERENCES = frozenset("mission republic resolution agreement conflict federation kingdom state".split())
# Capitalised words that are never a name: abbreviations of measures, and the calendar.
NOT_NAMES = frozenset({"gdp", "gnp", *WEEKDAYS, *MONTHS})
# Page furniture in capitals ("READ MORE", "PHOTO", "Q:"); "More" in a name is fine.
CAPITALS_FURNITURE = frozenset("read more also photo video update breaking watch live exclusive opinion q".split())
# Particles inside a person's name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset("von van der den de da di du del della bin ibn".split())
# Words before a colon that open a headline, not a speaker's turn ("NATO: …", "UPDATE: …").
NOT_SPEAKERS = frozenset("nato eu un uk us usa note update breaking watch video exclusive analysis opinion "
                         "editorial live factbox explainer timeline".split())
# News agencies: their credits and datelines are page furniture. Spelled as they write themselves.
NEWS_AGENCIES = ("AP", "AFP", "Reuters", "Associated Press", "Getty Images", "EPA", "Xinhua", "Shutterstock",
                 "Bloomberg", "Anadolu", "dpa", "TASS")

# ---------------------------------------------------------------- furniture

# Words of a web page's buttons, menus and link bars: a short line made only of these (and
# FURNITURE_GLUE) is furniture, however the scraper ran them together ("SHARE TWEET EMAIL").
INTERFACE_WORDS = frozenset("""
    share shares tweet email e-mail comment comments print save saved menu search subscribe sign login
    logout log register home news latest skip ad ads advertisement sponsored close expand collapse show hide
    caption captions enlarge image images photo photos gallery video videos play replay watch listen audio
    next previous back top overview continue reading read most viewed popular related topics topic
    suggested recommended trending key events post link links copied copy facebook twitter x whatsapp
    linkedin telegram reddit messenger instagram youtube bluesky pinterest flipboard mastodon page useful
    yes report problem feedback purchase licensing rights opens tab window release immediate contact
    contacts cookies cookie settings accept reject manage preferences article story stories full screen
    mute unmute download pdf rss feed follow newsletter newsletters more less
""".split())
# Small words a button or feedback line may hold besides INTERFACE_WORDS ("Share on Facebook",
# "Is this page useful?"); they never make a line furniture on their own.
FURNITURE_GLUE = frozenset("this the a an to on of for with is not no our us your you in and or by all now here at via up".split())
# Words in an HTML element's class or id that mark it as page furniture ("share-bar",
# "related-stories", "c-newsletter"); a class word equal to one of these, or starting with one of
# six letters or more ("relatedposts", "advertorial"), drops the element.
HTML_FURNITURE_HINTS = frozenset("""caption captions credit credits share sharing social related newsletter
    newsletters promo promos advert adverts advertisement ad ads comments comment byline""".split())
# First words of a class name that describe an element's state or taxonomy, not what it is:
# "has-share-buttons" and "tag-social-media" may wrap the story itself.
HTML_CLASS_QUALIFIERS = frozenset("has with is tag tags category categories no show hide".split())
# Words naming a reporter's post: a short line of a name and one of these is a byline without "By".
BYLINE_TITLES = frozenset("""correspondent correspondents reporter reporters editor editors writer writers columnist
    contributor staff bureau desk""".split())

# --------------------------------------------------------------- sentences

# Titles that end in a full stop before a name: "Mr. Stoltenberg" runs on.
ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cmdr sgt adm sen rep gov pres amb st rev hon".split()
)
# Words that end in a full stop without ending the sentence.
ABBREVIATIONS = ABBREVIATED_TITLES | MONTH_ABBREVIATIONS | frozenset(
    """jr sr messrs mme mlle vs etc e.g i.e cf al approx dept est fig no nos vol pp ed inc ltd
    co corp plc bros ave blvd mt ft u.s u.k u.n e.u u.s.a a.m p.m""".split()
)
# Words that open sentences and hardly ever follow "U.S." or "a.m." inside one.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you this that these those there his her its their our
    but and so yet however meanwhile still also in on at after before when while if as""".split()
)
# Words a title-case headline leaves in lower case.
SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())

# ------------------------------------------------------------------ speech

# Verbs that report speech: they attribute a quotation to its speaker.
SPEECH_VERBS = (
    "said", "says", "say", "added", "adds", "concluded", "concludes", "stated", "told", "tells", "noted", "notes",
    "stressed", "stresses", "warned", "warns", "explained", "explains", "confirmed", "confirms", "declared",
    "insisted", "insists", "emphasised", "emphasized", "emphasises", "emphasizes", "underlined", "underlines",
    "pointed out", "pointed to", "made clear", "makes clear", "welcomed", "argued", "argues", "wrote", "writes",
    "asked", "replied", "announced", "pledged", "urged", "remarked", "observed", "continued", "according to",
    "joked",
    # The reporting verbs of a slanted rewrite, and restating ones: "…,” the minister claimed.
    "claimed", "claims", "admitted", "admits", "alleged", "alleges", "acknowledged", "acknowledges",
    "reaffirmed", "reaffirms", "reiterated", "reiterates", "recalled", "recalls", "cautioned", "cautions",
)
# Verbs of a closing "he said" tag, which is no part of what a sentence reports ("told" takes its object).
TAG_VERBS = ("said", "says", "added", "adds", "noted", "stressed", "told", "concluded", "continued", "explained",
             "wrote", "insisted")
# Verbs of an agency's tag: ", the Interfax news agency reported Thursday".
REPORT_VERBS = ("reported", "said", "announced")
# Pronouns a speech verb may take: the last named speaker speaks again.
SPEAKER_PRONOUNS = frozenset({"he", "she"})
