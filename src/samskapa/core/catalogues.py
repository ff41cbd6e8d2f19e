"""Translation catalogues: compile .po to .mo (no system gettext needed) and report gaps.

`python -m samskapa.core.catalogues compile` runs at install; `check` lists every
untranslated or fuzzy entry per language and exits non-zero when there is one.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def compile_all() -> int:
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return 0


def gaps() -> dict[str, list[str]]:
    """msgids that are untranslated or fuzzy, per language code."""
    found = {}
    for po_path in catalogues():
        po = polib.pofile(str(po_path))
        missing = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
        found[po_path.parent.parent.name] = missing
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["compile"]:
        return compile_all()
    if argv[:1] == ["check"]:
        problems = {lang: ids for lang, ids in gaps().items() if ids}
        for lang, ids in problems.items():
            print(f"{lang}: {len(ids)} missing", *[f"  {i!r}" for i in ids[:20]], sep="\n")  # noqa: T201
        return 1 if problems else 0
    print("usage: python -m samskapa.core.catalogues compile|check")  # noqa: T201
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
