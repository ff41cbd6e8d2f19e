"""Text out of PDF, DOCX, HTML and plain-text documents, keeping pages and reading order.

Every reader returns an :class:`ExtractedDocument`: pages, each with text blocks in
reading order and, where the format says so, whether a block is a heading or a list item.
Anything we cannot read raises :class:`~.errors.DocumentError` with a clear reason.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import errors
from .errors import DocumentError
from .text import is_list_item

ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Limits:
    """Guards against hostile or accidental huge input; the Django app passes its settings."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    docx_max_uncompressed: int = 100 * 1024 * 1024
    docx_max_ratio: int = 100
    docx_max_entries: int = 5000
    # A text longer than this many characters per allowed page is refused before it is
    # analysed: a 50 MB text file is some 10 000 pages, far past what anyone reads.
    chars_per_page: int = 6000
    # A PDF page whose drawing commands exceed this is skipped: its text would take minutes to
    # pull out of them (a dense page of text is some 50 KB; a detailed map a few MB).
    max_page_content: int = 8 * 1024 * 1024
    ocr_dpi: int = 200
    ocr_languages: str = "swe+fin+eng"


@dataclass
class Block:
    text: str
    kind: str | None = None  # heading | item | paragraph | None (unknown: guess later)


@dataclass
class Page:
    number: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class ExtractedDocument:
    format: str
    pages: list[Page]
    ocr_pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for p in self.pages for b in p.blocks)


def detect_format(data: bytes, filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if data[:2] == b"PK" or suffix in (".docx", ".docm"):
        return "docx"
    if suffix in (".html", ".htm", ".xhtml") or head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in (".doc", ".odt", ".rtf", ".pptx", ".xlsx", ".png", ".jpg", ".jpeg"):
        raise DocumentError(
            errors.UNSUPPORTED,
            f"{suffix} files are not supported; save the document as PDF, DOCX, HTML or plain text.",
            filename=filename,
        )
    return "text"


def extract(
    data: bytes,
    filename: str,
    *,
    limits: Limits = Limits(),
    ocr: bool | None = None,
    progress: ProgressFn | None = None,
) -> ExtractedDocument:
    """Read a document; ``ocr=None`` means OCR image-only pages when tesseract is present."""
    if len(data) > limits.max_bytes:
        raise DocumentError(
            errors.TOO_LARGE,
            f"the file is {len(data) / 1e6:.0f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB.",
            filename=filename,
        )
    if not data.strip():
        raise DocumentError(errors.EMPTY, "the file is empty.", filename=filename)
    fmt = detect_format(data, filename)
    reader = {"pdf": _read_pdf, "docx": _read_docx, "html": _read_html, "text": _read_text}[fmt]
    try:
        doc = reader(data, limits=limits, ocr=ocr, progress=progress)
    except DocumentError as exc:
        exc.filename = exc.filename or filename
        raise DocumentError(exc.code, exc.message, filename=filename) from None
    _check_length(doc, limits, filename)
    if not any(_WORD.search(b.text) for p in doc.pages for b in p.blocks):
        raise DocumentError(errors.EMPTY, "no text was found in the document.", filename=filename)
    _cut_long_runs(doc)
    return doc


_WORD = re.compile(r"\w")
# A run of characters without a space longer than this is no word but a hash, a broken
# extraction or a hostile file. It is cut, so nothing after extraction works on megabytes
# of one "word". The lookbehind starts the pattern only where a run starts: linear time.
MAX_RUN = 1000
_LONG_RUN = re.compile(rf"(?<!\S)(\S{{{MAX_RUN}}})\S+")


def _check_length(doc: ExtractedDocument, limits: Limits, filename: str) -> None:
    length = sum(len(b.text) for p in doc.pages for b in p.blocks)
    if length > limits.max_pages * limits.chars_per_page:
        raise DocumentError(
            errors.TOO_MANY_PAGES,
            f"the text has {length} characters, more than {limits.max_pages} pages hold. Split it into parts.",
            filename=filename,
        )


def _cut_long_runs(doc: ExtractedDocument) -> None:
    cut = 0
    for page in doc.pages:
        for block in page.blocks:
            block.text, count = _LONG_RUN.subn(r"\1…", block.text)
            cut += count
    if cut:
        doc.notes.append(f"{cut} run(s) of over {MAX_RUN} characters without a space were shortened.")


# --- PDF -------------------------------------------------------------------------------


def _read_pdf(data: bytes, *, limits: Limits, ocr: bool | None, progress: ProgressFn | None) -> ExtractedDocument:
    import pypdf
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported algorithms end up here too
                ok = 0
            if not ok:
                raise DocumentError(
                    errors.ENCRYPTED, "the PDF is protected by a password; save an unprotected copy and upload that."
                )
        n_pages = len(reader.pages)
    except DocumentError:
        raise
    except NotImplementedError:
        # pypdf knows the standard security handler only; any other is a lock we cannot open.
        raise DocumentError(
            errors.ENCRYPTED,
            "the PDF is encrypted with a method that cannot be opened here; save an unprotected copy and upload that.",
        ) from None
    except (LimitReachedError, RecursionError):
        raise DocumentError(
            errors.STRUCTURE, "the PDF's structure cannot be read: its pages are nested too deeply."
        ) from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(errors.CORRUPT, f"the PDF cannot be read ({exc}).") from None
    if n_pages == 0:
        raise DocumentError(errors.EMPTY, "the PDF has no pages.")
    if n_pages > limits.max_pages:
        raise DocumentError(
            errors.TOO_MANY_PAGES, f"the PDF has {n_pages} pages; the limit is {limits.max_pages}. Split it into parts."
        )
    texts: list[str] = []
    oversized: list[int] = []
    content = chars = 0  # drawing commands read (compressed, a small file can hold gigabytes), text found
    for i, page in enumerate(reader.pages):
        try:
            size = _content_size(page)
            content += size
            if size > limits.max_page_content:
                oversized.append(i)  # megabytes of drawing commands: no page of text
                texts.append("")
            else:
                texts.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - one broken page must not lose the rest
            texts.append("")
        if content > limits.max_bytes * 4:
            raise DocumentError(errors.TOO_LARGE, f"the PDF's pages hold over {content // 2**20} MB of content.")
        chars += len(texts[-1])
        if chars > limits.max_pages * limits.chars_per_page:  # stop reading now, not after the last page
            raise DocumentError(errors.TOO_MANY_PAGES, f"the text is longer than {limits.max_pages} pages hold.")
        if progress:
            progress("extract", i + 1, n_pages)
    doc = ExtractedDocument("pdf", [])
    if oversized:
        doc.notes.append(
            f"{len(oversized)} page(s) with over {limits.max_page_content // 2**20} MB of content were skipped."
        )
    blank = [i for i, t in enumerate(texts) if len(t.strip()) < 3 and i not in oversized]
    if blank:
        use_ocr = ocr_available(limits.ocr_languages) if ocr is None else ocr
        if use_ocr:
            missing = ocr_missing(limits.ocr_languages)
            if missing:
                raise DocumentError(errors.IMAGE_ONLY, missing)
            for k, i in enumerate(blank):
                texts[i] = _ocr_pdf_page(data, i, limits)
                doc.ocr_pages.append(i + 1)
                if progress:
                    progress("ocr", k + 1, len(blank))
        elif len(blank) == n_pages:
            raise DocumentError(
                errors.IMAGE_ONLY,
                "the PDF contains only images of pages (a scan) "
                "and no text. " + (ocr_missing(limits.ocr_languages) or "OCR was switched off."),
            )
        else:
            doc.notes.append(f"{len(blank)} page(s) without text were skipped (no OCR).")
    for i, text in enumerate(texts):
        doc.pages.append(Page(i + 1, [Block(t) for t in split_lines_to_blocks(text)]))
    return doc


def _content_size(page) -> int:
    contents = page.get_contents()
    return len(contents.get_data()) if contents is not None else 0


def ocr_missing(languages: str = "swe+fin+eng") -> str:
    """Why OCR cannot run here, or '' when it can."""
    if shutil.which("tesseract") is None:
        return (
            "OCR is not available: install Debian's tesseract-ocr with the "
            "tesseract-ocr-swe, -fin and -eng language data."
        )
    try:
        out = subprocess.run(  # noqa: S603  (our own fixed command line, no user input)
            [shutil.which("tesseract") or "tesseract", "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "OCR is not available: tesseract could not be started."
    have = set(out.split())
    lacking = [lang for lang in languages.split("+") if lang not in have]
    if lacking:
        return (
            "OCR is not available: tesseract lacks language data for "
            + ", ".join(lacking)
            + " (install tesseract-ocr-"
            + lacking[0]
            + ")."
        )
    return ""


def ocr_available(languages: str = "swe+fin+eng") -> bool:
    return ocr_missing(languages) == ""


def _ocr_pdf_page(data: bytes, index: int, limits: Limits) -> str:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
        image = pdf[index].render(scale=limits.ocr_dpi / 72).to_pil()
    except Exception as exc:  # noqa: BLE001
        raise DocumentError(errors.OCR_FAILED, f"page {index + 1} could not be rendered for OCR ({exc}).") from None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        try:
            # Fixed binary found on PATH, arguments are our own temp file and settings.
            result = subprocess.run(  # noqa: S603
                [shutil.which("tesseract") or "tesseract", str(path), "stdout", "-l", limits.ocr_languages],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise DocumentError(errors.OCR_FAILED, f"OCR failed on page {index + 1} ({exc}).") from None
    if result.returncode != 0:
        raise DocumentError(errors.OCR_FAILED, f"OCR failed on page {index + 1}: {result.stderr.strip()[:200]}")
    return result.stdout


_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*$")


def split_lines_to_blocks(text: str) -> list[str]:
    """Rebuild paragraphs and list items from the line-broken text of a PDF page."""
    lines = [ln.rstrip() for ln in text.replace("\r", "").split("\n")]
    widths = sorted(len(ln) for ln in lines if ln.strip())
    typical = widths[int(len(widths) * 0.8)] if widths else 80
    blocks: list[list[str]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(current.copy())
            current.clear()

    for ln in lines:
        s = ln.strip()
        if not s:
            flush()
            continue
        if current:
            prev = current[-1]
            prev_ended = bool(_SENTENCE_END.search(prev))
            prev_short = len(prev) < 0.7 * typical
            prev_heading = len(current) == 1 and not prev_ended and prev_short and len(prev.split()) <= 10
            if is_list_item(s) or (prev_ended and prev_short) or prev_heading:
                flush()
        current.append(s)
    flush()
    out = []
    for block in blocks:
        joined = ""
        for s in block:
            if joined.endswith("-") and s[:1].islower():  # noqa: SIM108 - clearer as if/else
                joined = joined[:-1] + s  # re-join a word hyphenated at the line end
            else:
                joined = f"{joined} {s}" if joined else s
        out.append(joined)
    return out


# --- DOCX ------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse zip bombs before any XML is parsed: sizes, ratio and entry count."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(errors.CORRUPT, f"the DOCX file is not a valid ZIP archive ({exc}).") from None
    if len(infos) > limits.docx_max_entries:
        raise DocumentError(
            errors.ZIP_BOMB, f"the DOCX archive has {len(infos)} parts; it looks like a zip bomb and was not opened."
        )
    total = sum(i.file_size for i in infos)
    if total > limits.docx_max_uncompressed:
        raise DocumentError(
            errors.ZIP_BOMB,
            f"the DOCX file would unpack to {total / 1e6:.0f} MB; it looks like a zip bomb and was not opened.",
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > limits.docx_max_ratio * max(info.compress_size, 1):
            raise DocumentError(
                errors.ZIP_BOMB,
                f"a part of the DOCX file ({info.filename}) is "
                "compressed suspiciously well; it looks like a zip bomb and was "
                "not opened.",
            )
    if "word/document.xml" not in {i.filename for i in infos}:
        raise DocumentError(errors.CORRUPT, "the file is a ZIP archive but not a Word document.")


def _read_docx(data: bytes, *, limits: Limits, ocr: bool | None, progress: ProgressFn | None) -> ExtractedDocument:
    check_zip(data, limits)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise DocumentError(errors.CORRUPT, f"the DOCX file cannot be read ({exc}).") from None
    pages = [Page(1)]

    def add(paragraph: Paragraph) -> None:
        element = paragraph._p
        breaks = len(element.findall(f".//{_W}br[@{_W}type='page']")) + len(
            element.findall(f".//{_W}lastRenderedPageBreak")
        )
        before = paragraph.paragraph_format.page_break_before
        for _ in range(breaks + (1 if before else 0)):
            pages.append(Page(pages[-1].number + 1))
        text = paragraph.text.strip()
        if not text:
            return
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        numbered = element.find(f"{_W}pPr/{_W}numPr") is not None
        if style.lower().startswith(("heading", "title", "rubrik", "otsikko")):
            kind = "heading"
        elif numbered or "list" in style.lower() or is_list_item(text):
            kind = "item"
        else:
            kind = None
        pages[-1].blocks.append(Block(text, kind))

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            add(item)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and t not in cells:
                        cells.append(t)
                if cells:
                    pages[-1].blocks.append(Block(" | ".join(cells), "paragraph"))
    while len(pages) > 1 and not pages[-1].blocks:
        pages.pop()
    if len(pages) > limits.max_pages:
        raise DocumentError(
            errors.TOO_MANY_PAGES,
            f"the document has {len(pages)} pages; the limit is {limits.max_pages}. Split it into parts.",
        )
    return ExtractedDocument("docx", pages)


# --- HTML and text -----------------------------------------------------------------------

_HTML_BLOCKS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "blockquote",
    "figcaption",
    "caption",
    "pre",
}
_HTML_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "head"}


def _read_html(data: bytes, *, limits: Limits, ocr: bool | None, progress: ProgressFn | None) -> ExtractedDocument:
    import lxml.html
    from lxml import etree

    charset = re.search(rb"""charset=["']?([A-Za-z0-9_-]+)""", data[:4096])
    try:
        markup = data.decode(charset.group(1).decode() if charset else "utf-8")
    except (UnicodeDecodeError, LookupError):
        markup = decode_text(data)
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(errors.CORRUPT, f"the HTML cannot be read ({exc}).") from None
    root = root.getroottree().getroot()  # a fragment parses to its first element: read it all
    _drop_invisible(root)
    page = Page(1)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag not in _HTML_BLOCKS or any(
            isinstance(a.tag, str) and a.tag.lower() in _HTML_SKIP | {"li", "p", "td", "th"} for a in el.iterancestors()
        ):
            continue
        text = " ".join(el.text_content().split())
        if not text:
            continue
        kind = "heading" if tag[0] == "h" and tag[1:].isdigit() else ("item" if tag == "li" else "paragraph")
        page.blocks.append(Block(text, kind))
    if not page.blocks:  # pages without block markup: fall back to the text
        text = "\n".join(t for t in root.itertext())
        page.blocks = [Block(t) for t in _paragraphs(text)]
    return ExtractedDocument("html", [page])


# What a reader never sees: scripts, styles, the head, and elements hidden by attribute.
_INVISIBLE = "|".join(f"//{tag}" for tag in sorted(_HTML_SKIP - {"nav"})) + (
    "|//*[@hidden]|//*[@aria-hidden='true']"
    "|//*[contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz'), 'display:none')]"
)


def _drop_invisible(root) -> None:
    """Remove what the page does not show, so that neither the blocks nor the fallback read it."""
    for el in root.xpath(_INVISIBLE):
        if el.getparent() is not None:
            el.drop_tree()


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise DocumentError(errors.CORRUPT, "the file is binary, not text.")
    return data.decode("cp1252", errors="replace")


def _paragraphs(text: str) -> list[str]:
    out = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) > 1 and all(is_list_item(ln) for ln in lines[1:]):
            out.extend(lines)  # "Intro:" followed by bullets
        elif any(is_list_item(ln) for ln in lines):
            current = ""
            for ln in lines:
                if is_list_item(ln) and current:
                    out.append(current)
                    current = ln
                else:
                    current = f"{current} {ln}".strip()
            out.append(current)
        elif len(lines) > 1 and _looks_like_heading_line(lines[0]):
            out.extend([lines[0], " ".join(lines[1:])])  # "Vision" on its own line, then its text
        else:
            out.append(" ".join(lines))
    return out


def _looks_like_heading_line(line: str) -> bool:
    """A short first line without closing punctuation is the heading of the lines under it."""
    return len(line.split()) <= 10 and not _SENTENCE_END.search(line) and not line.endswith(",")


def _read_text(data: bytes, *, limits: Limits, ocr: bool | None, progress: ProgressFn | None) -> ExtractedDocument:
    text = decode_text(data)
    chunks = text.split("\f")
    if len(chunks) > limits.max_pages:
        raise DocumentError(
            errors.TOO_MANY_PAGES, f"the text has {len(chunks)} pages; the limit is {limits.max_pages}."
        )
    pages = [Page(i + 1, [Block(p) for p in _paragraphs(chunk)]) for i, chunk in enumerate(chunks)]
    return ExtractedDocument("text", pages)
