from .selectors import current_office


class CurrentOfficeMiddleware:
    """Sets request.office: the office the logged-in user works in now (chosen in the session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.office = current_office(user=request.user, chosen_id=request.session.get("office_id")) \
            if request.user.is_authenticated else None
        return self.get_response(request)
