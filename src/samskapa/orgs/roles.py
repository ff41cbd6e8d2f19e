"""Which role may do what: one table, read by django-rules (rules.py) and by the tests.

Later domain apps add their capabilities here, so the role matrix stays in one place.
"""

from samskapa.orgs.models import Role

A, C, E, P, M, V = Role.ADMIN, Role.COORDINATOR, Role.EDITOR, Role.PARTNER, Role.COMMITTEE, Role.VIEWER
EVERYONE = frozenset(Role)

CAPABILITIES: dict[str, frozenset[str]] = {
    # the organisation itself
    "orgs.view_organisation": EVERYONE,
    "orgs.change_organisation": frozenset({A}),
    "orgs.view_members": frozenset({A, C}),
    "orgs.manage_members": frozenset({A}),
    # background work (analysis, imports, reports)
    "core.view_job": EVERYONE,
    "core.start_job": frozenset({A, C, E}),
    # strategy and action plan: coordinators own it, department staff edit their actions,
    # partners update only what is assigned to them (checked against the object)
    "strategy.view_strategy": EVERYONE,
    "strategy.change_strategy": frozenset({A, C}),
    "strategy.adopt_strategy": frozenset({A, C}),
    # Editors may add actions to any plan of the organisation: a plan is organisation-wide (one
    # per strategy period, no department of its own), and departments contribute their actions
    # to it. The editor who adds an action becomes responsible for it and can edit only that
    # (actions/rules.py); the coordinator sees every addition in the plan's history.
    "actions.change_action": frozenset({A, C, E}),
    "actions.view_actions": EVERYONE,
    "actions.manage_plan": frozenset({A, C}),
    # the actor registry (stakeholder map): coordinators keep it, members read it
    "actors.view_actors": frozenset({A, C, E, P, M, V}),
    "actors.change_actors": frozenset({A, C}),
    "actions.post_progress": frozenset({A, C, E, P}),
    # co-creation: the committee takes part in its meetings
    "cocreation.view_consultations": frozenset({A, C, E, M, V}),
    "cocreation.change_consultations": frozenset({A, C}),
    "cocreation.view_committee": frozenset({A, C, M}),
    "cocreation.record_committee_minutes": frozenset({A, C, M}),
    # A recorded decision is the committee's record, and the committee role is shared by every
    # seat (chair, secretary and members are seats, not accounts): members record decisions,
    # removing one is for the coordinator who keeps the committee's records.
    "cocreation.delete_committee_decisions": frozenset({A, C}),
    "cocreation.manage_personal_data": frozenset({A, C}),
    # indicators and follow-up
    "indicators.view_indicators": EVERYONE,
    "indicators.change_indicators": frozenset({A, C}),
    "indicators.enter_values": frozenset({A, C, E}),
    # documents and gap analysis
    "analysis.view_documents": frozenset({A, C, E, M, V}),
    "analysis.upload_documents": frozenset({A, C, E}),
    # Analysing again (possibly in another mode) changes the report everyone reads: editors do
    # it for the documents they uploaded themselves (analysis/rules.py), coordinators for all.
    "analysis.reanalyse_any_document": frozenset({A, C}),
    # The classifier's suggestions for a text someone is writing (an input, a progress update,
    # a partner's report) reveal nothing stored, so everyone who writes may ask for them.
    "analysis.suggest_codes": frozenset({A, C, E, P, M}),
    "analysis.correct_passages": frozenset({A, C}),
    "analysis.delete_documents": frozenset({A, C}),
    "analysis.change_practices": frozenset({A, C}),
    # public pages
    "publicsite.publish": frozenset({A, C}),
}


def roles_for(capability: str) -> frozenset[str]:
    return CAPABILITIES[capability]
