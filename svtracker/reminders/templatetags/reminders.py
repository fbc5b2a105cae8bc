from django import template
from django.utils import timezone

from ..selectors import answer_deadline_for

register = template.Library()


@register.inclusion_tag("reminders/_deadline.html")
def answer_deadline(question):
    """The question page's deadline block: `{% load reminders %}{% answer_deadline question %}`."""
    return {"question": question, "deadline": answer_deadline_for(question), "today": timezone.localdate()}
