"""Speed of the strategy documents (PDF and DOCX) at demo scale and with a large action plan.
Prints figures; never fails.

    python bench/strategy_export.py [--actions 500]

Builds the demo in a throw-away SQLite database, times the demo's action plans, then exports
Mölndal's strategy as PDF and DOCX, first as the demo has it, then with ``--actions`` more actions
in its plan (queries counted, so a growing plan shows it costs time, not queries).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _setup(tmp: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["SAMSKAPA_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskapa.test_settings")
    import django

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # its page-by-page progress is not a figure
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _export(label: str, organisation, strategy) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samskapa.reports.strategy import strategy_document, strategy_docx, strategy_pdf

    for kind, render in (("PDF", strategy_pdf), ("DOCX", strategy_docx)):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            content = render(strategy_document(organisation=organisation, strategy=strategy))
        seconds = time.perf_counter() - start
        print(f"{label}, {kind}: {seconds * 1000:.0f} ms, {len(queries)} queries, {len(content) / 1024:.0f} KiB")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup(tmp)
        from samskapa.actions.models import Action
        from samskapa.core.demo import demo_load
        from samskapa.orgs.models import Organisation
        from samskapa.strategy.models import Strategy

        start = time.perf_counter()
        demo_load(password="bench-password-1")
        print(f"whole demo (three municipalities, all apps): {time.perf_counter() - start:.1f} s")
        print(f"demo actions: {Action.objects.count()}")
        organisation = Organisation.objects.get(slug="molndal")
        strategy = Strategy.objects.get(organisation=organisation)
        _export(
            f"Mölndal as in the demo ({strategy.action_plans.get().actions.count()} actions)", organisation, strategy
        )
        plan = strategy.action_plans.get()
        template = plan.actions.order_by("number").first()
        Action.objects.bulk_create(
            Action(
                organisation=organisation,
                plan=plan,
                number=100 + n,
                title=f"{template.title} ({n + 1})",
                description=template.description,
                focus_area_id=template.focus_area_id,
                lead_id=template.lead_id,
                start=template.start,
                end=template.end,
                budget=template.budget,
                funding=template.funding,
            )
            for n in range(args.actions)
        )
        _export(f"Mölndal with {args.actions} more actions", organisation, strategy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
