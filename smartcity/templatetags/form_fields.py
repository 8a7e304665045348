"""The widget of one form field as `components/_field.html` shows it, for every form alike."""

from __future__ import annotations

from django import forms, template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


def _bootstrap_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "form-check-input"
    return "form-select" if isinstance(widget, forms.Select) else "form-control"


@register.filter
def control(field: BoundField) -> SafeString:
    """The field's widget with Bootstrap's class (unless the form chose one), marked invalid
    when the field has errors, and described by the field's error slot (`<id>-error`)."""
    widget = field.field.widget
    css = widget.attrs.get("class") or _bootstrap_class(widget)
    attrs = {
        "class": f"{css} is-invalid" if field.errors else css,
        "aria-describedby": f"{field.auto_id}-error",
    }
    return field.as_widget(attrs=attrs)
