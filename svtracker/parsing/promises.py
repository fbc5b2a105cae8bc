"""Promises: data the minister held back, proposed with the date it should be available.

Each pattern below is one phrasing from DOMAIN.md, with the real sentence it was written for. A sentence
gets at most one kind (the first pattern in PATTERNS that matches). The quote is the sentence; a pattern may
add the sentence before it (`lead_in`) or merge with the next sentence of the same kind (`merge_adjacent`),
which is how the two-sentence quotes of DOMAIN.md come out.
Dates are counted from the question date: the parser does not know the answer date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .dates import (
    _MONTH_ALTERNATION,
    DEFAULT_INTERVAL_MONTHS,
    NUMBER_WORDS,
    add_months,
    date_for_period,
    format_dutch_date,
    parse_dutch_date,
)
from .layout import sentences
from .types import PromiseProposal

Expectation = Callable[[str, "re.Match[str]", date | None, int], tuple[date | None, str]]


def _after_question_date(months: int, question_date: date | None, why: str) -> tuple[date | None, str]:
    if question_date is None:
        return None, f"{why}: geen vraagdatum gekend"
    return add_months(question_date, months), (
        f"{why}: {months} maanden na de vraagdatum {format_dutch_date(question_date)}"
    )


def default_interval(quote, match, question_date, default_months):
    return _after_question_date(default_months, question_date, "standaardtermijn")


# "zesmaandelijkse koppeling" -> 6; a link without a stated period is taken to be six-monthly.
LINK_PERIODS = {"zesmaandelijk": 6, "halfjaarlijk": 6, "driemaandelijk": 3, "jaarlijk": 12, "maandelijk": 1}
LINK_PERIOD = re.compile(r"(zesmaandelijk|halfjaarlijk|driemaandelijk|jaarlijk|maandelijk)s", re.IGNORECASE)


def after_last_link(quote, match, question_date, default_months):
    period = LINK_PERIOD.search(quote)
    months = LINK_PERIODS[period.group(1).lower()] if period else 6
    kind = f"{period.group(0).lower()}e koppeling" if period else "koppeling"
    last_link = parse_dutch_date(quote)
    if last_link is None:
        return _after_question_date(months, question_date, f"{kind}, datum laatste koppeling onbekend")
    return add_months(last_link, months), f"{kind}: {months} maanden na {format_dutch_date(last_link)}"


MONTHS_MENTIONED = re.compile(
    r"\b(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+maanden\b", re.IGNORECASE
)


def after_months_mentioned(quote, match, question_date, default_months):
    mentioned = MONTHS_MENTIONED.search(quote)
    if mentioned is None:
        return default_interval(quote, match, question_date, default_months)
    count = mentioned.group("count").lower()
    months = int(count) if count.isdigit() else NUMBER_WORDS[count]
    return _after_question_date(months, question_date, f"nog {mentioned.group(0)}")


def from_period_named(quote, match, question_date, default_months):
    expected, basis = date_for_period(match.group("when"), question_date, default_months)
    return expected, basis


def from_vague_period(quote, match, question_date, default_months):
    expected, basis = date_for_period(quote, question_date, default_months)
    if expected is None:
        return default_interval(quote, match, question_date, default_months)
    return expected, basis


def _words(pattern: str) -> re.Pattern[str]:
    """Promise phrasings match whatever the case: "Binnenkort ...", "Zodra ..." open sentences."""
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class PromisePattern:
    name: str
    kind: str
    trigger: re.Pattern[str]
    expected: Expectation
    lead_in: re.Pattern[str] | None = None
    merge_adjacent: bool = False
    requires: re.Pattern[str] | None = None  # the sentence must also match this


PATTERNS: tuple[PromisePattern, ...] = (
    # 001: "Deze gegevens halen we uit de zesmaandelijkse koppeling met data van VDAB. Sinds het antwoord
    #       op uw SV 8 van 2 oktober 2023 is er geen nieuwe koppeling meer gebeurd."
    PromisePattern(
        name="link_not_refreshed",
        kind="link_not_refreshed",
        trigger=_words(
            r"\bgeen\s+nieuwe\s+koppeling\b|\bkoppeling\b[^.]{0,80}?\bnog\s+niet\s+(?:gebeurd|uitgevoerd)\b"
        ),
        expected=after_last_link,
        lead_in=_words(r"\bkoppeling\b"),
    ),
    # 004: "De finale validering van de cijfers van 2023 moet nog gebeuren. Deze cijfers zijn daarom onder
    #       voorbehoud."
    PromisePattern(
        name="provisional",
        kind="provisional",
        trigger=_words(
            r"\bonder\s+voorbehoud\b|\bvalidering\b[^.]{0,80}?\bmoet\s+nog\s+gebeuren\b"
            r"|\bnog\s+niet\s+gevalideerd\b|\bvoorlopige\s+cijfers\b"
        ),
        expected=default_interval,
        merge_adjacent=True,
    ),
    # 004: "Het bereik voor 2023 zal nog stijgen aangezien personen drie maanden de tijd hebben om zich aan
    #       te melden."
    PromisePattern(
        name="still_growing",
        kind="still_growing",
        trigger=_words(r"\b(?:zal|zullen)\s+nog\s+(?:stijgen|toenemen|oplopen|wijzigen)\b"),
        expected=after_months_mentioned,
    ),
    # 001: "De personen met een contract in december 2023 hebben nog de tijd om zich in te schrijven bij
    #       VDAB en zijn daarom niet in de berekening opgenomen."
    PromisePattern(
        name="partial",
        kind="partial",
        trigger=_words(
            r"\bhebben\s+nog\s+(?:de\s+)?tijd\b"
            r"|\bniet\s+in\s+de\s+(?:berekening|cijfers|telling)\s+(?:opgenomen|meegenomen|meegeteld)\b"
        ),
        expected=default_interval,
    ),
    # 003: "Het registratiesysteem laat momenteel nog niet toe om op geaggregeerd niveau deze cijfers te
    #       verfijnen."  "Het rapportagesysteem ... wordt momenteel verbeterd zodat deze vragen kunnen
    #       beantwoord worden."
    # 002: "De registratie van gegevens inzake cursussen op afstand is momenteel nog niet voorzien in de
    #       KBI."  "De aanpassing van de KBI is lopende."
    PromisePattern(
        name="not_registered",
        kind="not_registered",
        trigger=_words(
            r"\bmomenteel\s+nog\s+niet\b"
            r"|\bwordt\s+(?:momenteel|nu|op\s+dit\s+moment)\s+(?:verbeterd|aangepast|uitgewerkt|ontwikkeld)\b"
            r"|\baanpassing\b[^.]{0,80}?\b(?:is|zijn)\s+(?:nog\s+)?lopende\b"
            r"|\bnog\s+niet\s+(?:voorzien|geregistreerd)\b"
        ),
        expected=default_interval,
    ),
    # 002: "De agentschappen zullen evalueren wat de sterke en minder sterke punten zijn van het digitaal
    #       lesgeven."  (not: "VDAB evalueerden de 7 proeftuinen", 001: done already)
    PromisePattern(
        name="evaluation",
        kind="evaluation",
        trigger=_words(
            r"\b(?:zal|zullen)\s+(?:\w+\s+){0,6}?(?:evalueren|geëvalueerd\s+worden)\b"
            r"|\bwordt\s+(?:momenteel\s+|nog\s+)?geëvalueerd\b|\bevaluatie\s+(?:volgt|is\s+gepland)\b"
        ),
        expected=default_interval,
    ),
    # 000 (question quoting an earlier answer): "De minister deelde mee dat cijfers kunnen worden
    #       getrokken vanaf het najaar 2021."
    PromisePattern(
        name="available_from",
        kind="available_from",
        trigger=_words(
            r"\b(?:cijfers|gegevens|data)\b[^.]{0,120}?"
            r"\b(?:beschikbaar|getrokken|opgevraagd|geleverd|bezorgd|gepubliceerd)\b[^.]{0,40}?"
            r"\bvanaf\s+(?:het\s+|de\s+)?(?P<when>[^.,;]{3,40})"
        ),
        expected=from_period_named,
    ),
    # Phrasings staff meet (DOMAIN.md): "binnenkort", "op korte termijn", "nog niet afgerond", "nog niet
    # bekend", "(nog) niet vrijgegeven", "zodra het systeem operationeel is".
    PromisePattern(
        name="pending",
        kind="pending",
        trigger=_words(
            r"\bbinnenkort\b|\bop\s+korte\s+termijn\b|\bnog\s+niet\s+(?:afgerond|bekend|gekend|beschikbaar)\b"
            r"|\bniet\s+vrijgegeven\b|\bzodra\b[^.]{0,120}?\boperationeel\b"
        ),
        expected=from_vague_period,
    ),
    # A period in the future: "De cijfers worden in de loop van juni bezorgd.", "dit najaar", "eind mei",
    # "voor het zomerreces" -- only with a verb that looks ahead: "eind mei 2020 waren er ..." is no promise.
    PromisePattern(
        name="pending_period",
        kind="pending",
        trigger=_words(
            rf"\bin\s+de\s+loop\s+van\s+(?:{_MONTH_ALTERNATION})\b|\bdit\s+(?:najaar|voorjaar)\b"
            rf"|\bvoor\s+het\s+(?:zomerreces|kerstreces)\b|\beind\s+(?:{_MONTH_ALTERNATION})\b"
        ),
        expected=from_vague_period,
        requires=_words(
            r"\b(?:zal|zullen|verwacht|volgt|volgen|beschikbaar|bezorgd|bezorgen|meegedeeld|gepubliceerd)\b"
        ),
    ),
)
QUESTION_TEXT_KINDS = {"available_from"}  # the question quotes an earlier answer (000)


def _match(sentence: str, allowed_kinds: set[str] | None) -> tuple[PromisePattern, re.Match[str]] | None:
    for pattern in PATTERNS:
        if allowed_kinds is not None and pattern.kind not in allowed_kinds:
            continue
        match = pattern.trigger.search(sentence)
        if match and (pattern.requires is None or pattern.requires.search(sentence)):
            return pattern, match
    return None


def find_promises(
    text: str,
    *,
    question_date: date | None,
    default_months: int = DEFAULT_INTERVAL_MONTHS,
    in_question: bool = False,
) -> list[tuple[str, PromiseProposal]]:
    """(trigger sentence, proposal) for each promise in `text` (one answer part, or the question text)."""
    allowed = QUESTION_TEXT_KINDS if in_question else None
    found: list[tuple[str, PromiseProposal]] = []
    all_sentences = sentences(text)
    index = 0
    while index < len(all_sentences):
        sentence = all_sentences[index]
        hit = _match(sentence, allowed)
        if hit is None:
            index += 1
            continue
        pattern, match = hit
        quoted = [sentence]
        if pattern.lead_in and index > 0 and pattern.lead_in.search(all_sentences[index - 1]):
            if _match(all_sentences[index - 1], allowed) is None:
                quoted.insert(0, all_sentences[index - 1])
        while pattern.merge_adjacent and index + 1 < len(all_sentences):
            following = _match(all_sentences[index + 1], allowed)
            if following is None or following[0].kind != pattern.kind:
                break
            index += 1
            quoted.append(all_sentences[index])
        quote = " ".join(quoted)
        expected, basis = pattern.expected(quote, match, question_date, default_months)
        found.append(
            (sentence, PromiseProposal(kind=pattern.kind, quote=quote, expected=expected, basis=basis))
        )
        index += 1
    return found


def deduplicate(found: list[tuple[str, PromiseProposal]]) -> list[PromiseProposal]:
    """One proposal per (kind, sentence): 001 says "geen nieuwe koppeling" twice; keep the fuller quote."""
    best: dict[tuple[str, str], int] = {}
    for position, (sentence, proposal) in enumerate(found):
        key = (proposal.kind, sentence)
        if key not in best or len(proposal.quote) > len(found[best[key]][1].quote):
            best[key] = position
    return [found[position][1] for position in sorted(best.values())]
