"""The API keeps its contract: schemathesis against the live OpenAPI schema, as each persona.

No 5xx, every response matches the schema, every status the API answers is documented, and
input outside the schema is refused; the run covers every operation of the schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories.mou import MOUFactory

EXAMPLES = 8  # per operation, persona and mode: enough to reach every branch of the schema
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(db, pilots):
    MOUFactory()  # a row for list and detail responses to carry
    # keep the test's connection (and transaction) across requests, as Django's test client does
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def exercise(operation, mode, headers, covered):
    """Call one operation with generated input and validate every answer."""
    checks = [*CHECKS, negative_data_rejection] if mode.is_negative else CHECKS

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def call(case):
        response = case.call(headers=headers)
        case.validate_response(response, checks=checks)
        covered[operation.label] = covered.get(operation.label, 0) + 1

    call()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "officer", "reviewer"])
def test_every_operation_keeps_the_contract(api_schema, persona, request):
    headers = {}
    if persona != "anonymous":
        token = Token.objects.create(user=request.getfixturevalue(persona))
        headers["Authorization"] = f"Token {token.key}"
    covered: dict[str, int] = {}
    operations = [result.ok() for result in api_schema.get_all_operations()]

    for operation in operations:
        exercise(operation, GenerationMode.POSITIVE, headers, covered)
        try:
            exercise(operation, GenerationMode.NEGATIVE, headers, covered)
        except Unsatisfiable:  # no input breaks the schema (e.g. only a free-text path part)
            continue

    documented = sum(
        method in {"get", "post", "put", "patch", "delete"}
        for path in api_schema.raw_schema["paths"].values()
        for method in path
    )
    assert len(operations) == documented
    assert sorted(covered) == sorted(operation.label for operation in operations)
