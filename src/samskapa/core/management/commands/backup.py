"""`samskapa backup PATH`: the whole database and every upload in one file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samskapa.core.backup import backup_write


class Command(BaseCommand):
    help = "Write every table of the database and every uploaded file into one backup file (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file to write")
        parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")

    def handle(self, *args, path: Path, force: bool, **options):
        if path.exists() and not force:
            raise CommandError(f"{path} exists; choose another name or add --force.")
        manifest = backup_write(path)
        self.stdout.write(f"Backed up {manifest['rows']} rows and {manifest['files']} files to {path}")
