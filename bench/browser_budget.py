"""What a phone gets from the key pages of the large organisation: bytes, blocking scripts, LCP.

    python bench/browser_budget.py [--database-url URL] [--scale 1|10] [--only NAME,NAME] [--keep-static]

Serves the large organisation as bench/scale.py does (PostgreSQL, gunicorn, built by
bench/large_org.py when missing) and opens each key page in Debian's Chromium through Playwright
as a phone would: a 390 px wide viewport, a slow 4G network (150 ms round trip, 1.6 Mbit/s down,
750 kbit/s up, with Network.emulateNetworkConditions) and a CPU four times slower
(Emulation.setCPUThrottlingRate), cache off. Prints per page: bytes transferred (compressed, all
requests), requests, render-blocking scripts and style sheets (the browser's own
renderBlockingStatus), DOM elements and the Largest Contentful Paint in ms.

Budget (issue 15): no blocking script; LCP under 2.5 s on this profile. Skips with a message
without Chromium or Playwright, or without PostgreSQL. Prints figures; never fails a build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from scale import DEFAULT_URL, SLUG, pages, serve, usable_database

PHONE = {"width": 390, "height": 844}
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
HTML_PAGES = [
    "plan 1000",
    "plan 10000",
    "all actions",
    "actors",
    "inputs",
    "findings",
    "indicators",
    "documents",
    "comparison",
    "survey results",
    "home signed in",
    "public home",
    "public actions",
    "public indicators",
]

# Recorded from the first paint on: the last LCP candidate is the page's LCP.
LCP_OBSERVER = """
window.__lcp = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { window.__lcp = entry.renderTime || entry.loadTime || entry.startTime; }
}).observe({type: "largest-contentful-paint", buffered: true});
"""
FIGURES = """() => {
  const blocking = performance.getEntriesByType("resource").filter((e) => e.renderBlockingStatus === "blocking");
  return {
    lcp: window.__lcp,
    blockingScripts: Math.max(blocking.filter((e) => e.initiatorType === "script").length,
      document.querySelectorAll("head script[src]:not([defer]):not([async]):not([type=module])").length),
    blockingStyles: blocking.filter((e) => e.initiatorType === "link" || e.initiatorType === "css").length,
    elements: document.getElementsByTagName("*").length,
  };
}"""


def _chromium() -> str | None:
    return os.environ.get("SAMSKAPA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _visit(browser, base: str, page: dict) -> dict:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=3)
    if page["cookie"]:
        cookies = dict(part.split("=", 1) for part in page["cookie"].split("; "))
        context.add_cookies([{"name": k, "value": v, "url": base} for k, v in cookies.items()])
    tab = context.new_page()
    tab.set_default_timeout(300_000)
    tab.add_init_script(LCP_OBSERVER)
    cdp = context.new_cdp_session(tab)
    transferred = {"bytes": 0, "requests": 0}

    def finished(event: dict) -> None:
        transferred["bytes"] += event.get("encodedDataLength", 0)
        transferred["requests"] += 1

    cdp.on("Network.loadingFinished", finished)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    try:
        answer = tab.goto(base + page["path"], wait_until="load")
        tab.wait_for_timeout(500)  # a late LCP candidate (a web font, an image) is still counted
        figures = tab.evaluate(FIGURES)
        return {"status": answer.status if answer else 0, **transferred, **figures}
    finally:
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SAMSKAPA_BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_URL,
    )
    parser.add_argument("--scale", type=int, choices=[1, 10], default=10)
    parser.add_argument("--keep-static", action="store_true", help="skip collectstatic when done before")
    parser.add_argument("--only", default="", help="comma-separated page names (default: the key HTML pages)")
    args = parser.parse_args()
    chromium = _chromium()
    if not chromium:
        print("SKIP: Chromium is not installed (make install-test installs Debian's chromium)")
        return 0
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("SKIP: Playwright is not installed (pip install -e '.[test]')")
        return 0
    why = usable_database(args.database_url)
    if why:
        print(f"SKIP: {why}")
        return 0
    wanted = [n.strip() for n in args.only.split(",") if n.strip()] or HTML_PAGES
    served = serve(args.database_url, args.scale, workers=2, keep_static=args.keep_static)
    with served as (base, ids, signed_in, bump), sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync"]
            + ["--disable-background-networking", "--disable-component-update"],
        )
        print(
            f"\nChromium, {PHONE['width']} px phone, slow 4G (150 ms, 1.6 Mbit/s), CPU {CPU_SLOWDOWN}x slower, "
            f"cache off; organisation /o/{SLUG}/, plans {ids['plans']}"
        )
        print(
            f"\n  {'page':<20} {'status':>6} {'KiB sent':>9} {'requests':>9} {'block js':>9} {'block css':>9} "
            f"{'elements':>9} {'LCP ms':>8}"
        )
        for page in pages(ids, signed_in, bump):
            if page["name"] not in wanted or page.get("cold"):
                continue
            try:
                r = _visit(browser, base, page)
            except Exception as error:  # noqa: BLE001 - a page that does not load is a figure too
                print(f"  {page['name']:<20} failed: {str(error).splitlines()[0][:90]}")
                continue
            print(
                f"  {page['name']:<20} {r['status']:>6} {r['bytes'] / 1024:>9.0f} {r['requests']:>9} "
                f"{r['blockingScripts']:>9} {r['blockingStyles']:>9} {r['elements']:>9} {r['lcp']:>8.0f}",
                flush=True,
            )
        browser.close()
    print("\n  budget: 0 blocking scripts; LCP < 2500 ms on this profile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
