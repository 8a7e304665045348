from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def full_registry(django_db_setup, django_db_blocker):
    """The whole reference data (7,849 organisations) loaded once per module, rolled back after.

    Tests use it with `db`: their own transactions nest inside this one as savepoints.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_reference_data", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
