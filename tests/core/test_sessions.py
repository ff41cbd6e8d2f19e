"""A signed-in session ends when left idle and, however busy, some hours after signing in; every
page carries a Content-Security-Policy that allows no inline script."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from tests.factories import PASSWORD

from samskapa.core import sessions

ORG_HOME = "/o/mark/"


def _stored(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_a_session_lasts_an_hour_without_a_request_not_two_weeks(coordinator):
    client = Client()
    signed_in = client.post("/accounts/login/", {"username": coordinator.email, "password": PASSWORD})
    assert signed_in.status_code == 302
    assert signed_in.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 3600
    left = _stored(client).expire_date - timezone.now()
    assert timedelta(minutes=59) < left <= timedelta(minutes=60)
    assert client.get(ORG_HOME).status_code == 200


def test_an_idle_session_no_longer_signs_in(client_for, coordinator):
    client = client_for(coordinator)
    client.get(ORG_HOME)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(ORG_HOME)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_working_renews_the_session_but_not_on_every_request(client_for, coordinator, monkeypatch):
    client = client_for(coordinator)
    client.get(ORG_HOME)
    first = _stored(client).expire_date
    assert settings.SESSION_COOKIE_NAME not in client.get(ORG_HOME).cookies  # nothing written
    later = sessions.time.time() + 301
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    assert settings.SESSION_COOKIE_NAME in client.get(ORG_HOME).cookies
    assert _stored(client).expire_date > first


def test_a_session_ends_twelve_hours_after_signing_in_however_busy(client_for, coordinator, monkeypatch):
    client = client_for(coordinator)
    assert client.get(ORG_HOME).status_code == 200
    later = sessions.time.time() + 12 * 3600 + 1
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    response = client.get(ORG_HOME)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get(ORG_HOME).status_code == 302  # signed out for good, not for one request


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.mark.parametrize("path", [ORG_HOME, "/accounts/login/", "/healthz", "/api/v1/docs"])
def test_every_page_forbids_inline_and_foreign_scripts_and_framing(client_for, coordinator, path):
    policy = _policy(client_for(coordinator).get(path))
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["form-action"] == ["'self'"]


def test_no_template_has_an_inline_script_or_event_handler():
    """Inline scripts would be blocked by the policy: every script is a file from our static files."""
    root = Path(settings.BASE_DIR)
    found = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text()
        for script in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in script and 'type="application/json"' not in script:
                found.append(f"{template}: {script}")
        found += [f"{template}: {m}" for m in re.findall(r"\son[a-z]+\s*=", text)]
    assert found == []
