"""Make the engine importable when the project is not installed; build test documents."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[3] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

FONT_CANDIDATES = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]


def _font_name() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for path in FONT_CANDIDATES:
        if Path(path).exists():
            if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVu", path))
            return "DejaVu"
    return "Helvetica"  # Latin-1 letters (å ä ö) still work with the standard font


def make_pdf(pages: list[list[str]]) -> bytes:
    """A text PDF: one list of lines per page, written with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    font = _font_name()
    for lines in pages:
        y = 800
        for line in lines:
            c.setFont(font, 11)
            c.drawString(60, y, line)
            y -= 16 if line else 24
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image_pdf(text_lines: list[str] | None = None) -> bytes:
    """A PDF whose only page is a picture (a 'scan'), optionally of some text."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (1654, 2339), "white")
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype(FONT_CANDIDATES[0], 44)
    except OSError:
        font = ImageFont.load_default(size=44)
    y = 200
    for line in text_lines or []:
        draw.text((150, y), line, fill="black", font=font)
        y += 80
    if not text_lines:
        draw.rectangle((300, 300, 900, 900), outline="black", width=8)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def pdf_maker():
    return make_pdf


@pytest.fixture
def image_pdf_maker():
    return make_image_pdf


@pytest.fixture
def strategy_pdf() -> bytes:
    return make_pdf(
        [
            [
                "Integrationsstrategi 2024–2027",
                "",
                "Alla nyanlända vuxna ska erbjudas svenska för invandrare och",
                "vuxenutbildning inom en månad efter att de flyttat till kommunen.",
                "",
                "Bostadsbristen är stor och vi behöver fler hyresrätter för nyanlända.",
            ],
            [
                "Uppföljning",
                "",
                "Strategin följs upp årligen med indikatorer och revideras senast 2027.",
                "",
                "• Fler ska komma i arbete och nå egen försörjning.",
            ],
        ]
    )
