"""Structural elements in six languages: each detector on the project's own cases, with hard negatives.

The cases (elements_cases.txt) are written by the project in its own words; every line is a passage
of running text and says whether it shows the element.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samskapa.analysis.engine.classify import load_classifier
from samskapa.analysis.engine.elements import ELEMENTS, detect_elements
from samskapa.analysis.engine.passages import Passage

CASES_PATH = Path(__file__).with_name("elements_cases.txt")


def read_cases(path: Path = CASES_PATH) -> list[tuple[str, str, bool, str]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, element, sign, text = (part.strip() for part in line.split("|", 3))
            assert element in ELEMENTS and sign in "+-", line
            cases.append((lang, element, sign == "+", text))
    return cases


def found(element: str, text: str) -> bool:
    passages = [Passage("p1", text, 1, "paragraph")]
    labels = load_classifier().classify_many([text], ["paragraph"])
    return detect_elements(passages, labels)[element].present


CASES = read_cases()


def test_every_element_has_positive_and_negative_cases_in_six_languages():
    for element in ELEMENTS:
        langs = {lang for lang, e, _, _ in CASES if e == element}
        assert {"sv", "fi", "en", "no", "da", "de"} <= langs, element
        assert {present for _, e, present, _ in CASES if e == element} == {True, False}, element


@pytest.mark.parametrize(
    ("lang", "element", "present", "text"), CASES, ids=[f"{c[1]}-{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_element_case(lang, element, present, text):
    assert found(element, text) is present
