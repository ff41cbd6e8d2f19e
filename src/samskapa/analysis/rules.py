"""Who may analyse one document again: the role matrix (orgs/roles.py) plus who uploaded it.

Coordinators and administrators (``analysis.reanalyse_any_document``) analyse any document
again; editors (``analysis.upload_documents``) the documents they uploaded themselves.
"""

import rules

from samskapa.orgs.roles import CAPABILITIES
from samskapa.orgs.rules import role_in

REANALYSE = "analysis.reanalyse_document"


@rules.predicate
def reanalyses_any(user, document) -> bool:
    return document is not None and role_in(user, document) in CAPABILITIES["analysis.reanalyse_any_document"]


@rules.predicate
def uploaded_it(user, document) -> bool:
    uploader = getattr(document, "uploaded_by_id", None)
    return uploader is not None and uploader == getattr(user, "pk", None)


@rules.predicate
def uploads(user, document) -> bool:
    return document is not None and role_in(user, document) in CAPABILITIES["analysis.upload_documents"]


rules.add_perm(REANALYSE, reanalyses_any | (uploads & uploaded_it))
