"""A mixed load on loopback: signed-in staff, public readers and residents answering a survey at once.

    python bench/load_mixed.py [--duration 300] [--users 50] [--workers 2] [--database-url URL]

Loads the demo (three municipalities) into a throw-away database (SQLite, or the PostgreSQL
database named by --database-url, which is emptied first), serves it with gunicorn as in
production (DEBUG off) behind a pretend reverse proxy on loopback (SAMSKAPA_TRUSTED_PROXIES), and
drives locust headless for --duration seconds (five minutes by default) with three kinds of user:

- staff who sign in and go through their organisation's pages (strategy, actions, indicators,
  co-creation, documents);
- readers of the public pages and open data;
- residents, each from an own address, who open the survey and send an answer.

Prints requests, failures and latency per kind, then the answers stored against the answers
sent. 0 failures and every answer stored are expected. Prints figures; never fails a build.
Needs the bench extra (``pip install -e '.[bench]'``); skips with a message without locust.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _loopback import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "bench-only-password-1"  # noqa: S105 - a throw-away demo login on loopback
SLUG = "mark"

LOCUSTFILE = """
import itertools
import random

from locust import HttpUser, between, task

SLUG = {slug!r}
PASSWORD = {password!r}
SURVEY = {survey!r}
QUESTIONS = {questions!r}
STAFF_PAGES = ["/o/{slug}/", "/o/{slug}/strategy/", "/o/{slug}/actions/", "/o/{slug}/indicators/",
               "/o/{slug}/cocreation/", "/o/{slug}/documents/", "/o/{slug}/actors/"]
PUBLIC_PAGES = ["/p/{slug}/sv/", "/p/{slug}/sv/strategy/", "/p/{slug}/sv/actions/", "/p/{slug}/sv/indicators/",
                "/p/{slug}/sv/consultations/", "/p/{slug}/sv/you-said-we-did/", "/p/{slug}/fi/",
                "/p/{slug}/data/actions.csv", "/p/{slug}/data/consultations.json"]
ADDRESSES = itertools.count(1)


class Staff(HttpUser):
    weight = 2
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.get("/accounts/login/", name="staff: login page")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post("/accounts/login/", {{"username": "demo@samskapa.test", "password": PASSWORD,
                          "csrfmiddlewaretoken": token}}, name="staff: sign in")

    @task
    def page(self):
        with self.client.get(random.choice(STAFF_PAGES), name="staff: page", catch_response=True) as answer:
            if answer.status_code != 200 or "/accounts/login/" in answer.url:
                answer.failure(f"{{answer.status_code}} at {{answer.url}}")


class Reader(HttpUser):
    weight = 3
    wait_time = between(0.2, 1)

    @task
    def page(self):
        self.client.get(random.choice(PUBLIC_PAGES), name="public: page")


class Resident(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        # Each resident has an own address, as the reverse proxy in front would tell.
        n = next(ADDRESSES)
        self.client.headers["X-Forwarded-For"] = f"10.{{n // 65536 % 256}}.{{n // 256 % 256}}.{{n % 256}}"

    @task
    def answer(self):
        url = f"/s/{{SURVEY}}/sv/"
        self.client.get(url, name="survey: form")
        data = {{"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""), "group": "newcomers"}}
        for pk, kind, choices in QUESTIONS:
            if kind == "scale":
                data[f"q{{pk}}"] = str(random.randint(1, 5))
            elif kind == "single":
                data[f"q{{pk}}"] = str(random.choice(choices))
            elif kind == "multiple":
                data[f"q{{pk}}"] = [str(c) for c in random.sample(choices, 2)]
            else:
                data[f"q{{pk}}"] = "Fler mötesplatser på kvällen"
        with self.client.post(url, data, name="survey: answer", allow_redirects=False,
                              catch_response=True) as sent:
            if sent.status_code != 302:
                sent.failure(f"answer refused: {{sent.status_code}}")
"""


def _environment(tmp: str, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        SAMSKAPA_VAR_DIR=tmp,
        DJANGO_SETTINGS_MODULE="samskapa.settings",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="false",
        # Plain HTTP on loopback; in production TLS ends in the proxy in front of gunicorn.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SAMSKAPA_TRUSTED_PROXIES="127.0.0.1",
        SAMSKAPA_TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",  # not a line per sign-in from django-axes
    )
    return env


def _samskapa(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [str(BIN / "samskapa"), *args], env=env, cwd=env["SAMSKAPA_VAR_DIR"], capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"samskapa {args[0]} failed:\n{done.stderr[-2000:]}")
    return done.stdout


SURVEY_QUERY = """
import json
from samskapa.cocreation.models import Survey
survey = Survey.objects.filter(organisation__slug={slug!r}, status="open").order_by("pk").first()
questions = [(q.pk, q.kind, [c.pk for c in q.choices.all()]) for q in survey.questions.prefetch_related("choices")]
print(json.dumps([survey.key, questions]))
"""


def _build(env: dict[str, str]) -> tuple[str, list]:
    started = time.perf_counter()
    if env["DATABASE_URL"].startswith("postgres"):
        _samskapa(env, "flush", "--noinput")
    _samskapa(env, "migrate", "--noinput")
    _samskapa({**env, "DEBUG": "true"}, "demo", "--password", PASSWORD)
    _samskapa(env, "collectstatic", "--noinput")
    key, questions = json.loads(_samskapa(env, "shell", "--no-imports", "-c", SURVEY_QUERY.format(slug=SLUG)))
    print(f"loaded the demo in {time.perf_counter() - started:.0f} s")
    return key, questions


def _answers(env: dict[str, str], key: str) -> int:
    code = "from samskapa.cocreation.models import Response as R; print(R.objects.filter(survey__key=%r).count())"
    code %= key
    return int(_samskapa(env, "shell", "--no-imports", "-c", code).strip())


def _locust(tmp: str, port: int, args, key: str, questions: list) -> tuple[dict[str, dict], str]:
    locustfile = Path(tmp) / "locustfile.py"
    locustfile.write_text(LOCUSTFILE.format(slug=SLUG, password=PASSWORD, survey=key, questions=questions))
    prefix = Path(tmp) / "mixed"
    done = subprocess.run(  # noqa: S603 - our own locust, fixed arguments
        [
            str(BIN / "locust"),
            "-f",
            str(locustfile),
            "--headless",
            "-u",
            str(args.users),
            "-r",
            str(max(1, args.users // 10)),
            "-t",
            f"{args.duration}s",
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
        text=True,
        cwd=tmp,
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        stats = {row["Name"]: row for row in csv.DictReader(handle)}
    failures = Path(f"{prefix}_failures.csv").read_text() if Path(f"{prefix}_failures.csv").exists() else ""
    return stats, failures or done.stderr[-2000:]


def _report(stats: dict[str, dict]) -> None:
    print(f"\n  {'kind':<20} {'requests':>9} {'failures':>9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for name, row in stats.items():
        print(
            f"  {name:<20} {row['Request Count']:>9} {row['Failure Count']:>9} {float(row['Requests/s']):>7.1f} "
            f"{row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds of load (default 300)")
    parser.add_argument("--users", type=int, default=50, help="simultaneous users (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL database to empty and use")
    args = parser.parse_args()
    if not (BIN / "locust").exists() or not shutil.which(str(BIN / "gunicorn")):
        print("SKIP: locust or gunicorn is missing; pip install -e '.[bench]' (make bench does it)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = _environment(tmp, args.database_url or f"sqlite:///{tmp}/bench.sqlite3")
        key, questions = _build(env)
        before = _answers(env, key)
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
            [str(BIN / "gunicorn"), "samskapa.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers)]
            + ["--log-level", "warning", "--timeout", "60"],
            env=env,
            cwd=tmp,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
            database = "PostgreSQL" if args.database_url else "SQLite"
            print(
                f"locust: {args.users} users (staff 2 : readers 3 : residents 1) for {args.duration} s against "
                f"gunicorn with {args.workers} workers, {database}, {os.cpu_count()} cores shared with locust"
            )
            stats, failures = _locust(tmp, port, args, key, questions)
        finally:
            server.terminate()
            server.wait(timeout=30)
        _report(stats)
        sent = int(stats.get("survey: answer", {}).get("Request Count", 0))
        stored = _answers(env, key) - before
        # An answer still on its way when the clock stops is stored but not counted as sent.
        print(f"\n  survey answers sent {sent}, stored {stored} (expected: at least as many as sent)")
        total = stats.get("Aggregated", {})
        if int(total.get("Failure Count", 0) or 0):
            print(f"\n  failures:\n{failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
