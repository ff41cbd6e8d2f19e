from django.conf import settings
from django.http import HttpRequest

from samskapa.orgs.selectors import membership_list_for_user


def platform(request: HttpRequest) -> dict:
    """What the base layout needs: the site name, the org switcher, the current organisation."""
    user = getattr(request, "user", None)
    return {
        # Not "site_name": Django's login and password views put the request's host under that name.
        "product_name": settings.SAMSKAPA_SITE_NAME,
        "htmx_available": settings.SAMSKAPA_HTMX,
        "organisation": getattr(request, "organisation", None),
        "membership": getattr(request, "membership", None),
        # Lazy: evaluated only when the template shows the switcher.
        "my_memberships": (lambda: list(membership_list_for_user(user=user))) if user else list,
    }
