"""Form parts of the file component."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from smartcity.files.validators import DOCUMENTS, UploadPolicy, upload_check


class UploadRowForm(forms.ModelForm[Any]):
    """An admin inline row whose new rows take an upload, checked by the file component; the
    admin's save_formset hands the upload to the owning app's service."""

    upload_policy: UploadPolicy = DOCUMENTS
    upload_label: StrOrPromise = _("file")
    upload_missing: StrOrPromise = _("Choose a file for this document.")

    upload = forms.FileField(required=False, allow_empty_file=True, widget=forms.FileInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self.fields["upload"].label = self.upload_label

    def has_changed(self) -> bool:
        return super().has_changed() or bool(self.files.get(self.add_prefix("upload")))

    def clean_upload(self) -> object:
        upload = self.cleaned_data.get("upload")
        if self.instance.pk is None and upload is None and self.has_changed():
            raise ValidationError(self.upload_missing)
        if upload is not None:
            upload_check(upload, self.upload_policy)  # the refusal reads as this field's error
        return upload
