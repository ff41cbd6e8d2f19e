"""Co-creation: consultations, inputs, findings, committee, surveys, consent."""

from ninja import Router

router = Router(tags=["cocreation"])
