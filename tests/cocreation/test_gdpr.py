"""Personal data: export of everything about a person, erasure that leaves no trace in any table
(history included), and the retention rule that anonymises contact data after a set period."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from tests.actors.factories import ActorFactory
from tests.cocreation.factories import (
    CommitteeFactory,
    ConsentFactory,
    ConsultationFactory,
    InputFactory,
    PersonFactory,
)

from samskapa.cocreation import gdpr
from samskapa.cocreation.models import CommitteeMember, Input, Person
from samskapa.cocreation.services import committee, consultations, people

NAME, EMAIL, PHONE = "Zahra Erasmusdottir", "zahra.erasmus@forening.test", "+46 70 123 45 67"
TEXT_TYPES = ("char", "text", "json", "clob", "varchar")


def everywhere(needle: str) -> list[str]:
    """Every table and text column of the database in which ``needle`` occurs (searched with SQL, not the app)."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                kind = connection.introspection.get_field_type(column.type_code, column).lower()
                if not any(t in kind for t in TEXT_TYPES):
                    continue
                quoted_table, quoted_column = connection.ops.quote_name(table), connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quoted_table} WHERE LOWER(CAST({quoted_column} AS TEXT)) LIKE %s",  # noqa: S608
                    [f"%{needle.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


@pytest.fixture
def zahra(org, coordinator):
    """A committee member and interviewee, named in minutes and in what was said, with history rows."""
    actor = ActorFactory(organisation=org, name="Kvinnoföreningen")
    person = people.person_create(
        actor=coordinator,
        organisation=org,
        full_name=NAME,
        email=EMAIL,
        phone=PHONE,
        actor_id=actor.pk,
        note=f"Reach {NAME} in the evenings",
        consent={"purpose": "contact", "given_on": date(2024, 1, 10), "how": f"Form signed by {NAME}"},
    )
    people.person_update(actor=coordinator, organisation=org, person=person, title="Chair of the association")
    for purpose in ("committee", "recording"):
        people.consent_add(
            actor=coordinator, organisation=org, person=person, purpose=purpose, given_on=date(2024, 1, 10)
        )
    board = committee.committee_create(actor=coordinator, organisation=org, name="Kommittén")
    committee.member_add(actor=coordinator, organisation=org, committee=board, person_id=person.pk)
    committee.member_add(
        actor=coordinator, organisation=org, committee=board, person_id=person.pk, actor_id=actor.pk, role="chair"
    )
    meeting = committee.meeting_create(
        actor=coordinator, organisation=org, committee=board, minutes=f"{NAME} opened the meeting."
    )
    interview = ConsultationFactory(organisation=org, title=f"Interview with {NAME}", facilitator="Samordnaren")
    consultations.input_create(
        actor=coordinator,
        organisation=org,
        consultation=interview,
        person_id=person.pk,
        text=f"I, {NAME}, want more language cafés. Write to {EMAIL}.",
        framework_codes=["PAR"],
    )
    anonymous = InputFactory(consultation=interview, text="Fler mötesplatser behövs.")
    return person, meeting, anonymous


def test_the_export_holds_everything_about_the_person(org, coordinator, zahra):
    person, _meeting, _anonymous = zahra
    data = gdpr.person_export(actor=coordinator, organisation=org, person=person)
    assert data["person"]["email"] == EMAIL and data["person"]["phone"] == PHONE
    assert {c["purpose"] for c in data["consents"]} >= {"Membership of the co-creation committee, named in minutes"}
    assert len(data["committee_seats"]) == 2 and "language cafés" in data["things_said"][0]["text"]
    assert any(m["table"] == "cocreation_committeemeeting" for m in data["mentioned_in"])
    json.dumps(data)  # JSON-ready


def test_erasure_leaves_no_trace_of_the_person_in_any_table_and_keeps_the_anonymous_inputs(org, coordinator, zahra):
    person, meeting, anonymous = zahra
    assert everywhere(NAME) and everywhere(EMAIL)  # the search does find them before
    left = gdpr.person_erase(actor=coordinator, organisation=org, person=person)
    assert not left
    for needle in (NAME, EMAIL, PHONE, "Erasmusdottir"):
        assert everywhere(needle) == [], needle
    assert not Person.objects.exists()
    assert Input.objects.filter(pk=anonymous.pk).exists()
    said = Input.objects.exclude(pk=anonymous.pk).get()
    assert said.person is None and "want more language cafés" in said.text
    assert CommitteeMember.objects.get().actor.name == "Kvinnoföreningen"  # the association keeps its seat
    meeting.refresh_from_db()
    assert "opened the meeting" in meeting.minutes


def test_erasure_by_the_command_line_asks_for_confirmation(org, zahra):
    person, _meeting, _anonymous = zahra
    with pytest.raises(Exception, match="--yes"):
        call_command("gdpr", "erase", "--org", org.slug, "--person", str(person.pk))
    assert Person.objects.exists()
    out = StringIO()
    call_command("gdpr", "erase", "--org", org.slug, "--person", str(person.pk), "--yes", stdout=out)
    assert "erased" in out.getvalue() and everywhere(EMAIL) == []


def test_the_export_command_writes_json(org, zahra, tmp_path):
    person, _meeting, _anonymous = zahra
    target = tmp_path / "zahra.json"
    call_command("gdpr", "export", "--org", org.slug, "--person", str(person.pk), "-o", str(target), stdout=StringIO())
    assert json.loads(target.read_text())["person"]["name"] == NAME


def test_retention_anonymises_contact_data_only_when_consent_ended_long_enough_ago(org, coordinator):
    today = timezone.localdate()
    current = ConsentFactory(person__organisation=org, given_on=today - timedelta(days=900)).person
    withdrawn_long_ago = ConsentFactory(
        person__organisation=org, given_on=date(2020, 1, 1), withdrawn_on=today - timedelta(days=400)
    ).person
    withdrawn_lately = ConsentFactory(
        person__organisation=org, given_on=date(2020, 1, 1), withdrawn_on=today - timedelta(days=30)
    ).person
    expired = ConsentFactory(
        person__organisation=org, given_on=date(2020, 1, 1), expires_on=today - timedelta(days=500)
    ).person
    out = StringIO()
    call_command("gdpr", "apply-retention", "--dry-run", stdout=out)
    assert "2 people are due" in out.getvalue()
    call_command("gdpr", "apply-retention", "--days", "365", stdout=StringIO(), stderr=StringIO())
    anonymised = set(Person.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True))
    assert anonymised == {withdrawn_long_ago.pk, expired.pk}
    kept = Person.objects.get(pk=withdrawn_lately.pk)
    assert kept.email and Person.objects.get(pk=current.pk).email
    gone = Person.objects.get(pk=expired.pk)
    assert gone.email == "" and everywhere(expired.email) == [] and everywhere(expired.full_name) == []


def test_someone_without_the_personal_data_role_cannot_export_or_erase(org, member_factory):
    from samskapa.core.errors import PermissionRefused
    from samskapa.orgs.models import Role

    person = PersonFactory(organisation=org)
    editor = member_factory(Role.EDITOR)
    with pytest.raises(PermissionRefused):
        gdpr.person_export(actor=editor, organisation=org, person=person)
    with pytest.raises(PermissionRefused):
        gdpr.person_erase(actor=editor, organisation=org, person=person)
    assert Person.objects.filter(pk=person.pk).exists()


def test_erasure_of_one_person_leaves_another_organisations_texts_alone(org, other_org, coordinator, zahra):
    person, _meeting, _anonymous = zahra
    theirs = CommitteeFactory(organisation=other_org, mandate=f"Founded by {NAME}")
    gdpr.person_erase(actor=coordinator, organisation=org, person=person)
    theirs.refresh_from_db()
    assert NAME in theirs.mandate  # another organisation's data is theirs to handle
    assert not gdpr.traces([NAME], org) and gdpr.traces([NAME])
