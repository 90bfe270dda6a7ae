"""What a question is after: a deviation, a ranking, or a fact (tables are tried with facts)."""

from __future__ import annotations

import re

from doksvar.answer.question import EITHER_WAY, GOING_BACK, LEFT_OVER, THAN_PLANNED, Question
from doksvar.lang.lazy import lazy

_RANKING = lazy(
    # "placeringar", "placerade barn" are a social service's placements of children, not places in a list.
    r"\b(rank\w*|placering|placeringen|placera[rdt]?\w* sig|vilken plats|plats fick|plats hamnade|hamnade \w+ på"
    r"|topplacering\w*|topp\w*)\b"
    r"|^(?:var|hur) (?:hamnade|landade|kom|hamnar|landar)\b"
    # "Hur står sig Ekholm mot liknande kommuner …", "Hur ligger vi till i nätverket …": a comparison
    # with others, which reports give as a place.
    r"|\bhur (?:står|stod) (?:sig|vi oss|\w+ sig)\b|\bhur ligger (?:vi|\w+) till\b"
    # "Hur många platser har kommunen klättrat …?": a change of place, not places of a service.
    r"|\bhur många (?:platser|placeringar|steg)\b.{1,80}?"
    r"\b(?:klättr|tapp|förbättr|försämr|backa|stig|steg|sjönk|sjunk|avancer)"
)
_RANKING_EN = lazy(
    r"^where (?:did|does|do)\b.{1,60}?\b(?:land|end up|ends up|come|finish|place|rank|stand)\b"
    r"|\b(?:what|which) (?:place|position|spot)\b|\brank(?:ed|ing|ings|s)?\b"
    r"|\bhow (?:does|do|did)\b.{1,60}?\b(?:stack up|compare (?:with|to) (?:other|similar|comparable|neighbouring))\b"
    r"|\bhow many (?:places|positions|spots|steps)\b.{1,80}?"
    r"\b(?:climb|improv|move|rise|rose|jump|fall|fell|drop|slip|los[te])"
)
""""Var hamnade Luleå …", "Where did Luleå land in …": a place in a ranking asked without the word."""
_DEVIATION = lazy(
    r"(avvikelse\w*|avvek|över budget|under budget|dyrare än|billigare än|överskott\w*|underskott\w*"
    r"|överst\w* \w*\s*budget\w*|översk\w* \w*\s*budget\w*|underst\w* \w*\s*budget\w*|överst[ie]g\w*|översk[ri]\w*d\w*"
    r"|överträff\w* \w*\s*budget\w*|undersk[ri]\w*d\w* \w*\s*budget\w*"
    r"|mer än budget\w*|mindre än budget\w*|lägre än budget\w*|högre än budget\w*|budgeterat"
    rf"|{EITHER_WAY}|{GOING_BACK}|{LEFT_OVER}"
    r"|\b(?:jämfört med|i förhållande till|mot|compared (?:with|to)|against) (?:sin |sina |den |its |the )?budget\w*"
    r"|\b(?:plus|minus)\s+(?:eller\s+(?:plus|minus)\s+)?(?:mot|jämfört med|i förhållande till)\s+\w*\s*budget"
    r"|\bplus eller minus\b|\bminus eller plus\b)"
)

_PLACE_WORD = lazy(r"\b(?:rank\w*|placering\w*|plats\w*|place[sd]?|position\w*|topp\w*|lista\w*|list)\b")
"""A word that asks for a place in a list, beside which "where did it end up" asks nothing else."""

# Stems that say what kind of question it is rather than what it is about.
RANKING_WORDS = frozenset({"rank", "ranking", "rankning", "placering", "plat", "hamn", "topp", "lista", "list"})
DEVIATION_WORDS = frozenset(
    {
        "avvik",
        "budget",
        "budgeter",
        "budgetavvik",
        "negativ",
        "positiv",
        "störst",
        "dyr",
        "dyrar",
        "billig",
        "billigar",
        "överst",
        "översteg",
        "överstig",
        "överskrid",
        "överskott",
        "underskott",
        "understig",
        "kostnad",
        "utfall",
        "finn",
        "hade",
        "larg",
        "mer",
        "lägr",
        "högr",
        "över",
        "blev",
        "redovis",  # "Hur stort överskott redovisade nämnden?": how the report states it
    }
)


_CUE_WORD = lazy(
    r"(dyr\w*|billig\w*|avvek\w*|överst[ie]g\w*|översk[ri]\w*d\w*|underst[ie]g\w*|undersk[ri]\w*d\w*|budgeter\w*"
    r"|överträff\w*|avvik\w*|rank\w*|placer\w*|topp\w*|negativ\w*|positiv\w*|överskott\w*|underskott\w*"
    r"|orsak\w*|förklar\w*|anledning\w*|beror|berodde|störst\w*|högst\w*|lägst\w*|bäst|sämst|flest|mest|främst\w*"
    r"|väntas|förväntas|beräknas|räkna(?:r|de|t)?|prognostiser\w*|redovisa[rdt]?\w*|back|förlust\w*|plus(?:set)?|minus(?:et)?|ser|såg"
    r"|klättr\w*|tappa(?:r|de|t)?|lämna(?:r|de|t)?"
    r"|uppfyll\w*|uppnådd\w*|uppnåtts|nådde|nåddes|nåtts)"  # a goal met or not: its assessment
)


def is_cue_word(word: str) -> bool:
    """A word that says what kind of question it is ("dyrare", "rankas"), not what it is about."""
    return bool(_CUE_WORD.fullmatch(word))


_AVERAGE = lazy(
    r"\b(?:riket|rikssnitt\w*|riksgenomsnitt\w*|genomsnittet|snittet"
    r"|national (?:average|figure|level|rate|mean)|(?:the )?(?:swedish|country) average)\b"
)
"""The country's figure or an average as what a figure is compared with ("jämfört med riket", "mot
genomsnittet i hela landet", "compared with the national average"): two figures, no place in a list.
Not "resten av landet", the others, among whom a report gives the place (read in the question as
asked: its Swedish reading has "riket" for it)."""


def intent_of(q: Question) -> str:
    """ "deviation", "ranking" or "fact"."""
    if _RANKING.search(q.swedish) or (q.english and _RANKING_EN.search(q.text.lower())):
        both = f"{q.swedish} {q.text.lower()}"
        if _DEVIATION.search(both) and not _PLACE_WORD.search(both):
            return "deviation"  # "Where did the committee end up furthest under budget?": no place asked
        if _AVERAGE.search(q.text.lower()) and not _PLACE_WORD.search(both):
            return "fact"  # "Hur står sig kostnaden mot genomsnittet i hela landet?": its figure and the average's
        return "ranking"
    if _DEVIATION.search(q.swedish) or (q.english and _DEVIATION.search(q.text.lower())):
        return "deviation"
    if q.direction and re.search(r"budget|plan|väntat|beräknat|tänkt", q.swedish):
        return "deviation"
    if against_budget(q):
        return "deviation"
    return "fact"


def compared_with_others(q: Question) -> bool:
    """Whether a question sets the organisation against others: its place among them, or its figure
    against the country's or an average ("Where does Lervik rank …", "How does Lervik's spending …
    compare with the national average?")."""
    return intent_of(q) == "ranking" or compared_with_average(q)


def compared_with_average(q: Question) -> bool:
    """Whether a question sets a figure against the country's or an average ("mot genomsnittet")."""
    return bool(_AVERAGE.search(q.text.lower()))


def against_budget(q: Question) -> bool:
    """Whether a question measures against the budget in words that name no deviation ("Höll nämnden
    budgeten?", "How much more … than it had counted on in its budget?")."""
    # "Varför lade bolaget mindre pengar på underhåll än planerat?": as the English "less … than planned".
    return bool(
        _KEPT_BUDGET.search(q.swedish)
        or THAN_PLANNED.search(q.swedish)
        or (q.english and _KEPT_BUDGET_EN.search(q.text.lower()))
    )


_KEPT_BUDGET = lazy(
    r"\b(?:höll|håller|hålla|hållit|klarade|klarar|klara|klarat)\s+(?:\w+\s+){0,4}?(?:budget\w*|ramen|budgetramen)\b"
    r"|\binom (?:sin |sina |den |dess )?(?:egen |egna |givna |given |tilldelad |tilldelade )?"
    r"(?:budget\w*|ramen|budgetramen)\b"
)
"""A budget kept, or not: "Höll nämnden budgeten?", "Klarade hemtjänsten sig inom ramen?"."""
_KEPT_BUDGET_EN = lazy(
    r"\b(?:within|keep to|kept to|stick to|stuck to|on) (?:its |the |their |his |her )?budget"
    r"|\b(?:within|inside) (?:its|the|their) (?:money|means|allocation|frame|budget frame)\b"
    r"|\bunspent\b|\bunderspen\w*|\boverspen\w*"  # money left of, or spent beyond, a budget
    # "How much more tax money came in than the municipality had counted on in its budget?"
    r"|\b(?:more|less|higher|lower|bigger|smaller|cheaper|dearer)\b.{0,60}?\bthan\b.{0,60}?"
    r"\b(?:budget\w*|planned|expected|counted on|reckoned|forecast)"
)
