"""Build the gap-analysis training corpus from the hand-written sources in scripts/corpus_src.

Each source file holds made-up documents written by the project in the shape real municipal
integration programmes take. A document starts with `=== <doc-id> | <running title>`; every
other line is `<kind> | <codes> | <text>` where kind is one of
H heading, P paragraph, L list item, T table cell, C caption, O table-of-contents line,
B boilerplate, D disclaimer, A resident answer. Headings set the section of what follows.

The script adds a small share of composed passages so the model sees page furniture in every
layout: a table of contents made from the document's own headings and running page headers
and footers. They never carry a code. Output: one JSON line per passage in
src/samskapa/analysis/engine/data/corpus/<lang>.jsonl. `--check` fails if the committed files
differ from what the sources build.
"""

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "corpus_src"
OUT = ROOT / "src" / "samskapa" / "analysis" / "engine" / "data" / "corpus"
CODES = {"EDU", "EMP", "HEA", "HOU", "PAR", "CHI", "EQU", "INF", "GOV", "MON"}
KINDS = {
    "H": "heading",
    "P": "paragraph",
    "L": "list_item",
    "T": "table_cell",
    "C": "caption",
    "O": "toc",
    "B": "boilerplate",
    "D": "disclaimer",
    "A": "answer",
    "R": "action_row",
}
# Who and when, per language, for the cells composed beside a hand-written action (kind R).
ROW_CELLS = {
    "sv": (
        [
            "Kommunstyrelsen",
            "Utbildningsförvaltningen",
            "Socialförvaltningen",
            "Kultur- och fritidsförvaltningen",
            "Arbetsmarknadsenheten",
            "Bostadsbolaget",
            "Integrationsenheten",
            "Vuxenutbildningen",
            "Barn- och utbildningsnämnden",
            "Samhällsbyggnadsförvaltningen",
            "Region och kommun gemensamt",
        ],
        ["2025", "2024–2026", "Löpande", "Hösten 2025", "Q2 2026", "Varje år", "Start 2024", "Senast 2027"],
    ),
    "fi": (
        [
            "Sivistystoimi",
            "Kaupunginhallitus",
            "Työllisyyspalvelut",
            "Hyvinvointialue",
            "Kotoutumispalvelut",
            "Vapaa-aikapalvelut",
            "Kaupunkisuunnittelu",
            "Kirjasto",
            "Varhaiskasvatus",
            "Nuorisopalvelut",
        ],
        ["2025", "2024–2025", "Jatkuva", "Syksy 2025", "Vuosittain", "2026 loppuun mennessä", "Kevät 2025"],
    ),
    "en": (
        [
            "Integration team",
            "Housing services",
            "Adult education service",
            "Children's services",
            "Public health",
            "Community development",
            "Economic development",
            "Council and partners",
            "Library service",
            "Equality officer",
        ],
        ["2025", "Year 1", "Ongoing", "2024–2026", "Q3 2025", "Annually", "By March 2026", "Years 2–3"],
    ),
    "no": (
        [
            "Flyktningtjenesten",
            "NAV",
            "Voksenopplæringen",
            "Kommunalsjef oppvekst",
            "Boligkontoret",
            "Kulturenheten",
            "Helsetjenesten",
            "Rådmannen",
            "Frivilligsentralen",
        ],
        ["2025", "Løpende", "2024–2027", "Høsten 2025", "Årlig", "Innen 2026"],
    ),
    "da": (
        [
            "Jobcentret",
            "Børne- og Ungeforvaltningen",
            "Sprogcentret",
            "Integrationsrådet",
            "Boligselskaberne",
            "Kultur og Fritid",
            "Sundhed og Omsorg",
            "Direktionen",
            "Borgerservice",
        ],
        ["2025", "Løbende", "2024–2027", "Efteråret 2025", "Årligt", "Inden udgangen af 2026"],
    ),
    "de": (
        [
            "Integrationsbüro",
            "Jobcenter",
            "Amt für Schule und Bildung",
            "Jugendamt",
            "Sozialamt",
            "Kommunales Integrationszentrum",
            "Volkshochschule",
            "Wohnungsamt",
            "Gesundheitsamt",
            "Integrationsrat",
        ],
        ["2025", "laufend", "2024–2026", "ab Herbst 2025", "jährlich", "bis Ende 2026"],
    ),
    "ar": ([], []),
}
# Words for the composed furniture, per language: contents title, page pattern.
FURNITURE = {
    "sv": ("Innehåll", ["Sida {n}", "{n} (av {t})", "{title} | sida {n}", "– {n} –"]),
    "fi": ("Sisällys", ["Sivu {n}", "{n} / {t}", "{title} | {n}", "{n}"]),
    "en": ("Contents", ["Page {n}", "{n} of {t}", "{title} | page {n}", "{n}"]),
    "no": ("Innhold", ["Side {n}", "{n} av {t}", "{title} | side {n}", "{n}"]),
    "da": ("Indhold", ["Side {n}", "{n} af {t}", "{title} | side {n}", "{n}"]),
    "de": ("Inhalt", ["Seite {n}", "{n} von {t}", "{title} | Seite {n}", "- {n} -"]),
    "ar": ("", []),
}
LEADERS = [" ........ ", " . . . . . . ", "\t", " ", " ____ ", "…………"]


def parse(path: Path) -> list[dict]:
    docs: list[dict] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("==="):
            doc_id, _, title = line[3:].partition("|")
            known = [doc for doc in docs if doc["doc"] == doc_id.strip()]
            # A header naming a document already begun continues it (later pages of the same text).
            docs.append(known[0] if known else {"doc": doc_id.strip(), "title": title.strip(), "lines": []})
            continue
        kind, codes, text = (part.strip() for part in line.split("|", 2))
        labels = [c.strip() for c in codes.split(",") if c.strip()]
        if kind not in KINDS or not set(labels) <= CODES or not text or not docs:
            sys.exit(f"{path.name}:{number}: bad line: {raw!r}")
        docs[-1]["lines"].append((KINDS[kind], labels, text))
    return docs


def toc_lines(doc: dict, lang: str, rng: random.Random) -> list[tuple]:
    """A contents list built from the document's own headings, numbered as printed ones are."""
    headings = [t for k, _, t in doc["lines"] if k == "heading"][1:9]
    if len(headings) < 3 or not FURNITURE[lang][0]:
        return []
    leader, page, numbered = rng.choice(LEADERS), rng.randint(2, 4), rng.random() < 0.7
    lines = [("heading", [], FURNITURE[lang][0])]
    for i, heading in enumerate(headings, 1):
        label = f"{i} {heading}" if numbered and not heading[:1].isdigit() else heading
        lines.append(("toc", [], f"{label}{leader}{page}"))
        page += rng.randint(1, 4)
    return lines


def expand_rows(doc: dict, lang: str, rng: random.Random) -> list[tuple]:
    """An action row becomes its action cell followed by composed responsible and timing cells."""
    lines = []
    for kind, labels, text in doc["lines"]:
        if kind != "action_row":
            lines.append((kind, labels, text))
            continue
        lines.append(("table_cell", labels, text))
        who, when = ROW_CELLS[lang]
        lines += [("table_cell", [], rng.choice(who)), ("table_cell", [], rng.choice(when))]
    return lines


def compose(doc: dict, lang: str) -> list[tuple]:
    """The document's passages with a contents list and page furniture woven in."""
    rng = random.Random(doc["doc"])
    lines = expand_rows(doc, lang, rng)
    if lines and rng.random() < 0.65:
        lines[1:1] = toc_lines(doc, lang, rng)
    patterns = FURNITURE[lang][1]
    if not patterns:
        return lines
    pattern, total = rng.choice(patterns), len(lines) // 9 + 2
    for n, at in enumerate(range(12, len(lines), rng.randint(11, 16)), 2):
        lines.insert(at, ("boilerplate", [], pattern.format(n=n, t=total, title=doc["title"])))
    return lines


def build(lang: str) -> list[dict]:
    rows, serial, seen = [], 0, set()
    for doc in parse(SOURCES / f"{lang}.txt"):
        if doc["doc"] in seen:
            continue
        seen.add(doc["doc"])
        section = doc["title"]
        for kind, labels, text in compose(doc, lang):
            serial += 1
            under = FURNITURE[lang][0] if kind == "toc" else section
            rows.append(
                {
                    "id": f"{lang}-{serial:04d}",
                    "doc": doc["doc"],
                    "lang": lang,
                    "text": text,
                    "labels": labels,
                    "kind": kind,
                    "section": under,
                }
            )
            if kind == "heading" and text != FURNITURE[lang][0]:
                section = text
    return rows


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed corpus is stale")
    args = parser.parse_args()
    stale = []
    for source in sorted(SOURCES.glob("*.txt")):
        lang, text = source.stem, render(build(source.stem))
        target = OUT / f"{lang}.jsonl"
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        hand = sum(len(d["lines"]) for d in {d["doc"]: d for d in parse(source)}.values())
        total = text.count(chr(10))
        print(f"{target.name}: {total} passages, {1 - hand / total:.0%} composed")  # noqa: T201 - command-line output
    if stale:
        print("stale:", ", ".join(stale), "- run scripts/build_corpus.py")  # noqa: T201
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
