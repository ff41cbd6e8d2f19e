"""`samskapa demo`: four municipalities from the seeds and a demo login, idempotent."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from samskapa.accounts.models import User
from samskapa.orgs.models import Membership, Organisation


@override_settings(DEBUG=True)
def test_demo_creates_four_municipalities_and_a_coordinator_login(db, capsys):
    call_command("demo", "--password", "demo-secret-1")
    out = capsys.readouterr().out
    assert "demo@samskapa.test" in out and "demo-secret-1" in out
    assert set(Organisation.objects.values_list("slug", "municipality_code")) == {
        ("mark", "1463"),
        ("molndal", "1481"),
        ("mala", "2418"),
        ("vaasa", "905"),
    }
    vaasa = Organisation.objects.get(slug="vaasa")
    assert (vaasa.country, vaasa.default_language) == ("FI", "fi") and "sv" in vaasa.languages
    demo = User.objects.get(email="demo@samskapa.test")
    assert set(Membership.objects.filter(user=demo).values_list("role", flat=True)) == {"coordinator"}
    login = Client().post("/accounts/login/", {"username": "demo@samskapa.test", "password": "demo-secret-1"})
    assert login.status_code == 302


@override_settings(DEBUG=True)
def test_demo_is_idempotent_and_prints_a_random_password(db, capsys):
    call_command("demo")
    first = capsys.readouterr().out
    counts = (Organisation.objects.count(), Membership.objects.count(), User.objects.count())
    call_command("demo")
    second = capsys.readouterr().out
    assert (Organisation.objects.count(), Membership.objects.count(), User.objects.count()) == counts
    assert first.split("password: ")[1] != second.split("password: ")[1]


@override_settings(DEBUG=False)
def test_demo_refuses_when_debug_is_off(db):
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo")
    assert not User.objects.filter(email="demo@samskapa.test").exists()
