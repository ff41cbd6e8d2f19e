"""One file holding everything Samskapa keeps: every table of the database and every upload.

The file is a gzipped tar: ``manifest.json`` (when, which migrations), ``database.jsonl`` (every
row of every table, history and background tasks included, in Django's JSON Lines format, one
row a line, primary keys and times to the microsecond kept) and ``media/`` (the uploads, read
through the storage backend, so object stores work too).
Rows are written in Django's own format rather than with pg_dump or SQLite's backup API so that
one file restores on either database (and moves an installation from SQLite to PostgreSQL).

Restoring replaces everything: the tables are emptied and filled in one transaction (nothing is
changed if any row fails), then the uploads are replaced. A backup restores only into the same
version of Samskapa that made it (the same migrations); upgrade after restoring.
"""

import io
import json
import tarfile
import tempfile
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST, DATABASE, MEDIA = "manifest.json", "database.jsonl", "media/"


class BackupError(Exception):
    """A backup file that cannot be restored here; the message says why."""


class ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's own encoder keeps milliseconds, which would change rows."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _dump(path: Path, alias: str) -> int:
    """Every row of every model, one JSON line each, as `dumpdata --all` would write them but exact."""
    rows = 0
    with path.open("w", encoding="utf-8") as stream:
        for model in apps.get_models():
            if model._meta.proxy or not router.allow_migrate_model(alias, model):
                continue
            queryset = model._base_manager.using(alias).order_by(model._meta.pk.name)
            serializers.serialize("jsonl", queryset.iterator(chunk_size=2000), stream=stream, cls=ExactEncoder)
            rows += queryset.count()
    return rows


def _migrations(alias: str) -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connections[alias]).applied_migrations())


def _uploads(directory: str = "") -> Iterator[str]:
    """Every file in the storage, by name (an empty or missing upload folder has none)."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from _uploads(f"{directory}/{folder}" if directory else folder)


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
    archive.addfile(info, io.BytesIO(data))


def backup_write(path: Path, *, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the backup file; returns its manifest (with the number of rows and files)."""
    with tempfile.TemporaryDirectory() as scratch:
        rows_file = Path(scratch) / DATABASE
        with transaction.atomic(using=alias):  # one consistent moment (on SQLite, it also holds writers off)
            rows = _dump(rows_file, alias)
        files = list(_uploads())
        manifest = {
            "format": FORMAT,
            "made_at": timezone.now().isoformat(),
            "database": connections[alias].vendor,
            "migrations": _migrations(alias),
            "rows": rows,
            "files": len(files),
        }
        with tarfile.open(path, "w:gz") as archive:
            _add(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(rows_file, DATABASE)
            for name in files:
                with default_storage.open(name, "rb") as upload:
                    _add(archive, MEDIA + name, upload.read())
    return manifest


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST) or io.BytesIO())
    except (KeyError, ValueError) as error:
        raise BackupError("This is not a Samskapa backup (no readable manifest.json).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This backup has format {manifest.get('format')!r}; this version reads {FORMAT}.")
    return manifest


def _media_name(member: tarfile.TarInfo) -> str | None:
    """The upload's name inside the storage, or None for what is not a plain file under media/."""
    if not member.isfile() or not member.name.startswith(MEDIA):
        return None
    name = PurePosixPath(member.name[len(MEDIA) :])
    if name.is_absolute() or ".." in name.parts or not name.parts:
        raise BackupError(f"The backup names a file outside the upload folder: {member.name}")
    return str(name)


def _restore_rows(archive: tarfile.TarFile, alias: str) -> None:
    from samskapa.publicsite import signals

    source = archive.extractfile(DATABASE)
    if source is None:
        raise BackupError("The backup holds no database.")
    with tempfile.TemporaryDirectory() as scratch:
        rows_file = Path(scratch) / DATABASE
        rows_file.write_bytes(source.read())
        with transaction.atomic(using=alias), signals.paused():
            call_command("flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(rows_file), database=alias, verbosity=0)
    ContentType.objects.clear_cache()  # the ids this process remembered may have changed


def _restore_uploads(archive: tarfile.TarFile) -> int:
    for old in list(_uploads()):
        default_storage.delete(old)
    restored = 0
    for member in archive:
        name = _media_name(member)
        data = archive.extractfile(member) if name is not None else None
        if name is not None and data is not None:
            default_storage.save(name, ContentFile(data.read()))
            restored += 1
    return restored


def backup_restore(path: Path, *, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Replace every row and every upload with the backup's; returns its manifest."""
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with below; only opening is guarded
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupError(f"The backup cannot be read: {error}") from error
    with archive:
        try:
            members = archive.getmembers()  # reads the whole file: a damaged one fails here
        except (OSError, EOFError, tarfile.TarError) as error:
            raise BackupError(f"The backup is damaged: {error}") from error
        manifest = _read_manifest(archive)
        for member in members:
            _media_name(member)  # refuses a hostile name before anything is changed
        call_command("migrate", database=alias, interactive=False, verbosity=0)
        if manifest["migrations"] != _migrations(alias):
            raise BackupError(
                "This backup was made by another version of Samskapa (its database migrations differ). "
                "Restore it with that version, then upgrade."
            )
        _restore_rows(archive, alias)
        manifest["files_restored"] = _restore_uploads(archive)
    return manifest
