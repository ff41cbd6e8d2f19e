"""The framework's names in the user's language (codes come from the engine)."""

from typing import Literal, get_args

from django.utils.translation import gettext_lazy as _

from samskapa.analysis.engine import CODES

# The codes as a type, for the API's schemas (OpenAPI shows them as an enum).
AreaCode = Literal["EDU", "EMP", "HEA", "HOU", "PAR", "CHI", "EQU", "INF", "GOV", "MON"]
assert get_args(AreaCode) == CODES, "the framework's codes come from the engine"

AREAS = {
    "EDU": _("Education and language"),
    "EMP": _("Employment and self-sufficiency"),
    "HEA": _("Health and wellbeing"),
    "HOU": _("Housing and segregation"),
    "PAR": _("Participation, social cohesion and leisure"),
    "CHI": _("Children and youth"),
    "EQU": _("Equal treatment and gender equality"),
    "INF": _("Reception, information and accessible services"),
    "GOV": _("Collaboration and governance"),
    "MON": _("Monitoring, evaluation and revision"),
}
ELEMENTS = {
    "vision": _("Vision or overall aim"),
    "target_groups": _("Target groups"),
    "measurable_goals_or_indicators": _("Measurable goals or indicators"),
    "responsible_actors": _("Responsible actors"),
    "timeline": _("Timeline or programme period"),
    "revision_or_evaluation_date": _("Revision or evaluation date"),
    "co_creation_described": _("Co-creation with residents and stakeholders"),
    "children_perspective": _("Children's perspective"),
}
STATUS = {"covered": _("Covered"), "weak": _("Weak"), "missing": _("Missing")}
AREA_CHOICES = list(AREAS.items())
