"""Nothing the organisation has not published ever reaches a public page, the PDF or open data.

Written over every model at once: every ``Publishable`` model and every model with texts
residents read (``TRANSLATABLE_FIELDS``), found by the app registry, so the content of apps
added later is covered the moment it exists. Each text field gets its own marker; the
public site is crawled as a stranger reads it. Unpublished, no marker may appear anywhere;
published, the texts residents read do appear (so the crawl can fail), and the fields the
registry does not name as public still never do (internal notes, personal data).
"""

import importlib
import inspect
import pkgutil
from itertools import count

import factory
import pytest
import tests
from django.db import models
from tests.publicsite.crawl import crawl, where
from tests.publicsite.factories import PublicSiteFactory

from samskapa.core.models import Publishable
from samskapa.publicsite.models import PublicSite, Translation
from samskapa.publicsite.registry import kind_for, translatable_models
from samskapa.publicsite.services import public_content_changed
from samskapa.publicsite.texts import digest

SERIAL = count(1)


def _factories() -> dict[type, type]:
    """Every factory of the test suite, by the model it makes."""
    found = {}
    modules = ["tests.factories"] + [
        f"tests.{info.name}.factories" for info in pkgutil.iter_modules(tests.__path__) if info.ispkg
    ]
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, factory.django.DjangoModelFactory) and value._meta.model is not None:
                found.setdefault(value._meta.get_model_class(), value)
    return found


def _content_models() -> list[type]:
    from django.apps import apps

    publishable = [m for m in apps.get_models() if issubclass(m, Publishable)]
    return sorted(set(publishable) | set(translatable_models()) - {PublicSite}, key=lambda m: m._meta.label)


def _graph(obj) -> list[models.Model]:
    """The row and every row it points to, up the foreign keys."""
    rows, queue = [], [obj]
    while queue:
        row = queue.pop()
        if row is None or any(r is row or (type(r) is type(row) and r.pk == row.pk) for r in rows):
            continue
        rows.append(row)
        for field in row._meta.concrete_fields:
            upward = field.many_to_one or field.one_to_one
            if upward and field.related_model._meta.app_label not in ("orgs", "accounts", "contenttypes"):
                queue.append(getattr(row, field.name))
    return rows


def _markable(field) -> bool:
    if isinstance(field, models.JSONField):
        return True
    return (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
        and not field.choices
        and (field.max_length or 100) >= 12
        and not field.name.endswith("language")
    )


def _mark(row, prefix: str) -> dict[str, str]:
    """Put a distinct marker in every free-text field of ``row``; returns field → marker."""
    markers, changes = {}, {}
    translatable = set(getattr(type(row), "TRANSLATABLE_FIELDS", ()))
    for field in row._meta.concrete_fields:
        if not _markable(field) or (isinstance(field, models.JSONField) and field.name not in translatable):
            continue
        marker = f"{prefix}{next(SERIAL)}x"
        markers[field.name] = marker
        changes[field.name] = [marker] if isinstance(field, models.JSONField) else marker
    type(row)._default_manager.filter(pk=row.pk).update(**changes)
    return markers


def _build(model, organisation):
    """A row of ``model`` and its parents, all inside ``organisation``, every text marked."""
    made = _factories().get(model)
    assert made, f"Write a factory for {model._meta.label} in tests/{model._meta.app_label}/factories.py"
    obj = made()
    graph = _graph(obj)
    markers = {}
    for row in graph:
        if hasattr(row, "organisation_id"):
            type(row)._default_manager.filter(pk=row.pk).update(organisation=organisation)
        if isinstance(row, Publishable):
            type(row)._default_manager.filter(pk=row.pk).update(is_published=False)
        for field, marker in _mark(row, "HIDDEN").items():
            markers[(type(row), row.pk, field)] = marker
    for row in graph:
        row.refresh_from_db()
    return obj, graph, markers


def _translate_everything(organisation, graph) -> list[str]:
    """Translations of every text of the rows into every language, each with its own marker."""
    from django.contrib.contenttypes.models import ContentType

    found = []
    for row in graph:
        for field in getattr(type(row), "TRANSLATABLE_FIELDS", ()):
            for language in organisation.all_languages[1:]:
                marker = f"TRANSLATED{next(SERIAL)}x"
                source = getattr(row, field)
                Translation.objects.create(
                    organisation=organisation,
                    content_type=ContentType.objects.get_for_model(row),
                    object_id=row.pk,
                    field=field,
                    language=language,
                    source_digest=digest(source),
                    source=source,
                    value=[marker] if isinstance(source, list) else marker,
                )
                found.append(marker)
    return found


def _freeze_strategies(graph) -> None:
    """Adopted versions of the strategies among the rows, holding their marked texts."""
    from samskapa.strategy.models import Strategy, StrategyVersion
    from samskapa.strategy.selectors import strategy_get_full
    from samskapa.strategy.versions import snapshot

    for row in graph:
        if isinstance(row, Strategy):
            full = strategy_get_full(organisation=row.organisation, strategy_id=row.pk)
            StrategyVersion.objects.create(
                organisation=row.organisation, strategy=row, number=1, snapshot=snapshot(full), adopted_by="KF"
            )


@pytest.fixture
def public_site(db):
    site = PublicSiteFactory(organisation__languages=["en", "ar"])
    from tests.factories import MembershipFactory, UserFactory

    person = UserFactory(full_name="PERSONALNAME Svensson", email="personalmail@example.test")
    MembershipFactory(organisation=site.organisation, user=person, title="PERSONALTITLE")
    return site


@pytest.mark.parametrize("model", _content_models(), ids=lambda m: m._meta.label)
def test_unpublished_content_never_appears_in_public_html_pdf_or_data(public_site, model):
    org = public_site.organisation
    _obj, graph, markers = _build(model, org)
    _freeze_strategies(graph)
    translated = _translate_everything(org, graph)
    public_content_changed(org.pk)
    texts = crawl(public_site)
    assert len(texts) >= 8, f"the crawl found too little: {sorted(texts)}"
    for marker in [*markers.values(), *translated, "PERSONAL"]:
        assert where(texts, marker) == [], f"unpublished {marker} is public"


@pytest.mark.parametrize("model", _content_models(), ids=lambda m: m._meta.label)
def test_published_content_shows_only_the_fields_meant_for_residents(public_site, model):
    org = public_site.organisation
    _obj, graph, markers = _build(model, org)
    for row in graph:
        if isinstance(row, Publishable):
            type(row)._default_manager.filter(pk=row.pk).update(is_published=True)
    _freeze_strategies(graph)
    translated = _translate_everything(org, graph)
    public_content_changed(org.pk)
    texts = crawl(public_site)
    shown = set()
    for (row_model, _pk, field), marker in markers.items():
        publishable = next((r for r in graph if isinstance(r, Publishable)), None)
        kind = kind_for(publishable) if publishable else None
        if kind and field in kind.shown_fields(row_model):
            shown.add(marker)
        else:
            assert where(texts, marker) == [], f"{row_model._meta.label}.{field} is not meant to be public"
    own = {
        m for (row_model, _pk, field), m in markers.items() if row_model is model and field in model.TRANSLATABLE_FIELDS
    }
    assert own & {m for m in shown if where(texts, m)}, f"no text of a published {model._meta.label} is shown"
    assert any(where(texts, marker) for marker in translated), "no translation of published content is shown"
    assert where(texts, "PERSONAL") == []
