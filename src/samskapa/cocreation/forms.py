"""Forms for the co-creation pages; fields come from the models, choices from the organisation's own rows."""

import copy

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from samskapa.actors.forms import DATE, LanguagesField, form_for
from samskapa.cocreation.models import (
    Committee,
    CommitteeMember,
    Consent,
    Consultation,
    Finding,
    Group,
    GroupTarget,
    Input,
    Person,
    Question,
    Survey,
)
from samskapa.cocreation.services.consultations import MAX_INPUT_CHARS
from samskapa.cocreation.services.surveys import MAX_ANSWER_CHARS
from samskapa.core.access import number_in
from samskapa.strategy.models import FrameworkCode

ROWS2, ROWS4 = forms.Textarea(attrs={"rows": 2}), forms.Textarea(attrs={"rows": 4})


class ConsultationForm(
    form_for(
        Consultation,
        [
            "title",
            "kind",
            "status",
            "held_on",
            "ends_on",
            "place",
            "facilitator",
            "interpreter",
            "purpose",
            "summary",
            "legal_basis",
            "consent_note",
            "is_published",
        ],
        widgets={"held_on": DATE, "ends_on": DATE, "purpose": ROWS2, "summary": ROWS4, "consent_note": ROWS2},
    )
):
    languages = LanguagesField(label=_("Languages"), required=False)
    actor_ids = forms.TypedMultipleChoiceField(
        label=_("Actors taking part"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    field_order = ["title", "kind", "status", "held_on", "ends_on", "place", "languages", "facilitator"]

    def __init__(self, *args, actors=(), bound_kind: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor_ids"].choices = [(a.pk, a.name) for a in actors]
        if bound_kind:  # surveys and committee meetings keep their kind
            del self.fields["kind"]
        self.order_fields(self.field_order)


class ParticipationForm(forms.Form):
    """How many of each group took part; no names."""

    def __init__(self, *args, counts=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        counts = counts or {}
        self.fields["people"] = forms.IntegerField(
            label=_("People taking part in all, each counted once"),
            min_value=0,
            max_value=1_000_000,
            initial=people,
            required=False,
            help_text=_("A person who belongs to several groups (a newcomer mother) is counted once here."),
        )
        for value, label in Group.choices:
            self.fields[value] = forms.IntegerField(
                label=label, min_value=0, max_value=1_000_000, required=False, initial=counts.get(value, 0)
            )

    def counts(self) -> dict:
        return {g: self.cleaned_data.get(g) or 0 for g in Group.values}

    def people(self) -> int | None:
        """The head count, or None when left empty (the largest group then stands for it)."""
        return self.cleaned_data.get("people")


GroupTargetForm = form_for(GroupTarget, ["group", "participants", "consultations", "note"])


class CodesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=FrameworkCode.choices, required=False, **kwargs)


class InputForm(
    form_for(Input, ["kind", "text", "group", "translation"], widgets={"text": ROWS4, "translation": ROWS4})
):
    language = forms.ChoiceField(label=_("Language"), required=False)
    translation_language = forms.ChoiceField(label=_("Language of the translation"), required=False)
    field_order = ["kind", "text", "language", "group", "translation", "translation_language"]
    framework_codes = CodesField(
        label=_("Areas of the framework"),
        help_text=_("Leave empty to have areas suggested; a person then confirms them."),
    )
    focus_area_ids = forms.TypedMultipleChoiceField(
        label=_("Focus areas"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    person_id = forms.TypedChoiceField(
        label=_("Said by (only with consent to record it)"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, focus_areas=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].max_length = MAX_INPUT_CHARS
        self.fields["language"].choices = [("", _("Not recorded")), *settings.SAMSKAPA_CONTENT_LANGUAGES]
        self.fields["translation_language"].choices = [("", "—"), *settings.SAMSKAPA_CONTENT_LANGUAGES]
        self.fields["translation"].widget.attrs["dir"] = "auto"
        self.fields["text"].widget.attrs["dir"] = "auto"
        # The texts carry their languages, so screen readers and spell checkers read them right.
        for field, language in (("text", "language"), ("translation", "translation_language")):
            if self.initial.get(language):
                self.fields[field].widget.attrs["lang"] = self.initial[language]
        self.order_fields(self.field_order)
        self.fields["focus_area_ids"].choices = [(a.pk, f"{a.strategy.title}: {a.title}") for a in focus_areas]
        self.fields["person_id"].choices = [("", _("Anonymous")), *((p.pk, p.full_name) for p in people)]


class BulkTagForm(forms.Form):
    """What the inbox adds to many inputs at once."""

    codes = CodesField(label=_("Add areas of the framework"))
    focus_area_ids = forms.TypedMultipleChoiceField(
        label=_("Add focus areas"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    mark_reviewed = forms.BooleanField(label=_("Mark them reviewed"), required=False)

    def __init__(self, *args, focus_areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area_ids"].choices = [(a.pk, a.title) for a in focus_areas]


class ConfirmCodesForm(forms.Form):
    framework_codes = CodesField(label=_("Areas of the framework"))


FindingForm = form_for(
    Finding, ["statement", "detail", "outcome", "is_published"], widgets={"detail": ROWS4, "outcome": ROWS4}
)


class EvidenceForm(forms.Form):
    input_ids = forms.TypedMultipleChoiceField(label=_("Inputs"), coerce=int, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, inputs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["input_ids"].choices = [(i.pk, f"{i.text[:140]} ({i.consultation.title})") for i in inputs]


class DecisionTargetForm(forms.Form):
    """Choose one strategy element: a focus area, a goal or an action of the action plan."""

    target = forms.ChoiceField(label=_("Decided in"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, focus_areas=(), goals=(), actions=(), optional=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(_("Focus areas"), [(f"focus_area:{a.pk}", f"{a.strategy.title}: {a.title}") for a in focus_areas])]
        choices.append((_("Goals"), [(f"goal:{g.pk}", f"{g.focus_area.title}: {g.text[:100]}") for g in goals]))
        if actions:
            choices.append((_("Actions"), [(f"action:{a.pk}", f"{a.plan.title}: {a.title}") for a in actions]))
        if optional:
            choices.insert(0, ("", _("Not linked to the strategy")))
            self.fields["target"].required = False
        self.fields["target"].choices = choices

    def target_ids(self) -> dict:
        value = self.cleaned_data.get("target") or ""
        if not value:
            return {}
        kind, pk = value.split(":")
        return {f"{kind}_id": int(pk)}


class DecisionForm(DecisionTargetForm):
    text = forms.CharField(label=_("Decision"), widget=ROWS2, max_length=5000)
    field_order = ["text", "target"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, optional=True, **kwargs)
        del self.fields["note"]
        self.order_fields(self.field_order)


CommitteeForm = form_for(
    Committee,
    ["name", "mandate"],
    widgets={"mandate": ROWS4},
)


class MemberForm(
    form_for(CommitteeMember, ["role", "joined_on", "left_on"], widgets={"joined_on": DATE, "left_on": DATE})
):
    actor_id = forms.TypedChoiceField(label=_("Actor"), coerce=int, required=False, empty_value=None)
    person_id = forms.TypedChoiceField(
        label=_("Person"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Only people who consented to committee membership."),
    )
    field_order = ["actor_id", "person_id", "role", "joined_on", "left_on"]

    def __init__(self, *args, actors=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor_id"].choices = [("", "—"), *((a.pk, a.name) for a in actors)]
        self.fields["person_id"].choices = [("", "—"), *((p.pk, p.full_name) for p in people)]
        self.order_fields(self.field_order)


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    status = forms.ChoiceField(label=_("Status"), choices=Consultation.Status.choices)
    held_on = forms.DateField(label=_("Date"), required=False, widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    agenda = forms.CharField(label=_("Agenda"), widget=ROWS4, required=False)
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 8}), required=False)


class MinutesForm(forms.Form):
    agenda = forms.CharField(label=_("Agenda"), widget=ROWS4, required=False)
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 8}), required=False)


class SurveyForm(
    form_for(
        Survey,
        ["title", "intro", "thanks", "closes_on", "ask_group", "is_published"],
        widgets={"intro": ROWS2, "thanks": ROWS2, "closes_on": DATE},
    )
):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.SAMSKAPA_CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Write the survey in the first of these; the page asks for the texts in the others."),
    )
    first_language = forms.ChoiceField(
        label=_("Written first in"),
        choices=settings.SAMSKAPA_CONTENT_LANGUAGES,
        help_text=_("The language you write the survey in; residents who choose no language see this one."),
    )
    field_order = ["title", "first_language", "languages"]

    def __init__(self, *args, **kwargs):
        initial = kwargs.get("initial") or {}
        if initial.get("languages") and "first_language" not in initial:
            initial["first_language"] = initial["languages"][0]
        super().__init__(*args, **kwargs)
        self.fields["is_published"].label = _("Published on the public site")
        self.fields["is_published"].help_text = _(
            "The survey and its consultation are shown on the organisation's public pages, "
            "with a button to answer while the survey is open."
        )
        self.order_fields(self.field_order)

    def clean(self):
        data = super().clean()
        first, chosen = data.pop("first_language", None), data.get("languages")
        if first and chosen is not None:
            data["languages"] = [first, *(code for code in chosen if code != first)]
        return data


def language_name(code: str) -> str:
    return dict(settings.SAMSKAPA_CONTENT_LANGUAGES).get(code, code)


def marked_text(row, field: str, language: str, first: str, ui: dict) -> str:
    """The text for a respondent reading ``language``; one not translated is shown in the first language,
    marked with that language's ``lang``/``dir`` (so screen readers and right-to-left layout treat it
    right) and a visible badge naming the language, never passed off as a translation."""
    text = row.text_in(field, language)
    if not row.is_fallback(field, language, first):
        return text
    direction = "rtl" if first in settings.SAMSKAPA_RTL_LANGUAGES else "ltr"
    return format_html(
        '<span lang="{}" dir="{}">{}</span> <span class="badge badge--fallback">{} · <span lang="{}">{}</span></span>',
        first,
        direction,
        text,
        ui["fallback"],
        first,
        language_name(first),
    )


class TranslationsForm(forms.Form):
    """The survey's own texts in each of its other languages."""

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        for lang in survey.languages[1:]:
            texts = survey.texts.get(lang, {})
            name = language_name(lang)
            for fieldname, label, widget in (
                ("title", _("Title"), None),
                ("intro", _("Introduction"), ROWS2),
                ("thanks", _("Thank-you message"), ROWS2),
            ):
                self.fields[f"{fieldname}__{lang}"] = forms.CharField(
                    label=f"{label} ({name})",
                    required=False,
                    initial=texts.get(fieldname, ""),
                    widget=widget,
                    max_length=200 if fieldname == "title" else 5000,
                )
                self.fields[f"{fieldname}__{lang}"].widget.attrs.update({"lang": lang, "dir": "auto"})

    def texts(self) -> dict:
        out: dict = {}
        for key, value in self.cleaned_data.items():
            fieldname, lang = key.split("__")
            if value.strip():
                out.setdefault(lang, {})[fieldname] = value.strip()
        return out


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=Question.Kind.choices)
    text = forms.CharField(label=_("Question"), max_length=500)
    help = forms.CharField(label=_("Help text"), max_length=500, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    scale_max = forms.IntegerField(label=_("Scale from 1 to"), min_value=2, max_value=10, initial=5, required=False)
    choices = forms.CharField(
        label=_("Choices"), widget=ROWS4, required=False, help_text=_("For choice questions: one choice per line.")
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = survey.languages[1:]
        first = language_name(survey.first_language)
        self.fields["text"].label = f"{_('Question')} ({first})"
        self.fields["choices"].label = f"{_('Choices')} ({first})"
        for lang in self.languages:
            name = language_name(lang)
            self.fields[f"text__{lang}"] = forms.CharField(
                label=f"{_('Question')} ({name})", max_length=500, required=False
            )
            self.fields[f"help__{lang}"] = forms.CharField(
                label=f"{_('Help text')} ({name})", max_length=500, required=False
            )
            self.fields[f"choices__{lang}"] = forms.CharField(
                label=f"{_('Choices')} ({name})",
                widget=ROWS4,
                required=False,
                help_text=_("The same choices in the same order, one per line."),
            )
            for key in ("text", "help", "choices"):
                self.fields[f"{key}__{lang}"].widget.attrs.update({"lang": lang, "dir": "auto"})

    @staticmethod
    def lines(value: str) -> list[str]:
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        if data.get("kind") in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            labels = self.lines(data.get("choices", ""))
            if len(labels) < 2:
                self.add_error("choices", _("Give at least two choices, one per line."))
            for lang in self.languages:
                other = self.lines(data.get(f"choices__{lang}", ""))
                if other and len(other) != len(labels):
                    self.add_error(
                        f"choices__{lang}", _("Give as many choices as in the first language, in the same order.")
                    )
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        texts = {
            lang: {
                k: data.get(f"{k}__{lang}", "").strip()
                for k in ("text", "help")
                if data.get(f"{k}__{lang}", "").strip()
            }
            for lang in self.languages
        }
        labels = self.lines(data.get("choices", ""))
        has_choices = data["kind"] in (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
        choice_texts = []
        for n in range(len(labels)):
            entry = {}
            for lang in self.languages:
                other = self.lines(data.get(f"choices__{lang}", ""))
                if n < len(other):
                    entry[lang] = {"label": other[n]}
            choice_texts.append(entry)
        return {
            "kind": data["kind"],
            "text": data["text"],
            "help": data.get("help", ""),
            "required": data.get("required", False),
            "scale_max": data.get("scale_max") or 5,
            "texts": {k: v for k, v in texts.items() if v},
            "choices": labels if has_choices else [],
            "choice_texts": choice_texts if has_choices else [],
        }


class PersonForm(form_for(Person, ["full_name", "email", "phone", "title", "note"], widgets={"note": ROWS2})):
    actor_id = forms.TypedChoiceField(label=_("Organisation or group"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, actors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor_id"].choices = [("", "—"), *((a.pk, a.name) for a in actors)]


ConsentForm = form_for(
    Consent, ["purpose", "given_on", "expires_on", "how"], widgets={"given_on": DATE, "expires_on": DATE}
)


class NewPersonForm(PersonForm):
    """A person together with the consent that allows recording them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in ConsentForm.base_fields.items():
            self.fields[f"consent_{name}"] = copy.deepcopy(field)
        self.fields["consent_purpose"].label = _("Consent: purpose")
        self.fields["consent_given_on"].label = _("Consent: given on")

    def split(self) -> tuple[dict, dict]:
        data = dict(self.cleaned_data)
        consent = {k.removeprefix("consent_"): data.pop(k) for k in list(data) if k.startswith("consent_")}
        return data, consent


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DATE)


class AnswerForm(forms.Form):
    """The public survey in one language: a field per question, the optional group, and a honeypot."""

    # Hidden from people (and labelled so for screen readers); bots fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, survey: Survey, language: str, ui: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.language, self.ui = language, ui
        for question in survey.questions.all():
            self.fields[f"q{question.pk}"] = self._field(question, language, survey.first_language, ui)
            self.fields[f"q{question.pk}"].error_messages["required"] = ui["required_error"]
        if survey.ask_group:
            self.fields["group"] = forms.ChoiceField(
                label=ui["group_question"],
                choices=[("", ui["no_group"]), *((value, ui[value]) for value in Group.values)],
                required=False,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def _field(question: Question, language: str, first: str, ui: dict) -> forms.Field:
        label, help_text = (marked_text(question, f, language, first, ui) for f in ("text", "help"))
        common = {"label": label, "help_text": help_text, "required": question.required}
        if question.kind == Question.Kind.TEXT:
            widget = forms.Textarea(attrs={"rows": 4, "maxlength": MAX_ANSWER_CHARS, "dir": "auto"})
            return forms.CharField(max_length=MAX_ANSWER_CHARS, widget=widget, strip=True, **common)
        if question.kind == Question.Kind.SCALE:
            choices = [(str(n), str(n)) for n in range(1, question.scale_max + 1)]
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect(attrs={"class": "scale"}), **common)
        choices = [(str(c.pk), marked_text(c, "label", language, first, ui)) for c in question.choices.all()]
        if question.kind == Question.Kind.SINGLE:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def answers(self) -> dict:
        return {n: v for k, v in self.cleaned_data.items() if k.startswith("q") and (n := number_in(k[1:])) is not None}
