"""The registry's search and filter form (pages and API share it)."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from municipalities.models import OrganisationKind
from municipalities.selectors import province_list, region_list


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Thai or English name, or DLA code"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=region_list(), to_field_name="code", required=False
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=province_list(), to_field_name="code", required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds")), *OrganisationKind.choices],
        required=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].empty_label = _("All regions")
        self.fields["province"].empty_label = _("All provinces")
        # one query per select, whatever the page shows; English pages list provinces in English
        self.fields["province"].queryset = province_list(english=get_language() == "en")
        for name in ("region", "province", "kind"):
            self.fields[name].widget.attrs["class"] = "form-select"
