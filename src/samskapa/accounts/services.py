"""Writes for accounts: users and personal access tokens."""

import hashlib
import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.accounts.models import PersonalAccessToken, User
from samskapa.core.errors import ApplicationError

TOKEN_PREFIX = "smk_"  # noqa: S105 (a public marker that tells tokens apart, not a secret)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: User, name: str, expires_at: datetime | None = None) -> tuple[PersonalAccessToken, str]:
    """Create a token; returns it and the raw secret, which is never stored and never shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken(
        user=user,
        name=name.strip() or _("API token"),
        prefix=raw[:10],
        token_hash=hash_token(raw),
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    return token, raw


def token_revoke(*, user: User, token_id: int) -> PersonalAccessToken:
    token = PersonalAccessToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).first()
    if token is None:
        raise ApplicationError(_("No such active token."), status=404)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(raw: str) -> User | None:
    """The active user owning this secret, or None; records when the token was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or (token.expires_at and token.expires_at <= timezone.now()):
        return None
    now = timezone.now()
    # Only touch the row once a minute, so busy API clients do not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def user_get_or_create(*, email: str, full_name: str = "", password: str | None = None) -> tuple[User, bool]:
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email=email).first()
    if user:
        return user, False
    user = User(email=email, full_name=full_name)
    user.set_password(password) if password else user.set_unusable_password()
    user.full_clean()
    user.save()
    return user, True


def user_update_profile(*, user: User, full_name: str, preferred_language: str) -> User:
    user.full_name, user.preferred_language = full_name.strip(), preferred_language
    user.full_clean()
    user._history_user = user  # type: ignore[attr-defined]
    user.save(update_fields=["full_name", "preferred_language"])
    return user
