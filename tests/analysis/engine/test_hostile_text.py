"""Hostile documents: one endless word, odd encryption, a page tree nested thousands deep,
an HTML page that shows nothing. Each ends in a clear refusal or a quick analysis, never a
traceback and never a worker held for hours.

Time is not asserted: a case that went quadratic would take hours, so each runs under a
generous alarm that only a runaway can reach.
"""

from __future__ import annotations

import re
import signal
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samskapa.analysis import engine
from samskapa.analysis.engine import errors, text
from samskapa.analysis.engine.errors import DocumentError
from samskapa.analysis.engine.extract import MAX_RUN, extract

MB = 1024 * 1024
# Units that repeated without a space once made a pattern try every start and every length.
PATHOLOGICAL = ["a", "a@", "a.", "a@a.", "x@y", ".", "1.", "a-", "www.", "…", "<a", "Ab.", "-1", "\t."]


@contextmanager
def runaway_alarm(seconds: int):
    """Fail the test when the block has not finished after ``seconds`` (re checks signals)."""

    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: not linear")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _patterns() -> list[re.Pattern]:
    return [value for name, value in vars(text).items() if name.endswith("_RE") and isinstance(value, re.Pattern)]


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_every_text_pattern_reads_a_megabyte_word_in_one_pass(unit):
    word = unit * (MB // len(unit))
    with runaway_alarm(60):
        for pattern in _patterns():
            pattern.search(word)
            pattern.findall(word)
        text.passage_shape(word)


@pytest.mark.parametrize("unit", ["a", "a@a.", "x@y", "1."])
def test_a_megabyte_one_word_text_file_is_analysed(unit):
    with runaway_alarm(120):
        report = engine.analyse_bytes((unit * (MB // len(unit))).encode(), "one-word.txt")
    assert len(report.passages) == 1 and len(report.passages[0].text) <= MAX_RUN + 1
    assert any("without a space were shortened" in note for note in report.notes)


def test_a_fifty_megabyte_one_word_text_file_is_refused_as_too_long():
    with runaway_alarm(60), pytest.raises(DocumentError) as refused:
        engine.analyse_bytes(b"a@a." * (50 * MB // 4), "one-word.txt")
    assert refused.value.code == errors.TOO_MANY_PAGES and "Split it" in str(refused.value)


def test_words_of_ordinary_length_are_kept_whole():
    link = "https://example.org/" + "x" * 300
    doc = extract(f"Read more at {link} about the plan.".encode(), "a.txt")
    assert link in doc.pages[0].blocks[0].text and not doc.notes


# The patterns as they were: quadratic, but right; the linear ones must find the same things.
OLD_EMAIL = re.compile(r"\S+@\S+\.\w+")
OLD_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\.(?:pdf|docx?|html?)\b", re.I)
OLD_TOC = re.compile(r"(?:\.{3,}|…|\s\.\s\.\s)\s*\d+")
SMALL_TEXT = st.text(alphabet="a@.1 \t-…Wå_", max_size=24)


@settings(max_examples=600, deadline=None)
@given(SMALL_TEXT)
def test_linear_patterns_find_what_the_old_ones_found(sample):
    assert bool(text.EMAIL_RE.search(sample)) == bool(OLD_EMAIL.search(sample))
    assert bool(text.URL_RE.search(sample)) == bool(OLD_URL.search(sample))
    assert len(text.TOC_RE.findall(sample)) == len(OLD_TOC.findall(sample))


def test_passage_shapes_of_contact_lines_and_contents_are_unchanged():
    assert text.passage_shape("Kontakta oss på info@exempelby.se om du har frågor.") == "meta"
    assert text.passage_shape("Arbete och egenförsörjning ........ 12") == "toc"
    assert text.passage_shape("Läs mer på www.exempelby.se") == "meta"


# --- PDFs made by hand -----------------------------------------------------------------------


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF with the given objects (1 is the catalogue) and a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


CONTENT = b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Hello world) Tj ET\nendstream"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(parent: int, contents: int, font: int) -> bytes:
    resources = b"/Resources << /Font << /F1 %d 0 R >> >>" % font
    return b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R %s >>" % (
        parent,
        contents,
        resources,
    )


def _page_tree(depth: int) -> bytes:
    """One page under ``depth`` nested page-tree nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        parent = b"/Parent %d 0 R " % (level + 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, level + 3))
    leaf = depth + 2
    objects.append(_page(leaf - 1, leaf + 1, leaf + 2))
    return _pdf([*objects, CONTENT, FONT])


def test_a_pdf_with_an_unknown_security_handler_is_refused_as_encrypted():
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        CONTENT,
        b"<< /Filter /ExampleLock /V 9 /R 9 /Length 256 >>",
    ]
    data = _pdf(objects, b"/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ")
    with pytest.raises(DocumentError) as refused:
        extract(data, "locked.pdf")
    assert refused.value.code == errors.ENCRYPTED and "encrypted" in str(refused.value)


def test_a_pdf_with_a_page_tree_nested_thousands_deep_is_refused_as_unreadable():
    with runaway_alarm(60), pytest.raises(DocumentError) as refused:
        extract(_page_tree(5000), "deep.pdf")
    assert refused.value.code == errors.STRUCTURE and "structure cannot be read" in str(refused.value)


def test_a_pdf_with_a_shallow_page_tree_is_read():
    assert extract(_page_tree(20), "shallow.pdf", ocr=False).pages[0].blocks[0].text == "Hello world"


# --- HTML that shows nothing ------------------------------------------------------------------

INVISIBLE_PAGES = {
    "script and style": "<html><head><style>p{color:red}</style></head><body><script>var a = 'words';</script>",
    "a title only": "<html><head><title>Strategi</title></head><body></body></html>",
    "hidden elements": "<body><div hidden>Dolt</div><p style='display: none'>Dold text</p><p aria-hidden='true'>x</p>",
    "noscript and template": "<body><noscript>Slå på JavaScript</noscript><template><p>Mall</p></template><div id=app>",
    "spaces and invisible characters": "<body><p>&nbsp; \u200b</p><img src='bild.png' alt=''></body>",
}


@pytest.mark.parametrize("markup", INVISIBLE_PAGES.values(), ids=INVISIBLE_PAGES.keys())
def test_an_html_page_without_visible_text_is_refused(markup):
    with pytest.raises(DocumentError) as refused:
        extract(markup.encode(), "tom.html")
    assert refused.value.code == errors.EMPTY


def test_an_html_page_is_read_without_its_scripts_and_hidden_parts():
    markup = "<body><script>var x;</script><p hidden>Dolt</p><p>Synlig text om arbete.</p><div>Mer text</div></body>"
    blocks = [b.text for b in extract(markup.encode(), "sida.html").pages[0].blocks]
    assert blocks == ["Synlig text om arbete."]


def test_a_pdf_page_with_megabytes_of_compressed_drawing_commands_is_skipped_quickly():
    import zlib

    huge = zlib.compress(b"BT /F1 12 Tf 72 720 Td (" + b"a@a. " * (2 * MB) + b") Tj ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        _page(2, 5, 7),
        _page(2, 6, 7),
        CONTENT,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(huge), huge),
        FONT,
    ]
    with runaway_alarm(60):
        doc = extract(_pdf(objects), "map.pdf", ocr=False)
    assert [b.text for b in doc.pages[0].blocks] == ["Hello world"] and not doc.pages[1].blocks
    assert doc.notes == ["1 page(s) with over 8 MB of content were skipped."]
