"""Bulk import of indicator values: 300 KPIs x 290 municipalities x 12 years (about a million
observations) served in Kolada's v3 shape by a server on loopback, fetched and stored by the
real sync (client, paging, parsing, streamed bulk upserts). Prints observations per second
and peak memory, on SQLite and on PostgreSQL (PG_BENCH_URL, default the database samskapa_bench
on this machine; skipped with a message when it does not answer).

    .venv/bin/python bench/indicators_import.py [--kpis 300] [--only sqlite|postgresql]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
YEARS = list(range(2013, 2025))
PER_PAGE = 5000
PG_URL = os.environ.get("PG_BENCH_URL", "postgresql://postgres@127.0.0.1:5432/samskapa_bench")


def municipalities() -> list[str]:
    data = json.loads((ROOT / "src/samskapa/indicators/data/sweden.json").read_text("utf-8"))
    return sorted(data["municipalities"])


def kpi_ids(count: int) -> list[str]:
    return [f"B{n:05d}" for n in range(1, count + 1)]


# ---------------------------------------------------------------- the stand-in Kolada server


def serve(port_file: str, kpis: int) -> None:
    areas = municipalities()
    cache: dict[str, list[bytes]] = {}

    def pages_for(kpi: str, base: str) -> list[bytes]:
        if kpi not in cache:
            seed = int(kpi[1:])
            items = [
                {
                    "kpi": kpi,
                    "municipality": area,
                    "period": year,
                    "values": [
                        {
                            "gender": "T",
                            "count": 1,
                            "status": "",
                            "value": round(20 + (seed * 7 + i * 13 + year) % 600 / 10, 1),
                            "isdeleted": False,
                        }
                    ],
                }
                for i, area in enumerate(areas)
                for year in YEARS
            ]
            chunks = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]
            pages = []
            for number, chunk in enumerate(chunks, start=1):
                following = f"{base}/v3/data/kpi/{kpi}/year/all?page={number + 1}" if number < len(chunks) else None
                pages.append(json.dumps({"values": chunk, "count": len(chunk), "next_url": following}).encode())
            cache[kpi] = pages
        return cache[kpi]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urlsplit(self.path)
            parts = url.path.strip("/").split("/")
            if len(parts) < 6 or parts[:3] != ["v3", "data", "kpi"]:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            page = int(parse_qs(url.query).get("page", ["1"])[0])
            base = f"http://{self.headers['Host']}"
            pages = pages_for(parts[3], base)
            body = pages[page - 1] if page <= len(pages) else b'{"values": [], "next_url": null}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for kpi in kpi_ids(kpis):  # ready before the clock starts: we measure the import, not this server
        pages_for(kpi, base)
    Path(port_file).write_text(str(server.server_address[1]))
    server.serve_forever()


# ---------------------------------------------------------------- the import, in a child process


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def run_import(kpis: int, label: str) -> None:
    import django

    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskapa.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from samskapa.indicators.bulk import observations_forget
    from samskapa.indicators.models import Indicator, Observation, Source
    from samskapa.indicators.sync import organisation_sync
    from samskapa.orgs.models import Organisation

    def forget(slug: str) -> None:
        for indicator in Indicator.objects.filter(organisation__slug=slug):
            observations_forget(indicator=indicator)
        Organisation.objects.filter(slug=slug).delete()

    forget("bench-import")
    organisation = Organisation.objects.create(name="Benchmark", slug="bench-import", municipality_code="1463")
    Indicator.objects.bulk_create(
        [
            Indicator(
                organisation=organisation,
                title=f"Benchmark KPI {kpi}",
                direction="higher",
                source=Source.KOLADA,
                source_config={"kpi": kpi, "since": YEARS[0]},
                home_area="1463",
                national_area="0000",
                all_areas=True,
            )
            for kpi in kpi_ids(kpis)
        ]
    )
    samples: list[float] = []
    started, cpu = time.perf_counter(), time.process_time()

    def progress(done: int, total: int, message: str) -> None:
        if total and done % max(1, total // 10) == 0:
            samples.append(rss_mb())

    results = organisation_sync(organisation=organisation, progress=progress)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    stored = Observation.objects.filter(organisation=organisation).count()
    failed = [r for r in results if not r.ok]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label}: {stored:,} observations from {kpis} KPIs in {elapsed:.1f} s = {stored / elapsed:,.0f} per second")
    print(f"{label}: the importing process used {cpu:.1f} s of CPU, {stored / cpu:,.0f} observations per CPU second")
    flat = ", ".join(f"{m:.0f}" for m in samples)
    print(f"{label}: peak memory {peak:.0f} MB; resident memory as the import went on: {flat} MB")
    if failed:
        print(f"{label}: {len(failed)} KPIs failed, e.g. {failed[0].error}")
    forget(organisation.slug)


def postgres_answers() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_URL, connect_timeout=3).close()
    except Exception:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kpis", type=int, default=300)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.kpis)
        return 0
    if args.child:
        run_import(args.kpis, args.child)
        return 0
    areas = len(municipalities())
    expected = args.kpis * areas * len(YEARS)
    print(f"Importing {args.kpis} KPIs x {areas} municipalities x {len(YEARS)} years = {expected:,} values")
    with tempfile.TemporaryDirectory() as workdir:
        port_file = Path(workdir) / "port"
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port_file), "--kpis", str(args.kpis)])
        try:
            for _ in range(3000):
                if port_file.exists() and port_file.read_text():
                    break
                time.sleep(0.1)
            env = {
                **os.environ,
                "SAMSKAPA_KOLADA_URL": f"http://127.0.0.1:{port_file.read_text()}/v3",
                # Politeness pauses are for the real Kolada; this server is our own, on loopback.
                "SAMSKAPA_SOURCE_MIN_INTERVAL": "0",
                "SAMSKAPA_VAR_DIR": workdir,
                "LOG_LEVEL": "WARNING",
            }
            env.pop("DATABASE_URL", None)
            targets = [("sqlite", env)]
            if postgres_answers():
                targets.append(("postgresql", {**env, "DATABASE_URL": PG_URL}))
            else:
                print(f"SKIP postgresql: {PG_URL} does not answer")
            for label, child_env in targets:
                if args.only and args.only != label:
                    continue
                subprocess.run(
                    [sys.executable, __file__, "--child", label, "--kpis", str(args.kpis)], env=child_env, check=False
                )
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
