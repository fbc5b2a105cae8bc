"""For pages outside drafts: the follow-ups already made for a question (one query), and who holds each
policy area today (the minister a follow-up goes to)."""

from django import template

from svtracker.drafts.selectors import follow_ups_of, policy_area_holders

register = template.Library()


@register.simple_tag
def follow_ups(question):
    """Sent follow-ups still waiting for an answer and drafts in progress of the question's series."""
    return list(follow_ups_of(office=question.office_id, series=question.series_id, question=question))


@register.simple_tag(takes_context=True)
def policy_holders(context):
    """(policy area, minister, function title) as the current office sees them, for forms that pick a
    minister."""
    return policy_area_holders(office=context.get("office"))
