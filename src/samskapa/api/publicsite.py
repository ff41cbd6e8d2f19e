"""The public site: its settings, publishing any kind of content, translations and their coverage."""

from datetime import date, datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.core.errors import ApplicationError
from samskapa.core.types import OrgRequest
from samskapa.publicsite import services
from samskapa.publicsite.completeness import coverage
from samskapa.publicsite.models import Licence, PublicSite
from samskapa.publicsite.registry import kind_get
from samskapa.publicsite.selectors import site_get
from samskapa.publicsite.texts import Unit, digest, is_empty, lookup

router = Router(tags=["public site"])
PUBLISH = "publicsite.publish"


class SiteOut(Schema):
    is_public: bool
    intro: str
    licence: Licence
    attribution: str
    contact_email: str
    contact_phone: str
    response_days: int | None
    known_issues: str
    enforcement_name: str
    enforcement_url: str
    statement_reviewed_on: date | None
    published_at: datetime | None
    content_changed_at: datetime | None
    languages: list[str]

    @staticmethod
    def resolve_languages(obj):
        return obj.organisation.all_languages


class SitePatch(PatchSchema):
    patches = (PublicSite,)
    is_public: bool | None = None
    intro: str | None = None
    licence: Licence | None = None
    attribution: str | None = Field(None, max_length=200)
    contact_email: str | None = Field(None, max_length=254)
    contact_phone: str | None = Field(None, max_length=40)
    response_days: int | None = Field(None, ge=1, le=90)
    known_issues: str | None = None
    enforcement_name: str | None = Field(None, max_length=200)
    enforcement_url: str | None = Field(None, max_length=200)
    statement_reviewed_on: date | None = None


class PublishedOut(Schema):
    kind: str
    id: int
    is_published: bool


class TextOut(Schema):
    key: str = Field(description="Names the text and the wording of its original; send it back to translate.")
    group: str
    field: str
    original: str | list[str]
    status: str = Field(description="current, outdated or missing")
    translation: str | list[str] | None


class TranslationsOut(Schema):
    language: str
    original_language: str
    texts: list[TextOut]


class TextIn(Schema):
    key: str
    translation: str | list[str] = Field(
        description="Empty removes the translation; a list needs one line per statement."
    )


class TranslationsIn(Schema):
    texts: list[TextIn] = Field(max_length=2000)


class TallyOut(Schema):
    total: int
    current: int
    outdated: int


def _unit_key(unit: Unit) -> str:
    return f"{unit.model._meta.label_lower}:{unit.object_id}:{unit.field}:{digest(unit.source)}"


def _parse_key(key: str) -> tuple[int, int, str, str]:
    """The service's key (content type, row, field, digest) from the API's text key."""
    try:
        label, object_id, field, source_digest = key.split(":")
        model = apps.get_model(label)
        return ContentType.objects.get_for_model(model).pk, int(object_id), field, source_digest
    except (ValueError, LookupError) as error:
        raise ApplicationError(_("Unknown text: %(key)s") % {"key": key}) from error


def _content(organisation, content_kind: str, content_id: int):
    kind = kind_get(content_kind)
    obj = kind.queryset(organisation).filter(pk=content_id).first()
    if obj is None:
        raise Http404
    return kind, obj


@router.get("/orgs/{org_slug}/public-site", response=SiteOut)
def site_detail(request: OrgRequest, org_slug: str):
    return site_get(organisation=org_scope(request, org_slug, PUBLISH))


@router.patch("/orgs/{org_slug}/public-site", response=SiteOut)
def site_update(request: OrgRequest, org_slug: str, payload: SitePatch):
    """Change the settings; opening the site (is_public) needs a contact email."""
    organisation = org_scope(request, org_slug)
    return services.site_update(actor=request.user, organisation=organisation, **payload.dict(exclude_unset=True))


@router.post("/orgs/{org_slug}/public-content/{content_kind}/{content_id}/publish", response=PublishedOut)
def content_publish(request: OrgRequest, org_slug: str, content_kind: str, content_id: int):
    """Show the content on the public pages (a strategy needs an adopted version)."""
    organisation = org_scope(request, org_slug)
    _kind, obj = _content(organisation, content_kind, content_id)
    services.content_publish(actor=request.user, organisation=organisation, obj=obj)
    return {"kind": content_kind, "id": obj.pk, "is_published": True}


@router.post("/orgs/{org_slug}/public-content/{content_kind}/{content_id}/unpublish", response=PublishedOut)
def content_unpublish(request: OrgRequest, org_slug: str, content_kind: str, content_id: int):
    organisation = org_scope(request, org_slug)
    _kind, obj = _content(organisation, content_kind, content_id)
    services.content_unpublish(actor=request.user, organisation=organisation, obj=obj)
    return {"kind": content_kind, "id": obj.pk, "is_published": False}


@router.get("/orgs/{org_slug}/public-content/{content_kind}/{content_id}/translations/{lang}", response=TranslationsOut)
def translations_detail(request: OrgRequest, org_slug: str, content_kind: str, content_id: int, lang: str):
    """The texts of the content (as published, and new wordings of the working copy) in one language."""
    organisation = org_scope(request, org_slug, PUBLISH)
    kind, obj = _content(organisation, content_kind, content_id)
    if lang not in organisation.all_languages:
        raise Http404
    units, seen = [], set()
    for unit in kind.public_units(obj) + kind.units(obj):
        if not is_empty(unit.source) and _unit_key(unit) not in seen:
            seen.add(_unit_key(unit))
            units.append(unit)
    source_language = kind.source_language(obj, organisation)
    found = lookup(organisation=organisation, units=units, language=lang)
    texts = []
    for unit in units:
        status = found.status(unit)
        translation = found.text(unit, source_language).value if status == "current" else None
        texts.append(
            {
                "key": _unit_key(unit),
                "group": unit.group,
                "field": unit.field,
                "original": unit.source,
                "status": status,
                "translation": translation,
            }
        )
    return {"language": lang, "original_language": source_language, "texts": texts}


@router.put("/orgs/{org_slug}/public-content/{content_kind}/{content_id}/translations/{lang}", response=TranslationsOut)
def translations_save(
    request: OrgRequest, org_slug: str, content_kind: str, content_id: int, lang: str, payload: TranslationsIn
):
    """Write translations; texts not sent stay as they are."""
    organisation = org_scope(request, org_slug)
    _kind, obj = _content(organisation, content_kind, content_id)
    values = {_parse_key(text.key): text.translation for text in payload.texts}
    services.translations_save(actor=request.user, organisation=organisation, obj=obj, language=lang, values=values)
    return translations_detail(request, org_slug, content_kind, content_id, lang)


@router.get("/orgs/{org_slug}/translation-coverage", response=dict[str, dict[str, TallyOut]])
def translation_coverage(request: OrgRequest, org_slug: str):
    """Per kind of published content and language: texts in all, translated, out of date."""
    return coverage(organisation=org_scope(request, org_slug, PUBLISH))
