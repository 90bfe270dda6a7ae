"""Follow-up questions: "och 2022?", "and for women?", "varför?" read in the light of the last one."""

from __future__ import annotations

import dataclasses
import re

from doksvar.answer import Answerer
from doksvar.lang.lazy import lazy
from doksvar.lang.terms import to_swedish
from doksvar.lang.words import YEAR_PATTERN
from doksvar.model import Answer

_CONNECTOR = lazy(
    r"^\s*(och|and|men|but|samt|also|what about|how about|hur är det med|samma för|same for|än|then)\b[\s,]*",
    re.I,
)
_WHY = lazy(r"^\s*(varför|why|hur kommer det sig|vad beror det på)\W*$", re.I)
_QUESTION_WORD = lazy(r"\b(hur|vad|vilk\w*|när|var|varför|vem|how|what|which|when|where|why|who)\b", re.I)
_PREPOSITION = lazy(r"^\s*(i|in|för|for|om|about|på|on|inom|within)\s+\S", re.I)
_YEAR = lazy(rf"\b{YEAR_PATTERN}\b")
_FILLER = lazy(r"\b(för|for|in|i|då|then|the|året|år|year)\b|[?.!]", re.I)
# Qualifiers that replace each other rather than add up.
_EXCLUSIVE = [
    {"kvinnor", "kvinnorna", "women", "female", "män", "männen", "men", "male"},
    {"negativa", "negative", "positiva", "positive"},
    {"utfall", "utfallet", "budget", "budgeten", "prognos", "prognosen"},
    {"tillsvidareanställda", "visstidsanställda", "timanställda", "månadsanställda"},
]


class Conversation:
    """A chat with memory of the last question, for follow-ups."""

    def __init__(self, answerer: Answerer) -> None:
        self.answerer = answerer
        self.last_question: str | None = None
        self.last_answer: Answer | None = None

    def ask(self, text: str) -> Answer:
        """Answer `text`, reading it as a follow-up when it leans on the last question."""
        full = self.expand(text)
        result = self.answerer.ask(full)
        if full != text:
            result = dataclasses.replace(result, question=text)
        self.last_question = full
        self.last_answer = result
        return result

    def expand(self, text: str) -> str:
        """The question a follow-up stands for, or the text itself when it stands alone."""
        if not self.last_question:
            return text
        if _WHY.match(text):
            if self.last_answer and self.last_answer.answered and self.last_answer.citations:
                return "Varför " + self.last_answer.citations[0].quote[:200]
            return "Varför " + self.last_question
        connector = _CONNECTOR.match(text)
        if not connector and (len(text.split()) > 3 or _QUESTION_WORD.search(text)):
            return text
        rest = text[connector.end() :] if connector else text
        return merge(self.last_question, to_swedish(rest))


def merge(previous: str, addition: str) -> str:
    """The previous question with the follow-up's years and qualifiers put in."""
    result = previous.rstrip(" ?.!")
    years = _YEAR.findall(addition)
    if years:
        if _YEAR.search(result):
            result = _YEAR.sub(years[0], result, count=1)
        else:
            result += " " + years[0]
    words = [w for w in re.findall(r"[\wåäöÅÄÖ-]+", _YEAR.sub(" ", addition)) if not _FILLER.fullmatch(w)]
    exclusive = [w for w in words if any(w.lower() in g for g in _EXCLUSIVE)]
    prep = _PREPOSITION.match(addition)
    if prep and not exclusive:
        # "och i Småföretagarindex?": the new phrase takes the place of the old one.
        at = [m.start() for m in re.finditer(rf"\b{re.escape(prep.group(1))}\b", result, re.I)]
        if at:
            kept_years = _YEAR.findall(result[at[-1] :])
            result = result[: at[-1]] + _YEAR.sub("", addition).strip(" ?.!")
            for y in kept_years:
                if y not in result:
                    result += " " + y
            return result + "?"
    for w in words:
        group = next((g for g in _EXCLUSIVE if w.lower() in g), None)
        if group:
            pattern = r"\b(" + "|".join(map(re.escape, group)) + r")\b"
            if re.search(pattern, result, re.I):
                result = re.sub(pattern, w, result, count=1, flags=re.I)
                continue
        if not re.search(rf"\b{re.escape(w)}\b", result, re.I):
            result += " " + w
    return result + "?"
