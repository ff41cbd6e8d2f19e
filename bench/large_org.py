"""Build a large organisation to measure pages at scale: one command, a few minutes, the same rows each time.

    python bench/large_org.py [--scale 1|10] [--database-url URL] [--password PASSWORD] [--fresh]

Loads the demo (four municipalities and the demo login, demo@samskapa.test), then grows Marks kommun
into a large municipality with the demo's own texts (long Swedish action descriptions, inputs in
Swedish and Arabic, survey answers in Swedish, Arabic and English), inserted with bulk_create:

- an action plan with 1,000 actions (and, at --scale 10, a second plan with 10,000 actions, so the
  two can be compared in one run), each with a progress update, goals, partners and principles;
- 1,000 actors; 50,000 inputs in 500 consultations; 500 findings traced to actions and inputs;
- 200 indicators with 20 years of values each;
- the demo survey with 10,000 responses (40,000 answers);
- 200 analysed documents (copies of the demo's analysed plan, passages included).

The database is DATABASE_URL (or --database-url): PostgreSQL or SQLite. It is migrated first;
--fresh empties it before. When the large organisation is already there, nothing is done (the
bench scripts call this to make sure it exists). On PostgreSQL it ends with ANALYZE: right after
a bulk load the planner's statistics are stale and picks bad plans (see bench/README.md).
Seeded: the same rows every time. Prints a line per step.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "mark"  # the demo municipality grown into the large one
BIG_PLAN = "Handlingsplan i stor skala (10 000 åtgärder)"
SIZES = {"actions": 1000, "actors": 1000, "consultations": 500, "inputs": 50_000, "findings": 500}
SIZES |= {"indicators": 200, "years": 20, "responses": 10_000, "documents": 200}
BATCH = 2000


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskapa.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("SAMSKAPA_TASKS_BACKEND", "immediate")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


class Steps:
    """Progress lines: what was done, how many rows, how long it took."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()

    def done(self, text: str) -> None:
        now = time.perf_counter()
        print(f"  {now - self.started:6.1f} s  (+{now - self.last:5.1f})  {text}", flush=True)
        self.last = now


def _bulk(model, rows, batch: int = BATCH) -> list:
    return model.objects.bulk_create(rows, batch_size=batch)


def _long_text(rng: random.Random, pieces: list[str], sentences: int) -> str:
    return " ".join(rng.choice(pieces) for _ in range(sentences))


def _actions(org, plan, count: int, rng, texts, areas, goals, leads, partners, principles, first: int = 0):
    from samskapa.actions.models import Action, ActionGoal, ActionPartner, ActionPrinciple, ProgressUpdate
    from samskapa.actions.models.plan import Funding, Status

    statuses = [Status.PLANNED, Status.ONGOING, Status.ONGOING, Status.DONE, Status.DELAYED]
    made = []
    for start in range(0, count, BATCH):
        rows = []
        for n in range(first + start + 1, first + min(count, start + BATCH) + 1):
            title, description = texts[n % len(texts)]
            status = rng.choice(statuses)
            begin = date(2025, 1, 1) + timedelta(days=rng.randint(0, 700))
            rows.append(
                Action(
                    organisation=org,
                    plan=plan,
                    number=n,
                    title=f"{title} ({n})",
                    description=description + "\n\n" + _long_text(rng, [d for _t, d in texts], 2),
                    focus_area=areas[n % len(areas)],
                    lead=leads[n % len(leads)],
                    start=begin,
                    end=begin + timedelta(days=rng.randint(180, 1200)),
                    budget=Decimal(rng.randint(10, 2000) * 1000),
                    funding=rng.choice(list(Funding.values)),
                    target_groups=rng.sample(["newcomers", "women", "children", "youth", "families"], 2),
                    status=status,
                    status_reason="Försenat på grund av personalbrist." if status == Status.DELAYED else "",
                    percent_complete=100 if status == Status.DONE else rng.randint(0, 90),
                    is_published=rng.random() < 0.8,
                )
            )
        made += _bulk(Action, rows)
    _bulk(
        ActionGoal,
        (ActionGoal(organisation=org, action=a, goal=goals[a.number % len(goals)]) for a in made),
    )
    _bulk(
        ActionPartner,
        (
            ActionPartner(organisation=org, action=a, actor=p)
            for a in made
            for p in {
                partners[(a.number * k) % len(partners)].pk: partners[(a.number * k) % len(partners)] for k in (3, 7)
            }.values()
        ),
    )
    if principles:
        _bulk(
            ActionPrinciple,
            (
                ActionPrinciple(organisation=org, action=a, principle=principles[a.number % len(principles)])
                for a in made
            ),
        )
    _bulk(
        ProgressUpdate,
        (
            ProgressUpdate(
                organisation=org,
                action=a,
                date=date(2026, 9, 1) - timedelta(days=a.number % 200),
                text=_long_text(rng, UPDATES, 2),
                status=a.status,
                percent_complete=a.percent_complete,
                is_published=a.is_published,
            )
            for a in made
        ),
    )
    return made


UPDATES = [
    "Det går enligt plan och fler deltagare än väntat har anmält sig.",
    "Vi har haft svårt att rekrytera handledare men två nya började i oktober.",
    "Samarbetet med föreningarna fungerar bra; lokalerna räcker inte till på kvällarna.",
    "Uppföljningen visar att deltagarna går vidare till arbete eller studier.",
    "Tolkstödet har förbättrats och fler föräldrar kommer till mötena.",
]


def build(scale: int, password: str) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from samskapa.actions.demo import DEMO_PLANS
    from samskapa.actions.models import Action, ActionPlan
    from samskapa.actors.demo import ACTORS
    from samskapa.actors.models import Actor
    from samskapa.analysis.models import Document, Passage
    from samskapa.cocreation.demo import FREE_TEXT
    from samskapa.cocreation.demo_texts import ARABIC_QUOTES, SWEDISH_QUOTES, THEMES
    from samskapa.cocreation.models import (
        Answer,
        Consultation,
        Finding,
        FindingDecision,
        FindingInput,
        Input,
        Participation,
        Question,
        Response,
        Survey,
    )
    from samskapa.core.demo import demo_load
    from samskapa.indicators.models import Indicator, Observation
    from samskapa.orgs.models import Organisation
    from samskapa.publicsite.services import public_content_changed
    from samskapa.strategy.models import FocusArea, Goal, Principle, Strategy

    steps = Steps()
    # The demo login has a known password: never on a database with real organisations in it.
    real = Organisation.objects.filter(is_demo=False).exclude(slug__in=["bench-import"]).first()
    if real is not None:
        raise SystemExit(f"refused: {real.name} is not a demo organisation; use a database of its own")
    if not Organisation.objects.filter(slug=SLUG).exists():
        demo_load(password=password)
        steps.done("loaded the demo (four municipalities, demo@samskapa.test)")
    else:
        from samskapa.core.demo import _demo_user

        _demo_user(password)  # the bench signs in with this password
    org = Organisation.objects.get(slug=SLUG)
    if Action.objects.filter(organisation=org).count() >= SIZES["actions"]:
        big = ActionPlan.objects.filter(organisation=org, title=BIG_PLAN).exists()
        if scale == 1 or big:
            print(f"  {org.name} is already large (built before); nothing to do")
            return
    rng = random.Random(15)  # noqa: S311 - made-up benchmark data, the same every run
    now = timezone.now()
    strategy = Strategy.objects.filter(organisation=org).order_by("pk").first()
    areas = list(FocusArea.objects.filter(strategy=strategy).order_by("order"))
    goals = list(Goal.objects.filter(focus_area__strategy=strategy).order_by("pk"))
    principles = list(Principle.objects.filter(organisation=org).order_by("pk"))
    plan = ActionPlan.objects.filter(organisation=org).order_by("pk").first()

    with transaction.atomic():
        # Actors: the demo's Swedish actor descriptions, numbered.
        specs = ACTORS[SLUG]
        existing = set(Actor.objects.filter(organisation=org).values_list("name", flat=True))
        rows = []
        for n in range(SIZES["actors"] - len(existing)):
            name, kind, sector, influence, interest, level, tasks = specs[n % len(specs)]
            rows.append(
                Actor(
                    organisation=org,
                    name=f"{name} – {n + 1}",
                    kind=kind,
                    sector=sector,
                    influence=influence,
                    interest=interest,
                    engagement_level=level,
                    tasks=tasks,
                    description=tasks,
                )
            )
        _bulk(Actor, rows)
        actors = list(Actor.objects.filter(organisation=org).order_by("pk"))
        leads = [a for a in actors if a.kind in Actor.INTERNAL_KINDS]
        steps.done(f"{len(actors)} actors")

        # Actions: the demo plan's titles and long descriptions, repeated and numbered.
        texts = [(a["title"], a["description"]) for a in DEMO_PLANS[SLUG]["actions"]]
        have = Action.objects.filter(plan=plan).count()
        first = (Action.objects.filter(plan=plan).order_by("-number").values_list("number", flat=True).first()) or 0
        if have < SIZES["actions"]:
            _actions(org, plan, SIZES["actions"] - have, rng, texts, areas, goals, leads, actors, principles, first)
        steps.done(f"plan «{plan.title}»: {Action.objects.filter(plan=plan).count()} actions")
        if scale > 1:
            big = ActionPlan.objects.create(
                organisation=org,
                strategy=strategy,
                title=BIG_PLAN,
                period_start=date(2025, 1, 1),
                period_end=date(2030, 12, 31),
            )
            _actions(org, big, SIZES["actions"] * scale, rng, texts, areas, goals, leads, actors, principles)
            steps.done(f"plan «{BIG_PLAN}»: {SIZES['actions'] * scale} actions")

    with transaction.atomic():
        # Consultations and what was said in them: the demo's notes (Swedish) and quotes (Swedish, Arabic).
        pool = [(t, "sv") for theme in THEMES.values() for t in theme]
        pool += [(t, "ar") for t, _th in ARABIC_QUOTES] + [(t, "sv") for t, _th in SWEDISH_QUOTES]
        kinds = [Consultation.Kind.FOCUS_GROUP, Consultation.Kind.WORKSHOP, Consultation.Kind.INTERVIEW]
        consultations = _bulk(
            Consultation,
            (
                Consultation(
                    organisation=org,
                    title=f"Samråd {n + 1}: {rng.choice(list(THEMES))}",
                    kind=rng.choice(kinds),
                    status=Consultation.Status.HELD,
                    held_on=date(2025, 1, 1) + timedelta(days=n % 600),
                    place="Medborgarhuset, Kinna",
                    languages=["sv", "ar"],
                    purpose=_long_text(rng, [t for t, lang in pool if lang == "sv"], 3),
                    summary=_long_text(rng, [t for t, lang in pool if lang == "sv"], 4),
                    is_published=n % 3 == 0,
                )
                for n in range(SIZES["consultations"])
            ),
        )
        _bulk(
            Participation,
            (
                Participation(organisation=org, consultation=c, group=g, count=rng.randint(3, 40))
                for c in consultations
                for g in ("newcomers", "women", "children")
            ),
        )
        per = SIZES["inputs"] // len(consultations)
        groups = ["newcomers", "women", "children", "host", ""]
        inputs = []
        for c in consultations:
            for _ in range(per):
                text, lang = rng.choice(pool)
                inputs.append(
                    Input(
                        organisation=org,
                        consultation=c,
                        kind=Input.Kind.QUOTE if lang == "ar" or rng.random() < 0.3 else Input.Kind.NOTE,
                        text=text
                        if rng.random() < 0.5
                        else f"{text} {rng.choice(pool)[0] if lang == 'sv' else ''}".strip(),
                        language=lang,
                        group=rng.choice(groups),
                        framework_codes=[],
                        suggested_codes=[],
                    )
                )
        inputs = _bulk(Input, inputs)
        steps.done(f"{len(consultations)} consultations, {len(inputs)} inputs")
        actions = list(Action.objects.filter(plan=plan).order_by("number").only("pk"))
        findings = _bulk(
            Finding,
            (
                Finding(
                    organisation=org,
                    statement=rng.choice(pool)[0][:290] if n % 2 else f"Fler mötesplatser behövs ({n})",
                    detail=_long_text(rng, [t for t, lang in pool if lang == "sv"], 3),
                    outcome="Vi öppnade språkcaféer i alla kommundelar.",
                    is_published=n % 2 == 0,
                )
                for n in range(SIZES["findings"])
            ),
        )
        _bulk(
            FindingDecision,
            (
                FindingDecision(organisation=org, finding=f, action=actions[n % len(actions)])
                for n, f in enumerate(findings)
            ),
        )
        _bulk(
            FindingInput,
            (
                FindingInput(organisation=org, finding=f, input=inputs[(n * 97 + k) % len(inputs)])
                for n, f in enumerate(findings)
                for k in range(3)
            ),
        )
        steps.done(f"{len(findings)} findings traced to actions and inputs")

    with transaction.atomic():
        indicators = _bulk(
            Indicator,
            (
                Indicator(
                    organisation=org,
                    title=f"Indikator {n + 1}: andel nyanlända i arbete eller studier",
                    definition="Andelen av de nyanlända som förvärvsarbetar eller studerar ett år efter etableringen.",
                    unit="%",
                    direction="higher",
                    home_area="1463",
                    baseline_year=2006,
                    baseline_value=Decimal(40),
                    target_year=2030,
                    target_value=Decimal(70),
                    is_published=n % 2 == 0,
                )
                for n in range(SIZES["indicators"])
            ),
        )
        _bulk(
            Observation,
            (
                Observation(
                    organisation=org,
                    indicator=indicator,
                    area_code="1463",
                    period_start=date(year, 1, 1),
                    period_end=date(year, 12, 31),
                    value=Decimal(40 + (year - 2006)) + Decimal(rng.randint(0, 99)) / 100,
                    source="manual",
                    fetched_at=now,
                )
                for indicator in indicators
                for year in range(2006, 2006 + SIZES["years"])
            ),
        )
        steps.done(f"{len(indicators)} indicators x {SIZES['years']} years")

        # The demo survey, answered 10,000 times in its own languages.
        survey = Survey.objects.filter(organisation=org).order_by("pk").first()
        questions = list(Question.objects.filter(survey=survey).prefetch_related("choices").order_by("order"))
        free = {lang: [t for t, lg in FREE_TEXT if lg == lang] for lang in survey.languages}
        responses = _bulk(
            Response,
            (
                Response(
                    organisation=org,
                    survey=survey,
                    language=rng.choice(survey.languages + survey.languages[:1]),
                    group=rng.choice(groups),
                )
                for _ in range(SIZES["responses"])
            ),
        )
        answers = []
        for response in responses:
            for q in questions:
                ids = [c.pk for c in q.choices.all()]
                answer = Answer(organisation=org, response=response, question=q)
                if q.kind == Question.Kind.SCALE:
                    answer.number = rng.choice([2, 3, 3, 4, 4, 4, 5])
                elif q.kind == Question.Kind.SINGLE:
                    answer.choice_ids = [rng.choice(ids)]
                elif q.kind == Question.Kind.MULTIPLE:
                    answer.choice_ids = rng.sample(ids, min(len(ids), rng.randint(1, 3)))
                elif free.get(response.language):
                    answer.text = rng.choice(free[response.language])
                else:
                    continue
                answers.append(answer)
        _bulk(Answer, answers, batch=5000)
        steps.done(f"survey «{survey.title}»: {len(responses)} responses, {len(answers)} answers")

        # Documents: copies of the demo's analysed plan (report and passages), as if 200 were analysed.
        model = Document.objects.filter(organisation=org, status="analysed").order_by("pk").first()
        passages = list(Passage.objects.filter(document=model).order_by("position"))
        fields = {f.attname: getattr(model, f.attname) for f in Document._meta.concrete_fields if f.attname != "id"}
        copies = []
        for n in range(SIZES["documents"] - Document.objects.filter(organisation=org).count()):
            copy = Document(**fields)
            copy.title = f"{model.title} ({2004 + n % 22}, del {n + 1})"
            copy.year = 2004 + n % 22
            copy.job_id = None
            copies.append(copy)
        copies = _bulk(Document, copies)
        _bulk(
            Passage,
            (
                Passage(
                    **{
                        f.attname: getattr(p, f.attname)
                        for f in Passage._meta.concrete_fields
                        if f.attname not in ("id", "document_id")
                    },
                    document=d,
                )
                for d in copies
                for p in passages
            ),
            batch=5000,
        )
        steps.done(f"{Document.objects.filter(organisation=org).count()} analysed documents")

    public_content_changed(org.pk)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        steps.done("ANALYZE (fresh planner statistics after the bulk load)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, choices=[1, 10], default=1, help="10: also a plan with 10,000 actions")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SAMSKAPA_BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", ""),
        help="default: SAMSKAPA_BENCH_DATABASE_URL (make bench sets it), else DATABASE_URL",
    )
    parser.add_argument("--password", default="bench-only-password-1", help="the demo login's password")
    parser.add_argument("--fresh", action="store_true", help="empty the database first")
    args = parser.parse_args()
    if not args.database_url:
        print("SKIP: no database named: give --database-url (PostgreSQL or sqlite:///path) or DATABASE_URL")
        return 0
    _setup(args.database_url)
    from django.core.management import call_command

    if args.fresh:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    print(f"building the large organisation at scale {args.scale} in {args.database_url.split('@')[-1]}")
    build(args.scale, args.password)
    return 0


if __name__ == "__main__":
    sys.exit(main())
