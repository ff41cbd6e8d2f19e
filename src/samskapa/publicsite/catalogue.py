"""The public pages' own catalogues: their words in languages beyond the product's sv, fi and en.

Residents read the public pages in many languages; the words around the content (headings,
menus, the accessibility statement) come translated into the languages of
``catalogues/<lang>/LC_MESSAGES/django.po``. They hold exactly the strings of this app:

    python -m samskapa.publicsite.catalogue extract   # after changing strings (needs GNU gettext)
    python -m samskapa.publicsite.catalogue compile   # .po to .mo (at install, no gettext needed)
    python -m samskapa.publicsite.catalogue check     # lists what is untranslated or fuzzy
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

APP = Path(__file__).resolve().parent
CATALOGUES = APP / "catalogues"
LANGUAGES = ("ar",)
# What residents see: the public pages, open data and the PDF summary (the coordinator's
# pages under manage/ speak the product's sv, fi and en like the rest of the product).
PUBLIC_SOURCES = (
    "templates/publicsite/*.html",
    "views/public.py",
    "views/data.py",
    "sections.py",
    "opendata.py",
    "accessibility.py",
    "templatetags/public_tags.py",
    "labels.py",
)
# Templates of the whole product that the public pages include too (the pager).
SHARED_SOURCES = (APP.parent / "templates" / "core" / "_pager.html",)

# makemessages run with bare settings inside a copy of this app, so it sees only its strings.
_EXTRACT = """
import django
from django.conf import settings
settings.configure(USE_I18N=True, INSTALLED_APPS=[], LOCALE_PATHS=[])
django.setup()
from django.core.management import call_command
call_command("makemessages", locale={languages!r}, no_location=True, no_obsolete=True, verbosity=0)
"""


def catalogue_path(language: str) -> Path:
    return CATALOGUES / language / "LC_MESSAGES" / "django.po"


def extract() -> int:
    """Bring every catalogue up to the strings of the code: new ones added empty, gone ones dropped."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "publicsite"
        for pattern in PUBLIC_SOURCES:
            for source in APP.glob(pattern):
                target = copy / source.relative_to(APP)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
        for source in SHARED_SOURCES:
            target = copy / "shared" / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
        (copy / "locale").mkdir()
        code = _EXTRACT.format(languages=list(LANGUAGES))
        # -I: the copy is the working directory, and its selectors.py must not shadow the standard library.
        subprocess.run([sys.executable, "-I", "-c", code], cwd=copy, check=True)  # noqa: S603  (our own interpreter)
        for language in LANGUAGES:
            _merge(polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po")), language)
    return 0


def _merge(fresh: polib.POFile, language: str) -> None:
    path = catalogue_path(language)
    known = {entry.msgid: entry for entry in polib.pofile(str(path))} if path.exists() else {}
    for entry in fresh:
        old = known.get(entry.msgid)
        if old is not None and old.translated():
            entry.msgstr, entry.msgstr_plural = old.msgstr, old.msgstr_plural
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        elif "fuzzy" not in entry.flags:
            entry.msgstr = ""
    fresh.metadata["Language"] = language
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh.save(str(path))


def compile_all() -> int:
    for language in LANGUAGES:
        path = catalogue_path(language)
        if path.exists():
            polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))
    return 0


def gaps() -> dict[str, list[str]]:
    """msgids that are untranslated or fuzzy, per language."""
    found = {}
    for language in LANGUAGES:
        po = polib.pofile(str(catalogue_path(language)))
        found[language] = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
    return found


def main(argv: list[str]) -> int:
    command = argv[:1]
    if command == ["extract"]:
        return extract()
    if command == ["compile"]:
        return compile_all()
    if command == ["check"]:
        problems = {language: ids for language, ids in gaps().items() if ids}
        for language, ids in problems.items():
            print(f"{language}: {len(ids)} missing", *[f"  {i!r}" for i in ids[:20]], sep="\n")  # noqa: T201
        return 1 if problems else 0
    print(__doc__)  # noqa: T201
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
