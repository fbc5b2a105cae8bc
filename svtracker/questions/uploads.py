"""Upload limits that hold before any work is done: a request body over UPLOAD_MAX_REQUEST_BYTES is refused
from its Content-Length, before Django reads a byte of it (so nothing is written to disk).

The other limits sit where they act: DATA_UPLOAD_MAX_NUMBER_FILES (Django's multipart parser; its error
page names the limit, svtracker.errors), UPLOAD_MAX_BYTES per file (the upload form) and MAX_PDF_PAGES with
PDF_PARSE_SECONDS (the parser, before and while it reads a PDF's text).
"""

from django.conf import settings

from svtracker.errors import too_large


class RequestSizeLimitMiddleware:
    """Refuse a body larger than UPLOAD_MAX_REQUEST_BYTES with the app's own Dutch 413 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0
        if size > settings.UPLOAD_MAX_REQUEST_BYTES:
            response = too_large(request, size=size)
            response["Connection"] = "close"  # the unread body must not be taken for the next request
            return response
        return self.get_response(request)
