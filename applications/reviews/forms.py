"""Page input of the review: the declaration of interest and the score form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from applications.decisions.forms import BootstrapForm
from applications.models import Criterion, Review
from applications.scoring import MAX_SCORE
from applications.services.reviews import ScoreInput

NO_CONFLICT, CONFLICT = "no", "yes"


class DeclarationForm(BootstrapForm, forms.Form):
    has_conflict = forms.ChoiceField(
        label=_("Do you have a conflict of interest with this proposal?"),
        choices=[
            (NO_CONFLICT, _("No: I have no conflict of interest with the applicants")),
            (CONFLICT, _("Yes: I have a conflict of interest (I will no longer review it)")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (needed for a conflict)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("e.g. a relative works for the applicant, or you advised them on the plan."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("has_conflict") == CONFLICT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say what the conflict of interest is."))
        return cleaned

    @property
    def conflict(self) -> bool:
        return self.cleaned_data["has_conflict"] == CONFLICT


SCORE_CHOICES = [("", _("Not scored yet"))] + [(str(n), str(n)) for n in range(MAX_SCORE + 1)]


class ScoreForm(BootstrapForm, forms.Form):
    """A score (0 to 5) and a comment per criterion of the call, and an overall comment."""

    comment = forms.CharField(
        label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(
        self,
        *args: Any,  # noqa: ANN401
        criteria: list[Criterion],
        review: Review | None = None,
        **kwargs: Any,  # noqa: ANN401
    ) -> None:
        initial: dict[str, Any] = {}
        if review is not None:
            initial["comment"] = review.comment
            for score in review.scores.all():
                initial[f"score_{score.criterion.number}"] = (
                    "" if score.score is None else str(score.score)
                )
                initial[f"comment_{score.criterion.number}"] = score.comment
        super().__init__(*args, initial=initial, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.number}"] = forms.ChoiceField(
                label=_("Score"), choices=SCORE_CHOICES, required=False
            )
            self.fields[f"comment_{criterion.number}"] = forms.CharField(
                label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        for name, field in self.fields.items():
            if name != "comment":
                widget = field.widget
                widget.attrs.setdefault(
                    "class", "form-select" if isinstance(widget, forms.Select) else "form-control"
                )

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        """Each criterion with its score and comment fields, for the template."""
        return [(c, self[f"score_{c.number}"], self[f"comment_{c.number}"]) for c in self.criteria]

    def scores(self) -> dict[Criterion, ScoreInput]:
        data = self.cleaned_data
        return {
            criterion: (
                int(data[f"score_{criterion.number}"])
                if data[f"score_{criterion.number}"]
                else None,
                data[f"comment_{criterion.number}"],
            )
            for criterion in self.criteria
        }

    def add_service_errors(self, error: ValidationError) -> None:
        """A service's refusals by field (criterion_<n>) shown against the score fields."""
        for key, messages in error.message_dict.items():
            field = key.replace("criterion_", "score_") if key.startswith("criterion_") else None
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
