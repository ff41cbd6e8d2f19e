"""The demo gives every demo municipality an analysed plan, marked as demo data, and no duplicates."""

from samskapa.analysis.models import Document
from samskapa.core.demo import demo_load


def test_demo_documents_are_analysed_once_and_marked_as_demo(db):
    demo_load(password="demo-pass-123")
    documents = Document.objects.filter(organisation__is_demo=True)
    assert documents.count() == 3 and all("(demo)" in d.title for d in documents)
    assert all(d.status == Document.Status.ANALYSED and d.passages.exists() for d in documents)
    molndal = documents.get(organisation__slug="molndal")
    assert molndal.report["areas"]["HOU"]["status"] != "missing"
    assert molndal.report["elements"]["timeline"]["present"]
    assert any("Demodata" in p.text for p in molndal.passages.all())
    demo_load(password="demo-pass-123")
    assert Document.objects.filter(organisation__is_demo=True).count() == 3
