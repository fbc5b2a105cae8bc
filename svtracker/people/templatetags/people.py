from django import template

from ..services import function_title_in_case

register = template.Library()


@register.filter
def function_title(value: str) -> str:
    """A minister's function title as the government writes it, not in the document's capitals."""
    return function_title_in_case(value or "")
