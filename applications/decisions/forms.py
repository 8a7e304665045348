"""Page input of the office's pages, the officer's answers and the cities directory."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from applications.models import Application, Body, Meeting, RevisionRequest
from applications.services.decisions import SCREENING_CHECKLIST
from applications.services.meetings import OUTCOMES
from applications.workflow import MOVES
from municipalities.models import Province, Region
from municipalities.selectors import province_list, region_list
from smartcity.dates import EraDateField
from smartcity.vocabulary import Domain


class BootstrapForm:
    """Bootstrap's classes on every widget, so templates render `{{ field }}` as it is."""

    fields: dict[str, forms.Field]  # the form's, as BaseForm declares it

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


class CityFilterForm(BootstrapForm, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=region_list(), to_field_name="code", required=False
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=province_list(), to_field_name="code", required=False
    )
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("All domains")), *Domain.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        region = cast(forms.ModelChoiceField[Region], self.fields["region"])
        province = cast(forms.ModelChoiceField[Province], self.fields["province"])
        region.empty_label = _("All regions")
        province.empty_label = _("All provinces")
        province.queryset = province_list()


class MoveForm(BootstrapForm, forms.Form):
    """One staff move; the service says which fields the move needs."""

    comment = forms.CharField(
        label=_("Comment or reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    checklist = forms.MultipleChoiceField(
        label=_("Screening checklist"),
        choices=list(SCREENING_CHECKLIST.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    points = forms.CharField(
        label=_("Points to revise (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    deadline = EraDateField(label=_("Deadline"), required=False)


class CommentForm(BootstrapForm, forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))
    is_internal = forms.TypedChoiceField(
        label=_("Who sees it"),
        choices=[
            ("1", _("Internal: staff only")),
            ("0", _("To the applicant")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label=_("Attachment"), required=False)


class ExtendForm(BootstrapForm, forms.Form):
    deadline = EraDateField(label=_("New deadline"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(BootstrapForm, forms.Form):
    """One answer field per point of the open revision request."""

    def __init__(self, *args: Any, request: RevisionRequest, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self.points = list(request.items.all())
        for point in self.points:
            self.fields[f"point_{point.number}"] = forms.CharField(
                label=f"{point.number}. {point.text}",
                initial=point.answer,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
            )

    def answers(self) -> dict[int, str]:
        return {p.number: self.cleaned_data.get(f"point_{p.number}", "") for p in self.points}


class MeetingForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ("body", "number", "date", "place", "attendees")
        field_classes: ClassVar = {"date": EraDateField}
        widgets: ClassVar = {"attendees": forms.Textarea(attrs={"rows": 4})}


class AgendaAddForm(BootstrapForm, forms.Form):
    application: forms.ModelChoiceField[Application] = forms.ModelChoiceField(
        label=_("Proposal"), queryset=None, to_field_name="uuid"
    )

    def __init__(
        self,
        *args: Any,  # noqa: ANN401
        candidates: QuerySet[Application],
        **kwargs: Any,  # noqa: ANN401
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Application], self.fields["application"]).queryset = candidates


class DecisionForm(BootstrapForm, forms.Form):
    """The decision on one agenda item (prefix: the item's id)."""

    outcome = forms.ChoiceField(label=_("Outcome"), required=False)
    conditions = forms.CharField(
        label=_("Conditions (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    decided_on = EraDateField(label=_("Decision date"), required=False)
    deadline = EraDateField(label=_("Deadline for the conditions"), required=False)

    def __init__(self, *args: Any, body: str, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["outcome"]).choices = [
            ("", _("Not decided")),
            *((name, MOVES[name].label) for name in OUTCOMES[Body(body)]),
        ]
