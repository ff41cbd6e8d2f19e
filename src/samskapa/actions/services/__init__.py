"""Writes for the action plan: plans, actions, (actions.py), progress and
child impact assessments (progress.py), imports from XLSX/CSV (imports.py)."""

from samskapa.actions.services.actions import (
    ACTION_FIELDS,
    ASSESSMENT_FIELDS,
    LINK_FIELDS,
    PLAN_FIELDS,
    action_create,
    action_delete,
    action_update,
    partner_commitments_set,
    plan_create,
    plan_update,
)
from samskapa.actions.services.imports import ImportResult, RowError, plan_import
from samskapa.actions.services.progress import assessment_save, progress_post

__all__ = [
    "ACTION_FIELDS",
    "ASSESSMENT_FIELDS",
    "LINK_FIELDS",
    "PLAN_FIELDS",
    "ImportResult",
    "RowError",
    "action_create",
    "action_delete",
    "action_update",
    "assessment_save",
    "partner_commitments_set",
    "plan_create",
    "plan_import",
    "plan_update",
    "progress_post",
]
