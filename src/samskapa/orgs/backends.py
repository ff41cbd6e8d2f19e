"""Signing in with email and password, and finding the signed-in person again on each request.

Every signed-in page needs the person and their memberships (the organisation switcher, the
organisation in the address, the roles the permission rules read). Django reads the person with
one query and the pages read the memberships with another; here both come in one query, with the
organisations, so a signed-in page pays the session and this (orgs.selectors.memberships_of_request
takes the list from the person).
"""

from django.contrib.auth.backends import ModelBackend

from samskapa.orgs.models import Membership


class MemberBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            memberships = list(
                Membership.objects.filter(user_id=user_id)
                .select_related("user", "organisation")
                .order_by("organisation__name")
            )
        except (ValueError, TypeError):
            return None
        if not memberships:  # a person without an organisation yet: Django's own read
            user = super().get_user(user_id)
            if user is not None:
                user.__dict__["_samskapa_memberships"] = []
            return user
        user = memberships[0].user
        if not self.user_can_authenticate(user):
            return None
        for membership in memberships:
            membership.user = user  # one person object, not one per row
        user.__dict__["_samskapa_memberships"] = memberships
        return user
