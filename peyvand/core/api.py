"""Shared API helpers: the error shapes, pagination and error handlers of every router.

Every error answers `{"detail": <translated text>}`; a refused value (422) adds
`"errors": {field: [messages]}`. Services raise Django's `ValidationError` and
`PermissionDenied`; `install_error_handlers` turns them into 422 and 403 for every router,
so endpoints call services without catching their errors.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Schema
from ninja.errors import ValidationError as NinjaValidationError

from .uploads import StorageFull
from .validation import MAX_ID, NotAllowedNow
from .views import DATABASE_DOWN, database_unavailable

# The largest page a list endpoint answers, and the largest offset it accepts (an offset
# beyond any table: a larger one is refused with 422 instead of overflowing the database).
MAX_LIMIT = 200
MAX_OFFSET = 10**9


# An id a client sends in a body: a row's id can be no larger (a larger one would overflow
# the database's integer instead of naming no record).
RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]
# The same for an id in a URL's path.
RecordIdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


class ErrorOut(Schema):
    detail: str


class ValidationOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class PageMeta(Schema):
    count: int
    limit: int
    offset: int


def paginate_queryset(queryset: Any, *, limit: int, offset: int) -> dict[str, Any]:
    """The paginated object every list endpoint answers: {count, limit, offset, items}."""
    count = queryset.count()
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": list(queryset[offset : offset + limit]),
    }


def validation_body(exc: ValidationError) -> dict[str, Any]:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = " ".join(m for msgs in errors.values() for m in msgs)
    return {"detail": detail, "errors": errors}


def _schema_message(error: dict[str, Any]) -> str:
    """The schema's message in the request's language where we have one, else as given."""
    kind = str(error.get("type", ""))
    given = str(error.get("msg", ""))
    if kind == "missing":
        return _("This field is required.")
    if kind in {"int_parsing", "int_from_float", "int_type"}:
        ours = _("Enter a whole number.")
    elif kind in {"less_than_equal", "greater_than_equal", "less_than", "greater_than"}:
        ours = _("The number is out of range.")
    else:
        return given
    # The schema's own words say the limit; in English they are the message.
    return given if (get_language() or "").startswith("en") else f"{ours} ({given})"


def schema_errors_body(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """A request the schema refuses (a wrong type, a null, a number out of range, an unknown
    value) in the shape of every 422: a translated `detail` and the errors by field."""
    by_field: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload")]
        name = ".".join(loc[1:] if loc and loc[0] in ("query", "path") else loc) or "__all__"
        by_field.setdefault(name, []).append(_schema_message(error))
    return {"detail": _("Some values are not valid: see the errors by field."), "errors": by_field}


def install_error_handlers(api: NinjaAPI) -> None:
    """A service's refusal answers the same everywhere: 422 with field errors, 403 for a
    role that may not, 409 for a write the record's current state does not allow; a
    database that does not answer, 503."""

    def invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, validation_body(exc), status=422)

    def denied(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(
            request, {"detail": _("Your role does not allow this.")}, status=403
        )

    def malformed(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, schema_errors_body(exc.errors), status=422)

    def not_now(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": exc.message}, status=409)

    def unavailable(request: HttpRequest, exc: Any) -> HttpResponse:
        return database_unavailable(request)

    def full(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": exc.messages[0]}, status=507)

    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(StorageFull, full)
    for error in DATABASE_DOWN:  # 503 in the API's shape even with DEBUG on
        api.add_exception_handler(error, unavailable)
    api.add_exception_handler(NotAllowedNow, not_now)
    api.add_exception_handler(PermissionDenied, denied)
    api.add_exception_handler(NinjaValidationError, malformed)


def _error_answer(description: str, schema_name: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


def document_error_answers(schema: dict[str, Any]) -> None:
    """Add to every operation of an OpenAPI schema the error answers every operation may
    give: 422 (ValidationOut), 503 when the database does not answer (ErrorOut) and, with a
    request body, 400 (ErrorOut)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ValidationOut", ValidationOut.model_json_schema())
    components.setdefault("ErrorOut", ErrorOut.model_json_schema())
    for methods in schema.get("paths", {}).values():
        for operation in methods.values():
            answers = operation.setdefault("responses", {})
            answers.setdefault(422, _error_answer("Refused values", "ValidationOut"))
            answers.setdefault(503, _error_answer("The database is not answering", "ErrorOut"))
            if "requestBody" in operation:
                answers.setdefault(400, _error_answer("A body that is not JSON", "ErrorOut"))
