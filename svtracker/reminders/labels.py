"""How a reminder names a question: its number and session, the member who asked, the minister."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def question_label(question) -> str:
    """"Vraag nr. 125 (2023-2024) van Maaike De Vreese aan Hilde Crevits", or before the parliament gave it a
    number "Vraag van 3 maart 2026 (nog zonder nummer) van ..."."""
    if question.number:
        label = _("Vraag nr. %(number)s") % {"number": question.number}
        if question.session:
            label += f" ({question.session})"
    else:
        label = _("Vraag van %(date)s (nog zonder nummer)") % {"date": date_format(question.date, "j F Y")}
    if question.author_id:
        label += " " + _("van %(member)s") % {"member": question.author.name}
    if question.minister_id:
        label += " " + _("aan %(minister)s") % {"minister": question.minister.name}
    return label


def short_question_label(question) -> str:
    """"vraag nr. 125" or "vraag van 3 maart 2026": what a calendar title has room for."""
    if question.number:
        return _("vraag nr. %(number)s") % {"number": question.number}
    return _("vraag van %(date)s") % {"date": date_format(question.date, "j F Y")}
