"""Every operation of `/api/v1/openapi.json` shows an example of what it takes and answers.

For every operation, the JSON request body's schema (if any) and the JSON schema of each
2xx answer carry `examples` (a schema-level example: pydantic's
`model_config = ConfigDict(json_schema_extra={"examples": [...]})`; a list answers the
example of its items), and every example is valid against its own schema (references
resolved with the whole document as the root, formats such as `date` checked). An answer
that is a file (not JSON) and a multipart upload have no JSON example to show.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from django.test import Client

JSON = "application/json"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return _document()


def _document() -> dict[str, Any]:
    from django.urls import reverse

    from peyvand.api.urls import api

    schema: dict[str, Any] = api.get_openapi_schema(path_prefix=reverse("api:api-root"))
    return schema


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a `$ref` names (a list: the schema of its items)."""
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    if schema.get("type") == "array" and "items" in schema:
        return _resolve(document, schema["items"])
    return schema


def _schemas(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(where, schema) for every request body and 2xx answer of every operation."""
    found = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            where = f"{method.upper()} {path}"
            body = operation.get("requestBody", {}).get("content", {})
            if JSON in body:
                found.append((f"{where} body", body[JSON]["schema"]))
            for status, answer in operation["responses"].items():
                content = answer.get("content", {})
                if str(status).startswith("2") and JSON in content:
                    found.append((f"{where} {status}", content[JSON]["schema"]))
    return found


def test_every_operation_shows_valid_examples_of_what_it_takes_and_answers(
    document: dict[str, Any],
) -> None:
    missing, invalid = [], []
    for where, schema in _schemas(document):
        resolved = _resolve(document, schema)
        examples = resolved.get("examples")
        if not examples:
            missing.append(where)
            continue
        validator = jsonschema_rs.Draft202012Validator(
            {**resolved, "components": document["components"]}, validate_formats=True
        )
        for example in examples:
            errors = [e.message for e in validator.iter_errors(example)]
            if errors:
                invalid.append(f"{where}: {errors[:3]}")
    assert not (missing or invalid), (
        "no example: " + "; ".join(missing) + " | refused by their schema: " + "; ".join(invalid)
    )


def test_the_checks_see_every_operation_with_a_body(document: dict[str, Any]) -> None:
    where = [w for w, _schema in _schemas(document)]
    assert any(w.startswith("POST /api/v1/offices/{slug}/partnerships body") for w in where)
    assert any(w.startswith("GET /api/v1/offices/{slug}/partnerships 200") for w in where)


@pytest.mark.django_db
def test_the_docs_page_renders_offline_with_the_examples(client: Client) -> None:
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert "cdn." not in docs.content.decode()
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["components"]["schemas"]["PartnershipIn"]["examples"]
