"""The classifier labels clear passages in Swedish, Finnish and English by the framework."""

from __future__ import annotations

import json

import numpy as np
import pytest

from samskapa.analysis.engine import CODES, classify_texts, load_classifier
from samskapa.analysis.engine.lexicon import DATA_DIR
from samskapa.analysis.engine.model import MODEL_PATH
from samskapa.analysis.engine.train import fingerprint, same_model

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


def test_the_committed_model_was_trained_from_the_committed_corpus_and_term_lists():
    """A full retrain takes minutes (`python -m samskapa.analysis.engine.train --check` does it);
    here the model file's record of what it learned from must match the files in the repo."""
    with np.load(MODEL_PATH, allow_pickle=False) as data:
        assert str(data["trained_from"]) == fingerprint()
        assert data["coef"].shape[0] == len(CODES) and data["thresholds"].shape == (len(CODES),)


def test_the_retrain_check_says_when_the_model_differs():
    arrays = {"coef": np.zeros((2, 3)), "word_vocab": np.array(["a", "b"])}
    assert same_model(arrays, {"coef": np.zeros((2, 3)) + 1e-7, "word_vocab": np.array(["a", "b"])})
    assert not same_model(arrays, {"coef": np.ones((2, 3)), "word_vocab": np.array(["a", "b"])})
    assert not same_model(arrays, {"coef": np.zeros((2, 3)), "word_vocab": np.array(["a", "c"])})


def test_examples_are_our_own_and_follow_the_codes():
    with open(DATA_DIR / "examples.jsonl", encoding="utf-8") as f:
        examples = [json.loads(line) for line in f]
    assert len(examples) >= 200
    assert {lang for ex in examples for lang in [ex["lang"]]} >= {"sv", "fi", "en"}
    assert all(set(ex["labels"]) <= set(CODES) for ex in examples)


def test_an_arabic_answer_about_evening_swedish_classes_gets_education():
    [result] = classify_texts(["أريد دروسًا مسائية في اللغة السويدية لأنني أعمل في النهار"], shapes=["paragraph"])
    assert "EDU" in result.labels, result.scores
