"""Gap analysis: documents, passages, gap reports, comparisons, good practices."""

from ninja import Router

router = Router(tags=["analysis"])
