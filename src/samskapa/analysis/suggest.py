"""Suggest framework codes for any short text, such as a consultation input.

The one entry point for the other apps (co-creation tags inputs and survey answers with it,
the API answers with it): no database, no organisation, the fast classifier only, so it can
be called inside a request.

    >>> suggest_codes("Vi behöver fler lägenheter för stora familjer").codes
    ['HOU']
"""

from dataclasses import dataclass

from samskapa.analysis import engine


@dataclass(frozen=True)
class Suggestion:
    """The codes the classifier suggests for a text, best first, with a probability per code."""

    codes: list[str]
    scores: dict[str, float]


def suggest_codes_many(texts: list[str]) -> list[Suggestion]:
    # Inputs are free text, never headings: classify every one as a paragraph.
    labels = engine.classify_texts([t or "" for t in texts], shapes=["paragraph"] * len(texts))
    return [
        Suggestion(codes=sorted(lab.labels, key=lambda c: -lab.scores[c]), scores=dict(lab.scores)) for lab in labels
    ]


def suggest_codes(text: str) -> Suggestion:
    return suggest_codes_many([text])[0]


def codes_for(texts: list[str]) -> list[list[str]]:
    """Only the codes for each text, best first: what an input or a survey answer stores."""
    return [suggestion.codes for suggestion in suggest_codes_many(texts)]
