"""The accessibility statement is made from the product's checks and the organisation's content."""

import pytest
from django.test import Client

from samskapa.publicsite import accessibility, services


@pytest.fixture
def statement_page(org):
    def read(language="en"):
        response = Client().get(f"/p/{org.slug}/{language}/accessibility/")
        assert response.status_code == 200
        return response.content.decode()

    return read


def test_the_statement_lists_untranslated_texts_and_missing_plain_summaries(published, statement_page):
    page = statement_page()
    # Ten texts of the strategy, and the site's welcome text.
    assert '<span lang="ar">العربية</span>: 11 texts are not yet translated' in page
    assert "do not yet have a summary in plain language" in page and "<li>Arbete</li>" in page


def test_the_statement_gives_the_contact_the_answer_time_and_the_supervisory_authority(
    org, coordinator, published, statement_page
):
    services.site_update(actor=coordinator, organisation=org, contact_phone="0320-21 70 00", response_days=5)
    page = statement_page()
    assert "integration@kommun.example" in page and "tel:0320-217000" in page
    assert "We answer within 5 working days." in page


def test_declared_problems_make_the_site_partially_compliant(org, coordinator, published, statement_page):
    services.site_update(actor=coordinator, organisation=org, known_issues="Äldre PDF-filer är inte tillgängliga.")
    page = statement_page()
    assert "Partially compliant" in page and "Äldre PDF-filer är inte tillgängliga." in page


def test_the_statement_reports_the_recorded_check_of_the_templates(published, statement_page):
    record = accessibility.platform_record()
    page = statement_page()
    if record is None:
        assert "have not been checked automatically yet" in page
    else:
        assert record["tool"] in page and "Every link was reached with the keyboard alone." in page


def test_lix_scores_long_words_and_long_sentences():
    easy = "Vi vill att alla ska må bra. Vi ska ha fler platser att mötas på. Alla är välkomna hit."
    hard = (
        "Integrationsstrategins övergripande målsättning förutsätter samverkansöverenskommelser mellan "
        "myndighetsutövande förvaltningsorganisationer, civilsamhällesaktörer och arbetsmarknadsrepresentanter "
        "avseende kompetensförsörjningsinsatser och etableringsfrämjande åtgärdsprogram inom kommunkoncernen"
    )
    assert accessibility.lix(easy) < 30 < 60 < accessibility.lix(hard)
    assert accessibility.lix("För kort.") is None


def test_hard_texts_are_named_in_the_statement(org, coordinator, published, statement_page):
    from tests.publicsite.conftest import adopt

    from samskapa.strategy import services as strategy_services

    hard = (
        "Integrationsstrategins övergripande målsättning förutsätter samverkansöverenskommelser mellan "
        "myndighetsutövande förvaltningsorganisationer och arbetsmarknadsrepresentanter avseende "
        "kompetensförsörjningsinsatser och etableringsfrämjande åtgärdsprogram inom kommunkoncernen"
    )
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=published)
    published.refresh_from_db()
    strategy_services.strategy_update(actor=coordinator, organisation=org, strategy=published, purpose=hard)
    adopt(coordinator, org, published)
    assert "very hard to read" in statement_page()


def test_the_statement_claims_compliance_only_after_a_person_reviewed_it(org, coordinator, published, statement_page):
    from datetime import timedelta

    from django.utils import timezone

    record = accessibility.platform_record()
    if record is None or record.get("violations") or not record.get("keyboard"):
        pytest.skip("the recorded check of the templates does not pass")
    page = statement_page()
    assert "No problems found by the automated checks" in page and ">Compliant<" not in page
    assert f"on {record['checked_on']}" in page and f"{record['checks']} checks of the page templates" in page
    assert "found 0 problems" in page
    services.site_update(actor=coordinator, organisation=org, statement_reviewed_on=timezone.localdate())
    assert ">Compliant<" in statement_page()
    long_ago = timezone.localdate() - timedelta(days=400)
    services.site_update(actor=coordinator, organisation=org, statement_reviewed_on=long_ago)
    assert ">Compliant<" not in statement_page()
