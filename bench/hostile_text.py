"""Hostile text through the gap analysis: one endless word, and prose for comparison. Prints figures; never fails.

    python bench/hostile_text.py [--megabytes 50]

For each shape (a run of letters, of "a@a." that once made the e-mail pattern quadratic, of
dots, of "1." ...) it times ``analyse_bytes`` on a one-word text file of 1 MB and of the given
size (refused as too long) and of that size with the length limit lifted (analysed, the run cut).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SHAPES = ["a", "a@a.", "x@y", ".", "1.", "a-", "www.", "…"]
MB = 1024 * 1024


def _time(data: bytes, limits) -> tuple[float, str]:
    from samskapa.analysis import engine

    start = time.perf_counter()
    try:
        report = engine.analyse_bytes(data, "one-word.txt", limits=limits)
        outcome = f"analysed, {len(report.passages)} passage(s)"
    except engine.DocumentError as error:
        outcome = f"refused ({error.code})"
    return time.perf_counter() - start, outcome


def _word(shape: str, size: int) -> bytes:
    """``shape`` repeated to ``size`` bytes, without a space."""
    return (shape * (size // len(shape.encode()))).encode()


def _prose(size: int) -> bytes:
    words = [
        "the",
        "municipality",
        "supports",
        "newcomers",
        "in",
        "work",
        "housing",
        "language",
        "school",
        "and",
        "health",
    ]
    rng, out, length = random.Random(1), [], 0
    while length < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 25))).capitalize() + ".\n\n"
        out.append(sentence)
        length += len(sentence)
    return "".join(out).encode()


def main() -> None:
    from samskapa.analysis.engine.extract import Limits

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    size = parser.parse_args().megabytes * MB
    unlimited = Limits(max_bytes=size + 1, chars_per_page=10**9)
    print(f"{'shape':8} {'1 MB':>22} {f'{size // MB} MB':>26} {f'{size // MB} MB, no length limit':>34}")  # noqa: T201
    for shape in SHAPES:
        cells = []
        for data, limits in (
            (_word(shape, MB), Limits()),
            (_word(shape, size), Limits(max_bytes=size + 1)),
            (_word(shape, size), unlimited),
        ):
            seconds, outcome = _time(data, limits)
            cells.append(f"{seconds:5.2f} s {outcome}")
        print(f"{shape!r:8} " + " | ".join(cells))  # noqa: T201
    seconds, outcome = _time(_prose(MB), Limits())
    print(f"1 MB of prose for comparison: {seconds:.2f} s, {outcome}")  # noqa: T201


if __name__ == "__main__":
    main()
