"""Page input for accounts: cleaning and field errors only; writes go through services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation, OrganisationKind, Province
from smartcity.accounts.models import User
from smartcity.accounts.services import (
    USER_EDITABLE_FIELDS,
    organisation_duplicates,
    user_link_id,
)
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
    position = forms.CharField(label=_("job title"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="uuid",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    organisation_search = forms.CharField(
        label=_("Search for your organisation"),
        required=False,
        help_text=_("Type part of its Thai or English name, or its DLA code."),
    )
    propose_organisation = forms.BooleanField(
        label=_("My organisation is not in the list: propose it"), required=False
    )
    new_org_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", "---------"), *OrganisationKind.choices],
    )
    new_org_name_th = forms.CharField(
        label=_("Name of the organisation (Thai)"), max_length=255, required=False
    )
    new_org_name_en = forms.CharField(
        label=_("Name of the organisation (English)"), max_length=255, required=False
    )
    new_org_province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.order_by("sort_key"),
        required=False,
        to_field_name="code",
    )
    new_org_juristic_number = forms.RegexField(
        label=_("Juristic person number"),
        regex=r"^\d{13}$",
        required=False,
        help_text=_("13 digits; required for companies."),
        error_messages={"invalid": _("Enter the 13 digits of the juristic person number.")},
    )
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

    @property
    def email_taken(self) -> bool:
        """The address has an account: the page offers to log in, reset or verify it."""
        return self.has_error("email", code="email_taken")

    def clean_email(self) -> str:
        email: str = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "An account with this email address already exists. Log in, reset your "
                    "password, or ask for the verification link again if you have not used it."
                ),
                code="email_taken",
            )
        return email

    # what user_signup takes; the other fields only steer the cleaning
    SIGNUP_FIELDS = (
        "email",
        "password1",
        "title",
        "first_name_th",
        "last_name_th",
        "first_name_en",
        "last_name_en",
        "phone",
        "position",
        "organisation",
        "new_organisation",
        "juristic_number",
    )

    def signup_arguments(self) -> dict[str, Any]:
        """The cleaned data as keyword arguments of user_signup."""
        return {name: self.cleaned_data[name] for name in self.SIGNUP_FIELDS}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        self._clean_organisation(data)
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

    def _clean_organisation(self, data: dict[str, Any]) -> None:
        """Either a listed organisation, or a complete proposal that duplicates none."""
        data["new_organisation"] = None
        data["juristic_number"] = ""
        if not data.get("propose_organisation"):
            if not data.get("organisation") and "organisation" not in self.errors:
                self.add_error(
                    "organisation",
                    _("Choose your organisation from the search results, or propose it below."),
                )
            return
        required = {
            "new_org_kind": _("Choose the kind of organisation."),
            "new_org_name_th": _("Enter the Thai name of the organisation."),
            "new_org_province": _("Choose the province."),
        }
        for name, message in required.items():
            if not data.get(name) and name not in self.errors:
                self.add_error(name, message)
        kind, juristic = data.get("new_org_kind"), data.get("new_org_juristic_number", "")
        if kind == OrganisationKind.PRIVATE_COMPANY and not juristic:
            self.add_error(
                "new_org_juristic_number", _("Enter the juristic person number of the company.")
            )
        if any(name in self.errors for name in (*required, "new_org_juristic_number")):
            return
        duplicates = organisation_duplicates(
            name_th=data["new_org_name_th"],
            name_en=data.get("new_org_name_en", ""),
            province=data["new_org_province"],
            juristic_number=juristic,
        )
        if duplicates.exists():
            self.add_error(
                "new_org_name_th",
                _("%(name)s is already registered. Search for it above and choose it instead.")
                % {"name": duplicates[0].name},
            )
            return
        data["organisation"] = None
        data["juristic_number"] = juristic
        data["new_organisation"] = {
            "kind": kind,
            "name_th": data["new_org_name_th"],
            "name_en": data.get("new_org_name_en", ""),
            "province": data["new_org_province"],
        }


class VerificationResendForm(forms.Form):
    email = forms.EmailField(label=_("email address"))


class MembershipRefuseForm(forms.Form):
    reason = forms.CharField(label=_("Reason for refusing"), max_length=500)


class MemberInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person to invite"))


class ProfileForm(forms.ModelForm[User]):
    phone = PhoneField(label=_("phone"), max_length=30, required=False)

    class Meta:
        model = User
        fields = USER_EDITABLE_FIELDS


class CloseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
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
        cast(forms.ChoiceField, self.fields["role"]).choices = [
            (r.value, r.label) for r in Role if r != Role.OFFICER
        ]


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6 digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, with the link naming the account by uuid, as verification links do."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        *args: Any,  # noqa: ANN401 - passed on to Django as they came
        **kwargs: Any,  # noqa: ANN401
    ) -> None:
        context["uid"] = user_link_id(context["user"])
        super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
