"""Promises: data the minister held back, proposed with the date it should be available.

Sentence by sentence (layout.sentences: measured against pysbd, whose Dutch rules take 0.45 s on seed 001
and would cut the import rate tenfold, and Punkt's Dutch model, 1.1 s to load and splitting after "art.",
"Dhr." and "t.a.v."; ours takes under a millisecond and knows those abbreviations), cues are gathered and
combined: the specific phrasings of DOMAIN.md (PATTERNS, each with the real sentence it was written for),
and general evidence (CUES: availability negated or in the future, work under way, a decision not taken,
a condition, "nog te vroeg", provisional figures, measurements not started) strengthened by a data word
and a time pointing forward, weakened when the sentence reports data as published or delivered. A sentence
whose evidence reaches PROPOSE_AT becomes a proposal with its kind, the cue that fired, a confidence and
the expected date read from the sentence (dates.forward_date) or the default interval.
One held-back item over two adjacent sentences ("... nog niet beschikbaar. Deze cijfers worden verwacht in
de loop van juni.") is one proposal, dated by the second. In the member's explanation only what an earlier
answer said counts, and the proposal names that answer (`quoted_from`).
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
    FORWARD_TIME,
    MONTHS,
    NUMBER_WORDS,
    add_months,
    date_for_period,
    format_dutch_date,
    forward_date,
    parse_dutch_date,
)
from .layout import sentences
from .text import squash
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


@dataclass(frozen=True)
class Cue:
    """General evidence that data is held back, with its weight and the kind it suggests."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    weight: float


CUES: tuple[Cue, ...] = (
    # "De cijfers voor 2024 zijn nog niet beschikbaar.", "Ik beschik nog niet over die gegevens."
    Cue(
        "negated_availability",
        "pending",
        _words(
            r"\bnog\s+(?:niet|geen)\s+(?:\w+\s+){0,2}?(?:beschikbaar|bekend|gekend|voorhanden|gepubliceerd|verwerkt"
            r"|definitief|volledig|vrijgegeven|afgerond|afgewerkt|opgeleverd|klaar|gevalideerd|voltooid|rond)\b"
            r"|\b(?:beschik|beschikken)\s+(?:ik|we|wij)\s+(?:nog\s+)?(?:niet|geen)\b"
            r"|\bnog\s+geen\s+(?:cijfers|gegevens|data|resultaten|zicht)\b"
            r"|\b(?:beschikbaar|bekend)\s+(?:zijn|is|komen|komt)\b(?=[^.]{0,60}$)"
            r"|\btotdat\b[^.]{0,120}?\b(?:bekend|beschikbaar|afgerond)\b"
        ),
        0.7,
    ),
    # "De resultaten worden tegen het najaar verwacht.", "Het rapport zal eind 2026 opgeleverd worden."
    Cue(
        "future_availability",
        "pending",
        _words(
            r"\b(?:worden|wordt|zijn|is)\s+(?:\w+\s+){0,6}?verwacht\b|\bverwacht(?:en)?\s+(?:we|ik)\b"
            r"|\bnaar\s+verwachting\b|\bverwacht(?:en)?\s+(?:\w+\s+){0,6}?(?:dat|te)\b"
            r"|\b(?:zal|zullen)\s+(?:\w+\s+){0,8}?(?:beschikbaar|bezorgd|bezorgen|meegedeeld|gepubliceerd|opgeleverd"
            r"|overgemaakt|bekendgemaakt|gerapporteerd|publiceren|opleveren|identificeren|bekend)\b"
            r"|\b(?:volgt|volgen)\s+(?:later|nog|eind|begin|in|tegen)\b"
        ),
        0.55,
    ),
    # "Het onderzoek loopt nog.", "Er wordt gewerkt aan een nieuwe meting.", "in voorbereiding"
    Cue(
        "in_progress",
        "pending",
        _words(
            r"\b(?:loopt|lopen)\s+(?:momenteel\s+|nu\s+)?nog\b|\bis\s+(?:nog\s+)?(?:lopende|volop\s+bezig)\b"
            r"|\ber\s+wordt\s+(?:momenteel\s+|nog\s+|volop\s+|verder\s+)?gewerkt\s+aan\b|\bin\s+voorbereiding\b"
            r"|\b(?:werk|werken)\s+(?:ik|we|wij)\s+(?:daarom\s+|momenteel\s+|nog\s+)?aan\b|\blopend\s+onderzoek\b"
            r"|\b(?:wordt|worden)\s+(?:thans|momenteel|nu|op\s+dit\s+moment)\s+(?:[^\s.]+\s+){0,8}?"
            r"(?:onderzocht|geanalyseerd|verwerkt|voorbereid|bekeken|berekend|uitgewerkt|opgemaakt|verzameld)\b"
            r"|\bwordt\s+er\s+(?:nog|momenteel|volop|verder)\s+aan\s+[^.]{0,60}?gewerkt\b"
        ),
        0.6,
    ),
    # "Daarover is nog geen beslissing genomen.", "De Vlaamse Regering moet nog beslissen."
    Cue(
        "decision_pending",
        "pending",
        _words(
            r"\bnog\s+geen\s+\w*(?:beslissing|besluit|keuze|voorkeur\w*|standpunt|oordeel)\b"
            r"|\bnog\s+niet\s+beslist\b|\bmoet\s+nog\s+(?:beslissen|beslist)\b"
            r"|\bbeslissing\s+(?:volgt|valt)\b"
        ),
        0.75,
    ),
    # "zodra het rapport afgerond is", "na afronding van de studie", "wanneer het advies bekend is"
    Cue(
        "condition",
        "pending",
        _words(
            r"\b(?:van\s+)?zodra\b|\bna\s+(?:afronding|afloop|validatie|validering)\s+van\b"
            r"|\bwanneer\s+(?:\w+\s+){1,6}?(?:afgerond|bekend|beschikbaar|gevalideerd)\s+(?:is|zijn)\b"
        ),
        0.55,
    ),
    # "Het is nog te vroeg om de effecten te beoordelen."
    Cue("too_early", "pending", _words(r"\b(?:nog\s+)?te\s+vroeg\s+om\b"), 0.75),
    # "voorlopige resultaten", "de cijfers zijn onvolledig", "vooralsnog", "niet definitief"
    Cue(
        "provisional",
        "provisional",
        _words(
            r"\bvoorlopige\s+(?:cijfers|gegevens|resultaten|data|raming|stand)\b|\bonvolledig\b|\bvooralsnog\b"
            r"|\bniet\s+definitief\b"
        ),
        0.6,
    ),
    # "De metingen zijn nog niet gestart.", "De controles starten pas in het voorjaar."
    Cue(
        "not_started",
        "pending",
        _words(
            r"\bnog\s+niet\s+(?:gestart|begonnen|opgestart|uitgevoerd|aangevat)\b"
            r"|\b(?:start|starten|begint|beginnen)\s+pas\b"
        ),
        0.6,
    ),
)
CUES += (
    # "Uw Kamer wordt uiterlijk januari 2019 geïnformeerd.", "De Algemene Rekenkamer informeert u separaat."
    # "Uw Kamer ontvangt een afschrift van dit antwoord.", "Ik zal het Vlaams Parlement op de hoogte houden."
    Cue(
        "will_inform",
        "pending",
        _words(
            r"\b(?:wordt|worden|zal|zullen)\s+(?:\w+\s+){0,6}?"
            r"(?:geïnformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gebracht|gehouden))\b"
            r"|\binformee?r(?:t|en)?\s+(?:ik\s+|wij\s+|we\s+)?(?:u|uw\s+Kamer|het\s+(?:Vlaams\s+)?Parlement)\s+"
            r"(?:\w+\s+){0,3}?(?:separaat|later|nader|zodra|voor|uiterlijk|tegen|na|zo\s+spoedig)\b"
            r"|\b(?:uw\s+Kamer|het\s+(?:Vlaams\s+)?Parlement)\s+ontvangt\b"
            r"|\b(?:zal|zullen)\s+(?:ik\s+|wij\s+|we\s+)?(?:u|uw\s+Kamer|het\s+(?:Vlaams\s+)?Parlement)\b[^.]{0,160}?"
            r"\b(?:informeren|inlichten|doen\s+toekomen|toesturen|toezenden|bezorgen|overmaken)\b"
        ),
        0.7,
    ),
    # "Ik verwacht ook een tussentijdse rapportage te leveren.", "Ik zeg toe de cijfers te bezorgen."
    Cue(
        "undertaking",
        "pending",
        _words(
            r"\b(?:zeg\s+(?:ik\s+)?toe|toezeggen)\b"
            r"|\bte\s+(?:leveren|bezorgen|bezorgd|sturen|publiceren|rapporteren)\b"
        ),
        0.55,
    ),
)
# The sentence is about data, a study or a report: held-back data rather than a policy intention.
DATA_WORDS = _words(
    r"(?:cijfers?|gegevens|data|resultaten?|rapport\w*|studie|onderzoek\w*|analyse|evaluatie|statistieken"
    r"|aantallen|meting\w*|advies|monitor\w*|overzicht|bedrag|programma|raming|antwoord|uitkomsten"
    r"|doorlooptijden|transitie|regeling|rectificatie)\b"
)
# A sentence about the future with a time pointing forward: "... in de loop van 2019 merkbaar worden".
FUTURE_VERB = _words(r"\b(?:zal|zullen|wordt|worden|verwacht|verwachten|volgt|volgen|komt|komen)\b")
# Reporting what is published or delivered: "staan sinds 2 oktober op de website" (002), "werden bezorgd".
DELIVERED = _words(
    r"\b(?:staan|staat)\s+(?:sinds|al|reeds|op\s+de\s+website)\b"
    r"|\b(?:werd|werden|is|zijn)\s+(?:reeds\s+|al\s+)?(?:gepubliceerd|bezorgd|overgemaakt|meegedeeld)\b(?!\s+worden)"
    r"|\bvindt\s+u\s+(?:in|als)\s+bijlage\b|\bin\s+bijlage\s+(?:vindt|treft)\b"
    # a process told in general ("Over het lopende jaar zijn op dat moment nog geen cijfers bekend.")
    r"|\bop\s+dat\s+moment\b"
)
PLANNED_AMOUNT = _words(r"\b(?:bedragen|bedraagt|begrote?|begroting|raming)\b")
# A question of the member, or the member's request, is no promise.
QUESTION_SENTENCE = re.compile(r"\?\s*[\"”’)]*\s*$")
# In the explanation, the member quotes an earlier answer: "De minister deelde mee dat ...".
QUOTES_ANSWER = _words(
    r"\b(?:minister|u|staatssecretaris)\s+(?:\w+\s+){0,3}?(?:deelde|antwoordde|stelde|meldde|liet|gaf|zei|schreef"
    r"|beloofde|kondigde)\b|\bin\s+(?:zijn|haar|uw|het)\s+antwoord\b|\bvolgens\s+(?:de\s+minister|het\s+antwoord)\b"
)
# A sentence that continues the one before it: "Deze cijfers worden verwacht in de loop van juni."
CONTINUES = _words(r"^(?:deze|die|dit|ze|zij|hij|de\s+(?:cijfers|gegevens|resultaten)|het\s+rapport)\b")
PROPOSE_AT = 0.5
QUESTION_TEXT_KINDS = {"available_from"}  # specific patterns allowed in the member's own words (000)


@dataclass(frozen=True)
class Evidence:
    kind: str
    cue: str  # the words that fired
    confidence: float
    pattern: PromisePattern | None
    match: re.Match[str] | None


# Words each pattern and cue needs, looked up before its regex runs: a document is read in milliseconds.
KEYWORDS = {
    "link_not_refreshed": ("koppeling",),
    "provisional": (
        "voorbehoud",
        "validering",
        "gevalideerd",
        "voorlopige",
        "onvolledig",
        "vooralsnog",
        "definitief",
    ),
    "still_growing": ("zal nog", "zullen nog"),
    "partial": ("nog tijd", "nog de tijd", "opgenomen", "meegenomen", "meegeteld"),
    "not_registered": ("momenteel", "aanpassing", "nog niet", " nu ", "op dit moment"),
    "evaluation": ("evalu",),
    "available_from": ("vanaf",),
    "pending": ("binnenkort", "korte termijn", "nog niet", "vrijgegeven", "zodra"),
    "pending_period": ("loop van", "najaar", "voorjaar", "reces", "eind"),
    "negated_availability": ("nog niet", "nog geen", "beschik", "bekend", "totdat"),
    "future_availability": ("verwacht", "zal", "zullen", "volg"),
    "in_progress": (
        "loopt",
        "lopen",
        "bezig",
        "gewerkt",
        "voorbereiding",
        "werk ik",
        "werken we",
        "werken wij",
        "lopend",
        "momenteel",
        "thans",
        " nu ",
        "op dit moment",
    ),
    "decision_pending": ("nog geen", "beslist", "moet nog", "beslissing"),
    "condition": ("zodra", "na afronding", "na afloop", "na valid", "wanneer"),
    "too_early": ("te vroeg",),
    "not_started": ("nog niet", " pas"),
    "will_inform": (
        "geïnformeerd",
        "ingelicht",
        "op de hoogte",
        "informe",
        "ontvangt",
        "inlichten",
        "toekomen",
        "toestur",
        "toezend",
        "bezorg",
        "overmak",
    ),
    "undertaking": (
        "zeg toe",
        "zeg ik toe",
        "toezeg",
        "te lever",
        "te bezorg",
        "te stur",
        "te publ",
        "te rapp",
    ),
    "delivered": ("staa", "gepubliceerd", "bezorgd", "overgemaakt", "meegedeeld", "bijlage", "op dat moment"),
    "future": ("zal", "zullen", "wordt", "worden", "verwacht", "volg", "kom"),
    "time": (
        "20",
        "kwartaal",
        "trimester",
        "jaar",
        "binnen",
        "voorjaar",
        "najaar",
        "zomer",
        "lente",
        "herfst",
        "winter",
        *MONTHS,
    ),
}


_ALL_KEYWORDS = sorted({word for words in KEYWORDS.values() for word in words}, key=len, reverse=True)
# One scan a sentence: at each position the longest keyword; a keyword inside it counts as found too.
_KEYWORD_SCAN = re.compile("(?=(" + "|".join(map(re.escape, _ALL_KEYWORDS)) + "))")
_NAMES_OF = {
    found: frozenset(name for name, words in KEYWORDS.items() if any(word in found for word in words))
    for found in _ALL_KEYWORDS
}


def _keyword_names(lowered: str) -> set[str]:
    """The names in KEYWORDS whose words occur in the (lower-cased) sentence."""
    names: set[str] = set()
    for match in _KEYWORD_SCAN.finditer(lowered):
        names |= _NAMES_OF[match.group(1)]
    return names


def _evidence(sentence: str, in_question: bool, question_date: date | None = None) -> Evidence | None:
    """The combined evidence of one sentence, or None when it is no promise."""
    if QUESTION_SENTENCE.search(sentence):
        return None
    allowed = QUESTION_TEXT_KINDS if in_question and not QUOTES_ANSWER.search(sentence) else None
    if allowed is not None and "vanaf" not in sentence.lower():
        return None  # the member's own words: only "cijfers ... beschikbaar vanaf ..." (000)
    present = _keyword_names(sentence.lower())
    if "delivered" in present and DELIVERED.search(sentence):
        return None
    for pattern in PATTERNS:
        if (allowed is not None and pattern.kind not in allowed) or pattern.name not in present:
            continue
        match = pattern.trigger.search(sentence)
        if match and (pattern.requires is None or pattern.requires.search(sentence)):
            return Evidence(pattern.kind, squash(match.group(0)), 0.9, pattern, match)
    if allowed is not None:
        return None
    fired = [(cue, match) for cue in CUES if cue.name in present and (match := cue.pattern.search(sentence))]
    if not fired:
        if not ("future" in present and "time" in present):
            return None
        future, time = FUTURE_VERB.search(sentence), FORWARD_TIME.search(sentence)
        planned = PLANNED_AMOUNT.search(sentence)  # "zal ... € 4,3 miljard voor 2025 bedragen": a budget
        if (
            future
            and time
            and not planned
            and DATA_WORDS.search(sentence)
            and forward_date(sentence, question_date)[0]
        ):
            return Evidence("pending", squash(time.group(0)), 0.6, None, time)
        return None
    cue, match = max(fired, key=lambda item: item[0].weight)
    confidence = cue.weight + 0.1 * (len(fired) - 1)
    if DATA_WORDS.search(sentence):
        confidence += 0.15
    else:
        confidence -= 0.2
    if ("time" in present and forward_date(sentence, None)[0] is not None) or re.search(
        r"\b(?:tegen|uiterlijk|ten\s+laatste)\b", sentence
    ):
        confidence += 0.1
    confidence = round(min(confidence, 0.95), 2)
    if confidence < PROPOSE_AT:
        return None
    return Evidence(cue.kind, squash(match.group(0)), confidence, None, match)


def _expected(evidence: Evidence, quote: str, question_date: date | None, default_months: int):
    if evidence.pattern is not None:
        return evidence.pattern.expected(quote, evidence.match, question_date, default_months)
    expected, basis = forward_date(quote, question_date)
    if expected is not None:
        return expected, basis
    return default_interval(quote, evidence.match, question_date, default_months)


def find_promises(
    text: str,
    *,
    question_date: date | None,
    default_months: int = DEFAULT_INTERVAL_MONTHS,
    in_question: bool = False,
    quoted_from=None,
) -> list[tuple[str, PromiseProposal]]:
    """(trigger sentence, proposal) for each promise in `text` (one answer part, or the question text).

    `quoted_from`: for the question text, the earlier question whose answer the member quotes.
    """
    found: list[tuple[str, PromiseProposal]] = []
    all_sentences = sentences(text)
    evidences = [_evidence(sentence, in_question, question_date) for sentence in all_sentences]
    index = 0
    while index < len(all_sentences):
        sentence = all_sentences[index]
        evidence = evidences[index]
        if evidence is None:
            index += 1
            continue
        quoted = [sentence]
        pattern = evidence.pattern
        if pattern and pattern.lead_in and index > 0 and pattern.lead_in.search(all_sentences[index - 1]):
            if evidences[index - 1] is None:
                quoted.insert(0, all_sentences[index - 1])
        while index + 1 < len(all_sentences):
            following_sentence = all_sentences[index + 1]
            following = evidences[index + 1]
            same_kind = following is not None and following.kind == evidence.kind
            if pattern is not None and pattern.merge_adjacent and same_kind:
                pass
            elif (
                not (pattern and (pattern.lead_in or pattern.merge_adjacent))
                and CONTINUES.search(following_sentence)
                and (following is not None or forward_date(following_sentence, question_date)[0] is not None)
            ):
                pass
            else:
                break
            index += 1
            quoted.append(following_sentence)
        quote = " ".join(quoted)
        expected, basis = _expected(evidence, quote, question_date, default_months)
        proposal = PromiseProposal(
            kind=evidence.kind,
            quote=quote,
            expected=expected,
            basis=basis,
            cue=evidence.cue,
            confidence=evidence.confidence,
            quoted_from=quoted_from if in_question else None,
        )
        found.append((sentence, proposal))
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
