"""The action plan: actions, progress updates, child impact assessments."""

from ninja import Router

router = Router(tags=["actions"])
