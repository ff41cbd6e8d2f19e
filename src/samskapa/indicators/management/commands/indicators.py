"""`samskapa indicators sync|reminders`: fetch new values, list the values owners still owe."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samskapa.core.progress import ProgressLine
from samskapa.indicators.selectors import reminder_list
from samskapa.indicators.sync import organisation_sync, summary
from samskapa.orgs.models import Organisation


class Command(BaseCommand):
    help = "Indicators: fetch new values from the online sources, or list overdue values."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        sync = commands.add_parser("sync", help="Fetch new values for every indicator with an online source.")
        sync.add_argument("--org", help="Only this organisation (its short name, as in /o/<slug>/).")
        sync.add_argument("--indicator", type=int, action="append", help="Only this indicator id (repeatable).")
        reminders = commands.add_parser("reminders", help="Indicators whose owner has not entered the value due.")
        reminders.add_argument("--org", help="Only this organisation.")

    def _organisations(self, slug):
        organisations = Organisation.objects.order_by("slug")
        if slug:
            organisations = organisations.filter(slug=slug)
            if not organisations.exists():
                raise CommandError(f"No organisation has the short name {slug!r}.")
        return list(organisations)

    def handle(self, *args, action, org=None, indicator=None, **options):
        if action == "sync":
            return self._sync(org, indicator)
        return self._reminders(org)

    def _sync(self, slug, indicator_ids):
        failed = 0
        for organisation in self._organisations(slug):
            with ProgressLine(self.stderr, f"Fetching {organisation.slug}") as line:
                results = organisation_sync(
                    organisation=organisation, indicator_ids=indicator_ids, progress=line.update
                )
            for result in results:
                outcome = f"{result.written} values" + (f", {result.revised} revised" if result.revised else "")
                self.stdout.write(
                    f"{organisation.slug}  #{result.indicator_id} {result.title}: "
                    + (outcome if result.ok else f"FAILED: {result.error}")
                )
            failed += sum(1 for r in results if not r.ok)
            if results:
                self.stdout.write(f"{organisation.slug}: {summary(results)}")
        if failed:
            raise CommandError(f"{failed} failed; the values already stored were kept.")

    def _reminders(self, slug):
        for organisation in self._organisations(slug):
            for reminder in reminder_list(organisation=organisation):
                owner = reminder.indicator.owner.email if reminder.indicator.owner else _("no owner")
                self.stdout.write(
                    f"{organisation.slug}  #{reminder.indicator.pk} {reminder.indicator.title}: "
                    f"{reminder.period} due {reminder.due_on.isoformat()} ({owner})"
                )
