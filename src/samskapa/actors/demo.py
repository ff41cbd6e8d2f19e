"""Demo actor registries for Mark, Mölndal, Malå and Vaasa: the kinds of actors the seed documents name,
with influence, interest and planned engagement as a coordinator might judge them (made up, marked
as demo data on the organisation). Idempotent: actors are found by name."""

from samskapa.actors.models import Actor, Engagement, Relation
from samskapa.core.history import save_as

K, E = Actor.Kind, Actor.Engagement
# (name, kind, sector, influence, interest, engagement, tasks)
COMMON = [
    (
        "Arbetsförmedlingen",
        K.AGENCY,
        "public",
        5,
        4,
        E.COLLABORATE,
        "Matchning till jobb, arbetsmarknadsprogram och etableringsprogrammet för nyanlända.",
    ),
    (
        "Försäkringskassan",
        K.AGENCY,
        "public",
        4,
        2,
        E.INFORM,
        "Ersättningar och föräldrapenning för nyanlända familjer.",
    ),
    (
        "Migrationsverket",
        K.AGENCY,
        "public",
        4,
        2,
        E.INFORM,
        "Asyl och uppehållstillstånd; anvisning av dem som fått skydd.",
    ),
    (
        "Socialtjänsten",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Ekonomiskt bistånd, familjestöd och mottagande av ensamkommande barn.",
    ),
    (
        "Barn- och utbildningsförvaltningen",
        K.DEPARTMENT,
        "public",
        5,
        5,
        E.COLLABORATE,
        "Förskola, skola, modersmålsundervisning och introduktionsprogram.",
    ),
    (
        "Arbetsmarknadsenheten",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Praktik, kommunal vuxenutbildning (SFI) och vägledning mot arbete.",
    ),
    (
        "Kultur och fritid",
        K.DEPARTMENT,
        "public",
        3,
        4,
        E.INVOLVE,
        "Bibliotek, kultur och fritid; språkcaféer och mötesplatser.",
    ),
    (
        "Svenska kyrkan",
        K.FAITH,
        "civil",
        2,
        4,
        E.INVOLVE,
        "Språkcaféer, second hand-kläder och stöd till familjer.",
    ),
    ("Röda Korset", K.NGO, "civil", 2, 5, E.COLLABORATE, "Läxhjälp, språkträning och stöd efter trauma."),
    ("Studieförbund", K.NGO, "civil", 2, 4, E.INVOLVE, "Studiecirklar i svenska och samhällsorientering."),
]
MARK = COMMON + [
    (
        "Västra Götalandsregionen",
        K.REGION,
        "public",
        5,
        3,
        E.CONSULT,
        "Hälso- och sjukvård, regional utveckling och finansiering av projekt.",
    ),
    (
        "Marks Bostad AB",
        K.COMPANY,
        "public",
        4,
        3,
        E.CONSULT,
        "Kommunalt bostadsbolag: lägenheter för nyanlända, arbete i bostadsområdena.",
    ),
    (
        "Individ- och familjeomsorgen",
        K.DEPARTMENT,
        "public",
        4,
        4,
        E.COLLABORATE,
        "Familjestöd och barnskydd.",
    ),
    (
        "Rädda Barnen (projektet SALAM)",
        K.NGO,
        "civil",
        3,
        5,
        E.EMPOWER,
        "Stöd med barnet i centrum; leder samskapandet av strategin tillsammans med kommunen.",
    ),
    (
        "Islamiska kulturföreningen",
        K.FAITH,
        "civil",
        2,
        4,
        E.INVOLVE,
        "Mötesplats och förtroendefull kontakt för många familjer.",
    ),
    (
        "Somaliska föreningen i Mark",
        K.NGO,
        "civil",
        1,
        5,
        E.EMPOWER,
        "Egen förening för somalisktalande invånare.",
    ),
    (
        "Kinna Företagarförening",
        K.BUSINESS,
        "private",
        3,
        3,
        E.CONSULT,
        "Lokala företag som erbjuder praktik och mentorskap.",
    ),
    ("Textilföretag i Kinna", K.BUSINESS, "private", 3, 2, E.CONSULT, "Arbetsgivare i regionens textilindustri."),
    (
        "Marks gymnasieskola",
        K.SCHOOL,
        "public",
        3,
        4,
        E.INVOLVE,
        "Gymnasieskola med språkintroduktion.",
    ),
    (
        "Föräldrar i Skene (nyanlända)",
        K.NEWCOMERS,
        "community",
        1,
        5,
        E.EMPOWER,
        "Nyanlända föräldrar som träffas på föräldracaféet.",
    ),
    (
        "Unga i Mark",
        K.RESIDENTS,
        "community",
        1,
        4,
        E.INVOLVE,
        "Unga invånare, nyanlända och andra, i ungdomsrådet.",
    ),
    (
        "Grannar i Fritsla",
        K.RESIDENTS,
        "community",
        1,
        3,
        E.CONSULT,
        "Lokalsamhället i en av orterna som tar emot nyanlända.",
    ),
    ("Polisen i Mark", K.AGENCY, "public", 4, 2, E.CONSULT, "Lokalpolisen; bygger förtroende hos nyanlända familjer."),
    ("Vårdcentralen Kinna", K.OTHER, "public", 3, 3, E.CONSULT, "Primärvård, tolk och hälsovägledning."),
]
MOLNDAL = COMMON + [
    ("Mölndalsbostäder", K.COMPANY, "public", 4, 3, E.CONSULT, "Kommunalt bostadsbolag."),
    (
        "Social- och arbetsmarknadsförvaltningen",
        K.DEPARTMENT,
        "public",
        5,
        5,
        E.COLLABORATE,
        "Äger integrationsstrategins handlingsplan.",
    ),
    ("Region Västra Götaland", K.REGION, "public", 5, 3, E.CONSULT, "Hälso- och sjukvård och regional utveckling."),
]
MALA = [
    (
        "Integrationsservice",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Mottagande av nyanlända, samhällsorientering, kontaktperson för varje familj.",
    ),
    (
        "Arbetsmarknadsenheten",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Praktik och nystartsjobb i kommunens verksamheter.",
    ),
    ("Utbildningsavdelningen", K.DEPARTMENT, "public", 4, 4, E.COLLABORATE, "Skola, SFI och vuxenutbildning."),
    ("Sociala avdelningen", K.DEPARTMENT, "public", 4, 4, E.COLLABORATE, "Socialtjänst och ekonomiskt bistånd."),
    ("Malåbostäder AB", K.COMPANY, "public", 3, 3, E.CONSULT, "Kommunalt bostadsbolag."),
    ("Nilaskolan", K.SCHOOL, "public", 3, 4, E.INVOLVE, "Kommunens skola."),
    (
        "Region Västerbotten",
        K.REGION,
        "public",
        4,
        3,
        E.CONSULT,
        "Hälso- och sjukvård; partner i utvecklingsprojektet SIKT 2.0.",
    ),
    (
        "Arbetsförmedlingen",
        K.AGENCY,
        "public",
        5,
        4,
        E.COLLABORATE,
        "Matchning av nyanlända till arbete och anpassad utbildning.",
    ),
    ("Försäkringskassan", K.AGENCY, "public", 4, 2, E.INFORM, "Ersättningar till familjer."),
    (
        "Föreningslivet i Malå",
        K.NGO,
        "civil",
        2,
        4,
        E.INVOLVE,
        "Föreningarna bakom midsommarfirandet, kulturdagen och julmarknaden.",
    ),
]
RELATIONS = [
    ("Arbetsförmedlingen", "Arbetsmarknadsenheten", Relation.Kind.COLLABORATES),
    ("Barn- och utbildningsförvaltningen", "Röda Korset", Relation.Kind.COLLABORATES),
    ("Socialtjänsten", "Arbetsmarknadsenheten", Relation.Kind.REFERS),
    ("Kultur och fritid", "Svenska kyrkan", Relation.Kind.COLLABORATES),
    ("Kultur och fritid", "Studieförbund", Relation.Kind.COLLABORATES),
    ("Västra Götalandsregionen", "Rädda Barnen (projektet SALAM)", Relation.Kind.FUNDS),
    ("Rädda Barnen (projektet SALAM)", "Föräldrar i Skene (nyanlända)", Relation.Kind.COLLABORATES),
    ("Rädda Barnen (projektet SALAM)", "Barn- och utbildningsförvaltningen", Relation.Kind.COLLABORATES),
    ("Kinna Företagarförening", "Arbetsmarknadsenheten", Relation.Kind.COLLABORATES),
    ("Marks Bostad AB", "Socialtjänsten", Relation.Kind.COLLABORATES),
    ("Somaliska föreningen i Mark", "Föräldrar i Skene (nyanlända)", Relation.Kind.REPRESENTS),
    ("Integrationsservice", "Arbetsförmedlingen", Relation.Kind.COLLABORATES),
    ("Integrationsservice", "Föreningslivet i Malå", Relation.Kind.COLLABORATES),
    ("Region Västerbotten", "Arbetsmarknadsenheten", Relation.Kind.FUNDS),
    ("Utbildningsavdelningen", "Nilaskolan", Relation.Kind.COORDINATES),
    ("Kotoutumispalvelut", "Työllisyyspalvelut", Relation.Kind.COLLABORATES),
    ("Kotoutumispalvelut", "Pohjanmaan hyvinvointialue", Relation.Kind.REFERS),
    ("Pohjanmaan ELY-keskus", "Kotoutumispalvelut", Relation.Kind.FUNDS),
    ("Kaupunginkirjasto", "Suomen Punainen Risti, Vaasan osasto", Relation.Kind.COLLABORATES),
    ("Monikulttuurinen yhdistys", "Kotoutumispalvelut", Relation.Kind.COLLABORATES),
    ("Vaasan yrittäjät", "Työllisyyspalvelut", Relation.Kind.COLLABORATES),
]
PLAN = [  # (actor, level, how, start, end, status)
    (
        "Föräldrar i Skene (nyanlända)",
        E.EMPOWER,
        "Två fokusgrupper på arabiska och somaliska på föräldracaféet",
        "2024-10-01",
        "2024-11-30",
        Engagement.Status.DONE,
    ),
    (
        "Unga i Mark",
        E.INVOLVE,
        "Workshop med ungdomsrådet och en enkät i skolan",
        "2024-11-01",
        "2025-02-28",
        Engagement.Status.DONE,
    ),
    (
        "Arbetsförmedlingen",
        E.COLLABORATE,
        "Plats i samskapandekommittén; gemensamma åtgärder för arbete",
        "2024-09-01",
        "2025-06-30",
        Engagement.Status.UNDER_WAY,
    ),
    (
        "Kinna Företagarförening",
        E.CONSULT,
        "Intervjuer med fem arbetsgivare",
        "2024-10-15",
        "2024-12-15",
        Engagement.Status.DONE,
    ),
    (
        "Grannar i Fritsla",
        E.CONSULT,
        "Allmänt möte i bygdegården",
        "2025-02-01",
        "2025-03-31",
        Engagement.Status.PLANNED,
    ),
    (
        "Polisen i Mark",
        E.CONSULT,
        "Intervju om förtroendet mellan familjer och myndigheter",
        "2024-11-01",
        "2024-12-31",
        Engagement.Status.PLANNED,
    ),
    (
        "Integrationsservice",
        E.COLLABORATE,
        "Revidering av strategin före utgången av 2025",
        "2025-01-01",
        "2025-12-31",
        Engagement.Status.UNDER_WAY,
    ),
]
VAASA = [
    (
        "Kotoutumispalvelut",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Alkukartoitus, kotoutumissuunnitelma ja ohjaus.",
    ),
    ("Työllisyyspalvelut", K.DEPARTMENT, "public", 5, 5, E.COLLABORATE, "Kunnan työllisyyspalvelut vuodesta 2025."),
    (
        "Kasvatus- ja opetustoimi",
        K.DEPARTMENT,
        "public",
        5,
        4,
        E.COLLABORATE,
        "Varhaiskasvatus, perusopetus, valmistava opetus ja oman äidinkielen opetus.",
    ),
    ("Kaupunginkirjasto", K.DEPARTMENT, "public", 2, 4, E.INVOLVE, "Kielikahvilat ja kohtaamispaikat."),
    (
        "Pohjanmaan hyvinvointialue",
        K.REGION,
        "public",
        5,
        3,
        E.CONSULT,
        "Sosiaali- ja terveyspalvelut, perhetyö ja mielenterveyspalvelut.",
    ),
    ("Kela", K.AGENCY, "public", 4, 2, E.INFORM, "Etuudet ja asumisperusteinen sosiaaliturva."),
    ("Maahanmuuttovirasto", K.AGENCY, "public", 4, 2, E.INFORM, "Oleskeluluvat ja pakolaisten kuntaan osoittaminen."),
    (
        "Pohjanmaan ELY-keskus",
        K.AGENCY,
        "public",
        4,
        3,
        E.CONSULT,
        "Alueellinen kotoutumisen edistäminen ja pakolaisten kuntakorvaukset.",
    ),
    ("Suomen Punainen Risti, Vaasan osasto", K.NGO, "civil", 2, 5, E.COLLABORATE, "Ystävätoiminta ja läksykerhot."),
    ("Monikulttuurinen yhdistys", K.NGO, "civil", 1, 5, E.EMPOWER, "Maahanmuuttajien oma yhdistys."),
    ("Vaasan seurakuntayhtymä", K.FAITH, "civil", 2, 4, E.INVOLVE, "Perhekerhot ja kielikahvilat."),
    ("Vaasan yrittäjät", K.BUSINESS, "private", 3, 3, E.CONSULT, "Työnantajat, harjoittelupaikat ja mentorointi."),
    ("Vaasan ammattiopisto", K.SCHOOL, "public", 3, 4, E.INVOLVE, "Ammatillinen koulutus ja kielituki."),
    ("Nuorisovaltuusto", K.RESIDENTS, "community", 1, 4, E.INVOLVE, "Nuorten ääni kaupungin päätöksissä."),
]
ACTORS = {"mark": MARK, "molndal": MOLNDAL, "mala": MALA, "vaasa": VAASA}


def _date(text):
    from datetime import date

    return date.fromisoformat(text) if text else None


def build(organisation, coordinator) -> None:
    specs = ACTORS.get(organisation.slug)
    if not specs:
        return
    by_name = {}
    for name, kind, sector, influence, interest, level, tasks in specs:
        actor = Actor.objects.filter(organisation=organisation, name=name).first()
        if actor is None:
            actor = Actor(
                organisation=organisation,
                name=name,
                kind=kind,
                sector=sector,
                influence=influence,
                interest=interest,
                engagement_level=level,
                tasks=tasks,
            )
            save_as(actor, coordinator)
        by_name[name] = actor
    for source, target, kind in RELATIONS:
        if source in by_name and target in by_name:
            Relation.objects.get_or_create(
                organisation=organisation, source=by_name[source], target=by_name[target], kind=kind
            )
    for name, level, how, start, end, status in PLAN:
        if (
            name in by_name
            and not Engagement.objects.filter(organisation=organisation, actor=by_name[name], method=how).exists()
        ):
            line = Engagement(
                organisation=organisation,
                actor=by_name[name],
                level=level,
                method=how,
                starts_on=_date(start),
                ends_on=_date(end),
                status=status,
                responsible=coordinator,
            )
            save_as(line, coordinator)
