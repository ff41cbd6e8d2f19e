"""The good-practice library: everyone reads it, filtered by area; coordinators keep their own part."""

from tests.analysis.factories import PracticeFactory

from samskapa.analysis.models import GoodPractice
from samskapa.orgs.models import Role

NEW = {
    "title": "Läxhjälp i biblioteket",
    "practised_by": "Exempelby bibliotek",
    "country": "Sweden",
    "summary": "Volunteers help pupils with homework twice a week.",
    "areas": ["EDU", "CHI"],
    "link": "https://example.org/laxhjalp",
}


def test_the_library_shows_the_seeded_practices_and_filters_by_area(org, member_factory, client_for):
    client = client_for(member_factory(Role.VIEWER))
    page = client.get(f"/o/{org.slug}/documents/practices/").content.decode()
    assert "New Beginnings" in page and "TUTU centre" in page and "Together we can do more" in page
    housing_free = client.get(f"/o/{org.slug}/documents/practices/?area=CHI").content.decode()
    assert "TUTU centre" in housing_free and "Together we can do more" not in housing_free
    assert "Add a good practice" not in page  # a viewer only reads


def test_a_coordinator_adds_a_practice_and_the_gap_report_offers_it(org, coordinator, client_for):
    client = client_for(coordinator)
    response = client.post(f"/o/{org.slug}/documents/practices/new/", NEW)
    assert response.status_code == 302
    practice = GoodPractice.objects.get(title=NEW["title"])
    assert practice.organisation == org and practice.areas == ["EDU", "CHI"]
    assert practice.history.first().history_user == coordinator
    listed = client.get(f"/o/{org.slug}/documents/practices/?area=EDU").content.decode()
    assert "Läxhjälp i biblioteket" in listed and "Added by your organisation" in listed


def test_a_coordinator_edits_and_removes_their_own_practice(org, coordinator, client_for):
    own = PracticeFactory(organisation=org, title="Språkcafé")
    client = client_for(coordinator)
    assert (
        client.post(f"/o/{org.slug}/documents/practices/{own.pk}/edit/", {**NEW, "title": "Språkcafé+"}).status_code
        == 302
    )
    own.refresh_from_db()
    assert own.title == "Språkcafé+" and own.link == NEW["link"]
    assert client.post(f"/o/{org.slug}/documents/practices/{own.pk}/delete/").status_code == 302
    assert not GoodPractice.objects.filter(pk=own.pk).exists()


def test_the_shared_library_cannot_be_edited_by_an_organisation(org, coordinator, client_for):
    shared = GoodPractice.objects.get(title="TUTU centre", organisation=None)
    client = client_for(coordinator)
    assert client.post(f"/o/{org.slug}/documents/practices/{shared.pk}/edit/", NEW).status_code == 403
    assert client.post(f"/o/{org.slug}/documents/practices/{shared.pk}/delete/").status_code == 403
    shared.refresh_from_db()
    assert shared.title == "TUTU centre"


def test_another_organisations_practice_is_not_found_and_not_listed(org, other_org, coordinator, client_for):
    foreign = PracticeFactory(organisation=other_org, title="Främmande praktik")
    client = client_for(coordinator)
    assert "Främmande praktik" not in client.get(f"/o/{org.slug}/documents/practices/").content.decode()
    assert client.get(f"/o/{org.slug}/documents/practices/{foreign.pk}/edit/").status_code == 404


def test_an_editor_cannot_add_practices(org, member_factory, client_for):
    response = client_for(member_factory(Role.EDITOR)).post(f"/o/{org.slug}/documents/practices/new/", NEW)
    assert response.status_code == 403
    assert not GoodPractice.objects.filter(title=NEW["title"]).exists()


def test_bad_practice_input_gets_messages_and_saves_nothing(org, coordinator, client_for):
    client = client_for(coordinator)
    response = client.post(
        f"/o/{org.slug}/documents/practices/new/", {**NEW, "areas": [], "link": "javascript:alert(1)"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "This field is required." in page and "Enter a valid URL." in page
    response = client.post(f"/o/{org.slug}/documents/practices/new/", {**NEW, "areas": ["XYZ"]})
    assert "Select a valid choice." in response.content.decode()
    assert not GoodPractice.objects.filter(organisation=org).exists()


def test_hostile_html_in_a_practice_is_shown_as_text(org, coordinator, client_for):
    PracticeFactory(organisation=org, title="<script>alert(1)</script>", summary="<img src=x onerror=alert(1)>")
    page = client_for(coordinator).get(f"/o/{org.slug}/documents/practices/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_practice_list_query_count_does_not_grow(org, coordinator, client_for, django_assert_max_num_queries):
    client = client_for(coordinator)
    PracticeFactory.create_batch(5, organisation=org)
    with django_assert_max_num_queries(12) as few:
        client.get(f"/o/{org.slug}/documents/practices/")
    PracticeFactory.create_batch(45, organisation=org)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(f"/o/{org.slug}/documents/practices/").status_code == 200
