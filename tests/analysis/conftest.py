"""Fixtures of the gap-analysis app: a strategy of our own, uploaded and analysed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from samskapa.analysis.models import Document

# A short strategy of our own, in Swedish: language and work are covered, housing is not.
STRATEGY = """Integrationsstrategi för Exempelby 2025–2028

Vision
Alla invånare i Exempelby ska känna tillhörighet, trygghet och framtidstro.

Utbildning och språk
Kommunen erbjuder svenska för invandrare (SFI) på dagtid och kvällstid, och förskolan stärker barnens språkutveckling.

Vuxenutbildningen samarbetar med arbetsgivare så att fler nyanlända kan kombinera SFI med praktik.

Arbete och egenförsörjning
Arbetsmarknadsenheten ger nyanlända stöd att hitta praktikplatser, validera sina yrkeskunskaper och få ett arbete.

Strategin följs upp varje år med indikatorer och revideras senast 2028.
"""


def upload(client, org, content: bytes, name="strategi.txt", title=""):
    return client.post(f"/o/{org.slug}/documents/", {"file": SimpleUploadedFile(name, content), "title": title})


@pytest.fixture
def uploaded(org, coordinator, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client_for(coordinator), org, STRATEGY.encode(), title="Strategi för Exempelby")
    assert response.status_code == 302
    return Document.objects.get(organisation=org)
