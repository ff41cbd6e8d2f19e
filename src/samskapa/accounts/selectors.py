"""Reads for accounts."""

from django.db.models import QuerySet

from samskapa.accounts.models import PersonalAccessToken, User


def token_list(*, user: User) -> QuerySet[PersonalAccessToken]:
    return PersonalAccessToken.objects.filter(user=user)
