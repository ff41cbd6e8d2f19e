"""The actor registry pages: list with filters, the two pictures, one actor, the engagement plan."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.actors import pictures, selectors, services
from samskapa.actors.forms import (
    ActorFilterForm,
    ActorForm,
    EngagementForm,
    RelationForm,
    as_ids,
    initial_from,
    scope,
)
from samskapa.actors.models import Actor, Engagement
from samskapa.actors.services import ACTOR_FIELDS
from samskapa.core.paging import paginate, sort_order
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.orgs.selectors import member_list

VIEW, CHANGE = "actors.view_actors", "actors.change_actors"


def form_page(request, form, *, title, submit, back, intro="", multipart=False):
    """One page for every form of the registry and of co-creation; ``back`` is (url name, args)."""
    name, args = back
    back_url = reverse(name, args=[request.organisation.slug, *args])
    context = {"form": form, "title": title, "submit": submit, "back_url": back_url, "intro": intro}
    return render(request, "actors/form.html", context)


def _to_actor(actor: Actor):
    return redirect("actors:detail", org_slug=actor.organisation.slug, actor_id=actor.pk)


def _filtered(request: OrgRequest):
    form = ActorFilterForm(request.GET or None)
    return form, selectors.actor_list_with_counts(organisation=request.organisation, **form.filters())


# What the registry can be sorted by (``?sort=``) and the fields it orders by.
ACTOR_SORTS = {
    "name": ("name",),
    "kind": ("kind", "name"),
    "sector": ("sector", "name"),
    "influence": ("influence", "name"),
    "interest": ("interest", "name"),
    "engagement": ("engagement_rank", "name"),  # up the participation ladder, not by alphabet
    "consultations": ("consultation_count", "name"),
    "lines": ("engagement_count", "name"),
}
# The pictures place every actor they draw; past this many they would be a blur of dots, so they
# draw the most influential (then most interested) of the actors the filter leaves.
MAP_LIMIT = 100


@org_view(VIEW)
def actor_index(request: OrgRequest) -> HttpResponse:
    """The registry, 50 actors a page, filtered and sorted by the address."""
    form, actors = _filtered(request)
    sorting = sort_order(request, ACTOR_SORTS, default="name")
    page = paginate(request, selectors.with_engagement_rank(actors).order_by(*sorting.fields))
    query = request.GET.copy()
    for name in ("sort", "page"):
        query.pop(name, None)
    context = {"filter_form": form, "page": page, "actors": page.object_list, "sorting": sorting}
    context["sort_query"] = query.urlencode()
    return render(request, "actors/index.html", context)


@org_view(VIEW)
def actor_map(request: OrgRequest) -> HttpResponse:
    """The influence/interest grid and the network, each with its data as a table (at most
    ``MAP_LIMIT`` actors: the most influential of those the filter leaves)."""
    form, actors = _filtered(request)
    total = actors.count()
    actors = list(actors.order_by("-influence", "-interest", "name", "pk")[:MAP_LIMIT])
    org = request.organisation
    links = selectors.network_links(organisation=org, actor_ids={actor.pk for actor in actors})
    context = {
        "filter_form": form,
        "actors": actors,
        "total": total,
        "grid": pictures.grid(actors),
        "network": pictures.network(actors, links),
        "quadrants": [(a, pictures.quadrant(a)) for a in actors],
        "levels": [(value, label, pictures.LEVEL_COLOURS[value]) for value, label in Actor.Engagement.choices],
    }
    return render(request, "actors/map.html", context)


@org_view(CHANGE)
def actor_create(request: OrgRequest) -> HttpResponse:
    form = ActorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        org = request.organisation
        created = call_service(form, services.actor_create, actor=request.user, organisation=org, **form.cleaned_data)
        if created:
            messages.success(request, _("“%(name)s” was added to the registry.") % {"name": created.name})
            return _to_actor(created)
    back = ("actors:index", [])
    return form_page(request, form, title=_("New actor"), submit=_("Add the actor"), back=back)


@org_view(VIEW)
def actor_detail(request: OrgRequest, actor_id: int) -> HttpResponse:
    from samskapa.cocreation import selectors as cocreation

    org = request.organisation
    actor = selectors.actor_get(organisation=org, actor_id=actor_id)
    can_see_people = request.user.has_perm("cocreation.manage_personal_data", org)
    context = {
        "actor": actor,
        "relations": selectors.relation_list(organisation=org, actor=actor),
        "engagements": selectors.engagement_list(organisation=org, actor=actor),
        "consultations": cocreation.consultation_list(organisation=org, actor=actor),
        "people": cocreation.person_list(organisation=org, actor=actor) if can_see_people else None,
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "actors/detail.html", context)


@org_view(CHANGE)
def actor_edit(request: OrgRequest, actor_id: int) -> HttpResponse:
    org = request.organisation
    target = selectors.actor_get(organisation=org, actor_id=actor_id)
    form = ActorForm(request.POST or None, initial=initial_from(target, ACTOR_FIELDS))
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "target": target, **form.cleaned_data}
        if call_service(form, services.actor_update, **kwargs):
            messages.success(request, _("The actor was saved."))
            return _to_actor(target)
    back = ("actors:detail", [target.pk])
    return form_page(request, form, title=_("Edit %(name)s") % {"name": target.name}, submit=_("Save"), back=back)


@require_POST
@org_view(CHANGE)
def actor_delete(request: OrgRequest, actor_id: int) -> HttpResponse:
    org = request.organisation
    target = selectors.actor_get(organisation=org, actor_id=actor_id)
    try:
        services.actor_delete(actor=request.user, organisation=org, target=target)
    except services.ApplicationError as refused:
        messages.error(request, refused.message)
        return _to_actor(target)
    messages.success(request, _("“%(name)s” was removed from the registry.") % {"name": target.name})
    return redirect("actors:index", org_slug=org.slug)


@org_view(CHANGE)
def relation_create(request: OrgRequest, actor_id: int) -> HttpResponse:
    org = request.organisation
    source = selectors.actor_get(organisation=org, actor_id=actor_id)
    form = scope(
        RelationForm(request.POST or None), target=selectors.actor_list(organisation=org).exclude(pk=source.pk)
    )
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "source_id": source.pk, **as_ids(form)}
        if call_service(form, services.relation_create, **kwargs):
            messages.success(request, _("The relation was recorded."))
            return _to_actor(source)
    title = _("Who does %(name)s work with?") % {"name": source.name}
    return form_page(request, form, title=title, submit=_("Record the relation"), back=("actors:detail", [source.pk]))


@require_POST
@org_view(CHANGE)
def relation_delete(request: OrgRequest, relation_id: int) -> HttpResponse:
    org = request.organisation
    relation = selectors.relation_get(organisation=org, relation_id=relation_id)
    services.relation_delete(actor=request.user, organisation=org, relation=relation)
    messages.success(request, _("The relation was removed."))
    return _to_actor(relation.source)


@org_view(VIEW)
def engagement_plan(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    status = request.GET.get("status", "")
    status = status if status in Engagement.Status.values else ""
    context = {
        "engagements": selectors.engagement_list(organisation=org, status=status),
        "status": status,
        "statuses": Engagement.Status.choices,
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "actors/plan.html", context)


def _engagement_form(request: OrgRequest, **kwargs):
    org = request.organisation
    form = EngagementForm(request.POST or None, **kwargs)
    users = member_list(organisation=org).values_list("user_id", flat=True)
    from samskapa.accounts.models import User

    return scope(form, actor=selectors.actor_list(organisation=org), responsible=User.objects.filter(pk__in=users))


@org_view(CHANGE)
def engagement_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = _engagement_form(request, initial={"actor": request.GET.get("actor"), "level": Actor.Engagement.CONSULT})
    kwargs = {"actor": request.user, "organisation": org}
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(form, services.engagement_create, **kwargs, **as_ids(form))
    ):
        messages.success(request, _("The engagement was added to the plan."))
        return redirect("actors:plan", org_slug=org.slug)
    back = ("actors:plan", [])
    return form_page(request, form, title=_("Plan an engagement"), submit=_("Add to the plan"), back=back)


@org_view(CHANGE)
def engagement_edit(request: OrgRequest, engagement_id: int) -> HttpResponse:
    org = request.organisation
    engagement = selectors.engagement_get(organisation=org, engagement_id=engagement_id)
    fields = ["actor", "level", "method", "starts_on", "ends_on", "responsible", "status", "note"]
    form = _engagement_form(request, initial=initial_from(engagement, fields))
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "engagement": engagement, **as_ids(form)}
        if call_service(form, services.engagement_update, **kwargs):
            messages.success(request, _("The engagement plan was saved."))
            return redirect("actors:plan", org_slug=org.slug)
    back = ("actors:plan", [])
    return form_page(request, form, title=_("Edit the engagement"), submit=_("Save"), back=back)


@require_POST
@org_view(CHANGE)
def engagement_delete(request: OrgRequest, engagement_id: int) -> HttpResponse:
    org = request.organisation
    engagement = selectors.engagement_get(organisation=org, engagement_id=engagement_id)
    services.engagement_delete(actor=request.user, organisation=org, engagement=engagement)
    messages.success(request, _("The engagement was removed from the plan."))
    return redirect("actors:plan", org_slug=org.slug)
