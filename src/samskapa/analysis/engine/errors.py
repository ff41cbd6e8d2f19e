"""The one error type of the engine: a document we cannot read, with a clear reason."""

from __future__ import annotations

# Machine-readable reasons; the Django app maps them to translated messages.
ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
STRUCTURE = "structure"  # a PDF whose object structure is beyond what can be read safely
EMPTY = "empty"
IMAGE_ONLY = "image_only"
TOO_LARGE = "too_large"
TOO_MANY_PAGES = "too_many_pages"
ZIP_BOMB = "zip_bomb"
UNSUPPORTED = "unsupported"
OCR_FAILED = "ocr_failed"

CODES = (
    ENCRYPTED,
    CORRUPT,
    STRUCTURE,
    EMPTY,
    IMAGE_ONLY,
    TOO_LARGE,
    TOO_MANY_PAGES,
    ZIP_BOMB,
    UNSUPPORTED,
    OCR_FAILED,
)


class DocumentError(Exception):
    """A document that cannot be analysed; ``code`` says why, ``str()`` says it in English."""

    def __init__(self, code: str, message: str, *, filename: str = "") -> None:
        if code not in CODES:
            raise ValueError(f"unknown document error code {code!r}")
        self.code = code
        self.message = message
        self.filename = filename
        super().__init__(f"{filename}: {message}" if filename else message)

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "filename": self.filename}
