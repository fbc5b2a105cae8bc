"""Every mail svtracker sends, as a named intent: its templates, the context they need, a sample for the
preview. One function (mail_message) renders any of them, so each mail has one subject line, a text body and
an HTML alternative, whoever sends it.

The intents are declared here, in one list, rather than by each app: a newcomer finds every mail in one
place, and the staff admins' preview (accounts) lists them without importing the apps above it. The
templates are templates/mail/<name>/subject.txt, body.txt and body.html. Callers keep their own sending
(the digest's Message-ID and sent mark, the throttling of account mails): this module only renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.translation import gettext_lazy as _

from svtracker.parsing import squash


class MailContextMissing(KeyError):
    """A caller left out a context key the intent declares: the mail would have a hole in it."""


class RenderedMail(NamedTuple):
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class MailIntent:
    name: str
    title: str  # Dutch (gettext_lazy), for the preview
    description: str
    context: frozenset[str]  # the keys every caller must give
    sample: dict  # a context as a real caller would give it, for the preview and the tests

    def template(self, part: str) -> str:
        return f"mail/{self.name}/{part}"

    def render(self, context: dict) -> RenderedMail:
        """Subject (squashed to one line), text and HTML, in the active language. Only the HTML escapes:
        "Groen & Co" stays so in the subject and the text."""
        missing = self.context - context.keys()
        if missing:
            raise MailContextMissing(f"the {self.name!r} mail needs {', '.join(sorted(missing))}")
        return RenderedMail(squash(self._render_text("subject.txt", context)),
                            self._render_text("body.txt", context),
                            render_to_string(self.template("body.html"), context))

    def _render_text(self, part: str, context: dict) -> str:
        return get_template(self.template(part)).template.render(Context(context, autoescape=False))


def mail_message(name: str, *, context: dict, to: list[str], headers: dict | None = None
                 ) -> EmailMultiAlternatives:
    """The intent `name` rendered with `context` as a text + HTML mail from DEFAULT_FROM_EMAIL to `to`."""
    rendered = INTENTS[name].render(context)
    message = EmailMultiAlternatives(rendered.subject, rendered.text, settings.DEFAULT_FROM_EMAIL, to,
                                     headers=headers)
    message.attach_alternative(rendered.html, "text/html")
    return message


_SAMPLE_SITE = "https://svtracker.example.org"
_SAMPLE_QUESTION = {"title": "Inburgering - wachtlijsten bij het Agentschap Integratie en Inburgering"}
_SAMPLE_LABEL = "Vraag nr. 125 (2023-2024) van Maaike De Vreese aan Hilde Crevits"
_SAMPLE_DIGEST_ITEMS = [
    {"kind": "question", "reason": _("antwoord te laat"), "reason_code": "late", "proposed": False,
     "due_date": date(2024, 4, 2), "promised": date(2024, 4, 2), "question": _SAMPLE_QUESTION,
     "label": _SAMPLE_LABEL, "quote": "", "url": f"{_SAMPLE_SITE}/questions/1/",
     "draft_url": f"{_SAMPLE_SITE}/drafts/new/question/1/"},
    {"kind": "question", "reason": _("antwoord ontvangen"), "reason_code": "answered", "proposed": False,
     "due_date": date(2024, 4, 8), "promised": date(2024, 4, 8),
     "question": {"title": "Kinderopvang - plaatsen per gemeente"},
     "label": "Vraag nr. 131 (2023-2024) van Maaike De Vreese aan Hilde Crevits", "quote": "",
     "url": f"{_SAMPLE_SITE}/questions/2/", "draft_url": f"{_SAMPLE_SITE}/drafts/new/question/2/"},
    {"kind": "promise", "reason": _("vandaag verwacht"), "reason_code": "due", "proposed": False,
     "due_date": date(2024, 4, 10), "promised": date(2024, 4, 10), "question": _SAMPLE_QUESTION,
     "label": _SAMPLE_LABEL, "quote": "De cijfers voor 2023 worden verwacht begin april.",
     "url": f"{_SAMPLE_SITE}/promises/1/", "draft_url": f"{_SAMPLE_SITE}/drafts/new/promise/1/"},
    {"kind": "promise", "reason": _("binnenkort verwacht"), "reason_code": "warn", "proposed": True,
     "due_date": date(2024, 5, 31), "promised": date(2024, 5, 31), "question": _SAMPLE_QUESTION,
     "label": _SAMPLE_LABEL, "quote": "Ik zal de evaluatie tegen eind mei aan het Parlement bezorgen.",
     "url": f"{_SAMPLE_SITE}/promises/2/", "draft_url": f"{_SAMPLE_SITE}/drafts/new/promise/2/"},
]
_SAMPLE_OFFICE = {"name": "Kantoor De Vreese"}

INTENTS = {intent.name: intent for intent in [
    MailIntent(
        name="digest",
        title=_("Herinneringsmail"),
        description=_("Wat vandaag aandacht vraagt: late antwoorden, ontvangen antwoorden en toezeggingen "
                      "die vervallen. Elke werkdag of één keer per week, zoals elke medewerker kiest."),
        context=frozenset({"recipient", "office", "items", "questions", "confirmed", "proposed",
                           "preferences_url"}),
        sample={"recipient": {"get_full_name": "An Peeters", "get_username": "an"}, "office": _SAMPLE_OFFICE,
                "items": _SAMPLE_DIGEST_ITEMS, "questions": _SAMPLE_DIGEST_ITEMS[:2],
                "confirmed": _SAMPLE_DIGEST_ITEMS[2:3], "proposed": _SAMPLE_DIGEST_ITEMS[3:],
                "preferences_url": f"{_SAMPLE_SITE}/reminders/preferences/"}),
    MailIntent(
        name="invitation",
        title=_("Uitnodiging"),
        description=_("Als een beheerder iemand aan het team toevoegt: een link die één keer werkt, om een "
                      "wachtwoord te kiezen of, met een bestaand account, de uitnodiging te aanvaarden."),
        context=frozenset({"office", "username", "new_account", "link", "days"}),
        sample={"office": _SAMPLE_OFFICE, "username": "bert", "new_account": True,
                "link": f"{_SAMPLE_SITE}/accounts/invitation/voorbeeld-van-een-eenmalige-code/", "days": 7}),
    MailIntent(
        name="password_reset",
        title=_("Nieuw wachtwoord"),
        description=_("Als iemand op de aanmeldpagina een nieuw wachtwoord vraagt: een link om het te "
                      "kiezen."),
        context=frozenset({"user", "protocol", "domain", "uid", "token"}),
        sample={"user": {"get_username": "an"}, "protocol": "https", "domain": "svtracker.example.org",
                "uid": "MQ", "token": "c4ndwc-0123456789abcdef0123456789abcdef"}),
]}
