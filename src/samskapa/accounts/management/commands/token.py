from django.core.management.base import BaseCommand, CommandError

from samskapa.accounts.models import User
from samskapa.accounts.selectors import token_list
from samskapa.accounts.services import token_create, token_revoke
from samskapa.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Personal access tokens for the API: create (printed once), list, revoke."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it (it is shown only this once).")
        create.add_argument("--email", required=True)
        create.add_argument("--name", default="command line")
        listing = sub.add_parser("list", help="List a person's tokens (never the secrets).")
        listing.add_argument("--email", required=True)
        revoke = sub.add_parser("revoke", help="Revoke a token by its id.")
        revoke.add_argument("--email", required=True)
        revoke.add_argument("--id", type=int, required=True)

    def handle(self, *args, action, email, **options):
        user = User.objects.filter(email=email.strip().lower()).first()
        if user is None:
            raise CommandError(f"No user with the email address {email}.")
        if action == "create":
            _token, raw = token_create(user=user, name=options["name"])
            self.stdout.write(raw)
        elif action == "list":
            for token in token_list(user=user):
                state = "revoked" if token.revoked_at else "active"
                self.stdout.write(f"{token.pk}\t{token.prefix}…\t{token.name}\t{state}")
        else:
            try:
                token_revoke(user=user, token_id=options["id"])
            except ApplicationError as error:
                raise CommandError(error.message) from error
            self.stdout.write("revoked")
