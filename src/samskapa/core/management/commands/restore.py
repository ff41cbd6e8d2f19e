"""`samskapa restore PATH`: replace the whole database and every upload with a backup's."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samskapa.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Replace every table of the database and every uploaded file with those of a backup made by "
        "`samskapa backup`. Stop the web server and the workers first, and start them again after."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file to restore")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, path: Path, interactive: bool, **options):
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        if (
            interactive
            and input(f"Everything in the database and the uploads is replaced by {path}. Type yes: ") != "yes"
        ):
            raise CommandError("Nothing was changed.")
        try:
            manifest = backup_restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {manifest['rows']} rows and {manifest['files_restored']} files "
            f"(backup made {manifest['made_at']})"
        )
