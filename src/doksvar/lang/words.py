"""Words: tokenising, Snowball stemming and stop words for Swedish and English."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from doksvar.lang.lazy import lazy

# Letters and digits; "IT-kostnaderna" gives "it" and "kostnaderna", as FTS5's unicode61 does.
WORD = lazy(r"[^\W_]+")
YEAR_PATTERN = r"(?:19[5-9]\d|20\d\d)"
"""A year as reports write them, 1950–2099: the one definition every reader of years uses."""
YEAR = lazy(rf"^{YEAR_PATTERN}$")

_STEMMER = Stemmer.Stemmer("swedish")

SWEDISH_STOP = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett han men var jag
    sig från så vi kan man när år än hur efter upp ut vid också eller där mycket nu bara
    dem sin sina hade blev bli blir varit vara skulle ska skall kunna kunde får fick finns
    fanns hos alla andra detta denna dessa vilka vilken vilket vad varför vem vems vart
    var mer mest under över sedan samt dess än deras ju även nog något några någon inga
    ingen mellan mot utan per via samma egen eget egna vår vårt våra er ert era min mitt
    mina din ditt dina hans hennes dess oss dig mig honom henne dom då vilkas många mycket
    hög högt hur stor stort stora liten litet små lite fler flest färre minst största
    minsta hela helt totala totalt alltså dvs t.ex bl.a cirka ca ungefär hela gäller gällde
    se sett säga sa ge ges gav given visar visade uppgick uppgår ligger låg gå går gick gått bland
    inom genom kring utom enligt före
    """.split()
)

ENGLISH_STOP = frozenset(
    """
    a an the of in on at to for from by with about as into over under than then and or
    but not no is are was were be been being do does did done have has had having what
    which who whom whose when where why how much many there here this that these those
    it its their they them we our us you your he she his her i me my mine any some all
    each every more most less least largest smallest biggest highest lowest high low
    big small did does get got give given gave rate level figure figures number numbers
    amount total overall value values list show tell say says said per year years
    """.split()
)

# Words that carry no subject of their own in a question about a report: they are dropped
# from the content terms that must be found.
GENERIC = frozenset(
    """
    kommun kommunen kommunens rapport rapporten år året åren siffra siffror antal andel
    procent värde nivå uppgift uppgifter enligt dokument dokumentet belopp beloppet beloppen summa summan
    tabell tabellen tabeller kolumn kolumnen kolumner rad raden rader post poster posten
    kronor miljoner miljon tusen mkr mnkr tkr msek pengar pengarna
    """.split()
)


COST_STEM = lazy(r"kost|netto|utgift|brutto")
"""Stems of the words that ask what something cost ("kostade", "kostnaden", "netto"): what kind of
figure is asked, which a table in kronor holds in every row."""

_AGE_GROUP = lazy(
    r"\b(?:under|över|over|above|below|aged)\s+(\d{2})\b(?!\s*(?:%|procent|percent|[tm]?n?kr|kronor|dagar|days"
    r"|timmar|hours|minuter|minutes|veckor|weeks|månader|months))"
    r"|\b(\d{2})\s*(?:år\s*)?(?:och|eller|or|and)\s*(?:yngre|äldre|under|över|older|younger|above|below)\b"
)


def age_groups(text: str) -> list[frozenset[str]]:
    """The age groups a question names ("under 30", "50 år och äldre", "aged 50 or older"), each as
    the ages a report may bound it by: "under 30" is its "29 år och yngre", "över 49" its "50 år och äldre"."""
    out = []
    for m in _AGE_GROUP.finditer(text.lower()):
        age = int(m.group(1) or m.group(2))
        out.append(frozenset({str(age - 1), str(age), str(age + 1)}))
    return out


MONEY_KIND = lazy(rf"(?:{COST_STEM.pattern}|intäk)")
"""Stems of the words that name a kind of money figure ("kostnader", "intäkter"), which the genre's
tables hold as rows of every report, not an item the report is about."""

# The organisation a report is by, in the genre's words: "nämndens intäkter" asks about the report's
# own figures, so these words say little about which figure.
ORGANISATION = lazy(
    r"^(?:nämnd|förvaltning|kommun|styrels|region|stad|bolag|förbund|verksamhetsområd)"
    r"(?:(?:e|en|ens|er|erna|ernas|et|ets|s|ar|arna|arnas|n|ns|na|nas|al|ala|alt)?"
    r"|s?\w*(?:nämnd|styrels|fullmäktig|revision|förvaltning|kontor|ledning)(?:e|es|en|ens|er|erna|et|ets|s|n|ns)?)$"
)
"""A word for the reporting organisation, in its forms ("nämnden", "kommunens", "kommunala"), or a
compound of one that names an organ ("kommunstyrelsen", "stadsrevisionen", "stadsbyggnadsnämnden");
not another compound that begins with one ("regionaltåget", "stadstrafiken", "kommunikation")."""


MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
"""The Swedish month names, as a regular-expression alternation."""

RELATIVE_CLAUSE = lazy(r",\s+(?:som|vilket|vilka|där)\b[^,]*,")
"""A relative clause set off by commas ("Måltidsservice, som finansieras genom …, överskred"): what it
says of the subject is not what the sentence states."""

YEAR_BEFORE = (
    r"förra\s+året|i\s+fjol|föregående\s+år\w*|året\s+(?:innan|före|dessförinnan)|ett\s+år\s+tidigare"
    r"|för\s+ett\s+år\s+sedan"
)
"""The year before, in the genre's words ("året innan", "i fjol"), as a regular-expression alternation:
a question's comparison base, or the place a ranking had before."""
LAST_YEAR = lazy(
    r"\b(?:förra\s+året|i\s*fjol|föregående\s+år)\b|\b(?:last year|the previous year|the prior year)\b", re.I
)
"""The year before now ("förra året", "i fjol", "last year"); not "året innan", which is before another
time the question names."""

# Words for the period a figure covers: "januari–mars" is the report's "perioden", "helåret" its
# full-year columns. They pick a column or a table, never an item.
FULL_YEAR = lazy(
    rf"\b(?:helår\w*|helåret|hela året|hela {YEAR_PATTERN}|full[- ]year|årsprognos\w*"
    rf"|(?:the )?whole (?:of )?(?:the )?year|whole of {YEAR_PATTERN}|entire year)\b",
    re.I,
)
"""The whole year, as a forecast or an outcome: "helår", "prognos helår", "hela 2026", "full-year"."""
PART_OF_YEAR = lazy(r"\b(?:perioden?|period\w*|delår\w*|tertial\w*|kvartal\w*|halvår\w*|jan\w*\s*[–-]\s*\w+)\b", re.I)
"""A part of the year a report covers so far: "perioden", "januari–mars", "jan–apr", "delåret"."""
PERIOD = lazy(
    rf"\b(?:{MONTHS}"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec|perioden?|period\w*|delår\w*|tertial\w*|kvartal\w*"
    r"|helår\w*|helåret|halvår\w*|utgången|årsskiftet|fjol|ifjol|hittills|hitintills)\b",
    re.I,
)


ORDINAL_PERIOD = lazy(r"\b(första|andra|tredje|fjärde)\s+(?:kvartal|tertial|halvår)\w*", re.I)
"""A part of the year by its ordinal ("tredje kvartalet"), which a table may write "Kv 3"."""

_RELATIVE_TIME = frozenset(
    ("året", "förra", "föregående", "innevarande", "nästa", "kommande", "senaste", "dessförinnan")
)
"""Words that say when rather than what ("förra året", "föregående mätning"; not "årets", as in "årets resultat")."""


def is_period(word: str) -> bool:
    """Whether a word names a reporting period ("mars", "perioden", "helåret", "tertialrapporten") or
    places one ("förra", "föregående")."""
    return bool(PERIOD.fullmatch(word)) or word.lower() in _RELATIVE_TIME


def is_organisation(word: str) -> bool:
    """Whether a word names the reporting organisation in general ("nämnden", "förvaltningens")."""
    return bool(ORGANISATION.match(word))


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased word tokens of `text` with their offsets."""
    return [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]


def words(text: str) -> list[str]:
    """Lower-cased word tokens of `text` (lowered as a whole, as the index's stems are)."""
    return WORD.findall(text.lower())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball-Swedish stem of a lower-cased word; numbers stay as they are."""
    if word.isdigit():
        return word
    return _STEMMER.stemWord(word)


GROUP_STEMS = frozenset(stem(w) for w in ("kvinnor", "kvinnliga", "män", "männen", "manliga", "flickor", "pojkar"))
"""Stems of the words for the groups a report's figures are broken down by (women, men, girls,
boys): a question about one of them asks for that group's figure, not everyone's; a table may say
them by a letter ("(M)", "(K)")."""


def stems(text: str) -> list[str]:
    """Stems of every token of `text`, in order."""
    return [stem(w) for w in words(text)]


@lru_cache(maxsize=8192)
def stem_set(text: str) -> frozenset[str]:
    """The stems of `text` as a set, kept for texts weighed again (passages, headings, quotes), with
    the compounds a coordination writes in part ("Idrotts- och fritidsanläggningar")."""
    return frozenset([*map(stem, words(text)), *map(stem, coordinated(text))])


class _Stems(dict):
    """Snowball stems of the words seen so far. Indexing stems every word of every passage, from a
    vocabulary of a few thousand words a report: a dict lookup costs less than the stemmer's call."""

    limit = 100_000
    """Words kept before the cache starts over, so that a corpus of many reports stays small."""

    def __missing__(self, word: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        stemmed = self[word] = _STEMMER.stemWord(word)
        return stemmed


_STEMS = _Stems()


def stemmed_text(text: str) -> str:
    """The text as its stems joined by spaces: what the index's stems column holds, with the
    compounds a coordination leaves out ("idrottsanläggningar" of "Idrotts- och fritidsanläggningar")."""
    stemmed = " ".join(map(_STEMS.__getitem__, _word_list(text.lower())))
    left_out = coordinated(text)
    return f"{stemmed} {' '.join(map(_STEMS.__getitem__, left_out))}" if left_out else stemmed


_COORDINATION = lazy(r"((?:\b[^\W\d_]{2,}-,?\s+)+)(?:och|eller|samt|resp\.|respektive)\s+([^\W\d_]{6,})", re.I)
_FIRST_PART = lazy(r"([^\W\d_]{2,})-")
_HANGING = lazy(r"-(?<=[^\W\d_]-),?\s+(?:och|eller|samt|resp\.|respektive)\s", re.I)
"""A part of a compound left hanging before the conjunction: what every coordination holds, found
at once by its hyphen (the coordination's own pattern tries every word of a text)."""
HEAD_ZIPF = 2.5
"""How common in Swedish the end of a compound must be to be read as its head ("anläggningar" of
"fritidsanläggningar"), not a chance ending."""


def coordinated(text: str) -> list[str]:
    """The compounds a coordination writes only in part: "Idrotts- och fritidsanläggningar" holds
    "idrottsanläggningar", "Hälso- och sjukvård" "hälsovård". The shared head is the longest
    ending of the last word that is a Swedish word of its own."""
    if "- " not in text or not _HANGING.search(text):
        return []  # no part of a compound left hanging: most texts leave here
    from doksvar.lang.frequency import zipf

    out = []
    for m in _COORDINATION.finditer(text):
        last = m.group(2).lower()
        head = next(
            (last[k:] for k in range(3, len(last) - 3) if zipf(last[k:]) >= HEAD_ZIPF),
            "",
        )
        if head:
            out += [f"{first.lower()}{head}" for first in _FIRST_PART.findall(m.group(1))]
    return out


def _word_list(text: str) -> list[str]:
    """`WORD.findall(text)`, sooner: most pieces between white space are one word already (a
    letter or digit is what `str.isalnum` tests), and only the others need the pattern."""
    out: list[str] = []
    for piece in text.split():
        if piece.isalnum():
            out.append(piece)
        else:
            out += WORD.findall(piece)
    return out


def is_stop(word: str, english: bool = True) -> bool:
    """True for a function word: Swedish always, English too unless the text is Swedish."""
    return word in SWEDISH_STOP or (english and word in ENGLISH_STOP)


YEAR_IN_TEXT = lazy(rf"(?<!\d){YEAR_PATTERN}(?!\d)")
TOTAL_ROW = lazy(r"^(?:summa|s:a|totalt?|netto\w*|resultat\w*|årets resultat)\b", re.I)
"""A table row that sums the others ("Summa", "Totalt", "Nettokostnad", "Årets resultat")."""


def years_in(text: str) -> frozenset[int]:
    """The years a text names ("Utfall 2023", "2022-2024" gives 2022 and 2024)."""
    return _years_in(text) if len(text) <= _KEPT_TEXT else frozenset(map(int, YEAR_IN_TEXT.findall(text)))


def own_years(text: str) -> frozenset[int]:
    """The years a text gives its own figures for: all it names but last year's figures in parentheses
    ("uppgick till 6,9 procent (9,6 procent 2024)"), the genre's way of comparing with the year before."""
    if "(" not in text:
        return years_in(text)
    return years_in(COMPARED_IN_PARENTHESES.sub(" ", text))


COMPARED_IN_PARENTHESES = lazy(rf"\((?=[^()]*\d[^()]*\s{YEAR_PATTERN}\))[^()]*\)")
"""A figure of another year in parentheses after the figure it compares with: "(95 120 tkr 2024)",
"(34,2 mnkr januari–april 2025)"."""


_KEPT_TEXT = 2000
"""Longest text whose findings are kept for when it is read again (a sentence, a header; not a document)."""


@lru_cache(maxsize=16384)
def _years_in(text: str) -> frozenset[int]:
    return frozenset(map(int, YEAR_IN_TEXT.findall(text)))


def figure_value(text: str) -> float:
    """The value of a figure as reports print it: "19 761" -> 19761, "−3,78" -> -3.78, "12 %" -> 12.
    Digit groups may be parted by any space; raises ValueError for text that is no figure."""
    t = re.sub(r"[\s\u00a0\u202f%]", "", text).replace("\u2212", "-").replace("–", "-").replace(",", ".")
    return float(t)


def is_year(word: str) -> bool:
    """True for a four-digit year such as 2023."""
    return bool(YEAR.match(word))


def looks_english(text: str) -> bool:
    """Whether a question is in English rather than Swedish, by its function words (not by å, ä
    or ö: Swedish names occur in English questions)."""
    ws = words(text)
    en = sum(1 for w in ws if w in ENGLISH_STOP and w not in SWEDISH_STOP)
    sv = sum(1 for w in ws if w in SWEDISH_STOP and w not in ENGLISH_STOP)
    return en > sv


NUMBER_WORD = lazy(
    r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|hundra|tusen|miljon\w*|dubbelt|hälften"
    r"|halva|samtliga|alla|ingen|inga|inget)\b",
    re.I,
)
"""A quantity written as a word ("Fyra rekommendationer lämnas …"); "en"/"ett" are articles, not figures."""
CARDINAL = lazy(r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|hundra|tusen)\b", re.I)
"""A number written as a word ("Fyra rekommendationer"): a figure a 'hur många' question can have."""


_NAME_WORD = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
PERSON_NAME = lazy(rf"\b{_NAME_WORD} {_NAME_WORD}\b")
"""A person's name as reports write it ("Sara Holmgren", "Lars-Göran Eklund"): two capitalised words."""
