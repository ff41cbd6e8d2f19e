"""Indicators and follow-up: indicators, observations, statistics sources."""

from ninja import Router

router = Router(tags=["indicators"])
