"""Speed of co-creation at demo scale. Prints figures; never fails.

    python bench/cocreation_speed.py [--answers 200]

Builds the demo in a throw-away SQLite database, then measures: the demo's co-creation part,
the pages a coordinator opens most (time and queries), public survey answers per second
through the whole stack (form, rate limit, classifier suggestions), and erasing one person.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _setup(tmp: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["SAMSKAPA_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskapa.test_settings")
    os.environ["SAMSKAPA_SURVEY_ANSWERS_PER_HOUR"] = "1000000"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _timed(label: str, function, repeat: int = 1):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    print(f"{label}: {statistics.median(times) * 1000:.0f} ms" + (f" (median of {repeat})" if repeat > 1 else ""))
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup(tmp)
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from samskapa.accounts.models import User
        from samskapa.cocreation import gdpr
        from samskapa.cocreation.models import Consultation, Input, Person, Survey
        from samskapa.cocreation.services.people import person_create
        from samskapa.core.demo import demo_load

        _timed("demo, three municipalities (strategy, actors, co-creation)", lambda: demo_load(password="bench"))
        mark_inputs = Input.objects.filter(organisation__slug="mark").count()
        print(
            f"demo size for Mark: {Consultation.objects.filter(organisation__slug='mark').count()} consultations, "
            f"{mark_inputs} inputs"
        )
        client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
        user = User.objects.get(email="demo@samskapa.test")
        client.force_login(user)
        for path in [
            "actors/",
            "actors/map/",
            "cocreation/",
            "cocreation/consultations/",
            "cocreation/inputs/",
            "cocreation/findings/",
            "cocreation/you-said-we-did/",
        ]:
            url = f"/o/mark/{path}"
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            _timed(f"GET {url} ({len(queries.captured_queries)} queries)", lambda u=url: client.get(u), repeat=5)
        survey = Survey.objects.get(organisation__slug="mark")
        page = f"/s/{survey.key}/ar/"
        questions = list(survey.questions.prefetch_related("choices"))
        form = {}
        for q in questions:
            choices = [str(c.pk) for c in q.choices.all()]
            form[f"q{q.pk}"] = {
                "text": "نحتاج إلى أماكن للقاء",
                "scale": "4",
                "single": choices[:1],
                "multiple": choices[:2],
            }[q.kind]
        public = Client(HTTP_HOST="localhost", REMOTE_ADDR="192.0.2.10")
        public.get(page)
        start = time.perf_counter()
        for _ in range(args.answers):
            assert public.post(page, form).status_code == 302
        elapsed = time.perf_counter() - start
        print(
            f"public survey: {args.answers} answers in {elapsed:.1f} s = {args.answers / elapsed:.0f} answers/s "
            f"({1000 * elapsed / args.answers:.0f} ms each, one process)"
        )
        mark = survey.organisation
        person = person_create(
            actor=user,
            organisation=mark,
            full_name="Bench Person",
            email="bench@example.test",
            consent={"purpose": "contact", "given_on": date(2025, 1, 1)},
        )
        _timed(
            "erase one person (scrub and search of every table)",
            lambda: gdpr.person_erase(actor=user, organisation=mark, person=person),
        )
        print(f"people left: {Person.objects.filter(organisation=mark).count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
