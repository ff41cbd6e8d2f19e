from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from samskapa.accounts.services import user_get_or_create
from samskapa.core.errors import ApplicationError
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import organisation_create


class Command(BaseCommand):
    help = "Organisations: create one (its first administrator is --admin-email), or list them."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("--name", required=True)
        create.add_argument("--slug", required=True)
        create.add_argument("--country", default="SE", help="SE, FI, NO, DK, AX or XX")
        create.add_argument("--code", default="", help="official municipality code")
        create.add_argument("--language", default="sv", help="default language")
        create.add_argument("--languages", default="", help="other languages residents read, comma-separated")
        create.add_argument("--admin-email", required=True)
        sub.add_parser("list")

    def handle(self, *args, action, **o):
        if action == "list":
            for org in Organisation.objects.all():
                self.stdout.write(f"{org.slug}\t{org.name}\t{org.country}\t{org.municipality_code}")
            return
        admin, _created = user_get_or_create(email=o["admin_email"])
        admin.is_staff = True  # organisation_create is for platform administrators
        try:
            org = organisation_create(
                actor=admin,
                name=o["name"],
                slug=o["slug"],
                country=o["country"],
                municipality_code=o["code"],
                default_language=o["language"],
                languages=[x for x in o["languages"].split(",") if x],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        except ApplicationError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"Created /o/{org.slug}/ with {admin.email} as administrator.")
