"""Files a person downloads: one response shape for PDF, DOCX, XLSX, CSV and JSON."""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import IO

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import translation

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
}


def download_name(title: str, extension: str) -> str:
    """A file name made of the title's letters and digits, safe on every system."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()[:80] or "samskapa"
    return f"{stem}.{extension}"


def file_response(content: bytes, *, title: str, extension: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{download_name(title, extension)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def in_language(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """``chunks`` drawn in the language active now: a streamed body is written after the view has
    returned, when the request's language may no longer be active."""
    language = translation.get_language()
    iterator = iter(chunks)
    while True:
        with translation.override(language):
            chunk = next(iterator, None)
        if chunk is None:
            return
        yield chunk


def _headers(response: HttpResponse | StreamingHttpResponse, title: str, extension: str, inline: bool):
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{download_name(title, extension)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def streaming_file_response(
    chunks: Iterable[bytes], *, title: str, extension: str, inline: bool = False
) -> StreamingHttpResponse:
    """A download of any size at flat memory: the body is sent as ``chunks`` are made."""
    response = StreamingHttpResponse(in_language(chunks), content_type=CONTENT_TYPES[extension])
    return _headers(response, title, extension, inline)


def temporary_file_response(file: IO[bytes], *, title: str, extension: str) -> FileResponse:
    """A download of a file written to disk first (an XLSX workbook), sent in blocks and then removed."""
    response = FileResponse(file, content_type=CONTENT_TYPES[extension])
    return _headers(response, title, extension, False)
