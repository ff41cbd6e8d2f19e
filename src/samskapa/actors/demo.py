"""Demo actor registries for Mark, Mölndal and Malå: the kinds of actors the seed documents name,
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
        "Job matching, labour-market programmes and the establishment programme for newcomers.",
    ),
    ("Försäkringskassan", K.AGENCY, "public", 4, 2, E.INFORM, "Benefits and parental allowance for newcomer families."),
    (
        "Migrationsverket",
        K.AGENCY,
        "public",
        4,
        2,
        E.INFORM,
        "Asylum and residence permits; settlement of those granted protection.",
    ),
    (
        "Socialtjänsten",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Financial support, family support and reception of unaccompanied children.",
    ),
    (
        "Barn- och utbildningsförvaltningen",
        K.DEPARTMENT,
        "public",
        5,
        5,
        E.COLLABORATE,
        "Preschool, school, mother-tongue tuition and introductory programmes.",
    ),
    (
        "Arbetsmarknadsenheten",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Work practice, municipal adult education (SFI) and guidance towards work.",
    ),
    (
        "Kultur och fritid",
        K.DEPARTMENT,
        "public",
        3,
        4,
        E.INVOLVE,
        "Libraries, culture and leisure; language cafés and meeting places.",
    ),
    (
        "Svenska kyrkan",
        K.FAITH,
        "civil",
        2,
        4,
        E.INVOLVE,
        "Language cafés, second-hand clothes and support for families.",
    ),
    ("Röda Korset", K.NGO, "civil", 2, 5, E.COLLABORATE, "Homework help, language training and trauma support."),
    ("Studieförbund", K.NGO, "civil", 2, 4, E.INVOLVE, "Study circles in Swedish and civic orientation."),
]
MARK = COMMON + [
    (
        "Västra Götalandsregionen",
        K.REGION,
        "public",
        5,
        3,
        E.CONSULT,
        "Health care, regional development and funding of projects.",
    ),
    (
        "Marks Bostad AB",
        K.COMPANY,
        "public",
        4,
        3,
        E.CONSULT,
        "Municipal housing company: flats for newcomers, neighbourhood work.",
    ),
    (
        "Individ- och familjeomsorgen",
        K.DEPARTMENT,
        "public",
        4,
        4,
        E.COLLABORATE,
        "Family support and child protection.",
    ),
    (
        "Save the Children (SALAM project)",
        K.NGO,
        "civil",
        3,
        5,
        E.EMPOWER,
        "Child-centred support; co-leads the co-creation of the strategy.",
    ),
    (
        "Islamiska kulturföreningen",
        K.FAITH,
        "civil",
        2,
        4,
        E.INVOLVE,
        "Meeting place and trusted contact for many families.",
    ),
    (
        "Somaliska föreningen i Mark",
        K.NGO,
        "civil",
        1,
        5,
        E.EMPOWER,
        "Self-organised association of Somali-speaking residents.",
    ),
    (
        "Kinna Företagarförening",
        K.BUSINESS,
        "private",
        3,
        3,
        E.CONSULT,
        "Local businesses offering work practice and mentoring.",
    ),
    ("Textilföretag i Kinna", K.BUSINESS, "private", 3, 2, E.CONSULT, "Employers in the region's textile industry."),
    (
        "Marks gymnasieskola",
        K.SCHOOL,
        "public",
        3,
        4,
        E.INVOLVE,
        "Upper secondary school with the language introduction programme.",
    ),
    (
        "Föräldrar i Skene (nyanlända)",
        K.NEWCOMERS,
        "community",
        1,
        5,
        E.EMPOWER,
        "Newcomer parents who meet at the parent café.",
    ),
    (
        "Unga i Mark",
        K.RESIDENTS,
        "community",
        1,
        4,
        E.INVOLVE,
        "Young residents, newcomers and others, in the youth council.",
    ),
    (
        "Grannar i Fritsla",
        K.RESIDENTS,
        "community",
        1,
        3,
        E.CONSULT,
        "The host community in one of the villages that receive newcomers.",
    ),
    ("Polisen i Mark", K.AGENCY, "public", 4, 2, E.CONSULT, "Local police; builds trust with newcomer families."),
    ("Vårdcentralen Kinna", K.OTHER, "public", 3, 3, E.CONSULT, "Primary care, interpreters, health guidance."),
]
MOLNDAL = COMMON + [
    ("Mölndalsbostäder", K.COMPANY, "public", 4, 3, E.CONSULT, "Municipal housing company."),
    (
        "Social- och arbetsmarknadsförvaltningen",
        K.DEPARTMENT,
        "public",
        5,
        5,
        E.COLLABORATE,
        "Owns the integration strategy's action plan.",
    ),
    ("Region Västra Götaland", K.REGION, "public", 5, 3, E.CONSULT, "Health care and regional development."),
]
MALA = [
    (
        "Integrationsservice",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Reception of newcomers, civic orientation, contact person for each family.",
    ),
    (
        "Arbetsmarknadsenheten",
        K.DEPARTMENT,
        "public",
        4,
        5,
        E.COLLABORATE,
        "Work practice and new-start jobs in the municipality's workplaces.",
    ),
    ("Utbildningsavdelningen", K.DEPARTMENT, "public", 4, 4, E.COLLABORATE, "School, SFI and adult education."),
    ("Sociala avdelningen", K.DEPARTMENT, "public", 4, 4, E.COLLABORATE, "Social services and financial support."),
    ("Malåbostäder AB", K.COMPANY, "public", 3, 3, E.CONSULT, "Municipal housing company."),
    ("Nilaskolan", K.SCHOOL, "public", 3, 4, E.INVOLVE, "The municipality's school."),
    (
        "Region Västerbotten",
        K.REGION,
        "public",
        4,
        3,
        E.CONSULT,
        "Health care; partner in the SIKT 2.0 development project.",
    ),
    (
        "Arbetsförmedlingen",
        K.AGENCY,
        "public",
        5,
        4,
        E.COLLABORATE,
        "Matching newcomers to work and tailored education.",
    ),
    ("Försäkringskassan", K.AGENCY, "public", 4, 2, E.INFORM, "Benefits for families."),
    (
        "Föreningslivet i Malå",
        K.NGO,
        "civil",
        2,
        4,
        E.INVOLVE,
        "Associations behind Midsummer, the culture day and the Christmas market.",
    ),
]
RELATIONS = [
    ("Arbetsförmedlingen", "Arbetsmarknadsenheten", Relation.Kind.COLLABORATES),
    ("Barn- och utbildningsförvaltningen", "Röda Korset", Relation.Kind.COLLABORATES),
    ("Socialtjänsten", "Arbetsmarknadsenheten", Relation.Kind.REFERS),
    ("Kultur och fritid", "Svenska kyrkan", Relation.Kind.COLLABORATES),
    ("Kultur och fritid", "Studieförbund", Relation.Kind.COLLABORATES),
    ("Västra Götalandsregionen", "Save the Children (SALAM project)", Relation.Kind.FUNDS),
    ("Save the Children (SALAM project)", "Föräldrar i Skene (nyanlända)", Relation.Kind.COLLABORATES),
    ("Save the Children (SALAM project)", "Barn- och utbildningsförvaltningen", Relation.Kind.COLLABORATES),
    ("Kinna Företagarförening", "Arbetsmarknadsenheten", Relation.Kind.COLLABORATES),
    ("Marks Bostad AB", "Socialtjänsten", Relation.Kind.COLLABORATES),
    ("Somaliska föreningen i Mark", "Föräldrar i Skene (nyanlända)", Relation.Kind.REPRESENTS),
    ("Integrationsservice", "Arbetsförmedlingen", Relation.Kind.COLLABORATES),
    ("Integrationsservice", "Föreningslivet i Malå", Relation.Kind.COLLABORATES),
    ("Region Västerbotten", "Arbetsmarknadsenheten", Relation.Kind.FUNDS),
    ("Utbildningsavdelningen", "Nilaskolan", Relation.Kind.COORDINATES),
]
PLAN = [  # (actor, level, how, start, end, status)
    (
        "Föräldrar i Skene (nyanlända)",
        E.EMPOWER,
        "Two focus groups in Arabic and Somali at the parent café",
        "2024-10-01",
        "2024-11-30",
        Engagement.Status.DONE,
    ),
    (
        "Unga i Mark",
        E.INVOLVE,
        "Workshop with the youth council and a survey in school",
        "2024-11-01",
        "2025-02-28",
        Engagement.Status.DONE,
    ),
    (
        "Arbetsförmedlingen",
        E.COLLABORATE,
        "Seat on the co-creation committee; joint actions on work",
        "2024-09-01",
        "2025-06-30",
        Engagement.Status.UNDER_WAY,
    ),
    (
        "Kinna Företagarförening",
        E.CONSULT,
        "Interviews with five employers",
        "2024-10-15",
        "2024-12-15",
        Engagement.Status.DONE,
    ),
    (
        "Grannar i Fritsla",
        E.CONSULT,
        "Public meeting in the village hall",
        "2025-02-01",
        "2025-03-31",
        Engagement.Status.PLANNED,
    ),
    (
        "Polisen i Mark",
        E.CONSULT,
        "Interview on trust between families and authorities",
        "2024-11-01",
        "2024-12-31",
        Engagement.Status.PLANNED,
    ),
    (
        "Integrationsservice",
        E.COLLABORATE,
        "Revision of the strategy before the end of 2025",
        "2025-01-01",
        "2025-12-31",
        Engagement.Status.UNDER_WAY,
    ),
]
ACTORS = {"mark": MARK, "molndal": MOLNDAL, "mala": MALA}


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
