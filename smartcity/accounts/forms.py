"""Page input for accounts: cleaning and field errors only; writes go through services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.models import User
from smartcity.accounts.validators import normalise_thai_phone


class PhoneField(forms.CharField):
    def clean(self, value: str) -> str:
        value = super().clean(value)
        return normalise_thai_phone(value) if value else value


class SignUpForm(forms.Form):
    """An officer's own sign-up: who they are, how to reach them, and a password."""

    title = forms.CharField(label=_("title"), max_length=50, required=False)
    first_name_th = forms.CharField(label=_("first name (Thai)"), max_length=150)
    last_name_th = forms.CharField(label=_("last name (Thai)"), max_length=150)
    first_name_en = forms.CharField(label=_("first name (English)"), max_length=150, required=False)
    last_name_en = forms.CharField(label=_("last name (English)"), max_length=150, required=False)
    email = forms.EmailField(label=_("email address"), max_length=254)
    phone = PhoneField(label=_("phone"), max_length=30)
    position = forms.CharField(label=_("position"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    privacy_accepted = forms.BooleanField(
        label=_("I have read the privacy notice and agree to the use of my data described in it.")
    )

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "An account with this email address already exists. "
                    "Log in or reset your password."
                ),
                code="email_taken",
            )
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            probe = User(
                email=data.get("email", ""),
                first_name_th=data.get("first_name_th", ""),
                first_name_en=data.get("first_name_en", ""),
                last_name_en=data.get("last_name_en", ""),
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class ProfileForm(forms.ModelForm):
    phone = PhoneField(label=_("phone"), max_length=30, required=False)

    class Meta:
        model = User
        fields = ("title", "first_name_th", "last_name_th", "first_name_en", "last_name_en",
                  "position", "phone", "language")  # fmt: skip


class CloseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="password")
        return password


class StaffInviteForm(forms.Form):
    email = forms.EmailField(label=_("email address"))
    first_name_th = forms.CharField(label=_("first name (Thai)"), max_length=150, required=False)
    last_name_th = forms.CharField(label=_("last name (Thai)"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("role"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        from smartcity.accounts.roles import Role

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in Role if r != Role.OFFICER]
