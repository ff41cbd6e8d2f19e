"""Which language a reader gets: the content in any of the site's languages, the page around it
(headings, menus) in that language when the public pages are translated into it.

The whole product speaks Swedish, Finnish and English; the public pages also come with the
catalogues in ``publicsite/catalogues/`` (Arabic). For a site language without its own
catalogue, the page around the content is in the organisation's default language (or
English), and every text carries the ``lang`` of the language it is written in.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

CATALOGUES = Path(__file__).resolve().parent / "catalogues"


@cache
def interface_languages() -> frozenset[str]:
    """Languages the public pages' own words are written in."""
    extra = {path.parent.parent.name for path in CATALOGUES.glob("*/LC_MESSAGES/django.po")}
    return frozenset({code for code, _name in settings.LANGUAGES} | extra)


def interface_language(language: str, organisation) -> str:
    """The language of the page around the content for a reader of ``language``."""
    for candidate in (language, organisation.default_language, *organisation.languages, "en"):
        if candidate in interface_languages():
            return candidate
    return "en"


def negotiate(accept_language: str, offered: list[str]) -> str:
    """The first of the reader's browser languages the site offers, else the site's default."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        base = code.lower().split("-")[0]
        if base in offered:
            return base
    return offered[0]
