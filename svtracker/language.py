"""Dutch first: the interface is Dutch until the person picks English with the language switch (a cookie).

Django's LocaleMiddleware would also follow the browser's Accept-Language, so a browser set to English got
the English interface without anyone choosing it.
"""

from django.middleware.locale import LocaleMiddleware


class ChosenLanguageMiddleware(LocaleMiddleware):
    """The chosen language (cookie), else LANGUAGE_CODE; never the browser's."""

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)
