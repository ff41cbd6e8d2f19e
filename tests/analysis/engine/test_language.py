"""Language detection per passage and per document."""

from __future__ import annotations

import pytest

from samskapa.analysis.engine.language import detect, detect_document


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kommunen ska arbeta för att alla nyanlända får en bra start i Sverige.", "sv"),
        ("Kaupunki tukee maahanmuuttajien kotoutumista ja työllistymistä monin tavoin.", "fi"),
        ("The council will work with partners to support refugees into work.", "en"),
        ("Kommunen skal arbeide for at alle flyktninger får et godt tilbud gjennom hele året.", "nb"),
        ("Kommunen skal arbejde for, at alle flygtninge får et godt tilbud gennem hele året.", "da"),
        ("Die Stadt unterstützt die Integration von Zugewanderten in den Arbeitsmarkt.", "de"),
    ],
)
def test_detects_languages(text, lang):
    assert detect(text) == lang


def test_too_short_text_has_no_language():
    assert detect("2024") is None


def test_document_language_is_the_majority():
    assert (
        detect_document(
            ["Integrationsstrategi", "Kommunen ska samverka med föreningar och regionen för att nå målen.", "The end"]
        )
        == "sv"
    )
