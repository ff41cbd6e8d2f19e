"""`samskapa backup` and `samskapa restore`: every row of every table (history and background tasks
included) and every upload come back exactly; a damaged or foreign file changes nothing."""

import io
import json
import tarfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from tests.analysis.factories import DocumentFactory

from samskapa.accounts.models import User
from samskapa.orgs.models import Organisation
from samskapa.strategy.models import Strategy

# The demo and a committed database: the restore empties and refills real tables.
pytestmark = pytest.mark.django_db(transaction=True)


def _tables() -> dict[str, list[tuple]]:
    """Every row of every table (many-to-many tables too), in primary-key order."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def media(tmp_path):
    root = tmp_path / "media"
    with override_settings(MEDIA_ROOT=root):
        yield root


def _uploads_and_a_task() -> None:
    """Two uploaded documents and a queued task, in Marks kommun (made if missing)."""
    org = Organisation.objects.get_or_create(slug="mark", defaults={"name": "Marks kommun"})[0]
    DocumentFactory(organisation=org, file=ContentFile("Plan för ÅÄÖ\n".encode() * 50, name="plan.txt"))
    DocumentFactory(organisation=org, file=ContentFile(b"%PDF-1.4 not really", name="bilaga.pdf"))
    DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="samskapa.analysis.tasks.analyse_document",
        backend_name="default",
        run_after=timezone.now() + timedelta(minutes=5),
        exception_class_path="",
        traceback="",
    )


@pytest.fixture
def some(media):
    _uploads_and_a_task()


@pytest.fixture
def everything(media):
    """The three demo municipalities with their history and documents, and the above."""
    with override_settings(DEBUG=True):
        call_command("demo", "--password", "demo-secret-1", verbosity=0)
    _uploads_and_a_task()


def test_a_backup_restores_every_row_of_every_table_and_every_upload(everything, media, tmp_path, capsys):
    before, uploads = _tables(), _files(media)
    assert sum(len(rows) for rows in before.values()) > 1000 and len(uploads) > 2
    for table in ("orgs_organisation", "strategy_historicalstrategy", "django_tasks_database_dbtaskresult"):
        assert before[table], f"{table} should hold rows for the test to mean anything"
    backup = tmp_path / "samskapa.tar.gz"
    call_command("backup", str(backup))
    assert "Backed up" in capsys.readouterr().out

    # Life goes on: rows changed and deleted (history and tasks too), a user added, uploads changed.
    Organisation.objects.filter(slug="mala").update(name="Ändrad")
    Strategy.history.all().delete()
    DBTaskResult.objects.all().delete()
    User.objects.create_user(email="new@samskapa.test", password="x-long-password-1")
    next(media.rglob("plan*.txt")).write_bytes(b"changed")
    (media / "stray.txt").write_text("not in the backup")

    call_command("restore", str(backup), "--noinput")
    after = _tables()
    assert after.keys() == before.keys()
    differing = [table for table in before if after[table] != before[table]]
    assert differing == [], (differing[:3], [(before[t][:2], after[t][:2]) for t in differing[:2]])
    assert _files(media) == uploads


def test_the_restored_database_goes_on_numbering_after_the_restored_rows(some, tmp_path):
    backup = tmp_path / "samskapa.tar.gz"
    call_command("backup", str(backup))
    highest = Organisation.objects.order_by("-pk").first().pk
    call_command("restore", str(backup), "--noinput")
    assert Organisation.objects.create(name="Ny kommun", slug="ny").pk > highest


def test_backup_refuses_to_overwrite_a_file_unless_told(db, tmp_path, media):
    existing = tmp_path / "old.tar.gz"
    existing.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="exists"):
        call_command("backup", str(existing))
    assert existing.read_bytes() == b"keep me"


def _archive(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def _manifest(**changes) -> bytes:
    from samskapa.core.backup import _migrations

    return json.dumps({"format": 1, "migrations": _migrations("default"), "rows": 0, **changes}).encode()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"notes.txt": b"hello"}, "not a Samskapa backup"),
        ({"manifest.json": b"{broken"}, "not a Samskapa backup"),
        ({"manifest.json": b'{"format": 99}'}, "format 99"),
        ("migrations", "another version of Samskapa"),
        ("escape", "outside the upload folder"),
    ],
)
def test_a_foreign_damaged_or_hostile_file_is_refused_and_nothing_changes(db, tmp_path, media, members, message):
    Organisation.objects.create(name="Kvar kommun", slug="kvar")
    if members == "migrations":
        members = {"manifest.json": _manifest(migrations=["orgs.0001_initial"]), "database.jsonl": b""}
    elif members == "escape":
        members = {"manifest.json": _manifest(), "database.jsonl": b"", "media/../../evil.txt": b"x"}
    path = _archive(tmp_path / "bad.tar.gz", members)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--noinput")
    assert Organisation.objects.filter(slug="kvar").exists()
    assert not (tmp_path / "evil.txt").exists()


def test_a_file_that_is_no_archive_is_refused(db, tmp_path, media):
    path = tmp_path / "nonsense.tar.gz"
    path.write_bytes(b"this is not gzip")
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("restore", str(path), "--noinput")


def test_a_truncated_backup_is_refused_and_nothing_changes(some, tmp_path):
    backup = tmp_path / "samskapa.tar.gz"
    call_command("backup", str(backup))
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    organisations = Organisation.objects.count()
    with pytest.raises(CommandError):
        call_command("restore", str(cut), "--noinput")
    assert Organisation.objects.count() == organisations
    assert connection.vendor in {"sqlite", "postgresql"}
