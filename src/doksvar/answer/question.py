"""A question read once: its language, Swedish form, content terms, years and what it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from doksvar.facts.amounts import AMOUNT, unit_of
from doksvar.index.query import Term, analyse
from doksvar.index.vocabulary import Vocabulary
from doksvar.lang.cognates import cognates
from doksvar.lang.frequency import SPECIFIC_ZIPF, form_zipf, zipf
from doksvar.lang.lazy import lazy
from doksvar.lang.terms import to_report_terms, to_swedish
from doksvar.lang.words import GENERIC, MONTHS, coordinated, is_stop, is_year, looks_english, stem, words

# What kind of answer a question wants, by its opening words (Swedish form, lower-cased).
COUNTS = lazy(r"\bhur många\b|\bhow many\b|\bantal\b")
"""A question that counts ("hur många bussar", "antal årsarbetare"): what it counts must be in the answer."""
DURATION = lazy(
    r"\b(?:\d+(?:,\d+)?(?:\s?[–-]\s?\d+(?:,\d+)?)?|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv)\s+"
    r"(?:år|månader|månaders|veckor|veckors|(?:arbets|kalender)?dagar|(?:arbets|kalender)?dagars|dygn|dygns"
    r"|timmar|timmars|minuter)\b",
    re.I,
)
"""How long or how old ("under fem veckor", "0–19 år"): a figure that counts time, not the thing a
'hur många' question counts, unless it counts time itself ("hur många veckor")."""


_UNIT_ASKED = lazy(
    r"\bi (kronor|kr|sek|tkr|tusen kronor|tusentals kronor|mkr|mnkr|miljoner kronor|procent)\b"
    r"|\bin (sek|kronor|thousands of kronor|millions of kronor|percent)\b"
)
_ASKED_AS = {
    "sek": "kr",
    "kronor": "kr",
    "tusentals kronor": "tkr",
    "thousands of kronor": "tkr",
    "millions of kronor": "mkr",
    "percent": "procent",
    "procent": "procent",
}
_UNIT_WORD = lazy(r"\b(?:mdkr|mnkr|mkr|tkr|kkr|miljarder kronor|miljoner kronor|tusen kronor)\b", re.I)
"""The words that tell a table's or a sentence's figures are in thousands or millions ("belopp i mkr")."""
_PERCENT = lazy(r"\d\s?(?:%|procent)", re.I)
_PERCENT_LABEL = lazy(r"(?:^|[\s,(])(?:%|procent)(?=[\s,):]|$)", re.I)
"""A label or header naming its figures as percentages ("Andel, %", "Sjukfrånvaro (procent)")."""
_ASKS_SHARE = lazy(
    r"\b(?:hur stor (?:del|andel)|vilken andel|hur många procent|what (?:share|proportion|percentage)"
    r"|how (?:big|large|high) (?:a |the )?(?:share|proportion|percentage))\b"
)
"""A question that asks a share: its answer is a percentage."""


def asks_share(q: Question) -> bool:
    """Whether the question asks a share ("Hur stor andel …", "What share …"): a percentage."""
    return bool(_ASKS_SHARE.search(f"{q.swedish} {q.text.lower()}"))


def in_percent(text: str) -> bool:
    """Whether a text gives its figures as percentages ("4,6 procent", "Andel, %: 38,2"); a table
    answer's caption, in its closing brackets, is not its figure's label."""
    text = _WORKED_CHANGE.sub("", _CAPTION_AT_END.sub("", text))
    return bool(_PERCENT.search(text) or _PERCENT_LABEL.search(text))


_WORKED_CHANGE = lazy(r"(?:förändring|change) [+−±][\d \u00a0,]+ \([^()]*\)(?:, [+−±][\d ,]+ %)?")
"""A change an answer works out from two years' figures ("förändring +4 400 (179 300 − 174 900), +2,5 %"):
its percentage is of the change, not the unit of the figures."""


_CAPTION_AT_END = lazy(r"\s\((?:[^()]|\([^()]*\))*\)\s*$")


def unit_fit(q: Question, text: str) -> int:
    """1 when a figure of the text is in the unit the question asks for ("uttryckt i kronor": "180 000
    kronor"), -1 when its figures are only in another unit of money ("0,2 miljoner kronor"), else 0."""
    asked = _unit_asked(q.swedish, q.text)
    if asked is None:
        if asks_share(q):
            # A share is a percentage, or a table's figures whose label or header says "%"; an
            # index or a count is another figure.
            return 1 if in_percent(text) else -1
        return 0
    said = {"procent"} if _PERCENT.search(text) else set()
    said |= {unit_of(m.group("unit")) for m in MONEY.finditer(text)}
    if asked in said:
        return 1
    return -1 if {unit_of(w) for w in _UNIT_WORD.findall(text)} - {asked} else 0


@lru_cache(maxsize=256)
def _unit_asked(swedish: str, text: str) -> str | None:
    """The unit a question asks its figure in ("kr", "tkr", "mkr" or "procent"), if any (read once
    per question)."""
    m = _UNIT_ASKED.search(f"{swedish} {text.lower()}")
    if m is None:
        return None
    asked = next(g for g in m.groups() if g)
    return _ASKED_AS.get(asked) or unit_of(asked)


def counted_text(q: Question, text: str) -> str:
    """The text without what cannot answer a counting question: its durations and ages, and the
    figures the question itself states."""
    if _counts_things(q.swedish, q.text):
        text = MONEY.sub(" ", DURATION.sub(" ", text))
    return without_own_figures(q, text)


MONEY = lazy(AMOUNT, re.I)
"""An amount of money ("15,4 mkr", "180 000 kronor"), as the facts read them: how much, never how many."""


@lru_cache(maxsize=256)
def _counts_things(swedish: str, text: str) -> bool:
    """Whether a question counts something other than time (read once per question)."""
    both = f"{swedish} {text.lower()}"
    return bool(COUNTS.search(both)) and not _COUNTS_TIME.search(both)


_COUNTS_TIME = lazy(
    r"\b(?:hur många|how many|antal\w*)\s+"
    r"(?:år|månader|veckor|dagar|timmar|minuter|years|months|weeks|days|hours)\b"
)
"""A question that counts time itself: "Hur många veckor …", "antalet dagar"."""
MADE_IT = r"vad (?:var det som |är det som )?(?:gjorde|gör|fick) (?:så )?att"
"""Why, asked as what made it so: "Vad var det som gjorde att fiskehamnen gick back?"."""
REASON_WORDS = r"(?:huvud|grund)?orsak\w*|(?:huvud)?anledning\w*|förklar\w*|(?:huvud)?skäl\w*"
"""The words for a reason a question asks for ("orsaken", "huvudorsaken", "anledningen", "skälet")."""
PART_WORDS = (
    r"(?:del|delen|delar|verksamhet\w*|område\w*|enhet\w*|avdelning\w*|part|parts|area|activit\w*"
    r"|operations?|service\w*|unit|department)"
)
"""Words for a part of the organisation, or for the whole its parts make ("Vilken del av verksamheten
…", "Which part of the operations …")."""
_COUNTING = lazy(r"^\s*(?:hur många|hur mycket|how many|how much)\b")
"""A question opening with these asks for a figure, whatever else it names ("… när 2022 tog slut")."""
_WANTS = [
    (
        "reason",
        lazy(
            rf"\b(varför|vad beror|vad berodde|{REASON_WORDS}|(?:ligger|låg) \w*\s*bakom"
            rf"|{MADE_IT}|why|what (?:\w+ )?(?:caused|drove|explains|made))\b"
        ),
    ),
    # "När" asks when where it opens a clause; inside one it is a time clause ("… plus när året är slut?").
    (
        "date",
        lazy(
            r"(?:^|[,;:–—]\s*|\s-\s*|\b(?:och|eller|and|or)\s+)(när|when)\b"
            r"|\b(vilket datum|vilken dag|från och med när|what date)\b"
        ),
    ),
    (
        "purpose",
        lazy(r"\b(till vad|vad ska \w+ (användas|används) till|syfte\w*|användas till|what is .* for)\b"),
    ),
    (
        "consequence",
        lazy(
            r"\b(följder|konsekvens\w*|vad (?:har|fick|blev) .{0,80}? för (?:följd|effekt)\w*|vad innebär"
            r"|vad har .{0,80}? inneburit|what (?:are|were|have been) the (?:consequences|effects)|consequences)\b"
        ),
    ),
    # "Vem tog över efter …?", "Who leads …?": a person, named.
    ("person", lazy(r"(?:^|[,;:.?]\s*|\b(?:och|and)\s+)(vem|vilka personer|vilken person|who)\b")),
    (
        "number",
        lazy(
            r"\b(hur (många|mycket|stor|stort|stora|hög|högt|höga|låg|lågt|lång|långt)|vad (var|blev|är|kostade|uppgick)"  # noqa: E501
            r"|vilket (betyg|värde|resultat|belopp)|vilken (andel|nivå|summa)|hur rankas|andel|antal|antalet"
            r"|how (many|much|high|large|big)|number of"
            r"|what (was|is|were)|what did .* cost|kosta|kostar|kostade|kostat|vilke[nt] [\w-]*(?:värde|nivå|belopp|andel|summa|antal))\b"  # noqa: E501
        ),
    ),
]
# What a figure is measured against: the budget, or the plan ("över sin budget", "lägre än planerat").
_PLAN = (
    r"(?:(?:sin|sina|dess|den|det|vad som)\s+)?(?:budget\w*|planera\w*|planen|(?:för)?väntat|tänkt|beräknat"
    r"|(?:man |vi |\w+en )?(?:hade )?räkna(?:t|de) med)"
)
_AGAINST_PLAN = rf"(?P<ap>(?:[\w,]+\s+){{0,4}}?)(?:mot|jämfört med|i förhållande till)\s+{_PLAN}"
"""What a plus or minus is measured against: "ett plus mot budget", "minus jämfört med budgeten"."""
EITHER_WAY = (
    r"\b(?:över|under|over) (?:eller|or) (?:över|under)\b(?: (?:sin |sina |dess |its |the |their )?budget\w*)?"
    r"|\b(?:how far|how much) off (?:its |the |their )?budget\b"
    r"|\b(?:bättre|sämre) eller (?:bättre|sämre) än (?:planerat|beräknat|budget\w*)"
    # "Höll nämnden sin budget, eller blev det minus?": kept, or not.
    r"|\beller (?:bli|blir|blev|blivit) (?:det )?(?:på )?(?:minus|plus)\b"
    # "Gick nämnden med vinst eller förlust?", "plus eller minus", "profit or loss".
    r"|\b(?:vinst|förlust|plus|minus) eller (?:vinst|förlust|plus|minus)\b|\b(?:profit|loss) or (?:profit|loss)\b"
)
"""Asked either way: "över eller under budget", "over or under its budget"."""
_ENDS_ON = r"(?:bli|blir|blev|blivit|slutar|slutade|visar|visade)"
"""Verbs of what a year ends with ("ser ut att bli minus", "slutade på plus")."""
GOING_BACK = (
    r"\b(?:gick|går|gå|gått)\s+(?P<gb1>(?:\w+\s+){0,5}?)(?:back|med förlust|med minus)\b|\bförlust\w*"
    r"|\b(?:hamnade|hamnar|landade|landar)\s+på\s+minus\b"
    # "Hur mycket minus väntas nämnden gå?", "gå minus": minus as what the year ends with.
    r"|\bhur (?:mycket|stort) minus\b|\b(?:gick|går|gå|gått)\s+(?P<gb2>(?:\w+\s+){0,2}?)minus\b"
    # "Varför ser det ut att bli minus …", "hur stort blev minuset?", "end the year in the red".
    rf"|(?<!eller )\b{_ENDS_ON}\s+(?P<gb3>(?:\w+\s+){{0,2}}?)(?:på\s+)?minus\b(?!\s+eller\b)"
    r"|\bminuset\b|\bin the red\b"
    # "… att pengarna till försörjningsstöd inte räcker", "budgeten räcker inte".
    r"|\b(?:pengarna|pengar|budgeten|anslaget|medlen|ramen)\s+(?P<gb4>(?:\w+\s+){0,3}?)(?:inte|ej)\s+räck\w*"
    r"|\b(?:pengarna|budgeten|anslaget|medlen|ramen)\s+räck\w*\s+(?:inte|ej)\b"
    r"|\bräck\w*\s+(?P<gb5>(?:\w+\s+){0,2}?)(?:pengarna|budgeten|anslaget|medlen|ramen)\s+(?:inte|ej)\b"
)
"""The everyday way of saying a deficit: "gick mest back", "gick med förlust", "hamnade på minus"."""
LEFT_OVER = (
    r"\bpengar (?:över|kvar)\b|\b(?:gick|går|gå|gått)\s+(?P<lo1>(?:\w+\s+){0,5}?)(?:med\s+)?plus\b(?!\s+eller\b)"
    r"|\b(?:gick|går|gå|gått)\s+(?P<lo2>(?:\w+\s+){0,2}?)med vinst\b(?!\s+eller\b)"
    r"|\bhur (?:stort|mycket) plus\b(?!\s+eller\b)"
    rf"|(?<!eller )\b{_ENDS_ON}\s+(?P<lo3>(?:\w+\s+){{0,2}}?)(?:på\s+)?plus\b(?!\s+eller\b)"
    r"|\bplusset\b|\bin the black\b|\bmoney (?:left )?(?:over|to spare)\b|\bleft over\b"
    # Money not used: "Hur mycket av pengarna användes inte", "oförbrukade medel".
    r"|\b(?:användes|förbrukades|utnyttjades|nyttjades)\s+(?P<lo4>(?:\w+\s+)?)inte\b"
    r"|\binte\s+(?:har\s+)?(?:använts|användes|förbrukats|förbrukades|utnyttjats|utnyttjades)\b"
    r"|\boförbrukade?\b|\boutnyttjade?\b"
)
"""The everyday way of saying a surplus: "fick mest pengar över", "pengar kvar", "gick plus"."""
_SPENT = r"(?:lade|lades|lagt|lägger|lägga|använde|användes|använt|använder|gick åt|spenderade|spenderat)\s+(?:\w+\s+)?"
"""A verb of spending before "mer/mindre pengar … än planerat": more spent is over budget."""
_TOOK_IN = r"(?:drog|drar|dragit|fick|får|fått|tog|tar|tagit)\s+(?:\w+\s+)?in\s+"
"""… and of taking in: more taken in than planned is better than budget."""
_NEGATIVE = lazy(
    rf"({EITHER_WAY}|negativ\w*|över {_PLAN}|\bminus\s+{_AGAINST_PLAN}|dyrare(?: än {_PLAN})?|\böverst\w*"
    r"|\böversk[ri]\w*"
    r"|underskott\w*"
    rf"|(?:mer|högre) än {_PLAN}|\bdr(?:a|ar|og|agit)\s+över\s+{_PLAN}"
    r"|högre kostnader än|over budget|exceed\w*|overspen\w*|deficit\w*|more than budgeted"
    r"|(?:above|over) (?:the |its |their )?(?:plan|budget)\w*"
    rf"|{GOING_BACK}"
    rf"|(?:högre kostnader|(?:lägre|mindre) intäkter)(?P<nk>(?:\s+\w+){{0,4}}?)\s+än {_PLAN}"
    rf"|sämre (?:(?P<n1>\w+) )?än {_PLAN}|worse (?:(?P<n2>\w+) )?than budget\w*"
    rf"|sämst\s+(?:\w+\s+)?(?:mot|jämfört med|i förhållande till)\s+{_PLAN}"
    rf"|(?:{_SPENT}mer|{_TOOK_IN}mindre) pengar(?P<nm>(?:\s+\w+){{0,4}}?)\s+än {_PLAN})"
)
_POSITIVE = lazy(
    rf"({EITHER_WAY}|positiv\w*|under {_PLAN}|\bplus\s+{_AGAINST_PLAN}|billigare(?: än {_PLAN})?|\bunderst\w*"
    rf"|(?:mindre|lägre) än {_PLAN}"
    r"|\bundersk[ri]\w*d\w*|\böverträff\w*|överskott\w*|lägre kostnader än|surplus\w*|underspen\w*|unspent"
    rf"|{LEFT_OVER}"
    r"|less than budgeted|(?:below|under) (?:the |its |their )?plan\w*|below (?:the |its |their )?budget\w*"
    r"|beat (?:the |its |their )?budget\w*"
    rf"|(?:(?:lägre|mindre) kostnader|högre intäkter)(?P<pk>(?:\s+\w+){{0,4}}?)\s+än {_PLAN}"
    rf"|bättre (?:(?P<p1>\w+) )?än {_PLAN}|better (?:(?P<p2>\w+) )?than budget\w*"
    rf"|bäst\s+(?:\w+\s+)?(?:mot|jämfört med|i förhållande till)\s+{_PLAN}"
    rf"|(?:{_SPENT}mindre|{_TOOK_IN}mer) pengar(?P<pm>(?:\s+\w+){{0,4}}?)\s+än {_PLAN})"
)
_THAN = r"\b(?:mer|mindre|lägre|högre|större)\b(?P<tp1>(?:\s+\w+){0,5}?)\s+än\s+(?:vad\s+(?P<tp2>(?:\w+\s+){0,2}?))?"
_PLANNED = r"planerat|beräknat|tänkt|väntat|förväntat|räknat med|räknade med"
THAN_PLANNED = lazy(_THAN + rf"(?:{_PLANNED})\b")
"""Measured against the plan ("mindre pengar på underhåll än planerat"): a question of the budget."""
_THAN_PLANNED_OR_BUDGETED = lazy(_THAN + rf"(?:{_PLANNED}|budgeterat)\b")
"""Measured against the plan, either way ("större … än vad fullmäktige hade räknat med"): how the
question compares, not what it is about (the words in between are)."""
_EASED = lazy(r"\b(?:dämpa|minska|reducera|begränsa|motverka|mildra)\w*\s+(?:\w+\s+)?(under|över)skott\w*")
"""A deficit or surplus made smaller: what "dämpade underskottet" is a positive deviation, what
"minskade överskottet" a negative one."""
_LARGEST = lazy(
    r"\b(störst\w*|högst\w*|mest|flest|längst|largest|biggest|greatest|furthest|farthest|most|main|främst\w*"
    r"|bäst (?=(?:\w+ )?(?:mot|jämfört|i förhållande))|sämst (?=(?:\w+ )?(?:mot|jämfört|i förhållande))"
    r"|stor\w* avvikelse)\b"
)
_WHICH = lazy(r"\s*(vilken|vilket|vilka|which)\b")
_ALL = lazy(r"\b(vilka|alla|samtliga|lista|list|all)\b|\bwhich\s+(?:\w+\s+)?(?:\w+[^s\W]s|ones)\b")
"""A question after many: "vilka", "alla", "list", English "which" with a plural ("Which services …",
"which cost areas", not "Which part …", which asks for one)."""


@dataclass(frozen=True)
class Question:
    """A question as the answerer reads it."""

    text: str
    """As asked."""
    english: bool
    """Asked in English: the answer's frame is English too."""
    swedish: str
    """The question with English report terms put into Swedish, lower-cased."""
    terms: tuple[Term, ...]
    """Content terms (stop words dropped) with the indexed stems that match them."""
    years: tuple[int, ...]
    """Years named in the question."""
    numbers: tuple[str, ...]
    """Other numbers named in it ("29" in "upp till 29 år")."""
    wants: str
    """"reason", "date", "purpose", "number" or "" (anything)."""
    negative: bool
    """Asks for negative deviations (costs over budget)."""
    positive: bool
    """Asks for positive deviations."""
    largest: bool
    """Asks for the largest ones only."""
    listing: bool
    """Asks for all of a kind ("vilka", "which")."""
    which: str = ""
    """"one" for a question of which one of a kind ("Vilken nämnd …", "which"), "many" for "vilka",
    "" otherwise."""
    first: bool = False
    """Asks for first places only ("först", "first", "topp")."""
    focus: str = ""
    """The noun the question asks for ("betyg" in "Vilket betyg gav ..."), as a stem."""
    direction: frozenset[str] = frozenset()
    """The words that say which way a deviation went ("bättre än budget", "underskott"): what kind
    of figure is asked, not what it is about."""
    untranslated: frozenset[str] = frozenset()
    """Words of an English question left as asked (no report term for them): everyday English
    ("end", "better") weighs little."""
    names: frozenset[str] = frozenset()
    """Words written as names inside the question ("Fokus", "Regionernas Kamp", "IT"), lower-cased:
    they name a subject however common they are as words."""
    docs: tuple[int, ...] | None = None
    """The documents to answer from (by the names and years the question gives), None for all."""

    @property
    def content(self) -> list[Term]:
        """Terms that are not years or bare numbers."""
        return [t for t in self.terms if not t.word.isdigit()]

    def missing(self) -> list[Term]:
        """Content terms the index does not hold in any form."""
        return [t for t in self.content if not t.found and t.word not in GENERIC]


_COUNTED_MONTHS = ("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva")
_COUNTED_MONTHS_EN = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_OPENED_DOORS = lazy(r"\bslog\s+(?P<what>.{1,60}?)\s*upp\s+(?:sina\s+|dess\s+)?dörrar(?:na)?\b")
""""När slog det nya äldreboendet upp dörrarna?": the idiom of opening, said as reports say it ("öppnade")."""
_FIRST_MONTHS = lazy(
    rf"\b(?:(?:årets|de)\s+)?första\s+(?P<sv>{'|'.join(_COUNTED_MONTHS)}|\d{{1,2}})\s+månader(?:na)?"
    rf"(?:\s+av\s+året)?\b"
    rf"|\bthe\s+first\s+(?P<en>{'|'.join(_COUNTED_MONTHS_EN)}|\d{{1,2}})\s+months"
    rf"(?:\s+of\s+(?:the\s+year|this\s+year|\d{{4}}))?\b"
)
"""The year so far counted in months ("årets första åtta månader", "the first four months"): what a
report writes as the months themselves ("januari–augusti")."""


def _months_from_january(m: re.Match) -> str:
    n = m.group("sv") or m.group("en")
    count = int(n) if n.isdigit() else (_COUNTED_MONTHS + _COUNTED_MONTHS_EN).index(n) % 10 + 2
    if not 2 <= count <= 11:
        return m.group()
    return f"januari–{MONTHS.split('|')[count - 1]}"


def read_question(text: str, vocab: Vocabulary) -> Question:
    """Read a question against the index's vocabulary."""
    english = looks_english(text)

    # A term of several words is the report's when each of its words is ("särskilt boende").
    def known(term: str) -> bool:
        return all(_indexed(stem(w), vocab) for w in term.split())

    swedish = (to_swedish(text, known) if english else text).lower()
    swedish = to_report_terms(swedish, known)
    swedish = _FIRST_MONTHS.sub(_months_from_january, swedish)
    swedish = _OPENED_DOORS.sub(r"öppnade \g<what>", swedish)
    if english:
        swedish = _drop_untranslated(text, swedish, vocab)
    # "IT" in capitals is information technology, not the pronoun.
    keep = frozenset({"it"}) if re.search(r"\bIT\b", text) else frozenset()
    terms = tuple(analyse(swedish, vocab, english=english, keep=keep))
    glossed = _glossed(swedish, terms)
    terms = _either(swedish, tuple(t for t in terms if t.word not in glossed))
    ws = words(swedish)
    years = tuple(int(w) for w in ws if is_year(w))
    numbers = tuple(w for w in ws if w.isdigit() and not is_year(w))
    both = f"{swedish} {text.lower()}" if english else swedish
    wants = "number" if _COUNTING.match(both) else next((name for name, pattern in _WANTS if pattern.search(both)), "")
    return Question(
        text=text,
        english=english,
        swedish=swedish,
        terms=terms,
        years=years,
        numbers=numbers,
        wants=wants,
        negative="negative" in directions(both),
        positive="positive" in directions(both),
        largest=bool(_LARGEST.search(both)),
        listing=bool(_ALL.search(both)),
        which=_which(swedish),
        focus=_focus(swedish),
        direction=_direction_words(both, swedish),
        untranslated=frozenset(set(words(swedish)) & set(words(text.lower())) - _bracketed(text))
        if english
        else frozenset(),
        names=frozenset(w.lower() for w in names_in(text)) | _first_parts(terms),
        first=bool(re.search(r"\b(först|första|förstaplats\w*|etta|first|top|topp\w*)\b", both)),
    )


def _first_parts(terms: tuple[Term, ...]) -> frozenset[str]:
    """The first parts of compounds the report lacks, where the first part says which one ("tåg" of
    "tågtrafiken", asked of a report of "Regionaltåget"): they name the subject however common they
    are as words, as names do."""
    return frozenset(
        t.word
        for t in terms
        if t.how == "part"
        and any(o.how == "compound" and o.word.startswith(t.word) and o.word != t.word for o in terms)
    )


_OPPOSITES = lazy(
    r"\b(bättre|sämre|högre|lägre|fler|färre|större|mindre|ökat|minskat|ökade|minskade|better|worse|higher|lower|more"
    r"|fewer|less|increased|decreased)\s+(?:eller|or)\s+(bättre|sämre|högre|lägre|fler|färre|större|mindre|ökat|minskat"
    r"|ökade|minskade|better|worse|higher|lower|more|fewer|less|increased|decreased)\b"
)
"""Two opposites asked either way ("bättre eller sämre", "ökat eller minskat"): the answer says one."""


def _either(swedish: str, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms with each pair of opposites asked either way ("Har prognosen blivit bättre eller
    sämre …?") as one term that either word's stems satisfy: an answer says one of them."""
    for m in _OPPOSITES.finditer(swedish):
        first = next((t for t in terms if t.word == m.group(1)), None)
        second = next((t for t in terms if t.word == m.group(2)), None)
        if first is None or second is None or first is second:
            continue
        joined = Term(
            first.word, first.stem, tuple(dict.fromkeys((*first.alternatives, *second.alternatives))), first.how
        )
        terms = tuple(joined if t is first else t for t in terms if t is not second)
    return terms


_GLOSS = lazy(r"((?:[\w-]+\s+){1,3})\(([^()]{2,80})\)")
"""Words and, in brackets right after them, the report's own term for them: "allvarliga
driftstörningar (major incidents)", "idrotts- och fritidsanläggningar (sports facilities)"."""


def _glossed(swedish: str, terms: tuple[Term, ...]) -> frozenset[str]:
    """The words a bracketed term stands for, where the report writes the bracketed term as it
    stands and not the words before it: the question is about the report's term."""
    by_word = {t.word: t for t in terms}
    out: set[str] = set()
    for m in _GLOSS.finditer(swedish):
        inside = [by_word[w] for w in words(m.group(2)) if w in by_word]
        before = [by_word[w] for w in words(m.group(1)) if w in by_word]
        if inside and all(t.how == "exact" for t in inside) and any(t.how != "exact" for t in before):
            out.update(t.word for t in before)
    return frozenset(out)


def _which(swedish: str) -> str:
    m = _WHICH.match(swedish)
    return "" if m is None else "many" if m.group(1) == "vilka" else "one"


PLACE_LIST_WORDS = r"placering\w*|rang|rangordning|ranking\w*|rankning\w*"
"""Words of a table's caption that call its figures places in a list ("Placering i Öppna jämförelser,
rang av 290 kommuner")."""


def without_years(text: str, years: tuple[int, ...]) -> str:
    """The text without the years given: a question's own years are no answer to its "when" ("When
    did the board adopt the plan for 2026–2028?" – "… en ny tillsynsplan för perioden 2026–2028")."""
    return re.sub("|".join(str(y) for y in years), " ", text) if years else text


def without_own_figures(q: Question, text: str) -> str:
    """The text without the figures the question itself states ("medarbetare upp till 29 år"):
    they are no answer to how much."""
    for n in q.numbers:
        text = re.sub(rf"(?<![\d,]){n}(?![\d,])", " ", text)
    return text


def _direction_words(text: str, swedish: str = "") -> frozenset[str]:
    """The words of a question's deviation phrases, without what stands inside them ("bättre
    *resultat* än budgeterat", "gick *Åsengymnasiet* back"), and their Swedish forms in `swedish`
    ("budgeted" -> "budgeterat")."""
    out: set[str] = set()
    for pattern in (_NEGATIVE, _POSITIVE, _EASED, _THAN_PLANNED_OR_BUDGETED):
        for m in pattern.finditer(text):
            inside = {w for g in m.groupdict().values() if g for w in words(g)}
            out.update(w for w in words(m.group()) if w not in inside)
    roots = {w[:6] for w in out if len(w) >= 6}
    out.update(w for w in words(swedish) if len(w) >= 6 and w[:6] in roots)
    return frozenset(out)


def direction_fit(q: Question, text: str) -> int:
    """1 when `text` speaks only of the way of deviating the question asks about, -1 when only of the
    other way (a deficit where a surplus is asked about), 0 otherwise or when none is asked. Asked
    either way ("överskott eller underskott", "plus eller minus mot budget"), a text that states
    either fits."""
    if q.positive and q.negative:
        return 1 if directions(text) else 0
    if q.positive == q.negative:
        return 0
    asked, other = ("positive", "negative") if q.positive else ("negative", "positive")
    stated = directions(text)
    if asked in stated and other not in stated:
        return 1
    if other in stated and asked not in stated:
        return -1
    return 0


@lru_cache(maxsize=16384)
def directions(text: str) -> frozenset[str]:
    """Which ways of deviating from budget a text speaks of: "negative", "positive", both or none
    (kept for sentences weighed again)."""
    # "under- eller överskott" speaks of "underskott" too.
    low = " ".join([text.lower(), *coordinated(text)])
    eased = {m.group(1) for m in _EASED.finditer(low)}
    low = _EASED.sub(" ", low)
    found = {name for name, p in (("negative", _NEGATIVE), ("positive", _POSITIVE)) if p.search(low)}
    return frozenset(found | {"positive" if x == "under" else "negative" for x in eased})


BUDGET_NAMES = lazy(r"drift|investering|investera")


def budgets(text: str) -> set[str]:
    """Which of a municipality's two budgets a text speaks of: operations ("driftbudget",
    "driftredovisning") and investments ("investeringsbudget", "nettoinvesteringar", "investerade")."""
    return {"investering" if b == "investera" else b for b in BUDGET_NAMES.findall(text.lower())}


def names_in(text: str) -> list[str]:
    """Capitalised words inside a question (not its first word) and acronyms: names of places,
    lists and organisations."""
    out = [m.group() for m in re.finditer(r"(?<=[\s(])[A-ZÅÄÖ][\wåäöÅÄÖ&]+", text)]
    out += [m.group() for m in re.finditer(r"\b[A-ZÅÄÖ]{2,}\b", text)]
    return list(dict.fromkeys(out))


_OPENER = lazy(
    r"\b(?:vilket|vilken|vilka|hur\s+(?:stor|stort|stora|hög|högt|höga|många|mycket)(?:\s+(?:var|är|blev))?"
    r"|vad\s+(?:var|blev|är)|what\s+(?:was|is|were|will|would)|which|how\s+many)\s+((?:\w+\s+){0,2})"
)


_PAST_VERB = lazy(r"\w{3}(?:ades|ade|des|tes|ats)$")
"""Past and passive verb forms ("tilldelades", "drabbades", "anställde")."""
_AUXILIARY = frozenset(
    "har hade är var blev blir kommer ska skulle kan kunde fick får has have had were was did do does will".split()
)
"""Verbs that lead another verb ("Hur många har slutat …?", "How many have left …?")."""
_ADJECTIVE = lazy(r"(?:isk|ig|lig|al|ell|iv|är)(?:t|a|e)?$")
"""Endings of Swedish adjectives ("kommunalt", "positiva", "årlig"): in "Vilket kommunalt bolag …"
the noun after it is what is asked for."""
STAFF = lazy(r"medarbetar(?:e|en|na|es)?|anställda|anställd|personal(?:en)?|staff|employees|workers")
"""The staff as a whole named as a noun ("de kvinnliga medarbetarna"), not a compound of it
("personalkostnader"); `score._ALL_STAFF`, for the "bland …" phrases, takes the compounds too."""
_PLAIN_ADJECTIVES = frozenset(
    "ny nya nytt fast olika stor stora stort liten lilla små egen egna eget hela samma".split()
)
"""Everyday adjectives no ending tells ("Vilken ny detaljplan …", "Hur många fast anställda …")."""


def _focus(swedish: str) -> str:
    """The first content word after the question's opening words, or the noun an adjective leads to."""
    m = _OPENER.search(swedish)
    if not m:
        return ""
    said = words(m.group(1))
    if said and said[0] in _AUXILIARY:
        return ""  # "Hur många har sagt upp sig?": a verb follows, what is counted is not named
    content = [w for w in said if not is_stop(w) and not w.isdigit()]
    if content and _PAST_VERB.search(content[0]):
        return ""  # "Vilka tilldelades priset?": a verb, the one asked for is not named
    if len(content) >= 2 and (_ADJECTIVE.search(content[0]) or content[0] in _PLAIN_ADJECTIVES):
        return stem(content[1])
    if len(content) >= 2 and STAFF.fullmatch(content[0]) and not COUNTS.search(swedish):
        # "Hur mycket var personalen sjukskriven?": every staff figure is of the staff; what is
        # measured comes after it. ("Hur många anställda …" counts them.)
        return stem(content[1])
    return stem(content[0]) if content else ""


def _english_part(word: str, report_stem: str, vocab: Vocabulary) -> bool:
    """Whether an English word is a report word, a Swedish word it begins ("admin" in
    "administration"), or the first or last part of a compound of the report, the rest a word
    ("extra" in "extrakostnader", "festival" in "Norrviksfestivalen"; not "train" in "traineeprogram")."""
    s = stem(word)
    if s.startswith(report_stem) or form_zipf(report_stem) >= SPECIFIC_ZIPF:
        return True
    for first in (word, s):
        rest = report_stem[len(first) :] if report_stem.startswith(first) else ""
        # The rest may follow a linking "s" ("verksamhetsplan").
        parts = [part for part in (rest, rest[1:] if rest.startswith("s") else "") if len(part) >= 3]
        if any(part in vocab.doc_freq or form_zipf(part) >= SPECIFIC_ZIPF for part in parts):
            return True
        # Or the compound's last part, after a word ("festival" of "Norrviksfestivalen").
        head = report_stem[: -len(first)] if report_stem.endswith(first) and report_stem != first else ""
        heads = [part for part in (head, head[:-1] if head.endswith("s") else "") if len(part) >= 3]
        if any(part in vocab.doc_freq or form_zipf(part) >= SPECIFIC_ZIPF for part in heads):
            return True
    return False


def _indexed(s: str, vocab: Vocabulary) -> bool:
    """Whether the report uses stem `s` as a word or as a part of a compound ("samarbetsprojekt")."""
    if s in vocab.doc_freq:
        return True
    # As a part of a compound, at its start or end ("samarbetsprojekt"), never inside another word
    # ("siti" in "positiv").
    return len(s) >= 5 and any(alt.startswith(s) or alt.endswith(s) for alt in vocab.expand(s)[0])


COMMON_ENGLISH = 5.5
"""Zipf from which an English word is too common to be respelt as Swedish ("will" is no "vill")."""


COUNTED_EN = lazy(
    r"\bhow many (?!times\b)([\w-]+)(?= (?:did|do|does|were|was|are|is|have|has|had|will|would|can|could)\b)"
)
"""What an English question counts, a noun standing alone: "How many e-books did …" (not a
noun phrase, whose head may be named in other words: "How many swimming-school occasions …")."""


_BRACKETED = lazy(r"\(([^()]{2,80})\)")


def _bracketed(text: str) -> set[str]:
    """The words in brackets of an English question: the report's own terms as the asker gives them."""
    return {w for m in _BRACKETED.finditer(text.lower()) for w in words(m.group(1))}


def _drop_untranslated(original: str, swedish: str, vocab: Vocabulary) -> str:
    """English words with no Swedish term and no match in the index carry no subject we can find.

    They are kept only when no word of the question could be read, so that such a question is
    declined rather than answered from its remaining words.
    """
    kept = []
    dropped = 0
    translated = set(words(swedish)) - set(words(original.lower()))
    # What "how many" counts is the subject however it is worded: kept, so that a report without
    # it says so ("How many e-books …" is not "how many … the library").
    counted = {m.group(1) for m in COUNTED_EN.finditer(swedish.lower())}
    # A word in brackets is the report's own term as the asker gives it ("construction sanction fees
    # (byggsanktionsavgifter)"): kept, so that a report without it says so.
    glossed = _bracketed(original)
    # Words joined by a slash or a dash are read apart: "Museum/konsthall", "EU–US".
    for w in re.sub(r"([/–—])", r" \1 ", swedish).split():
        bare = re.sub(r"[^\w-]", "", w.lower())
        if (
            bare
            and bare not in translated
            and bare not in counted
            and bare not in glossed
            and bare.isascii()
            and not bare.isdigit()
        ):
            # An English word is found as a word of the report or the first part of one of its
            # compounds ("extremist" in "extremistmiljö"), never inside one ("spend" in "miljöspendanalys").
            alts = [a for a in vocab.expand(stem(bare))[0] if _english_part(bare, a, vocab)]
            if not alts and not is_stop(bare):
                # "projects" -> "projekt": the Swedish spelling of the same root, when the report uses it.
                swedish_form = (
                    next((c for c in cognates(bare) if _indexed(stem(c), vocab)), None)
                    if zipf(bare, "en") < COMMON_ENGLISH
                    else None
                )
                if swedish_form is not None:
                    kept.append(swedish_form)
                    continue
                dropped += 1
                continue
        kept.append(w)
    return " ".join(kept) if kept and dropped <= len(kept) else swedish
