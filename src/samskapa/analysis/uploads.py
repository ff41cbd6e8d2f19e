"""Refuse an oversized upload before a byte of it is read.

Django reads a multipart body the first time anything asks for ``request.POST`` or
``request.FILES`` (the CSRF check does, before any view runs), spooling files to disk. The
upload handler below looks at the declared length first: a body over the limit is refused
without being read, and the person sees the limit in their language (the page, via the CSRF
failure view that the refusal leads to, or the API's JSON error) instead of waiting for
200 MB to arrive only to be told "too large".
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse, UnreadablePostError
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure

from samskapa.core.errors import ApplicationError

# Room for the other form fields and the multipart framing around the file itself.
MARGIN = 1024 * 1024


def body_too_large(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > settings.SAMSKAPA_MAX_UPLOAD_BYTES + MARGIN


def limit_message() -> str:
    limit = settings.SAMSKAPA_MAX_UPLOAD_BYTES
    size = f"{limit // (1024 * 1024)} MB" if limit % (1024 * 1024) == 0 else filesizeformat(limit)
    return _("The file is larger than the limit of %(limit)s.") % {"limit": size}


class UploadTooLarge(ApplicationError, UnreadablePostError):
    """Raised instead of reading the body. An UnreadablePostError, so the CSRF check treats the
    body as unreadable (and fails into :func:`csrf_failure`); an ApplicationError, so the API
    answers it as JSON with status 413."""

    status = 413


class UploadSizeLimitHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.SAMSKAPA_MAX_UPLOAD_BYTES + MARGIN:
            raise UploadTooLarge(limit_message())
        return None

    def receive_data_chunk(self, raw_data, start):
        return raw_data  # the next handlers store the data

    def file_complete(self, file_size):
        return None


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """An oversized upload says so (413); every other CSRF failure gets Django's own page."""
    if request.method == "POST" and body_too_large(request):
        return render(request, "analysis/upload_too_large.html", {"message": limit_message()}, status=413)
    return django_csrf_failure(request, reason=reason)
