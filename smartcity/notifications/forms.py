from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms

from smartcity.notifications.models import EmailChoice

if TYPE_CHECKING:
    from smartcity.accounts.models import User


class PreferencesForm(forms.Form):
    """One email choice per event; the daily digest is offered to staff only."""

    def __init__(
        self,
        *args: Any,  # noqa: ANN401 - Django's form arguments, passed on
        user: User,
        table: list[tuple[str, str, str]],
        **kwargs: Any,  # noqa: ANN401
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (value, label)
            for value, label in EmailChoice.choices
            if user.is_staff or value != EmailChoice.DIGEST
        ]
        for name, label, current in table:
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=choices,
                initial=current,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
