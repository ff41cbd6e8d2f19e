"""Publishing and translating, as a coordinator does it, and what other roles may not."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from tests.factories import StrategyFactory

from samskapa.core.errors import ApplicationError, PermissionRefused
from samskapa.orgs.models import Role
from samskapa.publicsite import services
from samskapa.publicsite.models import PublicSite, Translation
from samskapa.publicsite.registry import kind_get
from samskapa.publicsite.texts import digest
from samskapa.strategy import services as strategy_services
from samskapa.strategy.models import FocusArea, Strategy


def key(obj, field):
    return (ContentType.objects.get_for_model(obj).pk, obj.pk, field, digest(getattr(obj, field)))


@pytest.mark.parametrize(
    ("role", "may"),
    [(Role.ADMIN, True), (Role.COORDINATOR, True), (Role.EDITOR, False), (Role.PARTNER, False), (Role.VIEWER, False)],
)
def test_only_administrators_and_coordinators_publish(org, strategy, member_factory, role, may):
    user = member_factory(role)
    try:
        services.content_publish(actor=user, organisation=org, obj=strategy)
        published = True
    except PermissionRefused:
        published = False
    assert published is may
    strategy.refresh_from_db()
    assert strategy.is_published is may


def test_a_strategy_that_was_never_adopted_cannot_be_published(org, coordinator):
    draft = strategy_services.strategy_create(actor=coordinator, organisation=org, title="Utkast")
    with pytest.raises(ApplicationError, match="Adopt the strategy first"):
        services.content_publish(actor=coordinator, organisation=org, obj=draft)
    draft.refresh_from_db()
    assert draft.is_published is False


def test_content_of_another_organisation_cannot_be_published(org, other_org, coordinator):
    foreign = StrategyFactory(organisation=other_org)
    with pytest.raises(ApplicationError):
        services.content_publish(actor=coordinator, organisation=org, obj=foreign)
    foreign.refresh_from_db()
    assert foreign.is_published is False


def test_unpublishing_takes_content_off_at_once(org, coordinator, published):
    services.content_unpublish(actor=coordinator, organisation=org, obj=published)
    published.refresh_from_db()
    assert published.is_published is False


def test_many_rows_are_published_together_and_foreign_ids_change_nothing(org, other_org, coordinator, strategy):
    kind = kind_get("strategy")
    foreign = StrategyFactory(organisation=other_org)
    with pytest.raises(ApplicationError, match="your organisation"):
        services.content_set_published(
            actor=coordinator, organisation=org, kind=kind, ids=[strategy.pk, foreign.pk], published=True
        )
    assert not Strategy.objects.filter(is_published=True).exists()
    changed = services.content_set_published(
        actor=coordinator, organisation=org, kind=kind, ids=[strategy.pk], published=True
    )
    assert changed == 1
    assert (
        services.content_set_published(
            actor=coordinator, organisation=org, kind=kind, ids=[strategy.pk], published=True
        )
        == 0
    )


def test_bulk_publishing_names_what_cannot_be_published_and_publishes_nothing(org, coordinator, strategy):
    draft = strategy_services.strategy_create(actor=coordinator, organisation=org, title="Utkast utan beslut")
    with pytest.raises(ApplicationError, match="Utkast utan beslut"):
        services.content_set_published(
            actor=coordinator, organisation=org, kind=kind_get("strategy"), ids=[strategy.pk, draft.pk], published=True
        )
    assert not Strategy.objects.filter(is_published=True).exists()


def test_a_public_site_needs_a_contact_address(org, coordinator):
    with pytest.raises(Exception, match="contact address"):
        services.site_update(actor=coordinator, organisation=org, is_public=True)
    assert not PublicSite.objects.filter(organisation=org).exists()
    site = services.site_update(actor=coordinator, organisation=org, is_public=True, contact_email="a@kommun.example")
    assert site.is_public and site.published_at is not None


def test_a_new_site_names_the_supervisory_authority_of_its_country(org, coordinator):
    site = services.site_update(actor=coordinator, organisation=org, intro="Välkommen")
    assert "DIGG" in site.enforcement_name and site.enforcement_url.startswith("https://")


def test_site_settings_refuse_unknown_fields_and_other_roles(org, coordinator, member_factory):
    with pytest.raises(ApplicationError, match="cannot be changed"):
        services.site_update(actor=coordinator, organisation=org, content_version=99)
    with pytest.raises(PermissionRefused):
        services.site_update(actor=member_factory(Role.EDITOR), organisation=org, intro="x")


def test_saving_the_site_moves_its_content_version(org, coordinator, site):
    before = site.content_version
    services.site_update(actor=coordinator, organisation=org, intro="Ny text")
    site.refresh_from_db()
    assert site.content_version > before


def test_any_change_to_public_content_moves_the_content_version(org, coordinator, published, site):
    site.refresh_from_db()
    before = site.content_version
    area = FocusArea.objects.filter(strategy=published).first()
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=published)
    strategy_services.focus_area_update(actor=coordinator, organisation=org, focus_area=area, title="Ny rubrik")
    site.refresh_from_db()
    assert site.content_version >= before + 2


def test_translations_are_saved_per_language_and_original(org, coordinator, published):
    area = FocusArea.objects.get(strategy=published, title="Tillhörighet")
    saved = services.translations_save(
        actor=coordinator,
        organisation=org,
        obj=published,
        language="ar",
        values={key(published, "title"): "استراتيجية الاندماج", key(area, "we_want"): "الجميع آمنون\nأماكن لقاء أكثر"},
    )
    assert saved == 2
    row = Translation.objects.get(field="we_want", language="ar")
    assert row.value == ["الجميع آمنون", "أماكن لقاء أكثر"] and row.source == area.we_want
    assert row.translated_by == coordinator and row.organisation == org


def test_a_list_needs_one_line_per_statement_and_nothing_is_saved_otherwise(org, coordinator, published):
    area = FocusArea.objects.get(strategy=published, title="Tillhörighet")
    with pytest.raises(ApplicationError, match="2 statements"):
        services.translations_save(
            actor=coordinator,
            organisation=org,
            obj=published,
            language="en",
            values={key(published, "title"): "Strategy", key(area, "we_want"): "Only one line"},
        )
    assert not Translation.objects.exists()


def test_translations_refuse_other_texts_the_original_language_and_unknown_languages(org, coordinator, published):
    other = strategy_services.strategy_create(actor=coordinator, organisation=org, title="En annan")
    values = {key(other, "title"): "Another"}
    with pytest.raises(ApplicationError, match="Only the texts"):
        services.translations_save(actor=coordinator, organisation=org, obj=published, language="en", values=values)
    with pytest.raises(ApplicationError, match="language the original"):
        services.translations_save(
            actor=coordinator, organisation=org, obj=published, language="sv", values={key(published, "title"): "x"}
        )
    with pytest.raises(ApplicationError, match="organisation's languages"):
        services.translations_save(
            actor=coordinator, organisation=org, obj=published, language="fi", values={key(published, "title"): "x"}
        )
    assert not Translation.objects.exists()


def test_an_empty_translation_removes_it(org, coordinator, published):
    values = {key(published, "title"): "Strategy"}
    services.translations_save(actor=coordinator, organisation=org, obj=published, language="en", values=values)
    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={key(published, "title"): "  "}
    )
    assert not Translation.objects.exists()


def test_a_revised_text_keeps_the_translation_of_the_adopted_wording(org, coordinator, published):
    adopted_title = key(published, "title")
    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={adopted_title: "Strategy for Mark"}
    )
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=published)
    published.refresh_from_db()
    strategy_services.strategy_update(actor=coordinator, organisation=org, strategy=published, title="Ny titel")
    published.refresh_from_db()
    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={key(published, "title"): "New title"}
    )
    assert set(Translation.objects.values_list("value", flat=True)) == {"Strategy for Mark", "New title"}


def test_a_focus_area_deleted_in_a_revision_keeps_its_translation_for_the_adopted_version(org, coordinator, published):
    area = FocusArea.objects.get(strategy=published, title="Arbete")
    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={key(area, "title"): "Work"}
    )
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=published)
    area.refresh_from_db()
    strategy_services.focus_area_delete(actor=coordinator, organisation=org, focus_area=area)
    assert Translation.objects.get().value == "Work"


def test_translations_of_a_deleted_site_go_with_it(org, coordinator, site):
    values = {key(site, "intro"): "Welcome"}
    services.translations_save(actor=coordinator, organisation=org, obj=site, language="en", values=values)
    site.delete()
    assert not Translation.objects.exists()


def test_translators_need_the_publishing_capability(org, published, member_factory):
    with pytest.raises(PermissionRefused):
        services.translations_save(
            actor=member_factory(Role.EDITOR),
            organisation=org,
            obj=published,
            language="en",
            values={key(published, "title"): "x"},
        )


def test_the_site_texts_are_translated_like_content(org, coordinator, site):
    values = {key(site, "intro"): "Here we tell about integration."}
    assert services.translations_save(actor=coordinator, organisation=org, obj=site, language="en", values=values) == 1


def test_adoption_date_is_kept_on_the_version(published):
    assert published.versions.get().adopted_on == date(2026, 6, 1)
