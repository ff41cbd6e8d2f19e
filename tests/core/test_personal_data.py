"""Erasure through the one registry of personal data: a person written into every app (actions,
strategy, indicators, analysis with its stored file, public site, background jobs, history) is
gone from every table of the database and from the stored files after `samskapa gdpr erase`."""

from pathlib import Path

import pytest
from django.core.management import call_command
from tests.actions.factories import ActionFactory, ProgressUpdateFactory
from tests.analysis.conftest import STRATEGY, upload
from tests.cocreation.test_gdpr import EMAIL, NAME, PHONE, everywhere, zahra  # noqa: F401  (fixture)
from tests.factories import JobFactory
from tests.indicators.factories import IndicatorFactory, ObservationFactory
from tests.publicsite.factories import PublicSiteFactory

from samskapa.actions.models import Action
from samskapa.analysis.models import Document
from samskapa.core import personal_data

NEEDLES = (NAME, EMAIL, PHONE)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _in_media(root: Path, needle: str) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and (needle.lower() in path.name.lower() or needle.encode() in path.read_bytes()):
            found.append(str(path.relative_to(root)))
    return found


@pytest.fixture
def traces_everywhere(org, coordinator, client_for, zahra, media, django_capture_on_commit_callbacks):  # noqa: F811
    """Zahra written into every app, the way people write: by name, e-mail and phone."""
    person = zahra[0]
    action = ActionFactory(plan__strategy__organisation=org, description=f"Led by {NAME} ({EMAIL})")
    action.title = f"Språkcafé med {NAME}"
    action.save()  # a second history row
    ProgressUpdateFactory(action=action, text=f"Call {NAME} on {PHONE}")
    indicator = IndicatorFactory(organisation=org, definition=f"Counted by {NAME}")
    ObservationFactory(indicator=indicator, note=f"Checked with {EMAIL}")
    PublicSiteFactory(organisation=org, intro=f"Ask {NAME} about the strategy.")
    JobFactory(organisation=org, title=f"Interview notes of {NAME}", params={"who": NAME}, result={"mail": EMAIL})
    with django_capture_on_commit_callbacks(execute=True):
        content = f"{STRATEGY}\n\nIntervju med {NAME}, {EMAIL}, {PHONE}.".encode()
        assert upload(client_for(coordinator), org, content, name="intervju.txt").status_code == 302
    return person, action


def test_every_place_of_the_registry_is_a_real_field():
    for place in personal_data.places():
        model = place.model_class
        assert model._meta.get_field(place.field), place
    assert {"actions.Action", "actions.HistoricalAction", "core.Job", "publicsite.PublicSite"} <= {
        p.model for p in personal_data.places(personal_data.REPLACE)
    }


def test_the_export_names_the_files_that_show_the_person(org, coordinator, traces_everywhere):
    from samskapa.cocreation import gdpr

    data = gdpr.person_export(actor=coordinator, organisation=org, person=traces_everywhere[0])
    assert [f["table"] for f in data["files"]] == ["analysis_document"]
    assert {"actions_action", "core_job", "indicators_indicator"} <= {m["table"] for m in data["mentioned_in"]}


def test_erase_leaves_no_trace_in_any_table_or_stored_file(
    org, traces_everywhere, media, capsys, other_org, django_capture_on_commit_callbacks
):
    person, action = traces_everywhere
    untouched = ActionFactory(plan__strategy__organisation=other_org, description=f"Another {NAME}")
    for needle in NEEDLES:
        assert everywhere(needle), needle  # the search finds the person before
    assert _in_media(media, NAME)
    with django_capture_on_commit_callbacks(execute=True):  # files leave storage once the erasure is committed
        call_command("gdpr", "erase", "--org", org.slug, "--person", str(person.pk), "--yes")
    assert "still mentioned" not in capsys.readouterr().out
    for needle in NEEDLES:
        theirs = {"actions_action.description", "actions_historicalaction.description"}  # other_org's rows
        assert [t for t in everywhere(needle) if needle != NAME or t not in theirs] == [], needle
        assert _in_media(media, needle) == [], needle
    # What is not personal stays: the action, the document and its analysis; another organisation's rows are theirs.
    assert Action.objects.get(pk=action.pk).description == "Led by […] ([…])"
    document = Document.objects.get(organisation=org)
    assert document.passages.exists() and not document.file
    assert Action.objects.get(pk=untouched.pk).description == f"Another {NAME}"
