"""Action plan pages: plans and their lists, timeline, overview, export and import (plans.py);
one action, its progress, assessment and partners (action.py)."""
