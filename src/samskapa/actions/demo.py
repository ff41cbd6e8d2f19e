"""Demo action plans for Mark, Mölndal and Malå: concrete actions of the kind their strategies call
for, with leads from the demo actor registry, budgets, funding, progress and child impact
assessments. Made up in our own words and marked as demo data (plan titles end in "(demo)", and
the organisations are demo organisations). Idempotent: plans and actions are found by title.

Actions go through the services, as a coordinator would enter them: an action that affects
children is set to ongoing only after its child impact assessment is completed, and progress is
reported by the colleague responsible for the action.
"""

from datetime import date
from decimal import Decimal

from samskapa.accounts.models import User
from samskapa.actions import services
from samskapa.actions.models import Action, ActionPlan, Funding, Status
from samskapa.actors.models import Actor
from samskapa.strategy.demo import DEMO_STRATEGIES
from samskapa.strategy.models import FocusArea, Goal, Principle, Strategy

D = date.fromisoformat
S, F = Status, Funding

ASSESSMENT_EN = {
    "consulted": "yes",
    "articles": [2, 3, 6, 12],
    "assessed_by": "Child rights coordinator, Marks kommun (demo)",
}
ASSESSMENT_SV = {"consulted": "yes", "articles": [2, 3, 6, 12], "assessed_by": "Barnrättsstrateg (demo)"}

MARK = {
    "plan": {
        "title": "Action plan 2024–2025 (demo)",
        "period_start": D("2024-01-01"),
        "period_end": D("2025-12-31"),
        "description": "The first actions of the integration strategy, chosen with the co-creation committee.",
    },
    "actions": [
        {
            "title": "Parent café with language support in Skene",
            "description": "A weekly café at the preschool where newcomer parents practise Swedish, meet staff "
            "and other parents, and learn how preschool and school work.",
            "area": "Empowerment through work, education and language",
            "lead": "Barn- och utbildningsförvaltningen",
            "partners": ["Save the Children (SALAM project)", "Svenska kyrkan"],
            "start": "2024-02-01",
            "end": "2025-12-31",
            "budget": "420000",
            "funding": F.AMIF,
            "funding_note": "Shared with the SALAM project",
            "target_groups": ["families", "children", "women"],
            "principles": ["co-creation", "capacity-building"],
            "responsible": "skola",
            "assessment": {
                **ASSESSMENT_EN,
                "children_affected": "Children aged 1–6 in preschool and their younger siblings.",
                "consultation": "Preschool teachers asked the children with pictures what they like at the café.",
                "best_interest": "Parents who understand preschool support their children's learning.",
                "articles": [2, 3, 6, 12, 28],
                "positive_impacts": "Earlier language support at home; parents trust the preschool more.",
                "conclusion": "The action is in the children's best interest; continue and follow up yearly.",
                "assessed_on": D("2024-01-20"),
            },
            "updates": [
                ("2024-03-15", "Twelve families came to the first six cafés.", S.ONGOING, 15),
                ("2024-11-10", "A second group in Arabic and Somali started in the autumn.", S.ONGOING, 55),
            ],
        },
        {
            "title": "Work practice with local employers for newcomer women",
            "description": "Matching newcomer women with work practice at local employers, with a mentor "
            "and Swedish for the workplace.",
            "area": "Empowerment through work, education and language",
            "goal": True,
            "lead": "Arbetsmarknadsenheten",
            "partners": ["Arbetsförmedlingen", "Kinna Företagarförening"],
            "start": "2024-03-01",
            "end": "2025-10-31",
            "budget": "950000",
            "funding": F.ESF,
            "target_groups": ["women", "newcomers"],
            "principles": ["mainstreaming-participation", "long-term-sustainability"],
            "responsible": "arbetsmarknad",
            "updates": [
                ("2024-05-02", "Eight employers signed up; the first five women started.", S.ONGOING, 25),
                (
                    "2024-12-05",
                    "The ESF+ decision came three months late, so the second intake moved to spring.",
                    S.DELAYED,
                    40,
                ),
            ],
        },
        {
            "title": "Information about municipal services in six languages",
            "description": "Short films and leaflets about school, health care and housing, made with "
            "residents who speak the languages.",
            "area": "Equal access and respectful services",
            "lead": "Kultur och fritid",
            "partners": ["Somaliska föreningen i Mark", "Islamiska kulturföreningen"],
            "start": "2024-04-01",
            "end": "2024-12-31",
            "budget": "180000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "residents"],
            "principles": ["transparency", "co-creation"],
            "updates": [
                ("2024-06-20", "Scripts agreed with the associations.", S.ONGOING, 40),
                ("2024-12-18", "Ten films published on the website and shown at the library.", S.DONE, 100),
            ],
        },
        {
            "title": "Intercultural competence training for front-line staff",
            "description": "Half-day training for staff who meet residents, on bias, interpreters and plain language.",
            "area": "Equal access and respectful services",
            "lead": "Individ- och familjeomsorgen",
            "start": "2025-01-15",
            "end": "2025-11-30",
            "budget": "120000",
            "funding": F.MUNICIPAL,
            "target_groups": ["staff"],
            "principles": ["capacity-building"],
            "updates": [],
        },
        {
            "title": "Language café and homework help at Kinna library",
            "description": "Evenings with volunteers where children get help with homework and adults "
            "practise Swedish.",
            "area": "Participation and community",
            "goal": True,
            "lead": "Kultur och fritid",
            "partners": ["Röda Korset", "Studieförbund"],
            "start": "2024-01-15",
            "end": "2025-12-31",
            "budget": "90000",
            "funding": F.STATE,
            "funding_note": "Grant from the county administrative board",
            "target_groups": ["children", "adults", "newcomers"],
            "principles": ["social-cohesion"],
            "assessment": {
                **ASSESSMENT_EN,
                "children_affected": "School children aged 7–15 who come for homework help.",
                "consultation": "The youth council and pupils at two schools said which evenings suit them.",
                "best_interest": "A calm place to study and adults who help increase children's chances at school.",
                "articles": [2, 3, 6, 12, 28, 31],
                "positive_impacts": "Better homework routines and new friends across backgrounds.",
                "negative_impacts": "Children without transport from Fritsla cannot come in the evening.",
                "mitigation": "A bus ticket is offered to families who ask for one.",
                "conclusion": "Positive for the children; the travel problem is handled with bus tickets.",
                "assessed_on": D("2024-01-10"),
            },
            "updates": [("2024-09-30", "Forty children a week on average this autumn.", S.ONGOING, 60)],
        },
        {
            "title": "Measurable integration goals and a yearly follow-up",
            "description": "Indicators for every focus area and a yearly report to the council, discussed "
            "with the co-creation committee.",
            "area": "Collaboration and governance",
            "goal": True,
            "lead": "Individ- och familjeomsorgen",
            "partners": ["Västra Götalandsregionen"],
            "start": "2024-09-01",
            "end": "2025-06-30",
            "budget": "60000",
            "funding": F.MUNICIPAL,
            "target_groups": ["residents"],
            "principles": ["participatory-monitoring", "transparency", "inclusive-governance"],
            "updates": [("2025-02-12", "Indicators chosen; the first report is being written.", S.ONGOING, 50)],
        },
        {
            "title": "Summer activities for young people in the villages",
            "description": "Football, swimming and outings for young people in Fritsla and Horred.",
            "area": "Participation and community",
            "lead": "Kultur och fritid",
            "partners": ["Unga i Mark"],
            "start": "2025-06-01",
            "end": "2025-08-31",
            "budget": "150000",
            "funding": F.REGION,
            "target_groups": ["youth", "children"],
            "principles": ["social-cohesion", "co-creation"],
            "assessment_draft": {"children_affected": "Young people aged 13–17 in Fritsla and Horred."},
            "updates": [],
        },
    ],
}

MOLNDAL = {
    "plan": {
        "title": "Handlingsplan för integration 2023–2024 (demo)",
        "period_start": D("2023-01-01"),
        "period_end": D("2024-12-31"),
        "description": "Konkreta aktiviteter som gör verkstad av integrationsstrategin under två år.",
        "adopted_by": "Kommunstyrelsen",
        "adopted_on": D("2022-08-31"),
    },
    "actions": [
        {
            "title": "Språkpraktik i stadens egna verksamheter",
            "description": "Nyanlända får praktik med handledare i förskola, äldreomsorg och park, kombinerat med SFI.",
            "area": "Arbete och egenförsörjning",
            "goal": True,
            "lead": "Social- och arbetsmarknadsförvaltningen",
            "partners": ["Arbetsförmedlingen"],
            "start": "2023-02-01",
            "end": "2024-12-31",
            "budget": "1200000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "adults"],
            "principles": ["long-term-sustainability"],
            "responsible": "arbetsmarknad",
            "updates": [
                ("2023-06-15", "22 praktikplatser i sex verksamheter.", S.ONGOING, 35),
                ("2024-12-10", "61 deltagare; 24 gick vidare till arbete eller studier.", S.DONE, 100),
            ],
        },
        {
            "title": "Studiehandledning på modersmål i grundskolan",
            "description": "Fler studiehandledare så att nyanlända elever kan följa undervisningen i alla ämnen.",
            "area": "Utbildning",
            "goal": True,
            "lead": "Barn- och utbildningsförvaltningen",
            "start": "2023-08-15",
            "end": "2024-06-15",
            "budget": "800000",
            "funding": F.STATE,
            "funding_note": "Statsbidrag från Skolverket",
            "target_groups": ["children"],
            "principles": ["mainstreaming-participation"],
            "responsible": "skola",
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Nyanlända elever i årskurs 4–9.",
                "consultation": "Elevhälsan intervjuade tolv elever om vad som gör lektionerna svåra.",
                "best_interest": "Att förstå undervisningen på sitt starkaste språk ger barnen bättre chans "
                "att klara skolan.",
                "articles": [2, 3, 6, 12, 28, 29],
                "positive_impacts": "Fler elever når godkända betyg; mindre utanförskap i klassrummet.",
                "conclusion": "Åtgärden är till barnens bästa.",
                "assessed_on": D("2023-06-01"),
            },
            "updates": [
                ("2023-10-01", "Fem nya studiehandledare anställda (arabiska, dari, somaliska).", S.ONGOING, 40),
                ("2024-06-20", "Läsåret avslutat; utvärderingen visar högre måluppfyllelse.", S.DONE, 100),
            ],
        },
        {
            "title": "Mötesplats för föreningar och nya mölndalsbor",
            "description": "En föreningsmässa varje höst och en mötesplats på biblioteket där föreningar "
            "presenterar sig.",
            "area": "Delaktighet och sociala sammanhang",
            "goal": True,
            "lead": "Kultur och fritid",
            "partners": ["Studieförbund", "Svenska kyrkan", "Röda Korset"],
            "start": "2023-03-01",
            "end": "2024-12-31",
            "budget": "250000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "residents", "families"],
            "principles": ["social-cohesion", "co-creation"],
            "assessment": {
                **ASSESSMENT_SV,
                "consulted": "no",
                "children_affected": "Barn som följer med sina föräldrar till mässan och mötesplatsen.",
                "consultation": "Barnen hördes inte särskilt; åtgärden riktar sig i första hand till vuxna.",
                "best_interest": "Familjer som hittar en förening ger barnen fler fritidsaktiviteter.",
                "positive_impacts": "Fler barn börjar i en idrotts- eller kulturförening.",
                "conclusion": "Ingen negativ påverkan på barn; barn hörs inför nästa mässa.",
                "assessed_on": D("2023-02-10"),
            },
            "updates": [
                ("2023-10-14", "Första mässan: 35 föreningar och omkring 400 besökare.", S.ONGOING, 50),
                ("2024-10-12", "Andra mässan genomförd.", S.ONGOING, 90),
            ],
        },
        {
            "title": "Boendeinsatser mot trångboddhet",
            "description": "Råd om bostadssökande och byten till större lägenheter för familjer som bor trångt.",
            "area": "Boende",
            "goal": True,
            "lead": "Mölndalsbostäder",
            "partners": ["Socialtjänsten"],
            "start": "2023-09-01",
            "end": "2024-12-31",
            "budget": "300000",
            "funding": F.MUNICIPAL,
            "target_groups": ["families"],
            "principles": ["inclusive-governance"],
            "responsible": "bostad",
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Barn i familjer som bor trångt i stadens bostadsbestånd.",
                "consultation": "Samtal med barn i tre familjer om hur det är att bo trångt.",
                "best_interest": "Egen plats att sova och göra läxor på.",
                "articles": [2, 3, 6, 12, 27],
                "positive_impacts": "Bättre sömn och studiero.",
                "negative_impacts": "Ett byte kan innebära att barnet måste byta skola.",
                "mitigation": "Familjen erbjuds lägenhet i samma skolområde när det går.",
                "conclusion": "Positiv för barnen med hänsyn till skolbyten.",
                "assessed_on": D("2023-08-20"),
            },
            "updates": [
                ("2024-03-01", "Arton familjer har fått råd; fyra har bytt lägenhet.", S.ONGOING, 30),
                (
                    "2024-09-15",
                    "Få större lägenheter blev lediga; insatsen förlängs in i nästa plan.",
                    S.DELAYED,
                    45,
                ),
            ],
        },
        {
            "title": "Gemensam uppföljning av integrationsarbetet",
            "description": "En årlig uppföljning till nämnden med nyckeltal för alla fem fokusområden.",
            "area": "Internt utvecklingsarbete",
            "goal": True,
            "lead": "Social- och arbetsmarknadsförvaltningen",
            "start": "2023-01-01",
            "end": "2024-12-31",
            "budget": "50000",
            "funding": F.MUNICIPAL,
            "target_groups": ["staff"],
            "principles": ["participatory-monitoring", "transparency"],
            "updates": [("2024-02-20", "Uppföljningen för 2023 redovisad för nämnden.", S.ONGOING, 50)],
        },
        {
            "title": "Utbildning i bemötande för stadens medarbetare",
            "description": "Kurs i bemötande och tolkanvändning enligt stadens bemötandeplan.",
            "area": "Internt utvecklingsarbete",
            "lead": "Social- och arbetsmarknadsförvaltningen",
            "start": "2024-01-01",
            "end": "2024-06-30",
            "budget": "80000",
            "funding": F.MUNICIPAL,
            "target_groups": ["staff"],
            "principles": ["capacity-building"],
            "cancelled": "Ersätts av stadens gemensamma utbildning i bemötande som startar 2025.",
            "updates": [],
        },
    ],
}

MALA = {
    "plan": {
        "title": "Handlingsplan 2024–2025 (demo)",
        "period_start": D("2024-01-01"),
        "period_end": D("2025-12-31"),
        "description": "Aktiviteter för strategins tre steg fram till revideringen 2025.",
        "adopted_by": "Kommunstyrelsen",
        "adopted_on": D("2023-12-12"),
    },
    "actions": [
        {
            "title": "Samhällsorientering och kontaktperson för varje familj",
            "description": "Varje ny familj får en kontaktperson under första året och erbjuds "
            "samhällsorientering på sitt språk.",
            "area": "Tillhörighet",
            "goal": True,
            "lead": "Integrationsservice",
            "partners": ["Försäkringskassan"],
            "start": "2024-01-01",
            "end": "2025-12-31",
            "budget": "350000",
            "funding": F.STATE,
            "funding_note": "Schablonersättning för mottagandet",
            "target_groups": ["newcomers", "families"],
            "principles": ["capacity-building", "transparency"],
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Barn i nyanlända familjer som bosätter sig i Malå.",
                "consultation": "Kontaktpersonerna frågar barnen vad de behöver veta om skolan och fritiden.",
                "best_interest": "Trygga föräldrar och ett bra mottagande ger barnen en bättre start.",
                "articles": [2, 3, 6, 12, 22],
                "positive_impacts": "Barnen får snabbare plats i skola och fritid.",
                "conclusion": "Åtgärden är till barnens bästa.",
                "assessed_on": D("2023-12-01"),
            },
            "updates": [("2024-08-30", "Sju familjer har kontaktperson.", S.ONGOING, 45)],
        },
        {
            "title": "Nystartsjobb i kommunens verksamheter",
            "description": "Anställningar med stöd i kommunens egna verksamheter, kombinerade med yrkessvenska.",
            "area": "Framtid",
            "goal": True,
            "lead": "Arbetsmarknadsenheten",
            "partners": ["Arbetsförmedlingen", "Region Västerbotten"],
            "start": "2024-02-01",
            "end": "2025-12-31",
            "budget": "600000",
            "funding": F.ESF,
            "funding_note": "Inom utvecklingsprojektet SIKT 2.0",
            "target_groups": ["adults", "newcomers"],
            "principles": ["long-term-sustainability"],
            "responsible": "arbetsmarknad",
            "updates": [("2024-10-01", "Fyra personer anställda med nystartsjobb.", S.ONGOING, 40)],
        },
        {
            "title": "Marknadsföring av Malå som plats att bo och verka på",
            "description": "Berättelser från nyinflyttade på webben och i sociala medier.",
            "area": "Framtid",
            "lead": "Integrationsservice",
            "start": "2025-03-01",
            "end": "2025-12-31",
            "budget": "75000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "residents"],
            "principles": ["transparency"],
            "updates": [],
        },
        {
            "title": "Fritidsaktiviteter för barn och unga tillsammans med föreningslivet",
            "description": "Prova-på-dagar i idrott och kultur och stöd till föreningar som tar emot nya medlemmar.",
            "area": "Fritid",
            "goal": True,
            "lead": "Utbildningsavdelningen",
            "partners": ["Föreningslivet i Malå", "Nilaskolan"],
            "start": "2024-04-01",
            "end": "2025-10-31",
            "budget": "140000",
            "funding": F.AMIF,
            "target_groups": ["children", "youth"],
            "principles": ["social-cohesion", "co-creation"],
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Barn och unga 7–18 år, både nyanlända och andra malåbor.",
                "consultation": "Elevrådet på Nilaskolan valde vilka aktiviteter som skulle prövas.",
                "best_interest": "Lek och fritid med andra barn ger vänner och språk.",
                "articles": [2, 3, 6, 12, 31],
                "positive_impacts": "Fler barn deltar i en förening.",
                "negative_impacts": "Avgifter kan stänga ute barn i familjer med låg inkomst.",
                "mitigation": "Föreningarna får bidrag för att slopa avgiften första året.",
                "conclusion": "Positiv för barnen när avgiftsfrågan är löst.",
                "assessed_on": D("2024-03-05"),
            },
            "updates": [
                ("2024-06-10", "Tre prova-på-dagar med 60 barn.", S.ONGOING, 30),
                (
                    "2025-01-20",
                    "Vintersäsongen ställdes in när ledare saknades; fortsätter till sommaren.",
                    S.DELAYED,
                    45,
                ),
            ],
        },
        {
            "title": "Mötesplats på Malå bibliotek",
            "description": "Öppen mötesplats två kvällar i veckan med språkcafé och föreningsinformation.",
            "area": "Tillhörighet",
            "lead": "Utbildningsavdelningen",
            "partners": ["Föreningslivet i Malå"],
            "start": "2024-01-15",
            "end": "2024-12-20",
            "budget": "40000",
            "funding": F.MUNICIPAL,
            "target_groups": ["adults", "residents"],
            "principles": ["social-cohesion"],
            "updates": [("2024-12-20", "Mötesplatsen permanent från 2025.", S.DONE, 100)],
        },
    ],
}

DEMO_PLANS = {"mark": MARK, "molndal": MOLNDAL, "mala": MALA}


def _colleague(organisation, local: str | None):
    if not local:
        return None
    return User.objects.filter(email=f"{local}@{organisation.slug}.demo.test").first()


def _fields(organisation, strategy, spec: dict) -> dict:
    area = FocusArea.objects.get(strategy=strategy, title=spec["area"])
    goal = Goal.objects.filter(focus_area=area).first() if spec.get("goal") else None
    actors = {a.name: a.pk for a in Actor.objects.filter(organisation=organisation)}
    principles = Principle.objects.filter(organisation=organisation, code__in=spec.get("principles", []))
    return {
        "title": spec["title"],
        "description": spec["description"],
        "focus_area_id": area.pk,
        "lead_id": actors[spec["lead"]],
        "start": D(spec["start"]),
        "end": D(spec["end"]),
        "budget": Decimal(spec["budget"]),
        "currency": "SEK",
        "funding": spec["funding"],
        "funding_note": spec.get("funding_note", ""),
        "target_groups": spec["target_groups"],
        "goal_ids": [goal.pk] if goal else [],
        "partner_ids": [actors[name] for name in spec.get("partners", [])],
        "principle_ids": [p.pk for p in principles],
    }


def _action(organisation, coordinator, plan: ActionPlan, strategy: Strategy, spec: dict) -> None:
    if Action.objects.filter(plan=plan, title=spec["title"]).exists():
        return
    fields = _fields(organisation, strategy, spec)
    person = _colleague(organisation, spec.get("responsible"))
    if person is not None:
        fields["responsible_ids"] = [person.pk]
    action = services.action_create(actor=coordinator, organisation=organisation, plan=plan, **fields)
    if "assessment" in spec:
        services.assessment_save(
            actor=coordinator, organisation=organisation, action=action, complete=True, **spec["assessment"]
        )
    elif "assessment_draft" in spec:
        services.assessment_save(
            actor=coordinator, organisation=organisation, action=action, **spec["assessment_draft"]
        )
    for day, text, status, percent in spec["updates"]:
        action.refresh_from_db()
        services.progress_post(
            actor=person or coordinator,
            organisation=organisation,
            action=action,
            text=text,
            date=D(day),
            status=status,
            percent_complete=percent,
        )
    if "cancelled" in spec:
        action.refresh_from_db()
        services.action_update(
            actor=coordinator,
            organisation=organisation,
            action=action,
            status=Status.CANCELLED,
            status_reason=spec["cancelled"],
        )


def build(organisation, coordinator) -> None:
    spec = DEMO_PLANS.get(organisation.slug)
    if spec is None:
        return
    strategy_title = DEMO_STRATEGIES[organisation.slug]["strategy"]["title"]
    strategy = Strategy.objects.get(organisation=organisation, title=strategy_title)
    plan = ActionPlan.objects.filter(organisation=organisation, title=spec["plan"]["title"]).first()
    if plan is None:
        plan = services.plan_create(actor=coordinator, organisation=organisation, strategy=strategy, **spec["plan"])
    for action in spec["actions"]:
        _action(organisation, coordinator, plan, strategy, action)
