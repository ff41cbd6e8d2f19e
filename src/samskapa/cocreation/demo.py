"""Demo co-creation process for Mark (and a start for Mölndal and Malå), following the structure
of Mark's process in the seed documents: stakeholder mapping, about 35 interviews, focus groups and
committee meetings, a co-creation committee, a public survey, findings traced to the strategy.
Everything is written by us and marked as demo data. Idempotent: things are found by title."""

import random
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from samskapa.actions.models import Action
from samskapa.actors.models import Actor
from samskapa.analysis.suggest import codes_for
from samskapa.cocreation.demo_texts import ARABIC_QUOTES, SWEDISH_QUOTES, THEMES, VAASA_THEMES
from samskapa.cocreation.models import (
    Committee,
    CommitteeDecision,
    CommitteeMeeting,
    CommitteeMember,
    Consultation,
    Finding,
    FindingDecision,
    FindingInput,
    GroupTarget,
    Input,
    Participation,
    Question,
)
from samskapa.cocreation.services import committee as committee_services
from samskapa.cocreation.services import surveys as survey_services
from samskapa.core.history import save_as
from samskapa.strategy.models import FocusArea, Goal

C = Consultation.Kind
# Mark: (title, kind, date, place, languages, facilitator, {group: count}, [actors], [themes], inputs)
INTERVIEWS = [
    ("Intervju: rektor, Skene", "Barn- och utbildningsförvaltningen", {"staff": 1}, ["school", "children"]),
    ("Intervju: SFI-lärare", "Arbetsmarknadsenheten", {"staff": 2}, ["school", "women"]),
    ("Intervju: socialtjänsten, mottagningsgruppen", "Socialtjänsten", {"staff": 2}, ["welcome", "trust"]),
    ("Intervju: familjestödet", "Individ- och familjeomsorgen", {"staff": 1}, ["trust", "health"]),
    ("Intervju: bibliotek och fritid", "Kultur och fritid", {"staff": 1}, ["participation", "children"]),
    ("Intervju: Arbetsförmedlingen, lokalkontoret", "Arbetsförmedlingen", {"staff": 2}, ["work", "strategy"]),
    ("Intervju: bostadsbolaget", "Marks Bostad AB", {"staff": 1}, ["welcome", "services"]),
    ("Intervju: volontärer i Röda Korset", "Röda Korset", {"ngos": 3}, ["health", "participation"]),
    ("Intervju: Svenska kyrkan, Kinna församling", "Svenska kyrkan", {"ngos": 2}, ["welcome", "participation"]),
    (
        "Intervju: Islamiska kulturföreningen",
        "Islamiska kulturföreningen",
        {"ngos": 2, "newcomers": 2},
        ["trust", "participation"],
    ),
    (
        "Intervju: Somaliska föreningen",
        "Somaliska föreningen i Mark",
        {"ngos": 2, "newcomers": 2},
        ["participation", "women"],
    ),
    ("Intervju: arbetsgivare i textilindustrin", "Textilföretag i Kinna", {"businesses": 1}, ["work"]),
    ("Intervju: företagarföreningen", "Kinna Företagarförening", {"businesses": 2}, ["work", "strategy"]),
    ("Intervju: restaurangägare", None, {"businesses": 1, "newcomers": 1}, ["work", "services"]),
    ("Intervju: lokalpolisen", "Polisen i Mark", {"staff": 1}, ["trust"]),
    ("Intervju: vårdcentralen", "Vårdcentralen Kinna", {"staff": 2}, ["health", "services"]),
    ("Intervju: nyanländ pappa till tre barn", None, {"newcomers": 1}, ["school", "work"]),
    ("Intervju: nyanländ mamma, nyss kommen", None, {"newcomers": 1, "women": 1}, ["women", "welcome"]),
    ("Intervju: ung vuxen, språkintroduktion", None, {"newcomers": 1, "children": 1}, ["school", "work"]),
    ("Intervju: pensionerad lärare, volontär i lokalsamhället", None, {"host": 1}, ["participation", "welcome"]),
]
FOCUS_GROUPS = [
    (
        "Fokusgrupp: kvinnogruppen på biblioteket (arabiska)",
        ["ar", "sv"],
        {"newcomers": 9, "women": 9},
        ["women", "health", "services"],
        "Islamiska kulturföreningen",
    ),
    (
        "Fokusgrupp: föräldracaféet, förskolan i Skene",
        ["so", "ar", "sv"],
        {"newcomers": 11, "women": 7},
        ["school", "welcome", "trust"],
        "Föräldrar i Skene (nyanlända)",
    ),
    (
        "Fokusgrupp: elever på språkintroduktion",
        ["sv", "ar", "ti"],
        {"newcomers": 8, "children": 8},
        ["school", "work", "children"],
        "Marks gymnasieskola",
    ),
    (
        "Fokusgrupp: barn 10–12 år (rita och prata)",
        ["sv", "ar", "so"],
        {"children": 12, "newcomers": 7},
        ["children"],
        "Rädda Barnen (projektet SALAM)",
    ),
    (
        "Fokusgrupp: tigrinjatalande familjer",
        ["ti", "sv"],
        {"newcomers": 7, "women": 3},
        ["welcome", "trust", "health"],
        None,
    ),
    ("Fokusgrupp: grannar i Fritsla", ["sv"], {"host": 9}, ["welcome", "participation"], "Grannar i Fritsla"),
    (
        "Fokusgrupp: lärare och skolpersonal",
        ["sv"],
        {"staff": 8},
        ["school", "services", "strategy"],
        "Barn- och utbildningsförvaltningen",
    ),
    (
        "Fokusgrupp: föreningar och trossamfund",
        ["sv"],
        {"ngos": 9},
        ["participation", "strategy"],
        "Röda Korset",
    ),
]
WORKSHOPS = [
    (
        "Workshop: fokusområdena formas tillsammans",
        {"staff": 12, "ngos": 6, "newcomers": 5, "businesses": 2, "host": 3},
        ["strategy", "participation", "work"],
    ),
    ("Workshop: ungdomsrådet om fritid och trygghet", {"children": 14, "newcomers": 6}, ["children", "participation"]),
]
COMMITTEE_MEMBERS = [
    ("Rädda Barnen (projektet SALAM)", CommitteeMember.Role.CHAIR),
    ("Barn- och utbildningsförvaltningen", CommitteeMember.Role.MEMBER),
    ("Arbetsförmedlingen", CommitteeMember.Role.MEMBER),
    ("Röda Korset", CommitteeMember.Role.MEMBER),
    ("Somaliska föreningen i Mark", CommitteeMember.Role.MEMBER),
    ("Föräldrar i Skene (nyanlända)", CommitteeMember.Role.MEMBER),
    ("Unga i Mark", CommitteeMember.Role.MEMBER),
    ("Kinna Företagarförening", CommitteeMember.Role.MEMBER),
    ("Arbetsmarknadsenheten", CommitteeMember.Role.SECRETARY),
]
MEETINGS = [
    (
        "2024-10-08",
        "Uppdrag och arbetssätt; aktörskartan; plan för intervjuer och fokusgrupper.",
        "Kommittén enades om sitt uppdrag och om att träffas var sjätte vecka. "
        "Ledamöterna lade till tre aktörer på aktörskartan.",
        [("Kommittén träffas var sjätte vecka och protokollen publiceras.", None)],
    ),
    (
        "2024-11-19",
        "Första resultaten från intervjuerna; hur vi når barn och kvinnor.",
        "Intervjuerna har hittills mest nått personal. "
        "Kommittén bad om fokusgrupper med kvinnor och med barn före december.",
        [
            (
                "Håll en fokusgrupp med barn, ledd av Rädda Barnen, innan något projekt för barn utformas.",
                "Delaktighet och gemenskap",
            ),
            (
                "Håll en fokusgrupp för kvinnor på arabiska med kvinnlig tolk.",
                "Egenmakt genom arbete, utbildning och språk",
            ),
        ],
    ),
    (
        "2025-01-21",
        "Viktiga slutsatser och utkastet till fokusområden.",
        "Kommittén diskuterade de fem viktigaste slutsatserna och föreslog formuleringar för fokusområdena.",
        [
            (
                "Arbete och språk blir ett fokusområde, med särskild omsorg om kvinnors väg till arbete.",
                "Egenmakt genom arbete, utbildning och språk",
            ),
            ("Varje fokusområde får minst ett mätbart mål.", "Samverkan och styrning"),
        ],
    ),
    (
        "2025-03-04",
        "Utkastet till strategi inför remissen.",
        "",
        [
            (
                "Skicka utkastet på remiss till allmänheten på svenska, engelska, arabiska och somaliska.",
                "Likvärdig tillgång och respektfullt bemötande",
            )
        ],
    ),
]
FINDINGS = [
    (
        "Nya invånare behöver känna sig välkomna, respekterade och trygga där de bor.",
        "welcome",
        "Delaktighet och gemenskap",
        "Kontaktpersoner för nyanlända och mötesplatser i bostadsområdet ingår i fokusområdet om delaktighet.",
    ),
    (
        "En skola som stöttar och extra språkträning hjälper barnen och hela familjen.",
        "school",
        "Egenmakt genom arbete, utbildning och språk",
        "Tidigt språkstöd i förskolan och på föräldracaféer är inskrivet i strategin.",
    ),
    (
        "Människor vill ha studie- och yrkesvägledning, praktik som leder till jobb och mentorer som ser allt de kan.",
        "work",
        "Egenmakt genom arbete, utbildning och språk",
        "",
    ),
    (
        "Integration går åt båda hållen: nyanlända vill bidra, inte bara få stöd.",
        "participation",
        "Samverkan och styrning",
        "Nyanlända och föreningar sitter i samskapandekommittén.",
    ),
    (
        "Strategin måste vara konkret och begriplig, med tydliga roller för myndigheter, föreningar och företag.",
        "strategy",
        "Samverkan och styrning",
        "",
    ),
    (
        "Kvinnor, särskilt mammor till små barn, behöver ett första steg in i språk och arbete som passar deras liv.",
        "women",
        "Egenmakt genom arbete, utbildning och språk",
        "",
    ),
    (
        "Barn vill ha platser att vara på efter skolan och bli tillfrågade innan något bestäms åt dem.",
        "children",
        None,
        "",
    ),
    (
        "Många familjer är rädda för myndigheter; förtroende byggs av samma ansikten på välkända platser.",
        "trust",
        None,
        "",
    ),
    (
        "Information och service måste vara begriplig, finnas på flera språk och vara respektfull.",
        "services",
        "Likvärdig tillgång och respektfullt bemötande",
        "Information på flera språk och utbildning i interkulturellt bemötande ingår i fokusområdet "
        "om likvärdig tillgång.",
    ),
]
TARGETS = {
    "newcomers": (60, 8),
    "children": (30, 3),
    "women": (25, 3),
    "host": (25, 3),
    "staff": (30, 5),
    "ngos": (12, 4),
    "businesses": (8, 3),
}
SURVEY = {
    "title": "Hur vill du vara med i Mark? (demo)",
    "intro": "En kort, anonym enkät för alla som bor i Mark. Den tar ungefär tre minuter.",
    "thanks": "Tack! Det du skriver läses av dem som skriver integrationsstrategin.",
    "languages": ["sv", "en", "ar"],
    "texts": {
        "en": {
            "title": "How do you want to take part in Mark? (demo)",
            "intro": "A short, anonymous survey for everyone who lives in Mark. It takes about three minutes.",
            "thanks": "Thank you! What you write is read by the people drafting the integration strategy.",
        },
        "ar": {
            "title": "كيف تريد أن تشارك في مارك؟ (تجريبي)",
            "intro": "استبيان قصير ومجهول الهوية لكل من يعيش في مارك. يستغرق حوالي ثلاث دقائق.",
            "thanks": "شكرًا لك! ما تكتبه يقرؤه الأشخاص الذين يكتبون استراتيجية الاندماج.",
        },
    },
    # (kind, text in the first language, {other language: text}, [(choice in each language)], help)
    "questions": [
        (
            "scale",
            "Hur välkommen känner du dig i Mark?",
            {"en": "How welcome do you feel in Mark?", "ar": "إلى أي مدى تشعر بالترحيب في مارك؟"},
            [],
            "1 = inte alls, 5 = mycket",
        ),
        (
            "single",
            "Var träffar du oftast andra människor?",
            {"en": "Where do you most often meet other people?", "ar": "أين تلتقي بالآخرين في أغلب الأحيان؟"},
            [
                ("På biblioteket eller ett språkcafé", "At the library or a language café", "في المكتبة أو مقهى اللغة"),
                ("I skolan eller förskolan", "At school or preschool", "في المدرسة أو الروضة"),
                (
                    "I en förening eller ett trossamfund",
                    "In an association or faith community",
                    "في جمعية أو جماعة دينية",
                ),
                ("På jobbet", "At work", "في العمل"),
                ("Ingenstans än", "Nowhere yet", "لا مكان بعد"),
            ],
            "",
        ),
        (
            "multiple",
            "Vad skulle hjälpa dig mest?",
            {"en": "What would help you most?", "ar": "ما الذي سيساعدك أكثر؟"},
            [
                ("Att lära mig svenska", "Learning Swedish", "تعلم اللغة السويدية"),
                ("Ett jobb eller en praktikplats", "A job or work practice", "عمل أو تدريب عملي"),
                ("Ett bra boende", "A good place to live", "سكن جيد"),
                ("Fritid för barn och unga", "Leisure for children and young people", "أنشطة للأطفال والشباب"),
                ("Information på mitt språk", "Information in my language", "معلومات بلغتي"),
            ],
            "",
        ),
        (
            "text",
            "Vad borde kommunen göra först?",
            {"en": "What should the municipality do first?", "ar": "ما الذي يجب أن تفعله البلدية أولاً؟"},
            [],
            "",
        ),
    ],
}
SCALE_HELP = {"en": "1 = not at all, 5 = very", "ar": "1 = إطلاقًا، 5 = كثيرًا جدًا", "sv": "1 = inte alls, 5 = mycket"}
FREE_TEXT = [
    ("Fler kvällskurser i svenska.", "sv"),
    ("Fler mötesplatser för unga på kvällarna.", "sv"),
    ("مساعدة في البحث عن عمل", "ar"),
    ("Hjälp föräldrar att förstå skolan.", "sv"),
    ("Bättre busstrafik till Fritsla.", "sv"),
    ("أماكن للعب كرة القدم مع الأضواء", "ar"),
    ("Information på film på flera språk.", "sv"),
    ("Praktikplatser som leder till jobb.", "sv"),
    ("A homework club near the station would help my children.", "en"),
    ("Tell us about jobs in English too, not only in Swedish.", "en"),
]


def _date(text: str) -> date:
    return date.fromisoformat(text)


def _actors(organisation) -> dict[str, Actor]:
    return {a.name: a for a in Actor.objects.filter(organisation=organisation)}


def _consultation(organisation, coordinator, actors, *, title, kind, held_on, counts, actor_names=(), **fields):
    consultation = Consultation.objects.filter(organisation=organisation, title=title).first()
    if consultation is not None:
        return consultation, False
    consultation = save_as(
        Consultation(
            organisation=organisation,
            title=title,
            kind=kind,
            held_on=held_on,
            status=Consultation.Status.HELD,
            legal_basis="anonymous",
            is_published=True,
            people=head_count(counts),
            **fields,
        ),
        coordinator,
    )
    for name in actor_names:
        if name in actors:
            consultation.actor_links.create(organisation=organisation, actor=actors[name])
    Participation.objects.bulk_create(
        Participation(organisation=organisation, consultation=consultation, group=group, count=n)
        for group, n in counts.items()
    )
    return consultation, True


# Groups that overlap with newcomers in the demo's consultations: the women's group and the children
# who took part are (mostly) newcomers themselves, so they are not added to the head count twice.
OVERLAPPING = ("newcomers", "women", "children")
# Who speaks to a theme, where that group took part: a quote about women's path to work is a woman's.
THEME_VOICES = {"women": "women", "children": "children", "school": "newcomers", "work": "newcomers"}


def head_count(counts: dict) -> int:
    """The people in a demo consultation, each once: the largest of the overlapping groups plus the others."""
    overlapping = [n for group, n in counts.items() if group in OVERLAPPING]
    return max(overlapping, default=0) + sum(n for group, n in counts.items() if group not in OVERLAPPING)


def speaker(counts: dict, theme: str, language: str) -> str:
    """The group a quote is attributed to: the theme's own voice or, for a quote in Arabic (said by a
    newcomer, a woman or a child), one of those groups, when present; else the consultation's largest group."""
    present = [group for group in counts if counts[group]]
    voice = THEME_VOICES.get(theme)
    if voice and voice in present:
        return voice
    if language == "ar" and (newcomer_groups := [g for g in OVERLAPPING if g in present]):
        return newcomer_groups[0]
    return _main_group(counts)


def _record_inputs(organisation, consultation, themes, counts, rng, count) -> None:
    pool = [(text, theme) for theme in themes for text in THEMES[theme]]
    chosen = rng.sample(pool, min(count, len(pool)))
    # Quotes in Arabic come from consultations where newcomers, women or children took part.
    heard_newcomers = any(counts.get(group) for group in OVERLAPPING)
    quotes = [(t, th, "ar") for t, th in ARABIC_QUOTES if th in themes and heard_newcomers] + [
        (t, th, "sv") for t, th in SWEDISH_QUOTES if th in themes
    ]
    # The notes are the facilitator's, in Swedish; some are a person's own words (quotes).
    rows = [(text, theme, "sv", False) for text, theme in chosen] + [
        (*quote, True) for quote in quotes[: rng.randint(0, 2)]
    ]
    codes = codes_for([row[0] for row in rows])
    inputs = [
        Input(
            organisation=organisation,
            consultation=consultation,
            text=text,
            language=lang,
            group=speaker(counts, theme, lang),
            kind=Input.Kind.QUOTE if quoted or rng.random() < 0.4 else Input.Kind.NOTE,
            suggested_codes=suggested,
            framework_codes=suggested if rng.random() < 0.8 else [],
            codes_confirmed=False,
        )
        for (text, theme, lang, quoted), suggested in zip(rows, codes, strict=True)
    ]
    for item in inputs:
        item.codes_confirmed = bool(item.framework_codes)
    bulk_create_with_history(inputs, Input)


def theme_of(text: str) -> str:
    for theme, texts in THEMES.items():
        if text in texts:
            return theme
    return next((theme for quoted, theme in ARABIC_QUOTES + SWEDISH_QUOTES if quoted == text), "")


def _main_group(counts: dict) -> str:
    return max(counts, key=counts.get) if counts else ""


def _consultations(organisation, coordinator, actors, rng) -> None:
    start = date(2024, 10, 1)
    for n, (title, actor, counts, themes) in enumerate(INTERVIEWS):
        consultation, new = _consultation(
            organisation,
            coordinator,
            actors,
            title=title,
            kind=C.INTERVIEW,
            held_on=start + timedelta(days=4 * n),
            counts=counts,
            actor_names=[actor] if actor else [],
            place="Kinna",
            languages=["sv"],
            facilitator="Integrationssamordnaren (demo)",
        )
        if new:
            _record_inputs(organisation, consultation, themes, counts, rng, rng.randint(5, 8))
    for n, (title, languages, counts, themes, actor) in enumerate(FOCUS_GROUPS):
        consultation, new = _consultation(
            organisation,
            coordinator,
            actors,
            title=title,
            kind=C.FOCUS_GROUP,
            held_on=start + timedelta(days=10 + 9 * n),
            counts=counts,
            actor_names=[actor] if actor else [],
            place="Skene",
            languages=languages,
            interpreter=len(languages) > 1,
            facilitator="Rädda Barnen och integrationssamordnaren (demo)",
        )
        if new:
            _record_inputs(organisation, consultation, themes, counts, rng, rng.randint(10, 14))
    for n, (title, counts, themes) in enumerate(WORKSHOPS):
        consultation, new = _consultation(
            organisation,
            coordinator,
            actors,
            title=title,
            kind=C.WORKSHOP,
            held_on=date(2025, 1, 14) + timedelta(days=21 * n),
            counts=counts,
            place="Kinna stadshus",
            languages=["sv", "ar"],
        )
        if new:
            _record_inputs(organisation, consultation, themes, counts, rng, rng.randint(12, 16))
    if not Consultation.objects.filter(organisation=organisation, title="Allmänt möte i Fritsla bygdegård").exists():
        save_as(
            Consultation(
                organisation=organisation,
                title="Allmänt möte i Fritsla bygdegård",
                kind=C.PUBLIC_MEETING,
                status=Consultation.Status.PLANNED,
                held_on=date(2025, 4, 2),
                place="Fritsla",
                languages=["sv"],
                purpose="Höra lokalsamhället om utkastet till strategi.",
            ),
            coordinator,
        )


def _committee(organisation, coordinator, actors) -> None:
    name = "Samskapandekommittén i Mark (demo)"
    committee = Committee.objects.filter(organisation=organisation, name=name).first()
    if committee is None:
        committee = committee_services.committee_create(
            actor=coordinator,
            organisation=organisation,
            name=name,
            mandate="Utformar integrationsstrategin tillsammans med kommunen: "
            "planerar vilka som ska höras, läser vad som sagts, "
            "föreslår fokusområden och följer upp åtgärderna.",
        )
    for actor_name, role in COMMITTEE_MEMBERS:
        if actor_name in actors and not committee.members.filter(actor=actors[actor_name]).exists():
            save_as(
                CommitteeMember(
                    organisation=organisation,
                    committee=committee,
                    actor=actors[actor_name],
                    role=role,
                    joined_on=date(2024, 10, 8),
                ),
                coordinator,
            )
    for n, (held_on, agenda, minutes, decisions) in enumerate(MEETINGS, start=1):
        title = f"Kommittémöte {n} (demo)"
        if CommitteeMeeting.objects.filter(organisation=organisation, consultation__title=title).exists():
            continue
        meeting = committee_services.meeting_create(
            actor=coordinator,
            organisation=organisation,
            committee=committee,
            title=title,
            status="held",
            held_on=_date(held_on),
            place="Kinna stadshus",
            agenda=agenda,
            minutes=minutes,
            is_published=True,
        )
        Consultation.objects.filter(pk=meeting.consultation_id).update(people=9)  # the three groups below
        Participation.objects.bulk_create(
            [
                Participation(organisation=organisation, consultation=meeting.consultation, group="ngos", count=4),
                Participation(organisation=organisation, consultation=meeting.consultation, group="staff", count=3),
                Participation(organisation=organisation, consultation=meeting.consultation, group="newcomers", count=2),
            ]
        )
        for text, area_title in decisions:
            area = FocusArea.objects.filter(organisation=organisation, title=area_title).first() if area_title else None
            save_as(
                CommitteeDecision(organisation=organisation, meeting=meeting, text=text, focus_area=area), coordinator
            )


def _findings(organisation, coordinator) -> None:
    inputs = list(Input.objects.filter(organisation=organisation).only("pk", "text"))
    for statement, theme, area_title, outcome in FINDINGS:
        if Finding.objects.filter(organisation=organisation, statement=statement).exists():
            continue
        finding = save_as(
            Finding(organisation=organisation, statement=statement, outcome=outcome, is_published=True), coordinator
        )
        evidence = [i for i in inputs if theme_of(i.text) == theme][:15]
        FindingInput.objects.bulk_create(
            FindingInput(organisation=organisation, finding=finding, input=i) for i in evidence
        )
        area = FocusArea.objects.filter(organisation=organisation, title=area_title).first() if area_title else None
        if area is not None:
            save_as(FindingDecision(organisation=organisation, finding=finding, focus_area=area), coordinator)
            goal = Goal.objects.filter(organisation=organisation, focus_area=area).first()
            if goal is not None and outcome:
                save_as(FindingDecision(organisation=organisation, finding=finding, goal=goal), coordinator)
            # A decided finding is also traced to the demo action plan's first action in that area.
            action = Action.objects.filter(organisation=organisation, focus_area=area).order_by("number").first()
            if action is not None and outcome:
                save_as(FindingDecision(organisation=organisation, finding=finding, action=action), coordinator)


def _survey(organisation, coordinator, rng, spec=SURVEY) -> None:
    if Consultation.objects.filter(organisation=organisation, title=spec["title"], kind=C.SURVEY).exists():
        return
    survey = survey_services.survey_create(
        actor=coordinator,
        organisation=organisation,
        title=spec["title"],
        languages=spec["languages"],
        intro=spec["intro"],
        thanks=spec["thanks"],
        texts=spec["texts"],
        closes_on=date(2030, 6, 30),
        is_published=True,
    )
    others = spec["languages"][1:]
    for kind, text, texts, choices, help_text in spec["questions"]:
        survey_services.question_add(
            actor=coordinator,
            organisation=organisation,
            survey=survey,
            kind=kind,
            text=text,
            help=help_text,
            texts={lang: {"text": t, **({"help": SCALE_HELP[lang]} if help_text else {})} for lang, t in texts.items()},
            choices=[c[0] for c in choices],
            choice_texts=[{lang: {"label": label} for lang, label in zip(others, c[1:], strict=True)} for c in choices],
        )
    survey_services.survey_set_status(actor=coordinator, organisation=organisation, survey=survey, status="open")
    questions = list(Question.objects.filter(survey=survey).prefetch_related("choices"))
    groups = ["newcomers", "newcomers", "women", "host", "children", ""]
    for _n in range(48):
        language = rng.choice(spec["languages"] + spec["languages"][:1])
        answers = {}
        for q in questions:
            ids = [c.pk for c in q.choices.all()]
            if q.kind == Question.Kind.SCALE:
                answers[q.pk] = rng.choice([2, 3, 3, 4, 4, 4, 5])
            elif q.kind == Question.Kind.SINGLE:
                answers[q.pk] = rng.choice(ids)
            elif q.kind == Question.Kind.MULTIPLE:
                answers[q.pk] = rng.sample(ids, rng.randint(1, 3))
            elif rng.random() < 0.5 and (
                # Only in the language the respondent chose: an answer is stored as written in it.
                written := [text for text, lang in spec.get("free_text", FREE_TEXT) if lang == language]
            ):
                answers[q.pk] = rng.choice(written)
        survey_services.survey_answer(survey=survey, language=language, answers=answers, group=rng.choice(groups))


def _targets(organisation, coordinator) -> None:
    for group, (people, consultations) in TARGETS.items():
        if not GroupTarget.objects.filter(organisation=organisation, group=group).exists():
            save_as(
                GroupTarget(organisation=organisation, group=group, participants=people, consultations=consultations),
                coordinator,
            )


def build(organisation, coordinator) -> None:
    if organisation.slug == "vaasa":
        _build_vaasa(organisation, coordinator)
        return
    if organisation.slug != "mark":
        return
    rng = random.Random(f"samskapa-demo-{organisation.slug}")  # noqa: S311 - made-up demo data, not security
    actors = _actors(organisation)
    _targets(organisation, coordinator)
    _consultations(organisation, coordinator, actors, rng)
    _committee(organisation, coordinator, actors)
    _survey(organisation, coordinator, rng)
    _findings(organisation, coordinator)


# Vaasa: the hearings for the integration programme, a survey in Finnish, Swedish and English,
# and findings traced to the programme's focus areas.
VAASA_CONSULTATIONS = [
    # (title, kind, date, languages, {group: count}, actor, [themes])
    (
        "Haastattelu: työllisyyspalvelut",
        C.INTERVIEW,
        "2024-09-10",
        ["fi"],
        {"staff": 2},
        "Työllisyyspalvelut",
        ["work"],
    ),
    (
        "Fokusryhmä: kielikahvilan osallistujat",
        C.FOCUS_GROUP,
        "2024-09-24",
        ["fi", "sv", "ar"],
        {"newcomers": 11, "women": 6},
        "Kaupunginkirjasto",
        ["language", "welcome"],
    ),
    (
        "Fokusgrupp: svenskspråkiga familjer",
        C.FOCUS_GROUP,
        "2024-10-08",
        ["sv"],
        {"newcomers": 6, "host": 3},
        "Vaasan seurakuntayhtymä",
        ["language", "children"],
    ),
    (
        "Työpaja: nuorisovaltuusto ja harrastukset",
        C.WORKSHOP,
        "2024-10-22",
        ["fi"],
        {"children": 12, "newcomers": 5},
        "Nuorisovaltuusto",
        ["children"],
    ),
    (
        "Työpaja: yhdistykset ja yritykset",
        C.WORKSHOP,
        "2024-11-05",
        ["fi", "sv"],
        {"ngos": 8, "businesses": 4, "newcomers": 3},
        "Monikulttuurinen yhdistys",
        ["work", "welcome"],
    ),
]
VAASA_FINDINGS = [
    # (statement, theme, focus area, outcome)
    (
        "Kielikurssien pitää sopia työssäkäyvien arkeen.",
        "language",
        "Kieli ja koulutus",
        "Ohjelmaan lisättiin ilta- ja työpaikkakurssit suomeksi ja ruotsiksi.",
    ),
    (
        "Osaaminen pitää tunnistaa nopeammin, ja harjoittelun pitää johtaa työhön.",
        "work",
        "Työ ja osaaminen",
        "Jokaiselle tehdään kotoutumissuunnitelma kolmen kuukauden kuluessa.",
    ),
    (
        "Lapset haluavat harrastaa ja tulla kysytyiksi.",
        "children",
        "Lapset, nuoret ja perheet",
        "Harrastuspassi jokaiselle uudelle lapselle; nuorisovaltuusto valitsee lajit.",
    ),
    ("Asukkaat haluavat olla mukana päättämässä.", "welcome", "Yhteistyö ja kumppanuudet", ""),
]
VAASA_SURVEY = {
    "title": "Miten viihdyt Vaasassa? (demo)",
    "intro": "Lyhyt ja nimetön kysely kaikille vaasalaisille. Vastaaminen vie noin kolme minuuttia.",
    "thanks": "Kiitos! Vastauksesi luetaan, kun kotouttamisohjelmaa seurataan.",
    "languages": ["fi", "sv", "en"],
    "texts": {
        "sv": {
            "title": "Hur trivs du i Vasa? (demo)",
            "intro": "En kort och anonym enkät för alla som bor i Vasa. Den tar ungefär tre minuter.",
            "thanks": "Tack! Dina svar läses när integrationsprogrammet följs upp.",
        },
        "en": {
            "title": "How do you like living in Vaasa? (demo)",
            "intro": "A short, anonymous survey for everyone who lives in Vaasa. It takes about three minutes.",
            "thanks": "Thank you! Your answers are read when the integration programme is followed up.",
        },
    },
    "questions": [
        (
            "scale",
            "Kuinka tervetulleeksi tunnet itsesi Vaasassa?",
            {"sv": "Hur välkommen känner du dig i Vasa?", "en": "How welcome do you feel in Vaasa?"},
            [],
            "1 = ei lainkaan, 5 = erittäin",
        ),
        (
            "single",
            "Millä kielellä haluat asioida kaupungin kanssa?",
            {
                "sv": "På vilket språk vill du sköta ärenden med staden?",
                "en": "In which language do you want to deal with the city?",
            },
            [
                ("Suomeksi", "På finska", "In Finnish"),
                ("Ruotsiksi", "På svenska", "In Swedish"),
                ("Muulla kielellä", "På ett annat språk", "In another language"),
            ],
            "",
        ),
        (
            "text",
            "Mitä kaupungin pitäisi tehdä ensin?",
            {"sv": "Vad borde staden göra först?", "en": "What should the city do first?"},
            [],
            "",
        ),
    ],
    "free_text": [
        ("Iltakursseja suomen kieleen.", "fi"),
        ("Fler mötesplatser för familjer.", "sv"),
        ("Harrastuksia lapsille viikonloppuisin.", "fi"),
    ],
}
SCALE_HELP["fi"] = "1 = ei lainkaan, 5 = erittäin"
SCALE_HELP.setdefault("sv", "1 = inte alls, 5 = mycket")


def _build_vaasa(organisation, coordinator) -> None:
    rng = random.Random(f"samskapa-demo-{organisation.slug}")  # noqa: S311 - made-up demo data, not security
    actors = _actors(organisation)
    for group, people in (("newcomers", 40), ("children", 15), ("ngos", 8), ("businesses", 5)):
        if not GroupTarget.objects.filter(organisation=organisation, group=group).exists():
            save_as(
                GroupTarget(organisation=organisation, group=group, participants=people, consultations=2), coordinator
            )
    for title, kind, held_on, languages, counts, actor, themes in VAASA_CONSULTATIONS:
        consultation, new = _consultation(
            organisation,
            coordinator,
            actors,
            title=title,
            kind=kind,
            held_on=_date(held_on),
            counts=counts,
            actor_names=[actor],
            place="Vaasa",
            languages=languages,
            language=languages[0],
            facilitator="Kotouttamiskoordinaattori (demo)",
        )
        if new:
            rows = [(text, lang) for theme in themes for text, lang in VAASA_THEMES[theme]]
            codes = codes_for([text for text, _lang in rows])
            inputs = [
                Input(
                    organisation=organisation,
                    consultation=consultation,
                    text=text,
                    language=lang,
                    group=_main_group(counts),
                    kind=Input.Kind.QUOTE,
                    suggested_codes=suggested,
                    framework_codes=suggested,
                    codes_confirmed=bool(suggested),
                )
                for (text, lang), suggested in zip(rows, codes, strict=True)
            ]
            bulk_create_with_history(inputs, Input)
    _survey(organisation, coordinator, rng, VAASA_SURVEY)
    _vaasa_findings(organisation, coordinator)


def _vaasa_findings(organisation, coordinator) -> None:
    inputs = list(Input.objects.filter(organisation=organisation).only("pk", "text"))
    for statement, theme, area_title, outcome in VAASA_FINDINGS:
        if Finding.objects.filter(organisation=organisation, statement=statement).exists():
            continue
        finding = save_as(
            Finding(organisation=organisation, statement=statement, outcome=outcome, is_published=True), coordinator
        )
        said = {text for text, _lang in VAASA_THEMES[theme]}
        FindingInput.objects.bulk_create(
            FindingInput(organisation=organisation, finding=finding, input=i) for i in inputs if i.text in said
        )
        area = FocusArea.objects.filter(organisation=organisation, title=area_title).first()
        if area is not None and outcome:
            save_as(FindingDecision(organisation=organisation, finding=finding, focus_area=area), coordinator)
            action = Action.objects.filter(organisation=organisation, focus_area=area).order_by("number").first()
            if action is not None:
                save_as(FindingDecision(organisation=organisation, finding=finding, action=action), coordinator)
