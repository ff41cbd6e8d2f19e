"""The action plan's models: plans, actions and their links, progress updates (plan.py), and
child impact assessments (assessment.py)."""

from samskapa.actions.models.assessment import GENERAL_PRINCIPLES, ChildImpactAssessment, UNCRCArticle
from samskapa.actions.models.plan import (
    CHILD_GROUPS,
    CURRENCY_OF_COUNTRY,
    NEEDS_ASSESSMENT,
    NEEDS_REASON,
    OVERDUE,
    OVERDUE_LABEL,
    REPORT_INTERVAL,
    Action,
    ActionGoal,
    ActionPartner,
    ActionPlan,
    ActionPrinciple,
    ActionResponsible,
    Currency,
    Funding,
    ProgressUpdate,
    Status,
    TargetGroup,
)

__all__ = [
    "CHILD_GROUPS",
    "CURRENCY_OF_COUNTRY",
    "GENERAL_PRINCIPLES",
    "NEEDS_ASSESSMENT",
    "NEEDS_REASON",
    "OVERDUE",
    "OVERDUE_LABEL",
    "REPORT_INTERVAL",
    "Action",
    "ActionGoal",
    "ActionPartner",
    "ActionPlan",
    "ActionPrinciple",
    "ActionResponsible",
    "ChildImpactAssessment",
    "Currency",
    "Funding",
    "ProgressUpdate",
    "Status",
    "TargetGroup",
    "UNCRCArticle",
]
