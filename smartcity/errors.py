"""Errors the domain raises; pages show their message, the API answers 409 with their code."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the programme refused an action; `message` is shown to the user as it is."""

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def payload(self) -> dict[str, object]:
        """The API's 409 body; a subclass may add what a client needs to act on it."""
        return {"code": self.code, "detail": self.message}
