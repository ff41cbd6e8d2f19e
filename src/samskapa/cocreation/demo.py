"""Demo co-creation process for Mark (and a start for Mölndal and Malå), following the structure
of Mark's process in the seed documents: stakeholder mapping, about 35 interviews, focus groups and
committee meetings, a co-creation committee, a public survey, findings traced to the strategy.
Everything is written by us and marked as demo data. Idempotent: things are found by title."""

import random
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from samskapa.actions.models import Action
from samskapa.actors.models import Actor
from samskapa.cocreation.demo_texts import ARABIC_QUOTES, SWEDISH_QUOTES, THEMES
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
from samskapa.cocreation.services.consultations import suggest_codes
from samskapa.core.history import save_as
from samskapa.strategy.models import FocusArea, Goal

C = Consultation.Kind
# Mark: (title, kind, date, place, languages, facilitator, {group: count}, [actors], [themes], inputs)
INTERVIEWS = [
    ("Interview: school principal, Skene", "Barn- och utbildningsförvaltningen", {"staff": 1}, ["school", "children"]),
    ("Interview: SFI teachers", "Arbetsmarknadsenheten", {"staff": 2}, ["school", "women"]),
    ("Interview: social services, reception team", "Socialtjänsten", {"staff": 2}, ["welcome", "trust"]),
    ("Interview: family support", "Individ- och familjeomsorgen", {"staff": 1}, ["trust", "health"]),
    ("Interview: libraries and leisure", "Kultur och fritid", {"staff": 1}, ["participation", "children"]),
    ("Interview: Arbetsförmedlingen, local office", "Arbetsförmedlingen", {"staff": 2}, ["work", "strategy"]),
    ("Interview: housing company", "Marks Bostad AB", {"staff": 1}, ["welcome", "services"]),
    ("Interview: Red Cross volunteers", "Röda Korset", {"ngos": 3}, ["health", "participation"]),
    ("Interview: Church of Sweden, Kinna parish", "Svenska kyrkan", {"ngos": 2}, ["welcome", "participation"]),
    (
        "Interview: Islamic cultural association",
        "Islamiska kulturföreningen",
        {"ngos": 2, "newcomers": 2},
        ["trust", "participation"],
    ),
    (
        "Interview: Somali association",
        "Somaliska föreningen i Mark",
        {"ngos": 2, "newcomers": 2},
        ["participation", "women"],
    ),
    ("Interview: employer in the textile industry", "Textilföretag i Kinna", {"businesses": 1}, ["work"]),
    ("Interview: business association", "Kinna Företagarförening", {"businesses": 2}, ["work", "strategy"]),
    ("Interview: restaurant owner", None, {"businesses": 1, "newcomers": 1}, ["work", "services"]),
    ("Interview: local police", "Polisen i Mark", {"staff": 1}, ["trust"]),
    ("Interview: health centre", "Vårdcentralen Kinna", {"staff": 2}, ["health", "services"]),
    ("Interview: newcomer father of three", None, {"newcomers": 1}, ["school", "work"]),
    ("Interview: newcomer mother, recently arrived", None, {"newcomers": 1, "women": 1}, ["women", "welcome"]),
    ("Interview: young adult, language introduction", None, {"newcomers": 1, "children": 1}, ["school", "work"]),
    ("Interview: retired teacher, host community volunteer", None, {"host": 1}, ["participation", "welcome"]),
]
FOCUS_GROUPS = [
    (
        "Focus group: women's group at the library (Arabic)",
        ["ar", "sv"],
        {"newcomers": 9, "women": 9},
        ["women", "health", "services"],
        "Islamiska kulturföreningen",
    ),
    (
        "Focus group: parent café, Skene preschool",
        ["so", "ar", "sv"],
        {"newcomers": 11, "women": 7},
        ["school", "welcome", "trust"],
        "Föräldrar i Skene (nyanlända)",
    ),
    (
        "Focus group: language introduction students",
        ["sv", "ar", "ti"],
        {"newcomers": 8, "children": 8},
        ["school", "work", "children"],
        "Marks gymnasieskola",
    ),
    (
        "Focus group: children aged 10–12 (drawing and talking)",
        ["sv", "ar", "so"],
        {"children": 12, "newcomers": 7},
        ["children"],
        "Save the Children (SALAM project)",
    ),
    (
        "Focus group: Tigrinya-speaking families",
        ["ti", "sv"],
        {"newcomers": 7, "women": 3},
        ["welcome", "trust", "health"],
        None,
    ),
    ("Focus group: neighbours in Fritsla", ["sv"], {"host": 9}, ["welcome", "participation"], "Grannar i Fritsla"),
    (
        "Focus group: teachers and school staff",
        ["sv"],
        {"staff": 8},
        ["school", "services", "strategy"],
        "Barn- och utbildningsförvaltningen",
    ),
    (
        "Focus group: associations and faith communities",
        ["sv"],
        {"ngos": 9},
        ["participation", "strategy"],
        "Röda Korset",
    ),
]
WORKSHOPS = [
    (
        "Workshop: joint design of the focus areas",
        {"staff": 12, "ngos": 6, "newcomers": 5, "businesses": 2, "host": 3},
        ["strategy", "participation", "work"],
    ),
    ("Workshop: youth council on leisure and safety", {"children": 14, "newcomers": 6}, ["children", "participation"]),
]
COMMITTEE_MEMBERS = [
    ("Save the Children (SALAM project)", CommitteeMember.Role.CHAIR),
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
        "Mandate and way of working; the stakeholder map; plan for interviews and focus groups.",
        "The committee agreed on its mandate and on meeting every six weeks. "
        "Members added three actors to the stakeholder map.",
        [("The committee meets every six weeks and its minutes are published.", None)],
    ),
    (
        "2024-11-19",
        "First results from interviews; how to reach children and women.",
        "Interviews so far mostly reached staff. "
        "The committee asked for focus groups with women and with children before December.",
        [
            (
                "Hold a focus group with children, led by Save the Children, "
                "before any project for children is designed.",
                "Participation and community",
            ),
            (
                "Hold a women's focus group in Arabic with a female interpreter.",
                "Empowerment through work, education and language",
            ),
        ],
    ),
    (
        "2025-01-21",
        "Key findings and the draft focus areas.",
        "The committee discussed the five key findings and proposed wording for the focus areas.",
        [
            (
                "Work and language are one focus area, with special attention to women's path to work.",
                "Empowerment through work, education and language",
            ),
            ("Every focus area gets at least one measurable goal.", "Collaboration and governance"),
        ],
    ),
    (
        "2025-03-04",
        "Draft strategy before consultation.",
        "",
        [
            (
                "Send the draft out for public consultation in Swedish, English, Arabic and Somali.",
                "Equal access and respectful services",
            )
        ],
    ),
]
FINDINGS = [
    (
        "New residents need to feel welcome, respected and safe where they live.",
        "welcome",
        "Participation and community",
        "Contact persons for newcomers and meeting places in the neighbourhood "
        "are part of the focus area on participation.",
    ),
    (
        "A supportive school and extra language training help children and whole families.",
        "school",
        "Empowerment through work, education and language",
        "Early language support in preschool and parent cafés is written into the strategy.",
    ),
    (
        "People want career guidance, placements that lead to jobs, and mentors who see all their skills.",
        "work",
        "Empowerment through work, education and language",
        "",
    ),
    (
        "Integration runs both ways: newcomers want to contribute, not only receive support.",
        "participation",
        "Collaboration and governance",
        "Newcomers and associations sit on the co-creation committee.",
    ),
    (
        "The strategy must be concrete and understandable, "
        "with clear roles for authorities, associations and businesses.",
        "strategy",
        "Collaboration and governance",
        "",
    ),
    (
        "Women, especially mothers of small children, need a first step into language and work that fits their lives.",
        "women",
        "Empowerment through work, education and language",
        "",
    ),
    (
        "Children want places to be after school and to be asked before things are decided for them.",
        "children",
        None,
        "",
    ),
    (
        "Many families are afraid of authorities; trust is built by the same faces, in familiar places.",
        "trust",
        None,
        "",
    ),
    (
        "Information and services must be understandable, in several languages, and respectful.",
        "services",
        "Equal access and respectful services",
        "Multilingual information and intercultural training for staff are part of the focus area on equal access.",
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
    "title": "How do you want to take part in Mark? (demo)",
    "intro": "A short, anonymous survey for everyone who lives in Mark. It takes about three minutes.",
    "thanks": "Thank you! What you write is read by the people drafting the integration strategy.",
    "texts": {
        "sv": {
            "title": "Hur vill du vara med i Mark? (demo)",
            "intro": "En kort, anonym enkät för alla som bor i Mark. Den tar ungefär tre minuter.",
            "thanks": "Tack! Det du skriver läses av dem som skriver integrationsstrategin.",
        },
        "ar": {
            "title": "كيف تريد أن تشارك في مارك؟ (تجريبي)",
            "intro": "استبيان قصير ومجهول الهوية لكل من يعيش في مارك. يستغرق حوالي ثلاث دقائق.",
            "thanks": "شكرًا لك! ما تكتبه يقرؤه الأشخاص الذين يكتبون استراتيجية الاندماج.",
        },
    },
    "questions": [
        (
            "scale",
            "How welcome do you feel in Mark?",
            {"sv": "Hur välkommen känner du dig i Mark?", "ar": "إلى أي مدى تشعر بالترحيب في مارك؟"},
            [],
            "1 = not at all, 5 = very",
        ),
        (
            "single",
            "Where do you most often meet other people?",
            {"sv": "Var träffar du oftast andra människor?", "ar": "أين تلتقي بالآخرين في أغلب الأحيان؟"},
            [
                ("At the library or a language café", "På biblioteket eller ett språkcafé", "في المكتبة أو مقهى اللغة"),
                ("At school or preschool", "I skolan eller förskolan", "في المدرسة أو الروضة"),
                (
                    "In an association or faith community",
                    "I en förening eller ett trossamfund",
                    "في جمعية أو جماعة دينية",
                ),
                ("At work", "På jobbet", "في العمل"),
                ("Nowhere yet", "Ingenstans än", "لا مكان بعد"),
            ],
            "",
        ),
        (
            "multiple",
            "What would help you most?",
            {"sv": "Vad skulle hjälpa dig mest?", "ar": "ما الذي سيساعدك أكثر؟"},
            [
                ("Learning Swedish", "Att lära mig svenska", "تعلم اللغة السويدية"),
                ("A job or work practice", "Ett jobb eller en praktikplats", "عمل أو تدريب عملي"),
                ("A good place to live", "Ett bra boende", "سكن جيد"),
                ("Leisure for children and young people", "Fritid för barn och unga", "أنشطة للأطفال والشباب"),
                ("Information in my language", "Information på mitt språk", "معلومات بلغتي"),
            ],
            "",
        ),
        (
            "text",
            "What should the municipality do first?",
            {"sv": "Vad borde kommunen göra först?", "ar": "ما الذي يجب أن تفعله البلدية أولاً؟"},
            [],
            "",
        ),
    ],
}
SCALE_HELP = {"sv": "1 = inte alls, 5 = mycket", "ar": "1 = إطلاقًا، 5 = كثيرًا جدًا"}
FREE_TEXT = [
    ("More evening classes in Swedish.", "en"),
    ("Fler mötesplatser för unga på kvällarna.", "sv"),
    ("مساعدة في البحث عن عمل", "ar"),
    ("Help parents understand the school.", "en"),
    ("Bättre busstrafik till Fritsla.", "sv"),
    ("أماكن للعب كرة القدم مع الأضواء", "ar"),
    ("Information on video in several languages.", "en"),
    ("Praktikplatser som leder till jobb.", "sv"),
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
    extra = [(t, th, "ar") for t, th in ARABIC_QUOTES if th in themes and heard_newcomers] + [
        (t, th, "sv") for t, th in SWEDISH_QUOTES if th in themes
    ]
    rows = [(text, theme, "en") for text, theme in chosen] + extra[: rng.randint(0, 2)]
    codes = suggest_codes([text for text, _theme, _lang in rows])
    inputs = [
        Input(
            organisation=organisation,
            consultation=consultation,
            text=text,
            language=lang,
            group=speaker(counts, theme, lang),
            kind=Input.Kind.QUOTE if lang != "en" or rng.random() < 0.4 else Input.Kind.NOTE,
            suggested_codes=suggested,
            framework_codes=suggested if rng.random() < 0.8 else [],
            codes_confirmed=False,
        )
        for (text, theme, lang), suggested in zip(rows, codes, strict=True)
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
            facilitator="Integration coordinator (demo)",
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
            facilitator="Save the Children and the integration coordinator (demo)",
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
            place="Kinna town hall",
            languages=["sv", "ar"],
        )
        if new:
            _record_inputs(organisation, consultation, themes, counts, rng, rng.randint(12, 16))
    if not Consultation.objects.filter(
        organisation=organisation, title="Public meeting in Fritsla village hall"
    ).exists():
        save_as(
            Consultation(
                organisation=organisation,
                title="Public meeting in Fritsla village hall",
                kind=C.PUBLIC_MEETING,
                status=Consultation.Status.PLANNED,
                held_on=date(2025, 4, 2),
                place="Fritsla",
                languages=["sv"],
                purpose="Hear the host community about the draft strategy.",
            ),
            coordinator,
        )


def _committee(organisation, coordinator, actors) -> None:
    name = "Co-creation committee of Mark (demo)"
    committee = Committee.objects.filter(organisation=organisation, name=name).first()
    if committee is None:
        committee = committee_services.committee_create(
            actor=coordinator,
            organisation=organisation,
            name=name,
            mandate="Designs the integration strategy together with the municipality: "
            "plans whom to hear, reads what was said, "
            "proposes focus areas and follows up the actions.",
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
        title = f"Committee meeting {n} (demo)"
        if CommitteeMeeting.objects.filter(organisation=organisation, consultation__title=title).exists():
            continue
        meeting = committee_services.meeting_create(
            actor=coordinator,
            organisation=organisation,
            committee=committee,
            title=title,
            status="held",
            held_on=_date(held_on),
            place="Kinna town hall",
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


def _survey(organisation, coordinator, rng) -> None:
    spec = SURVEY
    if Consultation.objects.filter(organisation=organisation, title=spec["title"], kind=C.SURVEY).exists():
        return
    survey = survey_services.survey_create(
        actor=coordinator,
        organisation=organisation,
        title=spec["title"],
        languages=["en", "sv", "ar"],
        intro=spec["intro"],
        thanks=spec["thanks"],
        texts=spec["texts"],
        closes_on=date(2030, 6, 30),
        is_published=True,
    )
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
            choice_texts=[{"sv": {"label": c[1]}, "ar": {"label": c[2]}} for c in choices],
        )
    survey_services.survey_set_status(actor=coordinator, organisation=organisation, survey=survey, status="open")
    questions = list(Question.objects.filter(survey=survey).prefetch_related("choices"))
    groups = ["newcomers", "newcomers", "women", "host", "children", ""]
    for _n in range(48):
        language = rng.choice(["sv", "sv", "en", "ar", "ar"])
        answers = {}
        for q in questions:
            ids = [c.pk for c in q.choices.all()]
            if q.kind == Question.Kind.SCALE:
                answers[q.pk] = rng.choice([2, 3, 3, 4, 4, 4, 5])
            elif q.kind == Question.Kind.SINGLE:
                answers[q.pk] = rng.choice(ids)
            elif q.kind == Question.Kind.MULTIPLE:
                answers[q.pk] = rng.sample(ids, rng.randint(1, 3))
            elif rng.random() < 0.5:  # written in the language the respondent chose
                answers[q.pk] = rng.choice([text for text, lang in FREE_TEXT if lang == language])
        survey_services.survey_answer(survey=survey, language=language, answers=answers, group=rng.choice(groups))


def _targets(organisation, coordinator) -> None:
    for group, (people, consultations) in TARGETS.items():
        if not GroupTarget.objects.filter(organisation=organisation, group=group).exists():
            save_as(
                GroupTarget(organisation=organisation, group=group, participants=people, consultations=consultations),
                coordinator,
            )


def build(organisation, coordinator) -> None:
    if organisation.slug != "mark":
        return
    rng = random.Random(f"samskapa-demo-{organisation.slug}")  # noqa: S311 - made-up demo data, not security
    actors = _actors(organisation)
    _targets(organisation, coordinator)
    _consultations(organisation, coordinator, actors, rng)
    _committee(organisation, coordinator, actors)
    _survey(organisation, coordinator, rng)
    _findings(organisation, coordinator)
