"""Where a person can be found: one registry, read by export, erasure and retention alike.

A named person (a committee member, an interviewee, a contact) lives in a few rows of their
own, is linked from a few others, and may be written into any text: an action's description,
a progress update, an indicator's note, a document's passages, a public page, the title or
result of a background job, and every history row of these. The registry says, for each
place, how erasure treats it:

- ``erase``: the row is the person's own and is deleted, its history too;
- ``unlink``: the link to the person is cut; the row stays, anonymous;
- ``replace``: free text; the person's name, e-mail and phone are replaced by "[…]";
- ``remove_file``: a stored file that shows text of the organisation; it is removed from
  storage when its row mentioned the person (the row and its analysis stay).

``PLACES`` lists the structured places by hand; ``text_places()`` adds every text column of
every table of the project and of the background-work queue, history tables included, so a
field added later is covered without anyone remembering to list it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models

ERASE, UNLINK, REPLACE, REMOVE_FILE = "erase", "unlink", "replace", "remove_file"
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)
# The project's apps: their tables carry the organisation, so only its rows are rewritten.
APPS = ("core", "orgs", "strategy", "actors", "actions", "cocreation", "indicators", "analysis", "publicsite")
# Tables without an organisation that still hold what people wrote: the queue of background
# work (task arguments, results and tracebacks). Only rows that contain the person are touched.
SHARED_TABLES = ("django_tasks_db.DBTaskResult",)


@dataclass(frozen=True)
class Place:
    """One field that can hold a person, and how erasure treats it."""

    model: str  # "app_label.ModelName"
    field: str
    how: str
    # For files: the text fields of the same row that tell whether the file mentions the person.
    mentioned_by: tuple[str, ...] = ()

    @property
    def model_class(self):
        return apps.get_model(self.model)


PLACES = (
    Place("cocreation.Person", "id", ERASE),
    Place("cocreation.Consent", "person", ERASE),
    Place("cocreation.Input", "person", UNLINK),
    Place("cocreation.CommitteeMember", "person", UNLINK),  # a seat held for an actor stays, unnamed
    Place("analysis.Document", "file", REMOVE_FILE, mentioned_by=("title", "original_filename", "passages__text")),
    # Follow-up reports print actions, progress and indicators: regenerable, so they are removed
    # whenever erasure rewrote any text of the organisation (no "mentioned_by" to read).
    Place("indicators.FollowUpReport", "pdf", REMOVE_FILE),
    Place("indicators.FollowUpReport", "docx", REMOVE_FILE),
)


def _is_text(field) -> bool:
    return isinstance(field, TEXT_FIELDS) and not field.choices


def text_places() -> list[Place]:
    """Every text column of every table that can hold what people write, history included."""
    return [
        Place(model._meta.label, field.name, REPLACE)
        for model in apps.get_models()
        if (model._meta.app_label in APPS and has_organisation(model)) or model._meta.label in SHARED_TABLES
        for field in model._meta.concrete_fields
        if _is_text(field)
    ]


def places(how: str | None = None) -> list[Place]:
    everything = [*PLACES, *text_places()]
    return [p for p in everything if how is None or p.how == how]


def text_columns() -> dict[type[models.Model], list[str]]:
    """The REPLACE places grouped by model: what erasure rewrites and what the trace search reads."""
    grouped: dict[type[models.Model], list[str]] = {}
    for place in places(REPLACE):
        grouped.setdefault(place.model_class, []).append(place.field)
    return grouped


def has_organisation(model) -> bool:
    return any(f.name == "organisation" for f in model._meta.concrete_fields)
