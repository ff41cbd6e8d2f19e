"""Demo strategies for Mark, Mölndal, Malå and Vaasa, following the structure of their real strategies
(../shared/seeds/), summarised in our own words and marked as demo data. Idempotent."""

from datetime import date

from samskapa.core.history import save_as
from samskapa.strategy import services
from samskapa.strategy.models import FocusArea, Foundation, Goal, Strategy, StrategyFoundation, StrategyVersion

MARK = {
    "strategy": {
        "title": "Integrationsstrategi i handling — Marks kommun (demo)",
        "language": "sv",
        "vision": "Ett sammanhållet Mark med människan i centrum, där alla som bor här känner att de hör hemma, "
        "är trygga och har hopp om framtiden.",
        "purpose": "Att bygga ett hållbart och inkluderande samhälle som vilar på mänskliga rättigheter, och "
        "att bidra till kommunens mål att vara bäst för barn och bäst för företagare.",
        "target_groups": "Alla som är nya i Mark — barn, vuxna och familjer — oavsett varför de har flyttat hit.",
    },
    "status": Strategy.Status.CONSULTATION,
    "focus_areas": [
        {
            "title": "Delaktighet och gemenskap",
            "summary": "Platser och personer som gör det lättare att träffa andra och vara med.",
            "description": "Mötesplatser nära där man bor, som skolor och bibliotek, språkcaféer, kulturella "
            "evenemang och kontaktpersoner för den som är ny.",
            "framework_codes": ["PAR", "INF"],
            "goals": [("Fler nyanlända deltar i föreningar och på lokala mötesplatser.", "")],
        },
        {
            "title": "Egenmakt genom arbete, utbildning och språk",
            "summary": "Språkstöd tidigt och tydliga vägar till arbete.",
            "description": "Stöd i svenska tidigt, till exempel i förskolan och på föräldracaféer; vägar till "
            "arbete genom praktik, vägledning och eget företagande, med särskild omsorg om kvinnor som "
            "har flytt eller invandrat.",
            "framework_codes": ["EDU", "EMP", "CHI", "EQU"],
            "goals": [("Fler nyanlända kvinnor hittar en väg till arbete eller studier.", "")],
        },
        {
            "title": "Likvärdig tillgång och respektfullt bemötande",
            "summary": "Service som alla förstår och som behandlar alla lika.",
            "description": "Information på flera språk, utbildning i interkulturellt bemötande för personalen "
            "och arbete mot diskriminering så att alla behandlas lika.",
            "framework_codes": ["INF", "EQU"],
            "goals": [],
        },
        {
            "title": "Samverkan och styrning",
            "summary": "Att arbeta tillsammans med civilsamhälle och näringsliv, och mäta hur det går.",
            "description": "Partnerskap med civilsamhället och företagen, kommunikation som når alla och "
            "integrationsmål som går att mäta.",
            "framework_codes": ["GOV", "MON"],
            "goals": [("Integrationsmålen går att mäta och följs upp varje år.", "")],
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

# A Finnish municipality's integration programme (kotouttamisohjelma) under the Act on the
# Promotion of Integration, with the employment services the municipalities took over from the
# state in 2025; the themes follow the Finnish seed: a receptive society, good relations between
# population groups, refugee reception, cooperation across sectors and partnerships.
VAASA = {
    "strategy": {
        "title": "Vaasan kotouttamisohjelma 2025–2028 (demo)",
        "language": "fi",
        "period_start": 2025,
        "period_end": 2028,
        "vision": "Vaasa on kaksikielinen ja kansainvälinen kaupunki, jossa jokainen voi kokea olevansa "
        "kotona, oppia, tehdä työtä ja vaikuttaa.",
        "purpose": "Ohjelma kertoo, miten kaupunki ja sen kumppanit edistävät kotoutumista yhdessä: työ ja "
        "osaaminen, kieli ja koulutus, lapset ja perheet sekä hyvät väestösuhteet. Työllisyyspalvelut "
        "siirtyivät kunnalle vuonna 2025, joten ohjelma on myös kaupungin työllisyystyön väline.",
        "target_groups": "Kaikki Vaasaan muuttaneet maahanmuuttajat, myös pakolaisina vastaanotetut, sekä "
        "kaupungin kaikki asukkaat, koska kotoutuminen on kaksisuuntainen prosessi.",
        "revision_date": date(2028, 12, 31),
    },
    "status": Strategy.Status.ADOPTED,
    "adoption": {
        "adopted_by": "Kaupunginvaltuusto",
        "adopted_on": date(2025, 5, 26),
        "decision_reference": "Kv 26.5.2025 § 45 (demo)",
    },
    "focus_areas": [
        {
            "title": "Vastaanottava yhteiskunta ja hyvät väestösuhteet",
            "summary": "Kaupunki, jossa kaikki tuntevat olevansa tervetulleita ja turvassa.",
            "description": "Syrjinnän ehkäisy, kohtaamispaikat, yhdistysten ja uskonnollisten yhteisöjen "
            "tuki sekä tieto palveluista suomeksi, ruotsiksi ja muilla kielillä.",
            "framework_codes": ["PAR", "EQU", "INF"],
            "we_want": ["Jokainen vaasalainen kokee kuuluvansa kaupunkiin."],
            "we_will": ["Avata kohtaamispaikkoja kirjastoihin ja asukastaloihin.", "Kouluttaa henkilöstöä."],
            "goals": [("Yhä useampi maahanmuuttaja kokee kuuluvansa Vaasaan.", "70 % vuonna 2028")],
        },
        {
            "title": "Työ ja osaaminen",
            "summary": "Nopeampi polku työhön ja osaamisen tunnistaminen.",
            "description": "Kunnan työllisyyspalvelut, kotoutumissuunnitelma, osaamisen tunnistaminen, "
            "työnantajayhteistyö ja yrittäjyyden tuki.",
            "framework_codes": ["EMP", "EDU"],
            "we_want": ["Maahanmuuttajien työllisyysaste nousee lähemmäs koko väestön tasoa."],
            "we_will": ["Tehdä jokaiselle kotoutumissuunnitelman kolmen kuukauden kuluessa."],
            "goals": [("Ulkomaalaistaustaisten työllisyysaste nousee.", "60 % vuonna 2028")],
        },
        {
            "title": "Kieli ja koulutus",
            "summary": "Suomen tai ruotsin kieltä arjessa, koulussa ja työssä.",
            "description": "Kotoutumiskoulutus, kielen oppiminen työn ohessa, oman äidinkielen opetus ja "
            "tuki nuorille toisen asteen koulutukseen.",
            "framework_codes": ["EDU", "CHI"],
            "we_want": ["Jokainen voi oppia suomea tai ruotsia omaan elämäänsä sopivalla tavalla."],
            "we_will": ["Järjestää kielikursseja myös iltaisin ja työpaikoilla."],
            "goals": [("Yhä useampi suorittaa kotoutumiskoulutuksen tavoitetasolla.", "")],
        },
        {
            "title": "Lapset, nuoret ja perheet",
            "summary": "Hyvä alku varhaiskasvatuksessa, koulussa ja vapaa-ajalla.",
            "description": "Varhaiskasvatus, perhetyö, harrastukset ja lasten kuuleminen; tuki traumoja "
            "kokeneille lapsille ja perheille.",
            "framework_codes": ["CHI", "HEA", "PAR"],
            "we_want": ["Jokaisella lapsella on harrastus ja turvallinen aikuinen."],
            "we_will": ["Kysyä lapsilta itseltään, mitä he tarvitsevat."],
            "goals": [("Yhä useampi maahanmuuttajataustainen lapsi osallistuu varhaiskasvatukseen.", "")],
        },
        {
            "title": "Yhteistyö ja kumppanuudet",
            "summary": "Kaupunki, hyvinvointialue, järjestöt ja yritykset toimivat yhdessä.",
            "description": "Monialainen yhteistyö, kumppanuusohjelman verkostot, ohjelman seuranta ja "
            "maahanmuuttajien osallistuminen päätöksentekoon.",
            "framework_codes": ["GOV", "MON"],
            "we_want": ["Työ kotoutumisen edistämiseksi on suunnitelmallista ja sitä seurataan."],
            "we_will": ["Raportoida ohjelman toteutumisesta valtuustolle vuosittain."],
            "goals": [("Ohjelman toteutumista seurataan vuosittain yhdessä kumppanien kanssa.", "")],
        },
    ],
}

DEMO_STRATEGIES = {"mark": MARK, "molndal": MOLNDAL, "mala": MALA, "vaasa": VAASA}


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
