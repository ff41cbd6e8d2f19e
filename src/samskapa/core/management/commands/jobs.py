"""`samskapa jobs recover`: find background work whose worker stopped, retry it once or fail it."""

from django.core.management.base import BaseCommand

from samskapa.core.jobs import jobs_recover


class Command(BaseCommand):
    help = "Background work: recover jobs left running by a worker that stopped."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        commands.add_parser(
            "recover",
            help="Queue once more, or mark failed, every job whose worker gave no sign of life within the lease.",
        )

    def handle(self, *args, action, **options):
        outcome = jobs_recover()
        self.stdout.write(f"{outcome.retried} queued again, {outcome.failed} marked failed.")
