"""Text extraction keeps pages and reading order, and refuses bad input clearly."""

from __future__ import annotations

import io
import zipfile

import pytest

from samskapa.analysis.engine import errors
from samskapa.analysis.engine.errors import DocumentError
from samskapa.analysis.engine.extract import Limits, extract, ocr_available
from samskapa.analysis.engine.passages import build_passages


def test_pdf_extraction_keeps_page_numbers_and_order(strategy_pdf):
    doc = extract(strategy_pdf, "strategi.pdf")
    assert doc.format == "pdf"
    assert [p.number for p in doc.pages] == [1, 2]
    passages = build_passages(doc)
    texts = [(p.page, p.text) for p in passages]
    assert texts[0] == (1, "Integrationsstrategi 2024–2027")
    assert any(page == 1 and "svenska för invandrare och vuxenutbildning" in t for page, t in texts), texts
    assert any(page == 2 and t.startswith("Strategin följs upp") for page, t in texts)
    assert [p.kind for p in passages if p.page == 2][-1] == "item"


def test_heading_is_attached_to_following_passages(strategy_pdf):
    passages = build_passages(extract(strategy_pdf, "s.pdf"))
    follow_up = next(p for p in passages if p.text.startswith("Strategin följs upp"))
    assert follow_up.heading == "Uppföljning"


def test_encrypted_pdf_is_refused_with_clear_message(pdf_maker):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_maker([["Hemligt"]]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(DocumentError) as exc:
        extract(buf.getvalue(), "locked.pdf")
    assert exc.value.code == errors.ENCRYPTED
    assert "password" in str(exc.value)


def test_corrupt_pdf_is_refused():
    with pytest.raises(DocumentError) as exc:
        extract(b"%PDF-1.7\n this is not really a pdf \x00\x01", "broken.pdf")
    assert exc.value.code in (errors.CORRUPT, errors.EMPTY)
    assert "broken.pdf" in str(exc.value)


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_file_is_refused(data):
    with pytest.raises(DocumentError) as exc:
        extract(data, "empty.txt")
    assert exc.value.code == errors.EMPTY


def test_image_only_pdf_without_ocr_is_refused(image_pdf_maker):
    with pytest.raises(DocumentError) as exc:
        extract(image_pdf_maker(), "scan.pdf", ocr=False)
    assert exc.value.code == errors.IMAGE_ONLY
    assert "scan" in exc.value.message


def test_pdf_over_the_page_limit_is_refused(pdf_maker):
    data = pdf_maker([[f"Sida {i}"] for i in range(6)])
    with pytest.raises(DocumentError) as exc:
        extract(data, "long.pdf", limits=Limits(max_pages=5))
    assert exc.value.code == errors.TOO_MANY_PAGES
    assert "6 pages" in exc.value.message


def test_file_over_the_size_limit_is_refused():
    with pytest.raises(DocumentError) as exc:
        extract(b"x" * 2048, "big.txt", limits=Limits(max_bytes=1024))
    assert exc.value.code == errors.TOO_LARGE


def _docx_bytes(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_zip_bomb_is_refused_before_parsing():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document/>" + b" " * (50 * 1024 * 1024))
    assert len(buf.getvalue()) < 1_000_000
    with pytest.raises(DocumentError) as exc:
        extract(buf.getvalue(), "bomb.docx")
    assert exc.value.code == errors.ZIP_BOMB


def test_corrupt_docx_is_refused():
    with pytest.raises(DocumentError) as exc:
        extract(b"PK\x03\x04 broken zip", "broken.docx")
    assert exc.value.code == errors.CORRUPT


def test_docx_headings_lists_and_page_breaks():
    from docx.enum.text import WD_BREAK

    def build(d):
        d.add_heading("Kotouttamisohjelma", level=1)
        d.add_paragraph("Ohjelman toteutumista seurataan vuosittain mittareilla.")
        d.add_paragraph("Työllisyys ja yrittäjyys", style="List Bullet")
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        d.add_paragraph("Asuminen ja asuinalueet kuuluvat ohjelman toiselle sivulle.")

    passages = build_passages(extract(_docx_bytes(build), "ohjelma.docx"))
    assert [(p.page, p.kind) for p in passages] == [(1, "heading"), (1, "paragraph"), (1, "item"), (2, "paragraph")]
    assert passages[1].heading == "Kotouttamisohjelma"


def test_html_blocks_in_reading_order():
    html = (
        "<html><head><script>var x=1;</script></head><body><nav>Meny</nav>"
        "<h1>Integration</h1><p>Kommunen samverkar med föreningar.</p>"
        "<ul><li>Bostad</li><li>Arbete</li></ul></body></html>"
    ).encode()
    passages = build_passages(extract(html, "sida.html"))
    assert [p.text for p in passages] == ["Integration", "Kommunen samverkar med föreningar.", "Bostad", "Arbete"]
    assert [p.kind for p in passages] == ["heading", "paragraph", "item", "item"]


def test_plain_text_form_feed_starts_a_new_page():
    data = "Första sidan med text om skolan.\n\n\fAndra sidan om bostäder.".encode()
    passages = build_passages(extract(data, "a.txt"))
    assert [(p.page, p.text) for p in passages] == [
        (1, "Första sidan med text om skolan."),
        (2, "Andra sidan om bostäder."),
    ]


@pytest.mark.skipif(
    not ocr_available(),
    reason="tesseract with swe+fin+eng data is not "
    "installed (apt-get install tesseract-ocr tesseract-ocr-swe "
    "tesseract-ocr-fin tesseract-ocr-eng)",
)
def test_image_only_pdf_is_read_with_ocr_when_tesseract_is_present(image_pdf_maker):
    data = image_pdf_maker(["Kommunen erbjuder svenska", "för invandrare i skolan."])
    doc = extract(data, "scan.pdf")
    assert doc.ocr_pages == [1]
    assert "invandrare" in doc.text
