"""The actor registry: actors, their relations and the engagement plan."""

from ninja import Router

router = Router(tags=["actors"])
