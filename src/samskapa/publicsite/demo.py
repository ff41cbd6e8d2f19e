"""Demo public sites for Mark, Mölndal, Malå and Vaasa: open, with their adopted strategies published
and a few texts translated (our own wording, marked as demo data). Idempotent."""

from samskapa.publicsite import services
from samskapa.publicsite.registry import kind_for, kind_get
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
    "vaasa": "Täällä Vaasan kaupunki kertoo, miten edistämme kotoutumista yhdessä: mitä tavoittelemme, mitä "
    "teemme ja mitä asukkaat ovat sanoneet. (Demoaineisto: keksittyä sisältöä, joka esittelee ohjelmaa.)",
}

# Vaasa writes in Finnish and translates into Swedish, the city's second language: the texts
# of the programme, the actions and the findings, by their Finnish original.
VAASA_SWEDISH = {
    "Vaasan kotouttamisohjelma 2025–2028 (demo)": "Vasa stads integrationsprogram 2025–2028 (demo)",
    "Vaasa on kaksikielinen ja kansainvälinen kaupunki, jossa jokainen voi kokea olevansa kotona, oppia, tehdä "
    "työtä ja vaikuttaa.": "Vasa är en tvåspråkig och internationell stad där alla kan känna sig hemma, lära sig, "
    "arbeta och påverka.",
    "Vastaanottava yhteiskunta ja hyvät väestösuhteet": "Ett välkomnande samhälle och goda relationer mellan "
    "befolkningsgrupper",
    "Kaupunki, jossa kaikki tuntevat olevansa tervetulleita ja turvassa.": "En stad där alla känner sig "
    "välkomna och trygga.",
    "Työ ja osaaminen": "Arbete och kompetens",
    "Nopeampi polku työhön ja osaamisen tunnistaminen.": "En snabbare väg till arbete och erkänd kompetens.",
    "Kieli ja koulutus": "Språk och utbildning",
    "Suomen tai ruotsin kieltä arjessa, koulussa ja työssä.": "Finska eller svenska i vardagen, i skolan och "
    "på jobbet.",
    "Lapset, nuoret ja perheet": "Barn, unga och familjer",
    "Hyvä alku varhaiskasvatuksessa, koulussa ja vapaa-ajalla.": "En bra start i småbarnspedagogiken, i skolan "
    "och på fritiden.",
    "Yhteistyö ja kumppanuudet": "Samarbete och partnerskap",
    "Kaupunki, hyvinvointialue, järjestöt ja yritykset toimivat yhdessä.": "Staden, välfärdsområdet, "
    "organisationerna och företagen arbetar tillsammans.",
    "Kotoutumissuunnitelma kolmessa kuukaudessa": "Integrationsplan inom tre månader",
    "Kieltä työn ohessa — työpaikkasuomi ja -ruotsi": "Språk vid sidan av jobbet — finska och svenska på arbetsplatsen",
    "Harrastuspassi jokaiselle lapselle": "Fritidspass för varje barn",
    "Kohtaamispaikka pääkirjastoon": "Mötesplats på huvudbiblioteket",
    "Ohjelman vuosiseuranta valtuustolle": "Årlig uppföljning av programmet till fullmäktige",
    "Kielikurssien pitää sopia työssäkäyvien arkeen.": "Språkkurserna måste passa dem som arbetar.",
    "Ohjelmaan lisättiin ilta- ja työpaikkakurssit suomeksi ja ruotsiksi.": "Kvälls- och arbetsplatskurser "
    "på finska och svenska lades till i programmet.",
    "Lapset haluavat harrastaa ja tulla kysytyiksi.": "Barnen vill ha fritidsaktiviteter och bli tillfrågade.",
    "Harrastuspassi jokaiselle uudelle lapselle; nuorisovaltuusto valitsee lajit.": "Fritidspass för varje nytt "
    "barn; ungdomsfullmäktige väljer aktiviteterna.",
    "Työllisyysaste, %": "Sysselsättningsgrad, %",
    "Kotoutumissuunnitelma kolmessa kuukaudessa, %": "Integrationsplan inom tre månader, %",
    "Ulkomaan kansalaisten osuus väestöstä, %": "Utländska medborgares andel av befolkningen, %",
}
TRANSLATED = {"vaasa": {"sv": VAASA_SWEDISH}}

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


def _translate(organisation, coordinator, obj, language: str, table: dict[str, str]) -> None:
    """Translations of ``obj``'s texts whose original is a key of ``table``."""
    kind = kind_for(obj)
    values = {
        (*unit.key, digest(unit.source)): table[unit.source]
        for unit in kind.units(obj) + kind.public_units(obj)
        if isinstance(unit.source, str) and unit.source in table
    }
    if values:
        # Saving the same translation again changes nothing, so the demo can run again.
        services.translations_save(
            actor=coordinator, organisation=organisation, obj=obj, language=language, values=values
        )


def _translate_all(organisation, coordinator) -> None:
    for language, table in TRANSLATED.get(organisation.slug, {}).items():
        for key in ("strategy", "action", "finding", "indicator"):
            for obj in kind_get(key).queryset(organisation).filter(is_published=True):
                _translate(organisation, coordinator, obj, language, table)


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
    _translate_all(organisation, coordinator)
