from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samskapa.core.demo import demo_load
from samskapa.core.progress import ProgressLine


class Command(BaseCommand):
    help = "Load the demo municipalities (Mark, Mölndal, Malå) and the demo login. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Password for demo@samskapa.test (default: a random one, printed).")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo even though DEBUG is off (never on a real installation).",
        )

    def handle(self, *args, password=None, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("The demo creates a known login; it only runs with DEBUG=true.")
        with ProgressLine(self.stderr, "Loading the demo") as line:
            result = demo_load(password=password, progress=line.update)
        names = ", ".join(f"{o.name} (/o/{o.slug}/)" for o in result.organisations)
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {names}"))
        self.stdout.write(f"Demo login: {result.email}  password: {result.password}")
