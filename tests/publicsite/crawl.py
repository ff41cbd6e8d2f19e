"""Read everything a public site serves, as a stranger would: every page reachable by links, in
every language, the PDF summary (as text) and every open-data file the data package lists."""

import io
import json
import re
from collections import deque

from django.test import Client

LINK = re.compile(r'href="(/p/[^"#]*)"')
MAX_ADDRESSES = 400


def _text(address: str, response) -> str:
    if address.endswith(".pdf"):
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(response.getvalue())).pages)
    return response.getvalue().decode("utf-8", errors="replace")


def crawl(site, client: Client | None = None) -> dict[str, str]:
    """Address → text of every page and file the public can reach from the site's home pages."""
    client = client or Client()
    slug = site.organisation.slug
    start = ["/p/", "/p/organisations.json", "/p/organisations.csv", f"/p/{slug}/data/datapackage.json"]
    start += [f"/p/{slug}/{code}/" for code in site.organisation.all_languages]
    queue, seen, texts = deque(start), set(start), {}
    while queue and len(seen) < MAX_ADDRESSES:
        address = queue.popleft()
        response = client.get(address.replace("&amp;", "&"))
        if response.status_code != 200:
            texts[address] = f"<{response.status_code}>"
            continue
        texts[address] = _text(address, response)
        found = LINK.findall(texts[address]) if "html" in response["Content-Type"] else []
        if address.endswith("datapackage.json"):
            found += [
                resource["path"].removeprefix("http://testserver")
                for resource in json.loads(response.getvalue())["resources"]
            ]
            found += [path.replace(".csv", ".json") for path in found if path.endswith(".csv")]
        for link in found:
            if link.startswith((f"/p/{slug}/", "/p/organisations")) and link not in seen:
                seen.add(link)
                queue.append(link)
    return texts


def where(texts: dict[str, str], marker: str) -> list[str]:
    return [address for address, text in texts.items() if marker in text]
