"""Co-creation: consultations and what was said in them, findings traced to decisions, the
co-creation committee, public surveys, and the people named along the way with their consent."""

from samskapa.cocreation.models.committee import Committee, CommitteeDecision, CommitteeMeeting, CommitteeMember
from samskapa.cocreation.models.consultations import (
    Consultation,
    ConsultationActor,
    Group,
    GroupTarget,
    Input,
    InputFocusArea,
    LegalBasis,
    Participation,
)
from samskapa.cocreation.models.findings import Finding, FindingDecision, FindingInput
from samskapa.cocreation.models.people import Consent, Person
from samskapa.cocreation.models.surveys import Answer, Choice, Question, Response, Survey

__all__ = [
    "Answer",
    "Choice",
    "Committee",
    "CommitteeDecision",
    "CommitteeMeeting",
    "CommitteeMember",
    "Consent",
    "Consultation",
    "ConsultationActor",
    "Finding",
    "FindingDecision",
    "FindingInput",
    "Group",
    "GroupTarget",
    "Input",
    "InputFocusArea",
    "LegalBasis",
    "Participation",
    "Person",
    "Question",
    "Response",
    "Survey",
]
