from django.conf import settings
from django.http import HttpRequest

from samskapa.orgs.selectors import memberships_of_request


def platform(request: HttpRequest) -> dict:
    """What the base layout needs: the site name, the org switcher, the current organisation."""
    return {
        # Not "site_name": Django's login and password views put the request's host under that name.
        "product_name": settings.SAMSKAPA_SITE_NAME,
        "htmx_available": settings.SAMSKAPA_HTMX,
        "organisation": getattr(request, "organisation", None),
        "membership": getattr(request, "membership", None),
        # Lazy: read only when the template shows the switcher, and then the list the view may already
        # have read (core.views.org_view, home): one query per request at most.
        "my_memberships": lambda: memberships_of_request(request),
    }
