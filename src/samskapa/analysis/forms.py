from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.analysis.framework import AREA_CHOICES

MAX_FILES_PER_UPLOAD = 100  # Django's own limit of files in one request (DATA_UPLOAD_MAX_NUMBER_FILES)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or several files, cleaned one by one (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        if len(files) > MAX_FILES_PER_UPLOAD:
            raise forms.ValidationError(
                _("Upload at most %(count)d files at a time.") % {"count": MAX_FILES_PER_UPLOAD}
            )
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class DocumentDetailsForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to use the file name (always so when several files are uploaded)."),
    )
    publisher = forms.CharField(
        label=_("Published by"),
        max_length=200,
        required=False,
        help_text=_("The municipality or body whose document this is, when it is not your own."),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)


class DocumentUploadForm(DocumentDetailsForm):
    file = MultipleFileField(
        label=_("Documents"),
        help_text=_(
            "One file or several at once: PDF, DOCX, HTML or text. Scanned PDFs are read with text "
            "recognition when it is installed."
        ),
    )
    field_order = ["file", "title", "publisher", "year"]


class DocumentEditForm(DocumentDetailsForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    field_order = ["title", "publisher", "year"]


class PassageCorrectionForm(forms.Form):
    labels = forms.MultipleChoiceField(
        label=_("Areas this passage is about"),
        choices=AREA_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class DocumentFilterForm(forms.Form):
    # Not "title": the upload form on the same page has a Title field, and labels must tell them apart.
    q = forms.CharField(
        label=_("Search"), help_text=_("Words in the title or publisher"), required=False, max_length=100
    )


class CompareForm(forms.Form):
    """The comparison's filters, in the address. ``documents`` keeps a chosen set in a shared link."""

    q = forms.CharField(label=_("Words in the title or publisher"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year published"), required=False, min_value=1900, max_value=2200)
    documents = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.MultipleHiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any whole number is accepted here; the view refuses ids that are not the organisation's.
        wanted = self.data.getlist("documents") if hasattr(self.data, "getlist") else []
        cast(forms.TypedMultipleChoiceField, self.fields["documents"]).choices = [(v, v) for v in wanted]

    def clean_documents(self) -> list[int]:
        return list(dict.fromkeys(self.cleaned_data["documents"]))

    @property
    def is_filtered(self) -> bool:
        return bool(self.is_bound and self.is_valid() and any(self.cleaned_data.values()))


class PracticeFilterForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=[("", _("All areas")), *AREA_CHOICES], required=False)


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    practised_by = forms.CharField(label=_("Organisation behind it"), max_length=200)
    country = forms.CharField(label=_("Country"), max_length=100)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea)
    areas = forms.MultipleChoiceField(label=_("Areas"), choices=AREA_CHOICES, widget=forms.CheckboxSelectMultiple)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
