"""Demo strategies for Mark, Mölndal and Malå, following the structure of their real strategies
(../shared/seeds/), summarised in our own words and marked as demo data. Idempotent."""

from datetime import date

from samskapa.core.history import save_as
from samskapa.strategy import services
from samskapa.strategy.models import FocusArea, Foundation, Goal, Strategy, StrategyFoundation, StrategyVersion

MARK = {
    "strategy": {
        "title": "Integration strategy in action — Marks kommun (demo)",
        "language": "en",
        "vision": "A close community with people at its centre, where every resident feels they belong, "
        "are safe and have hope for the future.",
        "purpose": "To build a sustainable, inclusive society founded on rights, and to support Mark's goals "
        "of being the best municipality for children and for businesses.",
        "target_groups": "Everyone who is new in Mark — children, adults and families — whatever the reason "
        "they migrated.",
    },
    "status": Strategy.Status.CONSULTATION,
    "focus_areas": [
        {
            "title": "Participation and community",
            "summary": "Places and people that help newcomers meet others and take part.",
            "description": "Local meeting places such as schools and libraries, language cafés, cultural "
            "events and contact persons for newcomers.",
            "framework_codes": ["PAR", "INF"],
            "goals": [("More newcomers take part in local associations and meeting places.", "")],
        },
        {
            "title": "Empowerment through work, education and language",
            "summary": "Early language support and clear paths to work.",
            "description": "Language support early on, for example in preschool and parent cafés; paths to "
            "work through work practice, guidance and entrepreneurship, with special attention to migrant "
            "and refugee women.",
            "framework_codes": ["EDU", "EMP", "CHI", "EQU"],
            "goals": [("More newcomer women find a path to work or studies.", "")],
        },
        {
            "title": "Equal access and respectful services",
            "summary": "Services everyone can understand and that treat everyone equally.",
            "description": "Information in several languages, training in intercultural competence for "
            "staff, and work against discrimination for equal treatment.",
            "framework_codes": ["INF", "EQU"],
            "goals": [],
        },
        {
            "title": "Collaboration and governance",
            "summary": "Working together with civil society and businesses, and measuring progress.",
            "description": "Partnerships with civil society and businesses, inclusive communication and "
            "measurable integration goals.",
            "framework_codes": ["GOV", "MON"],
            "goals": [("Integration goals are measurable and followed up every year.", "")],
        },
    ],
}

MOLNDAL = {
    "strategy": {
        "title": "Integrationsstrategi för Mölndals stad (demo)",
        "language": "sv",
        "vision": "Lika rättigheter, skyldigheter och möjligheter för alla oavsett etnisk och kulturell bakgrund.",
        "purpose": "Att ge samsyn om vad integration är — både ett mål och en dubbelriktad process som berör "
        "alla invånare — och peka ut fokusområden som är viktiga för att nå målen. En handlingsplan med "
        "konkreta aktiviteter för 2023–2024 gör verkstad av strategin.",
        "target_groups": "Alla invånare i Mölndal; integration berör både nyanlända och de som redan bor här.",
    },
    "status": Strategy.Status.ADOPTED,
    "adoption": {"adopted_by": "Kommunfullmäktige", "adopted_on": date(2021, 6, 1), "decision_reference": "juni 2021"},
    "focus_areas": [
        {
            "title": "Arbete och egenförsörjning",
            "framework_codes": ["EMP"],
            "strategic_choices": ["Fler nyanlända ska snabbare nå arbete och egen försörjning."],
            "goals": [
                ("Fler nyanlända har arbete eller studerar två år efter mottagandet.", "Hälften inom två år"),
            ],
        },
        {
            "title": "Utbildning",
            "framework_codes": ["EDU", "CHI"],
            "strategic_choices": ["Utbildning och språk ska vara en väg in i arbete och samhälle."],
            "goals": [
                ("Fler nyanlända elever når behörighet till gymnasiet.", ""),
            ],
        },
        {
            "title": "Delaktighet och sociala sammanhang",
            "framework_codes": ["PAR"],
            "strategic_choices": ["Fler mötesplatser där invånare med olika bakgrund möts."],
            "goals": [
                ("Fler invånare med olika bakgrund deltar i föreningslivet.", ""),
            ],
        },
        {
            "title": "Boende",
            "framework_codes": ["HOU"],
            "strategic_choices": ["Motverka boendesegregation och trångboddhet."],
            "goals": [
                ("Färre nyanlända familjer bor trångt.", ""),
            ],
        },
        {
            "title": "Internt utvecklingsarbete",
            "framework_codes": ["GOV", "INF", "MON"],
            "strategic_choices": ["Staden samordnar sitt integrationsarbete och följer upp det."],
            "goals": [
                ("Handlingsplanen följs upp varje år av nämnden.", ""),
            ],
        },
    ],
}

MALA = {
    "strategy": {
        "title": "Strategi för integration i Malå kommun 2021–2025 (demo)",
        "language": "sv",
        "period_start": 2021,
        "period_end": 2025,
        "vision": "Malå — en attraktiv plats där olikheter skapar utvecklingskraft.",
        "purpose": "Att tydliggöra vad kommunen vill med mottagandet och integrationen på längre sikt: öka "
        "inflyttningen och ta vara på nyinflyttades kompetens, service och utbildning som är tillgänglig "
        "för alla, och en starkare social sammanhållning.",
        "target_groups": "Nyanlända som fått uppehållstillstånd och bosatt sig i kommunen, och alla "
        "kommunens invånare.",
        "revision_date": date(2025, 12, 31),
    },
    "status": Strategy.Status.ADOPTED,
    "adoption": {"adopted_by": "Malå kommun", "adopted_on": date(2021, 1, 1), "decision_reference": ""},
    "focus_areas": [
        {
            "title": "Tillhörighet",
            "summary": "Ett bra mottagande där alla känner sig inkluderade.",
            "description": "Samhällsorientering, hälsa, hedersrelaterat våld och förtryck, jämställdhet.",
            "framework_codes": ["INF", "HEA", "EQU", "PAR"],
            "we_want": ["Alla ska få rättigheter, skyldigheter och möjligheter att forma samhället och sina liv."],
            "goals": [("Alla nyanlända deltar i samhällsorientering under första året.", "")],
            "we_will": [
                "Erbjuda samhällsorientering.",
                "Skapa förutsättningar för god psykisk och fysisk hälsa.",
                "Skapa mötesplatser.",
            ],
        },
        {
            "title": "Framtid",
            "summary": "Arbete, utbildning och bostad så att fler vill stanna i Malå.",
            "description": "Arbetsmarknad, utbildning, bostäder, att stanna eller återvända.",
            "framework_codes": ["EMP", "EDU", "HOU", "GOV"],
            "we_want": ["Fler ska välja att bli malåbor.", "Fler ska komma i arbete och studier."],
            "goals": [("Fler nyanlända bor kvar i Malå efter etableringstiden.", "")],
            "we_will": [
                "Marknadsföra Malå som en bra plats att bo, leva och verka på.",
                "Samarbeta nära med myndigheter, näringslivet, civilsamhället och skolan.",
            ],
        },
        {
            "title": "Fritid",
            "summary": "Nätverk och mötesplatser som ger en aktiv fritid.",
            "description": "Nätverk och deltagande.",
            "framework_codes": ["PAR"],
            "we_want": ["Ge goda förutsättningar för mötesplatser och nätverk."],
            "goals": [("Fler barn och unga med utländsk bakgrund har en aktiv fritid.", "")],
            "we_will": [
                "Främja engagemang och samarbeten och stödja föreningsliv, ideella organisationer, "
                "studieförbund och samfund.",
                "Skapa mötesplatser.",
            ],
        },
    ],
}

DEMO_STRATEGIES = {"mark": MARK, "molndal": MOLNDAL, "mala": MALA}


def _focus_area(organisation, coordinator, strategy, order, spec) -> None:
    spec = dict(spec)
    goals = spec.pop("goals", [])
    area = FocusArea.objects.filter(strategy=strategy, title=spec["title"]).first()
    area = area or FocusArea(organisation=organisation, strategy=strategy)
    for field, value in {**spec, "order": order}.items():
        setattr(area, field, value)
    save_as(area, coordinator)
    for goal_order, (text, target) in enumerate(goals, start=1):
        goal = Goal.objects.filter(focus_area=area, text=text).first() or Goal(
            organisation=organisation, focus_area=area
        )
        goal.text, goal.target, goal.order = text, target, goal_order
        save_as(goal, coordinator)


def build(organisation, coordinator) -> None:
    spec = DEMO_STRATEGIES.get(organisation.slug)
    if spec is None:
        return
    services.defaults_ensure(actor=coordinator, organisation=organisation)
    fields = spec["strategy"]
    strategy = Strategy.objects.filter(organisation=organisation, title=fields["title"]).first()
    strategy = strategy or Strategy(organisation=organisation)
    for field, value in fields.items():
        setattr(strategy, field, value)
    if not strategy.pk:
        strategy.status = Strategy.Status.DRAFT
    save_as(strategy, coordinator)
    for foundation in Foundation.objects.filter(organisation=organisation):
        StrategyFoundation.objects.get_or_create(organisation=organisation, strategy=strategy, foundation=foundation)
    for order, area in enumerate(spec["focus_areas"], start=1):
        _focus_area(organisation, coordinator, strategy, order, area)
    if spec["status"] == Strategy.Status.ADOPTED and not StrategyVersion.objects.filter(strategy=strategy).exists():
        strategy.status = Strategy.Status.DRAFT
        services.strategy_adopt(actor=coordinator, organisation=organisation, strategy=strategy, **spec["adoption"])
    elif spec["status"] != Strategy.Status.ADOPTED and strategy.status == Strategy.Status.DRAFT:
        strategy.status = spec["status"]
        save_as(strategy, coordinator)
