"""`samskapa gdpr`: the retention rule, and a data subject's export or erasure, from the command line.

samskapa gdpr apply-retention [--days N] [--org SLUG] [--dry-run]
samskapa gdpr export --org SLUG --person ID [-o FILE]
samskapa gdpr erase --org SLUG --person ID --yes
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from samskapa.cocreation import gdpr
from samskapa.cocreation.models import Person
from samskapa.orgs.models import Organisation


class _System:
    """The acting user of the command line: the operator, allowed everything (history shows no user)."""

    pk = None
    is_authenticated = True

    @staticmethod
    def has_perm(capability, obj=None) -> bool:
        return True


class Command(BaseCommand):
    help = "Personal data of co-creation: apply the retention rule, export or erase one person."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        retention = sub.add_parser("apply-retention", help="anonymise contact data whose consent ended long enough ago")
        retention.add_argument(
            "--days", type=int, help="days after consent ended (default SAMSKAPA_CONTACT_RETENTION_DAYS)"
        )
        retention.add_argument("--org", help="only this organisation (its short name)")
        retention.add_argument("--dry-run", action="store_true", help="list who is due, change nothing")
        for name, text in (
            ("export", "print all data about one person as JSON"),
            ("erase", "erase one person everywhere"),
        ):
            action = sub.add_parser(name, help=text)
            action.add_argument("--org", required=True)
            action.add_argument(
                "--person", type=int, required=True, help="the person's id (on their page and in the API)"
            )
            if name == "export":
                action.add_argument("-o", "--output", help="write to this file instead of standard output")
            else:
                action.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")

    def handle(self, *args, action, **options):
        return {"apply-retention": self.retention, "export": self.export, "erase": self.erase}[action](**options)

    def _organisation(self, slug):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"No organisation with the short name {slug!r}.")
        return organisation

    def _person(self, options):
        organisation = self._organisation(options["org"])
        person = Person.objects.filter(organisation=organisation, pk=options["person"]).first()
        if person is None:
            raise CommandError(f"No person {options['person']} in {organisation.slug}.")
        return organisation, person

    def retention(self, *, days=None, org=None, dry_run=False, **_options):
        organisation = self._organisation(org) if org else None
        if dry_run:
            due = gdpr.retention_due(organisation=organisation, days=days)
            for person in due:
                self.stdout.write(f"due\t{person.organisation.slug}\t{person.pk}")
            self.stdout.write(f"{len(due)} people are due for anonymisation (nothing changed).")
            return

        def progress(done, total):
            sys.stderr.write(f"\ranonymising {done}/{total}")
            if done == total:
                sys.stderr.write("\n")

        done = gdpr.retention_apply(organisation=organisation, days=days, progress=progress)
        self.stdout.write(f"{len(done)} people anonymised.")

    def export(self, *, output=None, **options):
        organisation, person = self._person(options)
        data = json.dumps(
            gdpr.person_export(actor=_System(), organisation=organisation, person=person), ensure_ascii=False, indent=2
        )
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(data + "\n")
            self.stdout.write(f"Written to {output}.")
        else:
            self.stdout.write(data)

    def erase(self, *, yes=False, **options):
        organisation, person = self._person(options)
        if not yes:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")
        left = gdpr.person_erase(actor=_System(), organisation=organisation, person=person)
        self.stdout.write(f"Person {options['person']} erased in {organisation.slug}.")
        for table, pk, column in left.found:
            self.stdout.write(f"still mentioned\t{table}\t{pk}\t{column}")
