"""How the isolation walker makes an object of a given organisation for each URL parameter.

When a new route takes a new ``<something_id>``, add a maker here: the walker fails on
parameters it does not know, so no route escapes the check.
"""

from tests.factories import InvitationFactory, JobFactory, MembershipFactory

from samskapa.orgs.models import Role

ID_MAKERS = {
    "membership_id": lambda org: MembershipFactory(organisation=org, role=Role.ADMIN).pk,
    "invitation_id": lambda org: InvitationFactory(organisation=org).pk,
    "job_id": lambda org: JobFactory(organisation=org, title="SECRET-B job").pk,
}

# Parameters that are not organisation objects; their routes are tested on their own:
# invitation and password-reset secrets (tests/orgs/test_invitations.py, tests/accounts/),
# a person's own tokens (tests/accounts/test_tokens.py).
NOT_ORGANISATION_SCOPED = {"token", "uidb64", "token_id"}


def _document(org):
    from tests.analysis.factories import DocumentFactory

    return DocumentFactory(organisation=org, title="SECRET-B strategy").pk


def _passage(org):
    from tests.analysis.factories import PassageFactory

    return PassageFactory(organisation=org, text="SECRET-B passage").pk


ID_MAKERS["document_id"] = _document
ID_MAKERS["passage_id"] = _passage
