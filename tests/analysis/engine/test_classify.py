"""The classifier labels clear passages in Swedish, Finnish and English by the framework."""

from __future__ import annotations

import json

import pytest

from samskapa.analysis.engine import CODES, classify_texts, load_classifier
from samskapa.analysis.engine.lexicon import DATA_DIR
from samskapa.analysis.engine.train import main as train_main

CLEAR = [
    ("Kommunen erbjuder SFI och vuxenutbildning till alla nyanlända.", {"EDU"}),
    ("Fler utrikes födda ska få jobb och bli självförsörjande genom praktik hos arbetsgivare.", {"EMP"}),
    ("Bostadsbristen och boendesegregationen är stora utmaningar i mottagandet.", {"HOU"}),
    ("Vi arbetar mot rasism och diskriminering och för jämställdhet.", {"EQU"}),
    ("Strategin följs upp årligen med indikatorer och utvärderas 2027.", {"MON"}),
    ("Maahanmuuttajien työllisyyttä edistetään työkokeiluilla ja palkkatuella.", {"EMP"}),
    ("Mielenterveyspalveluja ja psykososiaalista tukea tarjotaan traumatisoituneille.", {"HEA"}),
    ("Ohjelmaa toteutetaan yhteistyössä järjestöjen ja TE-toimiston kanssa.", {"GOV"}),
    ("Lasten ja nuorten harrastuksia ja liikuntaa tuetaan.", {"CHI", "PAR"}),
    ("Refugees can get free advice and information in their own language, with interpreters.", {"INF"}),
    ("Sports clubs, libraries and volunteering bring residents together and build belonging.", {"PAR"}),
    ("Too many families live in temporary accommodation because affordable housing is scarce.", {"HOU"}),
]


@pytest.mark.parametrize(("text", "expected"), CLEAR)
def test_clear_passages_get_their_area(text, expected):
    [result] = classify_texts([text])
    assert expected <= set(result.labels), (result.labels, result.scores)


@pytest.mark.parametrize(
    "text",
    [
        "Integrationsstrategi 2024–2027",
        "Vision och mål",
        "3.2 Asuminen",
        "Sisällys Johdanto........3 Tavoitteet........5",
        "Senast uppdaterad 2023-11-02",
        "Read the strategy at https://example.org/strategy.pdf",
        "Kommunfullmäktige antog strategin den 14 mars 2024.",
    ],
)
def test_headings_toc_dates_links_and_adoption_statements_get_no_labels(text):
    [result] = classify_texts([text])
    assert result.labels == []


def test_list_item_naming_a_theme_is_labelled_but_same_words_as_heading_are_not():
    item, heading = classify_texts(["• Bostad och boende", "Bostad och boende"], shapes=["item", "heading"])
    assert item.labels == ["HOU"]
    assert heading.labels == []


def test_scores_cover_all_codes_and_are_probabilities():
    [result] = classify_texts(["Skolan samarbetar med föreningar."])
    assert list(result.scores) == list(CODES)
    assert all(0.0 <= v <= 1.0 for v in result.scores.values())
    assert set(result.labels) == {c for c, v in result.scores.items() if v >= 0.5}


def test_classifier_is_loaded_once():
    assert load_classifier() is load_classifier()


def test_retraining_reproduces_the_committed_model(capsys):
    assert train_main(["--check"]) == 0, capsys.readouterr().out


def test_examples_are_our_own_and_follow_the_codes():
    with open(DATA_DIR / "examples.jsonl", encoding="utf-8") as f:
        examples = [json.loads(line) for line in f]
    assert len(examples) >= 200
    assert {lang for ex in examples for lang in [ex["lang"]]} >= {"sv", "fi", "en"}
    assert all(set(ex["labels"]) <= set(CODES) for ex in examples)
