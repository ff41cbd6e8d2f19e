"""The key pages of a large organisation under load, on PostgreSQL with gunicorn as in production.

    python bench/scale.py [--database-url URL] [--scale 1|10] [--seconds 10] [--connections 4]
                          [--workers 2] [--only NAME,NAME] [--rebuild]

Builds the large organisation when it is not there yet (bench/large_org.py: 1,000 actions, and a
plan with 10,000 at --scale 10, 1,000 actors, 50,000 inputs, 200 indicators x 20 years, a survey
with 10,000 answers, 200 documents), serves it with gunicorn (--workers, DEBUG off) on loopback,
signs in as the demo coordinator and drives each key page with wrk (or, without wrk, with Python
threads) for --seconds. Prints per page: status, size, requests per second, p50 and p95 in ms; then
the ratios issue 15 asks for, from the same run:

- the action plan with 10,000 actions against 1,000, one request each (target: within 1.5x the cost);
- a trivial page signed in against the same page anonymous (target: within 1.25x);
- public pages against a trivial anonymous view (/healthz; target: at least 0.5x the throughput);
- a public page cold, just after a change (target: p95 < 100 ms).

A page that takes more than --slow seconds for one request is timed with a few requests one
after another instead of under load (marked "seq"). The database is DATABASE_URL or
--database-url; by default a database samskapa_bench on the local PostgreSQL, created when
missing. Skips with a message when PostgreSQL does not answer. Prints figures; never fails a build.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from _loopback import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/samskapa_bench"
PASSWORD = "bench-only-password-1"  # noqa: S105 - the throw-away demo login on loopback
EMAIL = "demo@samskapa.test"
SLUG = "mark"

# wrk prints what we need in one line: requests, errors, p50 and p95 (microseconds).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.0f %.0f %.0f\\n", summary.requests, errors, summary.duration,
    latency:percentile(50), latency:percentile(95)))
end
"""


def _environment(var_dir: str, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        SAMSKAPA_VAR_DIR=var_dir,
        DJANGO_SETTINGS_MODULE="samskapa.settings",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback; in production TLS ends in front of gunicorn
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SAMSKAPA_TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
    )
    return env


def _postgres_answers(url: str) -> str | None:
    """None when the database is usable (created if missing), else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(server, connect_timeout=3, autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
                print(f"created the database {name}")
    except Exception as error:  # noqa: BLE001 - any reason is a reason to skip
        return str(error).strip().splitlines()[0]
    return None


IDS_QUERY = """
import json
from django.db.models import Count
from samskapa.actions.models import ActionPlan
from samskapa.cocreation.models import Survey
plans = list(ActionPlan.objects.filter(organisation__slug={slug!r}).annotate(n=Count("actions")).order_by("n")
             .values_list("pk", "n"))
survey = Survey.objects.filter(organisation__slug={slug!r}).annotate(n=Count("responses")).order_by("-n").first()
print(json.dumps({{"plans": plans, "survey": survey.pk, "responses": survey.n}}))
"""


def _python(env: dict[str, str], code: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return done.stdout


def _sign_in(base: str) -> str:
    """The Cookie header of a signed-in session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/accounts/login/", timeout=30).read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    form = urllib.parse.urlencode({"username": EMAIL, "password": PASSWORD, "csrfmiddlewaretoken": token}).encode()
    opener.open(urllib.request.Request(f"{base}/accounts/login/", data=form), timeout=30).read()
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise RuntimeError("could not sign in as the demo coordinator")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _get(url: str, cookie: str | None) -> tuple[int, int, float]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as answer:  # noqa: S310 - our loopback server
            body = answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return status, len(body), time.perf_counter() - started


def _wrk(url: str, cookie: str | None, seconds: int, connections: int, script: str) -> dict:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "120s", "-s", script]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run(command + [url], capture_output=True, text=True, check=False)  # noqa: S603
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+)", done.stdout)
    if not match:
        return {"error": (done.stderr or done.stdout)[-300:]}
    requests, errors, duration, p50, p95 = (int(x) for x in match.groups())
    return {"rps": requests / (duration / 1e6), "p50": p50 / 1000, "p95": p95 / 1000, "errors": errors}


def _threads(url: str, cookie: str | None, seconds: int, connections: int) -> dict:
    """Without wrk: as many threads as connections, each requesting again as soon as answered."""
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds

    def worker() -> None:
        while time.monotonic() < stop:
            status, _size, took = _get(url, cookie)
            latencies.append(took)
            errors[0] += status != 200

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    return _summary(latencies, elapsed, errors[0])


def _summary(latencies: list[float], elapsed: float, errors: int) -> dict:
    ordered = sorted(latencies)
    if not ordered:
        return {"error": "no answer"}
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "rps": len(ordered) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p95": p95 * 1000,
        "errors": errors,
    }


def _measure(base: str, page: dict, args, script: str) -> dict:
    url = base + page["path"]
    status, size, took = _get(url, page["cookie"])  # also warms the worker's caches
    result = {"status": status, "size": size, "first": took * 1000}
    if status != 200:
        return result | {"error": f"HTTP {status}"}
    if page.get("cold"):
        samples = []
        for _ in range(args.cold_samples):
            page["cold"]()
            samples.append(_get(url, page["cookie"])[2])
        return result | _summary(samples, sum(samples), 0) | {"how": "cold"}
    if took > args.slow:
        samples = [took] + [_get(url, page["cookie"])[2] for _ in range(2 if took < 20 else 0)]
        figures = _summary(samples, sum(samples), 0)
        figures["rps"] = args.workers / statistics.median(samples)  # one request per worker at a time
        return result | figures | {"how": "seq"}
    if shutil.which("wrk") and not args.threads:
        figures = _wrk(url, page["cookie"], args.seconds, args.connections, script) | {"how": "wrk"}
        # wrk stops with requests still queued in the workers: let them finish before the next page.
        time.sleep(min(60.0, args.connections / args.workers * figures.get("p95", 0) / 1000))
        return result | figures
    return result | _threads(url, page["cookie"], args.seconds, args.connections) | {"how": "threads"}


def pages(ids: dict, signed_in: str, bump) -> list[dict]:
    org, plans = f"/o/{SLUG}", ids["plans"]
    small_plan, big_plan = plans[-2] if len(plans) > 1 else plans[-1], plans[-1]
    if big_plan[1] < 5000:  # built at --scale 1: no plan with 10,000 actions
        small_plan, big_plan = big_plan, None
    pages = [
        ("plan 1000", f"{org}/actions/plans/{small_plan[0]}/", signed_in),
        ("plan 10000", f"{org}/actions/plans/{big_plan[0]}/" if big_plan else None, signed_in),
        ("all actions", f"{org}/actions/list/", signed_in),
        ("actors", f"{org}/actors/", signed_in),
        ("inputs", f"{org}/cocreation/inputs/", signed_in),
        ("findings", f"{org}/cocreation/findings/", signed_in),
        ("indicators", f"{org}/indicators/", signed_in),
        ("documents", f"{org}/documents/", signed_in),
        ("comparison", f"{org}/documents/compare/", signed_in),
        ("survey results", f"{org}/cocreation/surveys/{ids['survey']}/results/", signed_in),
        ("API inputs", f"/api/v1/orgs/{SLUG}/inputs", signed_in),
        ("API actions 1000", f"/api/v1/orgs/{SLUG}/action-plans/{small_plan[0]}/actions", signed_in),
        ("home signed in", "/", signed_in),
        ("home anonymous", "/", None),
        ("login signed in", "/accounts/login/", signed_in),
        ("login anonymous", "/accounts/login/", None),
        ("healthz", "/healthz", None),
        ("public home", f"/p/{SLUG}/sv/", None),
        ("public actions", f"/p/{SLUG}/sv/actions/", None),
        ("public indicators", f"/p/{SLUG}/sv/indicators/", None),
        ("public cold", f"/p/{SLUG}/sv/actions/", None),
    ]
    made = [{"name": name, "path": path, "cookie": cookie} for name, path, cookie in pages if path]
    made[-1]["cold"] = bump
    return made


@contextlib.contextmanager
def serve(database_url: str, scale: int, workers: int, rebuild: bool = False, keep_static: bool = False):
    """The large organisation served by gunicorn on loopback: (base URL, ids, signed-in Cookie, bump).

    The server's errors go to gunicorn.log in the var folder (SAMSKAPA_VAR_DIR).
    """
    var_dir = os.environ.get("SAMSKAPA_VAR_DIR") or str(Path(tempfile.gettempdir()) / "samskapa-bench-var")
    Path(var_dir).mkdir(parents=True, exist_ok=True)
    env = _environment(var_dir, database_url)
    build = [sys.executable, str(ROOT / "bench/large_org.py"), "--scale", str(scale), "--password", PASSWORD]
    subprocess.run(build + (["--fresh"] if rebuild else []), env=env, check=True)  # noqa: S603
    if not (keep_static and list(Path(var_dir).glob("static*/staticfiles.json"))):
        subprocess.run(  # noqa: S603 - as a production set-up does: static files from the manifest
            [str(BIN / "samskapa"), "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=var_dir
        )
    ids = json.loads(_python(env, IDS_QUERY.format(slug=SLUG)).strip().splitlines()[-1])

    import psycopg

    database = psycopg.connect(database_url, autocommit=True)

    def bump() -> None:
        """What saving public content does: the site's content version moves, caches are renewed."""
        database.execute(
            "UPDATE publicsite_publicsite SET content_version = content_version + 1, content_changed_at = now() "
            "WHERE organisation_id = (SELECT id FROM orgs_organisation WHERE slug = %s)",
            [SLUG],
        )

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [str(BIN / "gunicorn"), "samskapa.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers)]
        + ["--log-level", "warning", "--timeout", "300"],
        env=env,
        cwd=var_dir,
        stderr=open(Path(var_dir) / "gunicorn.log", "a"),  # noqa: SIM115 - closed with the server
    )
    try:
        wait_for(f"{base}/healthz")
        yield base, ids, _sign_in(base), bump
    finally:
        server.terminate()
        server.wait(timeout=60)
        database.close()


def usable_database(database_url: str) -> str | None:
    """None when the bench can run on this database, else the reason to skip."""
    if not database_url.startswith("postgres"):
        return "the benches measure on PostgreSQL; give --database-url postgresql://..."
    why = _postgres_answers(database_url)
    if why:
        return f"PostgreSQL at {database_url.split('@')[-1]} is not usable: {why}"
    if not shutil.which(str(BIN / "gunicorn")):
        return "gunicorn is missing; pip install -e . (make install)"
    return None


def _ratio(results: dict, name: str, over: str, key: str) -> float | None:
    a, b = results.get(name, {}), results.get(over, {})
    if key not in a or key not in b or not b[key]:
        return None
    return a[key] / b[key]


def _report(results: dict) -> None:
    print(f"\n  {'page':<20} {'status':>6} {'KiB':>8} {'first ms':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}  how")
    for name, r in results.items():
        if "rps" not in r:
            print(f"  {name:<20} {r.get('status', ''):>6} {r.get('size', 0) / 1024:>8.0f}  {r.get('error', '')}")
            continue
        print(
            f"  {name:<20} {r['status']:>6} {r['size'] / 1024:>8.0f} {r['first']:>9.0f} {r['rps']:>8.1f} "
            f"{r['p50']:>8.1f} {r['p95']:>8.1f}  {r['how']}{' errors ' + str(r['errors']) if r.get('errors') else ''}"
        )
    print("\n  ratios (same run)")
    lines = [
        # One request each on an idle server: a slow page is timed one by one, a fast one under wrk.
        ("plan 10,000 / plan 1,000, one request", _ratio(results, "plan 10000", "plan 1000", "first"), "<= 1.5"),
        (
            "home signed in / anonymous, cost (1/req/s)",
            _ratio(results, "home anonymous", "home signed in", "rps"),
            "<= 1.25",
        ),
        (
            "login signed in / anonymous, cost (1/req/s)",
            _ratio(results, "login anonymous", "login signed in", "rps"),
            "<= 1.25",
        ),
        ("public home / healthz, throughput", _ratio(results, "public home", "healthz", "rps"), ">= 0.5"),
        ("public actions / healthz, throughput", _ratio(results, "public actions", "healthz", "rps"), ">= 0.5"),
        ("public indicators / healthz, throughput", _ratio(results, "public indicators", "healthz", "rps"), ">= 0.5"),
    ]
    for label, value, target in lines:
        print(f"  {label:<46} {'n/a' if value is None else f'{value:.2f}':>6}   (target {target})")
    cold = results.get("public cold", {})
    if "p95" in cold:
        print(f"  {'public page cold after a change, p95 ms':<46} {cold['p95']:>6.0f}   (target < 100)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SAMSKAPA_BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_URL,
    )
    parser.add_argument("--scale", type=int, choices=[1, 10], default=10, help="10: also a plan of 10,000 actions")
    parser.add_argument("--seconds", type=int, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--connections", type=int, default=4, help="simultaneous connections (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--slow", type=float, default=2.0, help="time pages slower than this one by one")
    parser.add_argument("--cold-samples", type=int, default=20, help="cold requests to the public page")
    parser.add_argument("--only", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--rebuild", action="store_true", help="empty the database and build again")
    parser.add_argument("--threads", action="store_true", help="drive the load with Python threads, not wrk")
    parser.add_argument("--keep-static", action="store_true", help="skip collectstatic when done before")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    args = parser.parse_args()
    why = usable_database(args.database_url)
    if why:
        print(f"SKIP: {why}")
        return 0
    with serve(args.database_url, args.scale, args.workers, args.rebuild, args.keep_static) as served:
        base, ids, signed_in, bump = served
        tool = "wrk" if shutil.which("wrk") and not args.threads else "Python threads (wrk gives steadier figures)"
        print(
            f"\n{tool}: {args.connections} connections for {args.seconds} s a page against gunicorn with "
            f"{args.workers} workers, PostgreSQL, {os.cpu_count()} cores shared (load {os.getloadavg()[0]:.1f}); "
            f"plans (id, actions) {ids['plans']}, "
            f"survey responses {ids['responses']}"
        )
        results: dict[str, dict] = {}
        only = {n.strip() for n in args.only.split(",") if n.strip()}
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(WRK_SCRIPT)
            script.flush()
            for page in pages(ids, signed_in, bump):
                if only and page["name"] not in only:
                    continue
                results[page["name"]] = r = _measure(base, page, args, script.name)
                print(
                    f"  measured {page['name']}: {r.get('rps', 0):.1f} req/s, p50 {r.get('p50', 0):.0f} ms", flush=True
                )
    _report(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
