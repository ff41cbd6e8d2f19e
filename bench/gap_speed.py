"""Speed and memory of the gap-analysis engine on one core. Prints figures; never fails.

    python bench/gap_speed.py [--passages N] [--pages 50]

Targets (issue 4): load < 2 s, >= 200 passages/s after loading on 2 cores, a 50-page text
PDF analysed end to end in < 5 s, peak memory < 1 GiB.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import sys
import time
from pathlib import Path

# One core: the numerical libraries must not spread the work over threads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SENTENCES = [
    "Kommunen erbjuder svenska för invandrare och vuxenutbildning till alla nyanlända",
    "Fler utrikes födda kvinnor ska komma i arbete genom praktik hos lokala arbetsgivare",
    "Bostadsbristen gör det svårt att ordna hyresrätter för familjer som anvisas kommunen",
    "Maahanmuuttajien työllisyyttä edistetään yhteistyössä yritysten ja järjestöjen kanssa",
    "Lasten ja nuorten harrastamista tuetaan ja kirjastot tarjoavat kohtaamispaikkoja",
    "Ohjelman toteutumista seurataan vuosittain mittareilla ja se päivitetään 2027",
    "The council works with voluntary organisations to offer advice and interpreters",
    "Progress on each action is monitored and reported to the committee once a year",
    "Racism and discrimination are challenged and staff are trained on equality",
    "Mental health services and trauma support are offered to refugees and their children",
]


def make_passages(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [". ".join(rng.sample(SENTENCES, rng.randint(1, 4))) + "." for _ in range(n)]


def make_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(11)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in range(pages):
        y = 800
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, y, f"{page + 1}. Insatsområde {page + 1}")
        y -= 28
        c.setFont("Helvetica", 10)
        while y > 80:
            for _ in range(rng.randint(2, 5)):
                c.drawString(60, y, rng.choice(SENTENCES) + ("." if rng.random() < 0.3 else ""))
                y -= 14
            y -= 12
        c.showPage()
    c.save()
    return buf.getvalue()


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args(argv)
    n_passages = args.passages

    t0 = time.perf_counter()
    from samskapa.analysis.engine import analyse_bytes, classify_texts, load_classifier

    load_classifier()
    load_s = time.perf_counter() - t0
    print(f"load (import + term lists + model): {load_s:.2f} s   (target < 2 s)")

    texts = make_passages(n_passages)
    classify_texts(texts[:50])  # warm-up
    t0 = time.perf_counter()
    classify_texts(texts)
    rate = len(texts) / (time.perf_counter() - t0)
    print(f"classification: {rate:,.0f} passages/s on {len(texts)} passages   (target >= 200)")

    pdf = make_pdf(args.pages)
    t0 = time.perf_counter()
    report = analyse_bytes(pdf, "bench.pdf", ocr=False)
    e2e = time.perf_counter() - t0
    print(
        f"{args.pages}-page text PDF end to end: {e2e:.2f} s ({len(report.passages)} passages, "
        f"{report.n_pages} pages)   (target < 5 s)"
    )
    print(f"peak memory (max RSS): {peak_rss_mib():.0f} MiB   (target < 1024 MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
