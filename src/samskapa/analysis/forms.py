from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.analysis.framework import AREA_CHOICES


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("PDF, DOCX, HTML or text. Scanned PDFs are read with text recognition when it is installed."),
    )
    title = forms.CharField(
        label=_("Title"), max_length=300, required=False, help_text=_("Leave empty to use the file name.")
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


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    practised_by = forms.CharField(label=_("Organisation behind it"), max_length=200)
    country = forms.CharField(label=_("Country"), max_length=100)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea)
    areas = forms.MultipleChoiceField(label=_("Areas"), choices=AREA_CHOICES, widget=forms.CheckboxSelectMultiple)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
