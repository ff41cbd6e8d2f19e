"""The public pages speak Arabic too: their own catalogue is complete and holds every string."""

import shutil

import polib
import pytest

from samskapa.publicsite import catalogue


def test_the_arabic_catalogue_has_no_untranslated_or_fuzzy_string():
    assert catalogue.gaps() == {"ar": []}


def test_arabic_plurals_have_all_six_forms():
    po = polib.pofile(str(catalogue.catalogue_path("ar")))
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == 6 and all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_the_arabic_catalogue_holds_every_string_of_the_public_pages(tmp_path, monkeypatch):
    saved = catalogue.catalogue_path("ar").read_bytes()
    known = {entry.msgid for entry in polib.pofile(str(catalogue.catalogue_path("ar")))}
    monkeypatch.setattr(catalogue, "CATALOGUES", tmp_path)
    catalogue.catalogue_path("ar").parent.mkdir(parents=True)
    catalogue.catalogue_path("ar").write_bytes(saved)
    catalogue.extract()
    fresh = {entry.msgid for entry in polib.pofile(str(catalogue.catalogue_path("ar")))}
    assert sorted(fresh - known) == [] and sorted(known - fresh) == []


def test_a_public_page_in_arabic_has_no_word_of_another_language_around_the_content(org, published):
    from django.test import Client

    page = Client().get(f"/p/{org.slug}/ar/strategy/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    for english in ("Our vision", "What we focus on", "Accessibility statement", "Open data", "Skip to main content"):
        assert english not in page
