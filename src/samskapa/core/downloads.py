"""Files a person downloads: one response shape for PDF, DOCX, XLSX, CSV and JSON."""

import re
import unicodedata

from django.http import HttpResponse

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
