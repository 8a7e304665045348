"""Signed one-time links: email verification (password reset uses Django's own generator)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.tokens import PasswordResetTokenGenerator

if TYPE_CHECKING:
    from smartcity.accounts.models import User


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    """Valid until the address is verified, changed or the account closed."""

    key_salt = "smartcity.accounts.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{user.pk}{user.email}{user.email_verified_at}{user.closed_at}{timestamp}"


email_verification_token = EmailVerificationTokenGenerator()
