"""Fill the sv, fi and en catalogues from a JSON file of translations (a developer's tool).

    python scripts/po_fill.py --missing > todo.json   # what is untranslated or fuzzy, to fill in
    python scripts/po_fill.py todo.json               # write the translations, clear fuzzy flags
    make messages                                     # again: gettext re-wraps the files its way

The JSON maps each msgid to {"sv": ..., "fi": ..., "en": ...}; a plural entry takes a list
of forms per language (two for all three). Run `make messages` first, so the catalogues
hold every string of the code.
"""

import json
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "src" / "samskapa" / "locale"
LANGUAGES = ("sv", "fi", "en")


def _catalogue(language: str) -> tuple[Path, polib.POFile]:
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    return path, polib.pofile(str(path))


def missing() -> dict:
    todo: dict = {}
    for language in LANGUAGES:
        _path, po = _catalogue(language)
        for entry in po.untranslated_entries() + po.fuzzy_entries():
            slot = todo.setdefault(entry.msgid, {})
            slot[language] = ["", ""] if entry.msgid_plural else ""
            if entry.msgid_plural:
                slot["_plural"] = entry.msgid_plural
    return todo


def fill(translations: dict) -> int:
    unknown = set(translations)
    for language in LANGUAGES:
        path, po = _catalogue(language)
        for entry in po:
            given = translations.get(entry.msgid, {}).get(language)
            if not given:
                continue
            unknown.discard(entry.msgid)
            if entry.msgid_plural:
                entry.msgstr_plural = dict(enumerate(given))
            else:
                entry.msgstr = given
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None
        po.save(str(path))
    for msgid in sorted(unknown):
        print(f"not in the catalogues (run make messages?): {msgid!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--missing"]:
        json.dump(missing(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        sys.exit(0)
    if len(sys.argv) == 2:
        sys.exit(fill(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
