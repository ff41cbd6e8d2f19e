"""Demo public sites for Mark, Mölndal and Malå: open, with their adopted strategies published and a
few texts translated (our own wording, marked as demo data). Idempotent."""

from samskapa.publicsite import services
from samskapa.publicsite.registry import kind_get
from samskapa.publicsite.selectors import site_get
from samskapa.publicsite.texts import digest
from samskapa.strategy.models import Strategy

INTRO = {
    "mark": "Här berättar Marks kommun om arbetet med integration: vad vi vill, vad vi gör och vad invånarna har sagt. "
    "(Demodata: påhittat innehåll som visar programmet.)",
    "molndal": "Mölndals stad berättar här om sin integrationsstrategi och hur arbetet går. "
    "(Demodata: påhittat innehåll som visar programmet.)",
    "mala": "Malå kommun vill vara en attraktiv plats där olikheter skapar utvecklingskraft. Här kan du läsa hur. "
    "(Demodata: påhittat innehåll som visar programmet.)",
}

# Translations of Malå's three steps, written for the demo.
MALA_TRANSLATIONS = {
    "en": {
        "Tillhörighet": ("Belonging", "A good welcome where everyone feels included."),
        "Framtid": ("Future", "Work, education and a home, so that more people want to stay in Malå."),
        "Fritid": ("Leisure", "Networks and meeting places for an active free time."),
    },
    "ar": {
        "Tillhörighet": ("الانتماء", "استقبال جيد يشعر فيه الجميع بأنهم جزء من المجتمع."),
        "Framtid": ("المستقبل", "عمل وتعليم وسكن، ليرغب عدد أكبر من الناس في البقاء في مالو."),
        "Fritid": ("وقت الفراغ", "شبكات وأماكن لقاء من أجل وقت فراغ نشيط."),
    },
}


def _translate_mala(organisation, coordinator, strategy) -> None:
    kind = kind_get("strategy")
    units = {(u.model._meta.model_name, str(u.source)): u for u in kind.public_units(strategy)}
    for language, areas in MALA_TRANSLATIONS.items():
        values = {}
        for title, (translated_title, translated_summary) in areas.items():
            title_unit = units.get(("focusarea", title))
            if title_unit is None:
                continue
            values[(*title_unit.key, digest(title_unit.source))] = translated_title
            summary = next(
                (u for u in units.values() if u.object_id == title_unit.object_id and u.field == "summary"), None
            )
            if summary is not None:
                values[(*summary.key, digest(summary.source))] = translated_summary
        # Saving the same translation again changes nothing, so the demo can run again.
        services.translations_save(
            actor=coordinator, organisation=organisation, obj=strategy, language=language, values=values
        )


# What the demo shows beside the strategy: the plan and its progress, the indicators, the
# consultations held or open (with their open surveys) and the findings that have an outcome.
DEMO_PUBLISHED = {
    "action": {},
    "progressupdate": {},
    "indicator": {},
    "consultation": {"status__in": ["held", "open"]},
    "survey": {"status": "open"},
    "finding": {"outcome__gt": ""},
}


def _publish_progress(organisation, coordinator) -> None:
    for key, wanted in DEMO_PUBLISHED.items():
        kind = kind_get(key)
        ids = list(kind.queryset(organisation).filter(is_published=False, **wanted).values_list("pk", flat=True))
        for start in range(0, len(ids), services.BULK_LIMIT):
            services.content_set_published(
                actor=coordinator,
                organisation=organisation,
                kind=kind,
                ids=ids[start : start + services.BULK_LIMIT],
                published=True,
            )


def build(organisation, coordinator) -> None:
    if organisation.slug not in INTRO:
        return
    site = site_get(organisation=organisation)
    services.site_update(
        actor=coordinator,
        organisation=organisation,
        is_public=True,
        intro=site.intro or INTRO[organisation.slug],
        contact_email=site.contact_email or f"integration@{organisation.slug}.demo.test",
        response_days=site.response_days or 10,
    )
    kind = kind_get("strategy")
    for strategy in kind.queryset(organisation).filter(status=Strategy.Status.ADOPTED):
        if not strategy.is_published:
            services.content_publish(actor=coordinator, organisation=organisation, obj=strategy)
        if organisation.slug == "mala":
            _translate_mala(organisation, coordinator, strategy)
    _publish_progress(organisation, coordinator)
