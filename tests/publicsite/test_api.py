"""The public site through the API: the same rules as the pages, because the services check them."""

from samskapa.orgs.models import Role
from samskapa.publicsite.models import Translation
from samskapa.strategy.models import Strategy


def test_site_settings_are_read_and_changed_by_coordinators_only(org, coordinator, member_factory, api_for):
    api = api_for(coordinator)
    assert api.get(f"/orgs/{org.slug}/public-site").json()["is_public"] is False
    refused = api.patch(f"/orgs/{org.slug}/public-site", {"is_public": True})
    assert refused.status_code == 400 and "contact address" in refused.json()["message"] + str(refused.json())
    changed = api.patch(f"/orgs/{org.slug}/public-site", {"is_public": True, "contact_email": "info@mark.example"})
    assert changed.status_code == 200 and changed.json()["is_public"] is True
    assert changed.json()["languages"] == ["sv", "en", "ar"]
    editor = api_for(member_factory(Role.EDITOR))
    assert editor.patch(f"/orgs/{org.slug}/public-site", {"intro": "x"}).status_code == 403
    assert editor.get(f"/orgs/{org.slug}/public-site").status_code == 403


def test_publishing_and_unpublishing_by_api(org, coordinator, strategy, api_for):
    api = api_for(coordinator)
    response = api.post(f"/orgs/{org.slug}/public-content/strategy/{strategy.pk}/publish")
    assert response.status_code == 200 and response.json() == {
        "kind": "strategy",
        "id": strategy.pk,
        "is_published": True,
    }
    assert Strategy.objects.get(pk=strategy.pk).is_published
    api.post(f"/orgs/{org.slug}/public-content/strategy/{strategy.pk}/unpublish")
    assert not Strategy.objects.get(pk=strategy.pk).is_published
    assert api.post(f"/orgs/{org.slug}/public-content/nothing/{strategy.pk}/publish").status_code == 404


def test_translations_by_api_with_the_keys_the_api_gives(org, coordinator, published, api_for):
    api = api_for(coordinator)
    url = f"/orgs/{org.slug}/public-content/strategy/{published.pk}/translations/en"
    texts = api.get(url).json()["texts"]
    title = next(t for t in texts if t["field"] == "title" and t["original"] == "Integrationsstrategi för Mark")
    assert title["status"] == "missing"
    we_want = next(t for t in texts if t["field"] == "we_want")
    response = api._call(
        "put",
        url,
        {
            "texts": [
                {"key": title["key"], "translation": "Strategy"},
                {"key": we_want["key"], "translation": ["Safe", "More places"]},
            ]
        },
    )
    assert response.status_code == 200
    assert {
        t["field"]: t["status"] for t in response.json()["texts"] if t["key"] in (title["key"], we_want["key"])
    } == {
        "title": "current",
        "we_want": "current",
    }
    bad = api._call("put", url, {"texts": [{"key": we_want["key"], "translation": ["Only one"]}]})
    assert bad.status_code == 400 and "2 statements" in bad.json()["message"]
    nonsense = api._call("put", url, {"texts": [{"key": "orgs.organisation:1:name:abc", "translation": "x"}]})
    assert nonsense.status_code == 400
    assert Translation.objects.count() == 2


def test_translation_coverage_by_api(org, coordinator, published, api_for):
    coverage = api_for(coordinator).get(f"/orgs/{org.slug}/translation-coverage").json()
    assert coverage["strategy"]["ar"] == {"total": 10, "current": 0, "outdated": 0}
