from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.analysis import engine
from samskapa.analysis.framework import AREA_CHOICES
from samskapa.analysis.models import Document


class DocumentDetailsForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=300, required=False, help_text=_("Leave empty to use the file name.")
    )
    publisher = forms.CharField(
        label=_("Published by"),
        max_length=200,
        required=False,
        help_text=_("The municipality or body whose document this is, when it is not your own."),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)


class DocumentUploadForm(DocumentDetailsForm):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("PDF, DOCX, HTML or text. Scanned PDFs are read with text recognition when it is installed."),
    )
    mode = forms.ChoiceField(
        label=_("Analysis mode"),
        choices=Document.Mode.choices,
        initial=Document.Mode.FAST,
        required=False,  # the fast mode unless another is chosen
        widget=forms.RadioSelect,
    )
    field_order = ["file", "title", "publisher", "year", "mode"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not engine.accurate_available():
            del self.fields["mode"]  # only one mode here: nothing to choose


class DocumentEditForm(DocumentDetailsForm):
    title = forms.CharField(label=_("Title"), max_length=300)


class ReanalyseForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Analysis mode"), choices=Document.Mode.choices, required=False, widget=forms.RadioSelect
    )


class PassageCorrectionForm(forms.Form):
    labels = forms.MultipleChoiceField(
        label=_("Areas this passage is about"),
        choices=AREA_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CompareForm(forms.Form):
    documents = forms.MultipleChoiceField(label=_("Documents to compare"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = choices


class PracticeFilterForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=[("", _("All areas")), *AREA_CHOICES], required=False)


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    practised_by = forms.CharField(label=_("Organisation behind it"), max_length=200)
    country = forms.CharField(label=_("Country"), max_length=100)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea)
    areas = forms.MultipleChoiceField(label=_("Areas"), choices=AREA_CHOICES, widget=forms.CheckboxSelectMultiple)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
