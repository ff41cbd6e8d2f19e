"""Small text helpers shared by the engine: accent folding, tokens, passage shapes."""

from __future__ import annotations

import re

# Fold Nordic and German letters so OCR output without diacritics and spelling variants
# meet the same term lists (a-ring and a-umlaut both to a, o-slash and o-umlaut to o ...).
_FOLD = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "á": "a",
        "à": "a",
        "â": "a",
        "æ": "a",
        "ö": "o",
        "ø": "o",
        "ó": "o",
        "ò": "o",
        "ô": "o",
        "õ": "o",
        "ü": "u",
        "ú": "u",
        "ù": "u",
        "û": "u",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ë": "e",
        "í": "i",
        "ì": "i",
        "ï": "i",
        "š": "s",
        "ž": "z",
        "ç": "c",
        "ñ": "n",
        "ß": "ss",
        "’": "'",
        "‘": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
    }
)

TOKEN_RE = re.compile(r"\w+(?:-\w+)*")


def fold(text: str) -> str:
    """Lower-case and strip the accents the term lists are written without."""
    return text.lower().translate(_FOLD)


BULLET_RE = re.compile(r"^\s*(?:[•·▪◦●○■□►▶✓✔\-–—*>]|\(?[0-9]{1,2}[.)]|[a-zA-Z][.)])\s+")
MULTILEVEL_NUMBER_RE = re.compile(r"^\s*\d+\.\d+(?:\.\d+)*\.?\s")
# Every pattern here runs on text anyone may upload, so each is linear in the text's length:
# a run of dots or an address is tried once from where it starts (lookbehind, possessive
# quantifiers), never again from every position inside it. A one-word text of megabytes
# would otherwise take hours (n starts times n steps).
TOC_RE = re.compile(r"(?:(?<!\.)\.{3,}+|…|\s\.\s\.\s)\s*+\d+")
# An e-mail address: in a word, a character, the word's first "@" after it, something, a dot
# and a letter ("name@example.org"); the same words as ``\S+@\S+\.\w+``, found in one pass.
_EMAIL = r"(?<!\S)\S[^\s@]*+@\S+?\.\w"
URL_RE = re.compile(rf"https?://|www\.|{_EMAIL}|\.(?:pdf|docx?|html?)\b", re.I)
EMAIL_RE = re.compile(_EMAIL)
CONTACT_RE = re.compile(
    r"\b(?:contact|kontakt\w*|yhteytta|ota yhteys|yhteystied\w*|"
    r"email|e-post|sahkoposti\w*|epost|mail)\b"
)
DATE_RE = re.compile(r"^\W*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\W*$")
_END_PUNCT = (".", "!", ";", ",")

# Adoption, approval and tabling statements (taxonomy: no labels), on folded text.
PROCEDURAL_RE = re.compile(
    r"\b(?:fattade (?:\w+ )?beslut|beslutade|antog|antogs|antagits|har antagit|godkan\w*|"
    r"faststall\w*|hyvaksyi\w*|hyvaksytty|hyvaksyttiin|paatti|paattaa|poydalle|kasittel\w*|vedtok|vedtatt|vedtaget|"
    r"vedtog|godkendt|godkjent|gikk enstemmig|sluttbehandl\w*|beschloss\w*|verabschiedet|"
    r"adopted|approved|endorsed|tabled|ratified|published its|announced)\b"
)


# "Ansvarig: socialnämnden", "Tavoite: 60 %": a field of an action table written out as a line. It says
# who, when or how much (evidence for the structural elements), so it is not a heading.
FIELD_RE = re.compile(
    r"^\W*(?:ansvarig\w*|ansvar|huvudansvar\w*|vastuu\w*|vastuutaho\w*|responsible|lead|owner|ansvarlig\w*|"
    r"zustandig\w*|verantwortlich\w*|tidplan|tidsplan|aikataulu|timeline|timescale|when|nar|milloin|naar|wann|"
    r"mal|malvarde|tavoite|tavoitetaso|target|goal|ziel|indikator\w*|mittari\w*|indicators?|nyckeltal|"
    r"malgrupp|kohderyhma|target groups?|malgruppe|zielgruppe|budget|kostnad|kustannus|resurser|resources|"
    r"rahoitus|finansiering|uppfoljning|seuranta|follow-up|opfolgning|oppfolging)\s*:\s*\S"
)


def is_list_item(text: str) -> bool:
    return bool(BULLET_RE.match(text)) and not MULTILEVEL_NUMBER_RE.match(text)


def strip_bullet(text: str) -> str:
    return BULLET_RE.sub("", text, count=1).strip()


def word_count(text: str) -> int:
    return len(TOKEN_RE.findall(text))


def passage_shape(text: str) -> str:
    """Guess what a bare passage is: heading, toc, meta, item or paragraph.

    Headings, table-of-contents lines and meta lines (dates, links, page furniture) get no
    area labels under the labelling rules, while list items and paragraphs do.
    """
    t = text.strip()
    words = word_count(t)
    if not words:
        return "meta"
    if len(TOC_RE.findall(t)) >= 2 or (TOC_RE.search(t) and words < 14):
        return "toc"
    if DATE_RE.match(t) or (URL_RE.search(t) and words < 25):
        return "meta"
    if EMAIL_RE.search(t) and words < 60 and CONTACT_RE.search(fold(t)):
        return "meta"  # "contact us at ..." boilerplate
    letters = sum(ch.isalpha() for ch in t)
    if letters < 0.5 * len(t.replace(" ", "")):
        return "meta"
    if is_list_item(t):
        return "item"
    if words < 22 and PROCEDURAL_RE.search(fold(t)):
        return "procedural"
    if FIELD_RE.match(fold(t)) and words <= 9 and not t.endswith((".", "!", "?")):
        return "table_cell"  # a short field line, which the rules below would take for a heading
    if MULTILEVEL_NUMBER_RE.match(t) and words <= 12:
        return "heading"
    if words <= 9 and (not t.endswith(_END_PUNCT) or t.endswith("?")):
        return "heading"
    if words <= 3:
        return "heading"
    return "paragraph"
