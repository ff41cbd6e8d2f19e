"""One organisation's public site never shows another's content, whatever the address says."""

from django.test import Client
from tests.publicsite.factories import PublicSiteFactory

from samskapa.publicsite import services


def test_another_organisations_strategy_is_not_found_on_this_site(org, other_org, published, coordinator, site):
    PublicSiteFactory(organisation=other_org)
    reader = Client()
    assert reader.get(f"/p/{other_org.slug}/sv/strategy/{published.pk}/").status_code == 404
    assert "Tillhörighet" not in reader.get(f"/p/{other_org.slug}/sv/strategy/").content.decode()
    assert "Tillhörighet" not in reader.get(f"/p/{other_org.slug}/data/focus-areas.json").getvalue().decode()
    assert reader.get(f"/p/{org.slug}/sv/strategy/{published.pk}/").status_code == 200


def test_translations_are_read_only_within_their_organisation(org, other_org, published, coordinator):
    from django.contrib.contenttypes.models import ContentType

    from samskapa.publicsite.models import Translation
    from samskapa.publicsite.texts import digest

    # A translation row claiming another organisation never shows on this one's pages.
    Translation.objects.create(
        organisation=other_org,
        content_type=ContentType.objects.get_for_model(published),
        object_id=published.pk,
        field="title",
        language="en",
        source_digest=digest(published.title),
        source=published.title,
        value="FOREIGN translation",
    )
    services.public_content_changed(org.pk)
    assert "FOREIGN" not in Client().get(f"/p/{org.slug}/en/strategy/").content.decode()
