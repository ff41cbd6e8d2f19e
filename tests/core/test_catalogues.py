"""Every visible string is translated to Swedish, Finnish and English."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from samskapa.core import catalogues

SRC = Path(catalogues.__file__).resolve().parent.parent


def test_catalogues_exist_for_the_three_languages():
    assert {p.parent.parent.name for p in catalogues.catalogues()} == {"sv", "fi", "en"}


def test_no_string_is_untranslated_or_fuzzy():
    assert catalogues.gaps() == {"sv": [], "fi": [], "en": []}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogues_hold_every_string_in_the_code(tmp_path):
    """makemessages over a copy of the code finds no string the catalogues lack."""
    copy = tmp_path / "samskapa"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "sv", "--no-location", "-i", "analysis/engine/*"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "DJANGO_SETTINGS_MODULE": "samskapa.test_settings",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(SRC.parent),
        },
    )
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/sv/LC_MESSAGES/django.po"))}
    known = {e.msgid for e in polib.pofile(str(SRC / "locale/sv/LC_MESSAGES/django.po"))}
    assert sorted(fresh - known) == []
