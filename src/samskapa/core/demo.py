"""The demo: three Swedish municipalities and a Finnish one modelled on the seed documents, and a
demo login that is coordinator in all four.

Each domain app may add its part in a module ``<app>/demo.py`` with a function
``build(organisation, coordinator)``; they run in INSTALLED_APPS order. Everything is
idempotent: running the demo again updates what is there and creates what is missing.
"""

import importlib
import secrets
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction

from samskapa.accounts.models import User
from samskapa.orgs.models import Membership, Organisation, Role

DEMO_EMAIL = "demo@samskapa.test"

# Facts from the seeds and official registers: names, four-digit kommunkod, languages read.
DEMO_ORGANISATIONS = [
    {
        "slug": "mark",
        "name": "Marks kommun",
        "municipality_code": "1463",
        "languages": ["en", "ar", "so", "ti", "fa", "uk"],
    },
    {
        "slug": "molndal",
        "name": "Mölndals stad",
        "municipality_code": "1481",
        "languages": ["en", "ar", "fa", "so", "uk"],
    },
    {"slug": "mala", "name": "Malå kommun", "municipality_code": "2418", "languages": ["en", "ar", "ti", "se"]},
    # A bilingual Finnish city (kuntanumero 905): Finnish first, Swedish as the second national language.
    {
        "slug": "vaasa",
        "name": "Vaasan kaupunki",
        "country": "FI",
        "municipality_code": "905",
        "default_language": "fi",
        "languages": ["sv", "en", "ar"],
    },
]

# Other people in each organisation, so that roles can be tried (they cannot log in).
DEMO_COLLEAGUES = [
    ("admin", Role.ADMIN, "Kommunledningskontoret"),
    ("skola", Role.EDITOR, "Barn- och utbildningsförvaltningen"),
    ("arbetsmarknad", Role.EDITOR, "Arbetsmarknadsenheten"),
    ("bostad", Role.PARTNER, "Kommunala bostadsbolaget"),
    ("forening", Role.COMMITTEE, "Lokal förening i samskapandekommittén"),
    ("nämnd", Role.VIEWER, "Förtroendevald"),
]
DEMO_COLLEAGUES_FI = [
    ("admin", Role.ADMIN, "Kaupunginkanslia"),
    ("koulu", Role.EDITOR, "Kasvatus- ja opetustoimi"),
    ("tyollisyys", Role.EDITOR, "Työllisyyspalvelut"),
    ("asunto", Role.PARTNER, "Kaupungin vuokrataloyhtiö"),
    ("yhdistys", Role.COMMITTEE, "Maahanmuuttajayhdistys, kotouttamisen yhteistyöryhmä"),
    ("valtuusto", Role.VIEWER, "Luottamushenkilö"),
]


@dataclass
class DemoResult:
    email: str
    password: str
    organisations: list[Organisation]


def _demo_user(password: str) -> User:
    user = User.objects.filter(email=DEMO_EMAIL).first() or User(email=DEMO_EMAIL)
    user.full_name = user.full_name or "Demo Samordnare"
    user.set_password(password)
    user.save()
    return user


def _demo_organisation(spec: dict, coordinator: User) -> Organisation:
    org, _created = Organisation.objects.update_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "country": spec.get("country", "SE"),
            "municipality_code": spec["municipality_code"],
            "default_language": spec.get("default_language", "sv"),
            "languages": spec["languages"],
            "is_demo": True,
        },
    )
    finnish = org.country == "FI"
    title = "Kotouttamiskoordinaattori" if finnish else "Integrationssamordnare"
    Membership.objects.update_or_create(
        organisation=org, user=coordinator, defaults={"role": Role.COORDINATOR, "title": title}
    )
    for local, role, title in DEMO_COLLEAGUES_FI if finnish else DEMO_COLLEAGUES:
        colleague = User.objects.filter(email=f"{local}@{spec['slug']}.demo.test").first()
        if colleague is None:
            colleague = User(email=f"{local}@{spec['slug']}.demo.test", full_name=title)
            colleague.set_unusable_password()
            colleague.save()
        Membership.objects.get_or_create(organisation=org, user=colleague, defaults={"role": role, "title": title})
    return org


def _app_builders():
    for config in apps.get_app_configs():
        if not config.name.startswith("samskapa.") or config.label == "core":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.demo":
                raise
            continue
        yield module.build


@transaction.atomic
def demo_load(*, password: str | None = None, progress=None) -> DemoResult:
    password = password or secrets.token_urlsafe(9)
    coordinator = _demo_user(password)
    organisations = [_demo_organisation(spec, coordinator) for spec in DEMO_ORGANISATIONS]
    builders = list(_app_builders())
    steps = len(organisations) * max(1, len(builders))
    done = 0
    for org in organisations:
        for build in builders:
            build(org, coordinator)
            done += 1
            if progress:
                progress(done, steps, org.name)
    return DemoResult(email=DEMO_EMAIL, password=password, organisations=organisations)
