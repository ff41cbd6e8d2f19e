"""The coordinator's pages for the public site (/o/<slug>/public/): settings, publishing, translations."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.core.paging import paginate
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.publicsite import services
from samskapa.publicsite.completeness import Item, assess, coverage, totals
from samskapa.publicsite.forms import PublishForm, SiteForm, TranslationForm, WrittenInForm, unit_field_name
from samskapa.publicsite.registry import kind_get, publishable_kinds
from samskapa.publicsite.selectors import published_counts, site_get
from samskapa.publicsite.texts import is_empty, language_name, lookup

PUBLISH = "publicsite.publish"
PAGE_SIZE = 50


@org_view(PUBLISH)
def overview(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    per_kind = coverage(organisation=org)
    context = {
        "site": site_get(organisation=org),
        "kinds": [(kind, published_counts(organisation=org)[kind.key]) for kind in publishable_kinds()],
        "language_names": ", ".join(language_name(code) for code in org.all_languages),
        "language_tallies": [(code, language_name(code), tally) for code, tally in totals(per_kind).items()],
    }
    return render(request, "publicsite/manage/overview.html", context)


@org_view(PUBLISH)
def site_settings(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    site = site_get(organisation=org)
    initial = {name: getattr(site, name) for name in services.SITE_FIELDS}
    form = SiteForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(form, services.site_update, actor=request.user, organisation=org, **form.cleaned_data)
    ):
        messages.success(request, _("The settings of the public site were saved."))
        return redirect("public-manage:overview", org_slug=org.slug)
    return render(request, "publicsite/manage/settings.html", {"form": form, "site": site})


def _items(org, kind, rows) -> list[Item]:
    items = [
        Item(kind, row, kind.source_language(row, org), [u for u in kind.public_units(row) if not is_empty(u.source)])
        for row in rows
    ]
    return assess(org, items)


@org_view(PUBLISH)
def content_list(request: OrgRequest) -> HttpResponse:
    """Every row of one kind (?kind=) with whether it is public; publish or unpublish several at once."""
    org = request.organisation
    kind = kind_get(request.GET.get("kind", "strategy"))
    if not kind.publishable:
        raise Http404
    rows = paginate(request, kind.queryset(org), per_page=PAGE_SIZE)
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        published = form.cleaned_data["action"] == "publish"
        changed = call_service(
            form,
            services.content_set_published,
            actor=request.user,
            organisation=org,
            kind=kind,
            ids=form.cleaned_data["ids"],
            published=published,
        )
        if changed is not None:
            if not changed:
                messages.info(request, _("Nothing changed: they were already so."))
            elif published:
                messages.success(request, _("Published: %(n)s.") % {"n": changed})
            else:
                messages.success(request, _("Unpublished: %(n)s.") % {"n": changed})
            return redirect(request.get_full_path())
    context = {
        "kind": kind,
        "page_obj": rows,
        "items": _items(org, kind, rows),
        "form": form,
    }
    return render(request, "publicsite/manage/content_list.html", context)


@org_view(PUBLISH)
def translations(request: OrgRequest) -> HttpResponse:
    """How much published content residents can read in each language, kind by kind."""
    org = request.organisation
    per_kind = coverage(organisation=org)
    languages = org.all_languages
    site = site_get(organisation=org)
    rows = []
    for key, per_language in per_kind.items():
        kind = kind_get(key)
        cells = []
        for code in languages:
            url = ""
            if not kind.publishable and site.pk and code in per_language:
                url = reverse("public-manage:translate", args=[org.slug, key, site.pk, code])
            cells.append((per_language.get(code), url))
        rows.append((kind, cells))
    context = {
        "rows": rows,
        "columns": [(code, language_name(code)) for code in languages],
        "totals": [totals(per_kind).get(code) for code in languages],
    }
    return render(request, "publicsite/manage/translations.html", context)


@org_view(PUBLISH)
def translate(request: OrgRequest, content_kind: str, content_id: int, lang: str) -> HttpResponse:
    """Write the texts of one piece of content in one of the organisation's languages."""
    org = request.organisation
    kind = kind_get(content_kind)
    obj = kind.queryset(org).filter(pk=content_id).first()
    if obj is None:
        raise Http404
    source_language = kind.source_language(obj, org)
    if lang not in org.all_languages or lang == source_language:
        raise Http404
    units, notes = _translate_units(kind, obj)
    found = lookup(organisation=org, units=units, language=lang)
    rows = [(unit, found.status(unit), found.previous(unit)) for unit in units]
    initial = {
        unit_field_name(u): _as_lines(found.text(u, source_language).value)
        for u, status, _p in rows
        if status == "current"
    }
    form = TranslationForm(request.POST or None, units=units, language=lang, initial_values=initial)
    if request.method == "POST" and form.is_valid():
        saved = call_service(
            form,
            services.translations_save,
            actor=request.user,
            organisation=org,
            obj=obj,
            language=lang,
            values=form.values(),
        )
        if saved is not None:
            messages.success(request, _("The translations were saved."))
            return redirect(request.get_full_path())
    context = {
        "kind": kind,
        "obj": obj,
        "title": kind.title(obj),
        "language": lang,
        "language_label": language_name(lang),
        "source_language": source_language,
        "source_language_label": language_name(source_language),
        "written_in": WrittenInForm(languages=org.all_languages, initial={"language": source_language})
        if content_kind != "strategy" and hasattr(obj, "language")
        else None,
        "form": form,
        "rows": [
            (unit, status, _as_lines(previous), form[unit_field_name(unit)], notes.get(unit_field_name(unit), ""))
            for unit, status, previous in rows
        ],
    }
    return render(request, "publicsite/manage/translate.html", context)


def _translate_units(kind, obj):
    """The texts to translate: as published (what residents read now), then the working copy's new wordings."""
    published = [unit for unit in kind.public_units(obj) if not is_empty(unit.source)]
    units, notes = list(published), {}
    keys = {unit.key for unit in published}
    names = {unit_field_name(unit) for unit in published}
    for unit in kind.units(obj):
        if is_empty(unit.source) or unit_field_name(unit) in names:
            continue
        units.append(unit)
        if unit.key in keys:
            notes[unit_field_name(unit)] = _("New wording in the working copy, not yet adopted")
            for other in published:
                if other.key == unit.key:
                    notes[unit_field_name(other)] = _("As published now")
    return units, notes


def _as_lines(value) -> str:
    if value is None:
        return ""
    return "\n".join(value) if isinstance(value, list) else str(value)


@require_POST
@org_view(PUBLISH)
def written_in(request: OrgRequest, content_kind: str, content_id: int) -> HttpResponse:
    """Record which language the original texts are written in (POST only)."""
    org = request.organisation
    obj = kind_get(content_kind).queryset(org).filter(pk=content_id).first()
    if obj is None:
        raise Http404
    form = WrittenInForm(request.POST, languages=org.all_languages)
    if form.is_valid() and call_service(
        form,
        services.content_language_set,
        actor=request.user,
        organisation=org,
        obj=obj,
        language=form.cleaned_data["language"],
    ):
        messages.success(request, _("The language of the original was saved."))
    else:
        messages.error(
            request,
            " ".join(str(e) for e in form.non_field_errors()) or _("Choose one of the organisation's languages."),
        )
    return redirect(reverse("public-manage:content", args=[org.slug]) + f"?kind={content_kind}")
