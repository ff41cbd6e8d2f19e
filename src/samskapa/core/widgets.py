"""Form widgets shared by the apps."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


def option_tags(choices, chosen: set[str]) -> str:
    """``<option>`` tags of ``(value, label)`` pairs, those whose value is in ``chosen`` selected."""
    return mark_safe(  # noqa: S308 - values and labels are escaped
        "".join(
            f'<option value="{escape(key)}"{" selected" if str(key) in chosen else ""}>{escape(label)}</option>'
            for key, label in choices
        )
    )


class LongSelect(forms.Select):
    """A select whose options are written in Python rather than through a template each.

    Django builds a context and renders a template for every option; a filter of a large
    municipality's hundreds of leads then cost more than the rest of the page. Same markup, same
    attributes (id, required, aria-*); flat choices only (no option groups).
    """

    def render(self, name, value, attrs=None, renderer=None):
        options = option_tags(self.choices, set(self.format_value(value)))
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')  # noqa: S308 - every part escaped
