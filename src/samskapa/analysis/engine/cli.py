"""Command line: ``samskapa analyse FILE...`` and ``samskapa classify INPUT.jsonl``.

No database, settings or Django are loaded. Exit codes: 0 success, 1 at least one document
could not be read (message on stderr), 2 bad usage or bad input file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from .errors import DocumentError
from .extract import Limits
from .language import LANGUAGES
from .lexicon import CODES

EXIT_OK, EXIT_DOCUMENT, EXIT_USAGE = 0, 1, 2
LARGE_INPUT = 500  # passages: show progress on stderr above this even without a TTY


class _Progress:
    """One self-overwriting line on stderr, only when someone is watching or input is big."""

    def __init__(self, stream: TextIO, label: str, force: bool = False) -> None:
        self.stream = stream
        self.label = label
        self.enabled = force or stream.isatty()
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        end = "\n" if not self.stream.isatty() and done == total else ""
        if self.stream.isatty() or done == total or done % 1000 == 0:
            self.stream.write(f"\r{self.label}: {stage} {done}/{total}{end}")
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown and self.stream.isatty():
            self.stream.write("\r\033[K")
            self.stream.flush()


def _text_report(report) -> str:
    lines = [
        f"{report.filename or report.doc_id}  (language: {report.language or '?'}, "
        f"pages: {report.n_pages}, passages: {len(report.passages)})",
        "",
    ]
    lines.append("Areas")
    for code, area in report.areas.items():
        lines.append(f"  {code}  {area.status:8} score {area.score:.2f}  passages {area.count}")
        for ev in area.evidence[:2]:
            snippet = ev["text"] if len(ev["text"]) <= 110 else ev["text"][:107] + "..."
            lines.append(f"        p.{ev['page']}: {snippet}")
    lines.append("")
    lines.append("Structural elements")
    for name, element in report.elements.items():
        mark = "present" if element.present else "absent"
        lines.append(f"  {name:32} {mark}")
        for ev in element.evidence[:1]:
            snippet = ev["text"] if len(ev["text"]) <= 100 else ev["text"][:97] + "..."
            lines.append(f"        p.{ev['page']}: {snippet}")
    lines.append("")
    lines.append(report.summary)
    for note in report.notes:
        lines.append(f"Note: {note}")
    for note in report.confidence:
        lines.append(f"Confidence: {note['text']}")
    return "\n".join(lines)


def analyse_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="samskapa analyse",
        description="Gap report of strategy documents (PDF, DOCX, HTML, text) against the "
        "framework's ten areas and eight structural elements.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--lang", choices=LANGUAGES + ("nn", "no"), help="document language when detection should be overridden"
    )
    parser.add_argument("--passages", action="store_true", help="include every passage with its codes in the JSON")
    parser.add_argument("--no-ocr", action="store_true", help="never run OCR on scanned pages")
    parser.add_argument("--max-pages", type=int, default=Limits.max_pages)
    parser.add_argument("--max-mb", type=float, default=Limits.max_bytes / 1024 / 1024)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    from .report import analyse_bytes

    limits = Limits(max_bytes=int(args.max_mb * 1024 * 1024), max_pages=args.max_pages)
    lang = {"nn": "nb", "no": "nb"}.get(args.lang, args.lang)
    reports, status = [], EXIT_OK
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            print(
                f"samskapa analyse: {name}: cannot read the file ({exc.strerror}).",  # noqa: T201
                file=sys.stderr,
            )
            status = EXIT_DOCUMENT
            continue
        progress = _Progress(sys.stderr, path.name)
        try:
            report = analyse_bytes(
                data,
                path.name,
                lang=lang,
                progress=progress,
                limits=limits,
                ocr=False if args.no_ocr else None,
            )
        except DocumentError as exc:
            progress.close()
            print(f"samskapa analyse: {name}: {exc.message}", file=sys.stderr)  # noqa: T201 - command-line output
            status = EXIT_DOCUMENT
            continue
        progress.close()
        reports.append(report)
        if args.format == "text":
            print(_text_report(report))  # noqa: T201 - command-line output
            print()  # noqa: T201 - command-line output
    if args.format == "json":
        docs = [r.to_dict(include_passages=args.passages) for r in reports]
        json.dump(docs[0] if len(args.files) == 1 and docs else docs, sys.stdout, ensure_ascii=False, indent=2)
        print()  # noqa: T201 - command-line output
    return status


def classify_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="samskapa classify",
        description="Label passages with the framework's area codes. Input lines are JSON "
        'objects with "passage_id" and "text"; output lines have "passage_id", '
        '"labels" and "scores".',
    )
    parser.add_argument("input", metavar="INPUT.jsonl", help="'-' reads standard input")
    parser.add_argument("-o", "--output", metavar="OUTPUT.jsonl", help="default: standard output")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        rows = _read_passages(args.input)
    except (OSError, ValueError) as exc:
        print(f"samskapa classify: {exc}", file=sys.stderr)  # noqa: T201 - command-line output
        return EXIT_USAGE
    from .classify import classify_texts

    progress = _Progress(sys.stderr, "classify", force=len(rows) >= LARGE_INPUT)
    labels = classify_texts([r["text"] for r in rows], progress=lambda n, t: progress("passages", n, t))
    progress.close()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        for row, lab in zip(rows, labels, strict=True):
            out.write(
                json.dumps(
                    {
                        "passage_id": row["passage_id"],
                        "labels": lab.labels,
                        "scores": {c: lab.scores[c] for c in CODES},
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_OK


def _read_passages(name: str) -> list[dict]:
    stream = sys.stdin if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
    rows = []
    try:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{name}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "passage_id" not in row or not isinstance(row.get("text"), str):
                raise ValueError(f'{name}:{n}: each line needs "passage_id" and a "text" string')
            rows.append(row)
    except UnicodeDecodeError:
        raise ValueError(f"{name}: the file is not UTF-8 text") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    commands = {"analyse": analyse_main, "analyze": analyse_main, "classify": classify_main}
    if not argv or argv[0] not in commands:
        print(
            "usage: python -m samskapa.analysis.engine.cli {analyse,classify} ...",  # noqa: T201
            file=sys.stderr,
        )
        return EXIT_USAGE
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main())
