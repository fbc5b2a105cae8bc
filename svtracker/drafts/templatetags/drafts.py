"""The follow-ups already made for a question, for the question page (one query)."""

from django import template

from svtracker.drafts.selectors import follow_ups_of

register = template.Library()


@register.simple_tag
def follow_ups(question):
    """Sent follow-ups still waiting for an answer and drafts in progress of the question's series."""
    return list(follow_ups_of(office=question.office, series=question.series, question=question))
