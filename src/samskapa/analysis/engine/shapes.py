"""What a passage is on the page, beyond its words: caption, page furniture, disclaimer ...

The taxonomy's labelling rules give no codes to titles, headings, table-of-contents lines,
photo captions, page furniture (running headers, footers, page numbers), website
boilerplate and disclaimers. A reader skips them, so the gap analysis never uses them as
evidence. These rules are written from how published programmes are laid out, in the six
languages the engine reads; they run on accent-folded text (see text.fold).
"""

from __future__ import annotations

import re
from collections import Counter

from .text import fold, passage_shape, word_count

# Kinds that never carry codes and are never evidence for an area or an element.
NON_EVIDENCE = frozenset({"heading", "toc", "meta", "procedural", "caption", "disclaimer", "boilerplate"})
# Kinds the classifier's model reads (the rules decide the rest).
READ_KINDS = ("paragraph", "item", "table_cell")

_CAPTION = re.compile(
    r"^\s*(?:bild|billede|bilde|figur|figure|fig|kuva|kuvio|foto|photo|photograph|abbildung|abb|illustration|"
    r"chart|graph|graf|"
    r"diagram|kaavio|grafik|karta|kartta|map|tabell|table|taulukko|tabelle|tabel)"
    r"\s*(?:\d+(?:[.:]\d+)*[.:]?|[:.\-])\s"
)
_PHOTO_CREDIT = re.compile(
    r"^\s*(?:foto|photo|photos|kuva|kuvat|bild|bilder|fotograf|photographer|kuvaaja|bildtext|kuvateksti)\s*[:/©]\s*\S"
    r"|^\s*(?:photo|picture|image) (?:by|credit)\b|^\s*©"
)
# The source line under a table or chart ("Källa: SCB 2023", "Lähde: Tilastokeskus") belongs to the figure.
_SOURCE_LINE = re.compile(r"^\s*(?:kalla|kallor|lahde|lahteet|source|sources|kilde|kilder|quelle|quellen)\s*:\s*\S")
_DISCLAIMER = re.compile(
    r"\b(?:demo ?data|demodata|demodaten|demonstration data|sample data|example data|exempeldata|esimerkkiaineisto|"
    r"eksempeldata|beispieldaten|testdata|"
    r"made[- ]up|fictional|fictitious|invented for|not a real|pahittad\w*|fiktiv\w*|pahitt\w*|"
    r"keksitty\w*|kuvitteellinen\w*|kuvitteellis\w*|erfunden\w*|opdigte\w*|oppdikte\w*|"
    r"for demonstration|i demonstrationssyfte|esittelytarkoitu\w*|zu demonstrationszwecken|"
    r"any resemblance|likhet med verkliga|disclaimer|ansvarsfriskrivning|vastuuvapau\w*)\b"
)
_BOILERPLATE = re.compile(
    r"\b(?:cookies?|evasteet|evaste\w*|kakor|all rights reserved|alla rattigheter|kaikki oikeudet|"
    r"copyright|print this page|skriv ut sidan|tulosta sivu|share (?:this|on)|dela (?:sidan|pa)|jaa sivu|"
    r"last (?:updated|modified)|senast (?:uppdaterad|andrad)|paivitetty viimeksi|sist oppdatert|"
    r"zuletzt aktualisiert|sidst opdateret|skip to (?:main )?content|hoppa till innehall|siirry sisaltoon|"
    r"back to top|tillbaka till toppen|takaisin ylos|accessibility statement|tillganglighetsredogorelse|"
    r"saavutettavuusseloste|impressum|datenschutz)\b"
)
_PAGE_NUMBER = re.compile(
    r"^\W*(?:(?:sida|sidan|page|sivu|side|seite|s\.|p\.)\s*)?\d{1,4}(?:\s*(?:\(|av|of|/|\||von|af)\s*\d{1,4}\)?)?\W*$"
)
_TOC_HEADING = re.compile(
    r"^\W*(?:innehall\w*|innehallsforteckning|sisallys\w*|sisallysluettelo|contents|table of contents|"
    r"inhalt|inhaltsverzeichnis|indhold\w*|innhold\w*|indholdsfortegnelse|innholdsfortegnelse)\W*$"
)
# A contents list run into one block: "1 Inledning 3 2 Bostad 5 3 Hälsa 7".
_TOC_RUN = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+[^\d]{2,60}?\s+\d{1,3}\s*){3,}$")
_TOC_LINE = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?[^\d]{2,80}?\s+\d{1,3}\s*$")
_DIGITS = re.compile(r"\d+")


def kind_of(text: str, hint: str | None = None) -> str:
    """The kind of one passage from its own text; ``hint`` is what the file format said."""
    folded = fold(text.strip())
    words = word_count(text)
    if _PAGE_NUMBER.match(folded):
        return "meta"
    if words <= 120 and _TOC_RUN.match(folded):
        return "toc"
    if _DISCLAIMER.search(folded) and words < 80:
        return "disclaimer"
    if (_CAPTION.match(folded) or _PHOTO_CREDIT.match(folded)) and words < 45:
        return "caption"
    if _SOURCE_LINE.match(folded) and words < 25:
        return "caption"
    if hint in ("caption", "disclaimer", "boilerplate", "toc", "meta"):
        return hint
    if _BOILERPLATE.search(folded) and words < 40:
        return "boilerplate"
    if hint == "table_cell":
        guessed = passage_shape(text)
        return "table_cell" if guessed in ("paragraph", "item", "heading") and words >= 3 else guessed
    return _with_hint(text, hint, words)


def _with_hint(text: str, hint: str | None, words: int) -> str:
    """The format's own markup wins for headings and list items; the text decides the rest."""
    guessed = passage_shape(text)
    if hint == "heading":
        return "heading" if words <= 25 else guessed
    if hint in ("item", "list_item") and guessed in ("paragraph", "heading"):
        return "item"
    if " | " in text and guessed == "paragraph" and len([c for c in text.split(" | ") if c.strip()]) >= 2:
        return "table_cell"
    return guessed


def is_toc_heading(text: str) -> bool:
    return bool(_TOC_HEADING.match(fold(text)))


def looks_like_toc_line(text: str) -> bool:
    """ "2.3 Housing 14": a short line that ends in a page number."""
    return word_count(text) <= 14 and bool(_TOC_LINE.match(text.strip()))


def furniture_lines(pages: list[list[str]], min_pages: int = 3) -> set[str]:
    """Short lines that repeat on many pages: running headers and footers.

    Digits are ignored when comparing, so "Strategy 2024 | page 3" and "... page 4" match.
    """
    if len(pages) < min_pages:
        return set()
    seen: Counter[str] = Counter()
    for texts in pages:
        seen.update({furniture_key(t) for t in texts if word_count(t) <= 14})
    threshold = max(min_pages, len(pages) // 3)
    return {key for key, n in seen.items() if n >= threshold and key}


def repeated_lines(texts: list[str], min_times: int = 3) -> set[str]:
    """Running headers and footers of a text without page breaks (a text export, OCR output).

    A short line that comes back three times or more and carries a page number, a year or a
    separator ("Integrationsprogram 2024–2027", "Exempelby kommun | Program") is furniture; a
    repeated "Ansvarig: socialnämnden" in an action table is not (it says something each time).
    """
    seen: Counter[str] = Counter(furniture_key(t) for t in texts if word_count(t) <= 14)
    return {
        key
        for key, n in seen.items()
        if n >= min_times and key and ("#" in key or " | " in key or " - " in key) and ":" not in key
    }


def furniture_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(fold(text).split()))
