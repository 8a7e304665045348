from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mou.models import Status


class MOUFilterForm(forms.Form):
    """The /mous/ search box and filters."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *Status.choices]
    )
    party = forms.ChoiceField(label=_("Party"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(
        self, *args: object, parties: list, municipalities: list, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [("", _("All parties"))] + [
            (str(org.uuid), str(org)) for org in parties
        ]
        self.fields["municipality"].choices = [("", _("All municipalities"))] + [
            (str(org.uuid), str(org)) for org in municipalities
        ]
        for name in ("status", "party", "municipality"):
            self.fields[name].widget.attrs["class"] = "form-select"

    def filters(self) -> dict[str, str]:
        """The cleaned filters as keyword arguments of mou_list (empty when invalid)."""
        if not self.is_valid():
            return {}
        return {
            "query": self.cleaned_data["q"].strip(),
            "status": self.cleaned_data["status"],
            "party": self.cleaned_data["party"],
            "municipality": self.cleaned_data["municipality"],
        }
