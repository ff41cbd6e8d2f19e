"""Demo action plans for Mölndal and Mark: a few actions per focus area of the kind the seed
documents describe (language support, work practice, meeting places, housing advice), with
made-up progress. Idempotent: the plan is found by its title, actions by their number."""

from datetime import date

from samskapa.actions.models import ActionPlan
from samskapa.actions.services import action_create, plan_create, progress_post
from samskapa.actors.models import Actor
from samskapa.strategy.models import FocusArea, Strategy

# (focus area, title, description, lead, status, percent, progress update: also the reason when delayed)
MOLNDAL = [
    (
        "Arbete och egenförsörjning",
        "Praktikplatser i stadens verksamheter",
        "Nyanlända får arbetspraktik med handledare i stadens egna verksamheter, som steg mot anställning.",
        "Arbetsmarknadsenheten",
        "ongoing",
        60,
        "Trettio praktikplatser är inrättade; tolv deltagare har gått vidare till anställning eller studier.",
    ),
    (
        "Arbete och egenförsörjning",
        "Yrkessvenska tillsammans med arbetsgivare",
        "Svenska för invånare med yrkeserfarenhet, kopplad till branscher som behöver folk.",
        "Arbetsmarknadsenheten",
        "planned",
        0,
        "",
    ),
    (
        "Utbildning",
        "Studiehandledning på modersmålet",
        "Elever som nyss kommit till Sverige får studiehandledning på sitt modersmål i alla ämnen.",
        "Barn- och utbildningsförvaltningen",
        "done",
        100,
        "Studiehandledning finns nu på sju språk på stadens skolor.",
    ),
    (
        "Delaktighet och sociala sammanhang",
        "Språkcaféer på biblioteken",
        "Öppna träffar varje vecka där nya och etablerade invånare pratar svenska tillsammans.",
        "Kultur och fritid",
        "ongoing",
        45,
        "Språkcaféer hålls varje vecka på två bibliotek; i snitt kommer femton personer.",
    ),
    (
        "Boende",
        "Boenderådgivning för nyanlända familjer",
        "Rådgivning om hur man söker bostad, hyresrätt och kontrakt, på flera språk.",
        "Socialtjänsten",
        "delayed",
        20,
        "Rådgivarna har inte kunnat rekryteras än; material på fyra språk är klart.",
    ),
]
MARK = [
    (
        "Participation and community",
        "Kontaktperson för varje ny familj",
        "Varje nyanländ familj erbjuds en kontaktperson som visar runt i kommunen det första året.",
        "Socialtjänsten",
        "ongoing",
        50,
        "Tjugo familjer har en kontaktperson; fler frivilliga behövs i Skene.",
    ),
    (
        "Empowerment through work, education and language",
        "Föräldracaféer med språkstöd i förskolan",
        "Träffar för föräldrar i förskolan där barnens språk och föräldrarnas svenska övas tillsammans.",
        "Barn- och utbildningsförvaltningen",
        "planned",
        0,
        "",
    ),
    (
        "Empowerment through work, education and language",
        "Vägar till arbete för utrikes födda kvinnor",
        "Vägledning, praktik och kontakt med arbetsgivare för kvinnor som står långt från arbetsmarknaden.",
        "Arbetsmarknadsenheten",
        "ongoing",
        35,
        "Två grupper med tolv deltagare vardera har startat.",
    ),
    (
        "Equal access and respectful services",
        "Information på flera språk om kommunens service",
        "Kommunens viktigaste information finns på de språk invånarna läser, skriven i klarspråk.",
        "Kultur och fritid",
        "done",
        100,
        "Informationen finns nu på svenska, arabiska, somaliska, tigrinja och ukrainska.",
    ),
]
PLANS = {
    "molndal": ("Handlingsplan för integration 2025–2026 (demo)", MOLNDAL),
    "mark": ("Handlingsplan 2026 (demo)", MARK),
}


def build(organisation, coordinator) -> None:
    if organisation.slug not in PLANS:
        return
    title, actions = PLANS[organisation.slug]
    strategy = Strategy.objects.filter(organisation=organisation).order_by("pk").first()
    if strategy is None:
        return
    plan = ActionPlan.objects.filter(organisation=organisation, title=title).first() or plan_create(
        actor=coordinator,
        organisation=organisation,
        strategy=strategy,
        title=title,
        period_start=date(2025, 1, 1),
        period_end=date(2026, 12, 31),
    )
    for number, (area, name, description, lead, status, percent, update) in enumerate(actions, start=1):
        if plan.actions.filter(number=number).exists():
            continue
        lead_actor = Actor.objects.filter(organisation=organisation, name=lead).first()
        if lead_actor is None:
            continue
        action = action_create(
            actor=coordinator,
            organisation=organisation,
            plan=plan,
            number=number,
            title=name,
            description=description,
            focus_area_id=FocusArea.objects.filter(strategy=strategy, title=area).values_list("pk", flat=True).first(),
            lead_id=lead_actor.pk,
            start=date(2025, 2, 1),
            end=date(2026, 12, 31),
        )
        if update:
            progress_post(
                actor=coordinator,
                organisation=organisation,
                action=action,
                text=update,
                status=status,
                percent_complete=percent,
            )
