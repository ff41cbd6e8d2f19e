"""Load on the public pages of a large organisation, beside a trivial view. Prints figures; never fails.

    python bench/public_load.py [--users 20] [--seconds 20] [--workers 2]

Builds, in a throw-away SQLite database, an organisation with an adopted and published strategy,
1,000 actions (each with a progress update), 200 indicators with 20 years of values each, 500
findings traced to actions and 100 consultations held. Serves it with gunicorn on loopback and
drives locust headless against the public pages (home, strategy, action plan, indicators, one
indicator, consultations, "you said, we did", open data) and /healthz in the same run, so the
ratio of the two can be read. It runs twice: with the page cache as shipped, and with the cache
off (every request renders), which is what the first reader after a change gets.

Needs the bench extra (``pip install -e '.[bench]'``, ``make bench`` does it).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from decimal import Decimal
from pathlib import Path

from _loopback import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SLUG = "storstad"
ACTIONS, INDICATORS, YEARS, FINDINGS, CONSULTATIONS = 1000, 200, 20, 500, 100

LOCUSTFILE = """
import random
from locust import HttpUser, constant, task

PAGES = {pages!r}
INDICATOR_IDS = {indicator_ids!r}


class Reader(HttpUser):
    wait_time = constant(0)

    @task(len(PAGES) + 1)
    def public_page(self):
        name = random.choice([*PAGES, "indicator"])
        if name == "indicator":
            path = "/p/{slug}/sv/indicators/%d/" % random.choice(INDICATOR_IDS)
        else:
            path = PAGES[name] + ("?page=%d" % random.randint(1, 4) if name in {{"actions", "findings"}} else "")
        self.client.get(path, name="public")

    @task(len(PAGES) + 1)
    def trivial(self):
        self.client.get("/healthz", name="healthz")
"""


def _environment(tmp: str, cached: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
        SAMSKAPA_VAR_DIR=tmp,
        DJANGO_SETTINGS_MODULE="samskapa.settings",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback; in production TLS ends in front of gunicorn
        SAMSKAPA_PUBLIC_CACHE_SECONDS="3600" if cached else "0",
    )
    return env


def _build(tmp: str) -> list[int]:
    """The large organisation; returns the ids of its indicators."""
    os.environ.update(_environment(tmp, cached=True))
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as a production set-up does
    from django.utils import timezone

    from samskapa.actions.models import Action, ActionPlan, ProgressUpdate
    from samskapa.actors.models import Actor
    from samskapa.cocreation.models import Consultation, Finding, FindingDecision, Participation
    from samskapa.indicators.models import Indicator, Observation
    from samskapa.orgs.models import Organisation
    from samskapa.publicsite.models import PublicSite
    from samskapa.publicsite.services import public_content_changed
    from samskapa.strategy.models import FocusArea, Goal, Strategy, StrategyVersion
    from samskapa.strategy.selectors import strategy_get_full
    from samskapa.strategy.versions import snapshot

    started, now = time.perf_counter(), timezone.now()
    org = Organisation.objects.create(
        name="Storstads kommun", slug=SLUG, default_language="sv", languages=["fi", "en", "ar"]
    )
    strategy = Strategy.objects.create(
        organisation=org, title="Integrationsstrategi", vision="Alla hör hemma här.", status="adopted"
    )
    areas = [
        FocusArea.objects.create(organisation=org, strategy=strategy, order=n, title=f"Fokusområde {n}")
        for n in range(1, 9)
    ]
    for area in areas:
        Goal.objects.create(organisation=org, focus_area=area, order=1, text=f"Mål för {area.title}")
    StrategyVersion.objects.create(
        organisation=org,
        strategy=strategy,
        number=1,
        snapshot=snapshot(strategy_get_full(organisation=org, strategy_id=strategy.pk)),
        adopted_by="Kommunfullmäktige",
        adopted_on=date(2026, 6, 1),
    )
    Strategy.objects.filter(pk=strategy.pk).update(is_published=True)
    lead = Actor.objects.create(organisation=org, name="Arbetsmarknadsenheten", kind="department")
    plan = ActionPlan.objects.create(
        organisation=org,
        strategy=strategy,
        title="Handlingsplan",
        period_start=date(2025, 1, 1),
        period_end=date(2028, 12, 31),
    )
    rng = random.Random(7)  # noqa: S311 - made-up benchmark data
    actions = Action.objects.bulk_create(
        Action(
            organisation=org,
            plan=plan,
            number=n,
            title=f"Åtgärd {n}: språkcafé och praktik",
            description="Träffar varje vecka och praktikplatser i kommunens verksamheter. " * 2,
            focus_area=areas[n % len(areas)],
            lead=lead,
            status=rng.choice(["planned", "ongoing", "done"]),
            percent_complete=rng.randint(0, 100),
            is_published=True,
        )
        for n in range(1, ACTIONS + 1)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            organisation=org,
            action=action,
            date=date(2026, 9, 1),
            text="Det går enligt plan.",
            status=action.status,
            percent_complete=action.percent_complete,
            is_published=True,
        )
        for action in actions
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            organisation=org,
            title=f"Indikator {n}",
            unit="%",
            direction="higher",
            home_area="9999",
            baseline_year=2006,
            baseline_value=Decimal(40),
            target_year=2030,
            target_value=Decimal(70),
            is_published=True,
        )
        for n in range(1, INDICATORS + 1)
    )
    Observation.objects.bulk_create(
        Observation(
            organisation=org,
            indicator=indicator,
            area_code="9999",
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            value=Decimal(40 + (year - 2006) + rng.random()),
            source="manual",
            fetched_at=now,
        )
        for indicator in indicators
        for year in range(2006, 2006 + YEARS)
    )
    findings = Finding.objects.bulk_create(
        Finding(
            organisation=org,
            statement=f"Fler mötesplatser behövs ({n})",
            outcome="Vi öppnade språkcaféer.",
            is_published=True,
        )
        for n in range(FINDINGS)
    )
    FindingDecision.objects.bulk_create(
        FindingDecision(organisation=org, finding=finding, action=actions[n % ACTIONS])
        for n, finding in enumerate(findings)
    )
    consultations = Consultation.objects.bulk_create(
        Consultation(
            organisation=org,
            title=f"Samråd {n}",
            kind="focus_group",
            status="held",
            held_on=date(2025, 3, 1 + n % 28),
            is_published=True,
        )
        for n in range(CONSULTATIONS)
    )
    Participation.objects.bulk_create(
        Participation(organisation=org, consultation=c, group=g, count=rng.randint(3, 40))
        for c in consultations
        for g in ("newcomers", "women", "children")
    )
    PublicSite.objects.create(organisation=org, is_public=True, contact_email="integration@storstad.test")
    public_content_changed(org.pk)
    print(
        f"built the organisation in {time.perf_counter() - started:.1f} s: {ACTIONS} actions, {INDICATORS} "
        f"indicators x {YEARS} years, {FINDINGS} findings, {CONSULTATIONS} consultations"
    )
    return [i.pk for i in indicators]


def _run(tmp: str, indicator_ids: list[int], args, cached: bool) -> dict[str, dict]:
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(BIN / "gunicorn"),
            "samskapa.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=_environment(tmp, cached),
        cwd=tmp,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        pages = {
            name: f"/p/{SLUG}/sv/{path}"
            for name, path in {
                "home": "",
                "strategy": "strategy/",
                "actions": "actions/",
                "indicators": "indicators/",
                "consultations": "consultations/",
                "findings": "you-said-we-did/",
                "data": "data/",
            }.items()
        }
        for path in pages.values():  # every page answers before the clock starts
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()  # noqa: S310
        locustfile = Path(tmp) / "locustfile.py"
        locustfile.write_text(LOCUSTFILE.format(pages=pages, indicator_ids=indicator_ids, slug=SLUG))
        prefix = Path(tmp) / ("cached" if cached else "uncached")
        subprocess.run(  # noqa: S603 - our own locust, fixed arguments
            [
                str(BIN / "locust"),
                "-f",
                str(locustfile),
                "--headless",
                "-u",
                str(args.users),
                "-r",
                str(args.users),
                "-t",
                f"{args.seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "ERROR",
            ],
            check=False,
            capture_output=True,
            cwd=tmp,
        )
        with open(f"{prefix}_stats.csv", newline="") as handle:
            return {row["Name"]: row for row in csv.DictReader(handle)}
    finally:
        server.terminate()
        server.wait(timeout=20)


def _report(label: str, stats: dict[str, dict]) -> None:
    print(f"\n{label}")
    print(f"  {'view':<10} {'requests':>9} {'failures':>9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for name in ("public", "healthz"):
        row = stats.get(name)
        if row is None:
            print(f"  {name}: no requests")
            continue
        print(
            f"  {name:<10} {row['Request Count']:>9} {row['Failure Count']:>9} {float(row['Requests/s']):>8.1f} "
            f"{row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )
    if "public" in stats and "healthz" in stats:
        ratio = float(stats["public"]["50%"]) / max(float(stats["healthz"]["50%"]), 1.0)
        print(f"  public p50 / healthz p50 = {ratio:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not (BIN / "locust").exists() or not shutil.which(str(BIN / "gunicorn")):
        print("SKIP: locust or gunicorn is missing; pip install -e '.[bench]'")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        indicator_ids = _build(tmp)
        print(
            f"locust: {args.users} users without pauses for {args.seconds} s, gunicorn with {args.workers} "
            f"workers, SQLite, one machine ({os.cpu_count()} cores shared with locust)"
        )
        _report("page cache on (as shipped)", _run(tmp, indicator_ids, args, cached=True))
        _report("page cache off (every request renders)", _run(tmp, indicator_ids, args, cached=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
