"""Every mail svtracker sends is a named intent rendered by one function: each renders from its sample
context with a one-line subject and the same facts in text and HTML, a caller that leaves out a key it
declares gets an error instead of a mail with a hole, and names are shown as typed."""

from copy import deepcopy

import pytest
from django.utils import translation

from svtracker.mail import INTENTS, MailContextMissing, mail_message

# What the recipient must read in both the text and the HTML of each mail, from its sample context.
KEY_FACTS = {
    "digest": ["An Peeters", "Vraag nr. 125 (2023-2024) van Maaike De Vreese aan Hilde Crevits",
               "antwoord te laat", "antwoord uiterlijk 2 april 2024",
               "antwoord ontvangen", "Kinderopvang - plaatsen per gemeente", "8 april 2024",
               "beloofd voor 10 april 2024", "beloofd voor 31 mei 2024",
               "https://svtracker.example.org/promises/1/", "https://svtracker.example.org/drafts/new/question/1/",
               "https://svtracker.example.org/reminders/preferences/"],
    "invitation": ["bert", "Kantoor De Vreese", "Kies je wachtwoord en aanvaard de uitnodiging",
                   "https://svtracker.example.org/accounts/invitation/voorbeeld-van-een-eenmalige-code/",
                   "7 dagen"],
    "password_reset": ["an", "https://svtracker.example.org/accounts/password-reset/MQ/"
                             "c4ndwc-0123456789abcdef0123456789abcdef/"],
}
SUBJECTS = {
    "digest": "svtracker: 4 herinneringen voor Kantoor De Vreese",
    "invitation": "Uitnodiging voor Kantoor De Vreese in svtracker",
    "password_reset": "Nieuw wachtwoord voor svtracker",
}


def test_the_four_mails_are_the_registered_intents():
    # "antwoord ontvangen" is not a mail of its own: it reaches staff as an item of their next digest.
    assert set(INTENTS) == set(KEY_FACTS) == {"digest", "invitation", "password_reset"}


@pytest.mark.parametrize("name", sorted(INTENTS))
def test_each_mail_renders_its_sample_with_a_one_line_subject_and_its_facts_in_text_and_html(name):
    intent = INTENTS[name]
    with translation.override("nl"):
        message = mail_message(name, context=intent.sample, to=["an@example.org"])
    assert message.subject == SUBJECTS[name]
    assert "\n" not in message.subject
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and html.lstrip().startswith("<!doctype html>")
    assert '<html lang="nl' in html  # the language it is written in, for screen readers
    for fact in KEY_FACTS[name]:
        assert fact in message.body, fact
        assert fact in html, fact
    assert message.to == ["an@example.org"]


@pytest.mark.parametrize("name", sorted(INTENTS))
def test_the_sample_context_gives_every_variable_the_templates_use(name, settings):
    """So the preview shows each mail whole, and the declared keys are in the sample."""
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "OPTIONS": {
        **settings.TEMPLATES[0]["OPTIONS"], "string_if_invalid": "ONBEKEND[%s]"}}]
    intent = INTENTS[name]
    assert intent.context <= intent.sample.keys()
    for part in intent.render(intent.sample):
        assert "ONBEKEND" not in part


@pytest.mark.parametrize("name", sorted(INTENTS))
def test_a_caller_that_leaves_out_a_declared_key_gets_an_error_not_a_mail(name):
    intent = INTENTS[name]
    for key in intent.context:
        context = {k: v for k, v in intent.sample.items() if k != key}
        with pytest.raises(MailContextMissing, match=key):
            mail_message(name, context=context, to=["an@example.org"])


def with_office_named(name: str, office: str) -> dict:
    context = deepcopy(INTENTS[name].sample)
    context["office"] = {"name": office}
    return context


@pytest.mark.parametrize("name", ["digest", "invitation"])
def test_an_office_name_with_an_ampersand_reads_as_typed_in_the_subject(name):
    with translation.override("nl"):
        subject, text, _html = INTENTS[name].render(with_office_named(name, "Groen & Co"))
    assert "Groen & Co" in subject
    assert "&amp;" not in subject and "&amp;" not in text


def test_the_invitation_text_shows_the_office_as_typed_and_only_the_html_escapes_it():
    with translation.override("nl"):
        _subject, text, html = INTENTS["invitation"].render(with_office_named("invitation", "Groen & <Co>"))
    assert "in Groen & <Co> in svtracker" in text
    assert "in Groen &amp; &lt;Co&gt; in svtracker" in html
