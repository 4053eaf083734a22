"""Shared API helpers: the error shapes, pagination and error handlers of every router.

Every error answers one shape: `{"code": <machine code>, "detail": <text in the request's
language>}`; a refused value (422) adds `"errors": {field: [messages]}`. The codes are
`ERROR_CODES` (by HTTP status). Services raise Django's `ValidationError` and
`PermissionDenied`; `install_error_handlers` turns them (and 404, a malformed body, a
missing login, a rate limit) into that shape for every router, so endpoints call services
without catching their errors. A body naming a field an operation does not take is refused
(422): every schema a client sends derives from `InSchema`. Every schema an operation takes
or answers carries an example (`model_config = example(...)`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.params import functions as param_functions
from pydantic import ConfigDict

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


# The machine code of every error answer, by HTTP status: a client branches on it, a
# person reads `detail`.
ERROR_CODES = {
    400: "malformed",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    409: "not_allowed_now",
    412: "stale",
    422: "validation_error",
    428: "precondition_required",
    429: "rate_limited",
    503: "unavailable",  # the database does not answer (core.views.database_unavailable)
    507: "storage_full",
}


class InSchema(Schema):
    """The base of every schema a client sends: a field the operation does not take is
    refused (422, "This field is not allowed."), never silently dropped."""

    model_config = ConfigDict(extra="forbid")


def example(**values: Any) -> ConfigDict:
    """The `model_config` of a schema an operation takes or answers, carrying its example
    (shown by the docs; pydantic merges it with the base's config, InSchema's included).
    `peyvand/api/tests/test_openapi_examples.py` checks every operation has them, valid."""
    return ConfigDict(json_schema_extra={"examples": [values]})


def page_example(item: dict[str, Any]) -> ConfigDict:
    """The example of a paginated list (`PageMeta` and its items): one item."""
    return example(count=1, limit=50, offset=0, items=[item])


class ErrorOut(Schema):
    code: str = Field(..., examples=["not_found"])
    detail: str


class ValidationOut(Schema):
    code: str = Field(..., examples=["validation_error"])
    detail: str
    errors: dict[str, list[str]] = {}


# The answers of an upload (multipart: `kind` and `file`): 201 the stored file's metadata,
# 403 a role that may not, 404 not there, 409 not now (a closed record), 422 a refused file
# (type sniffed from its content, size, kind), 507 the disk is full (nothing half-written).
def upload_answers(created: Any) -> dict[int, Any]:
    return {
        201: created,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ValidationOut,
        507: ErrorOut,
    }


def document_kind_form() -> Any:
    """The `kind` form field of a document sent with its file (the service checks it)."""
    return param_functions.Form(..., max_length=30, description="The kind of the document.")


class RateLimited(Exception):
    """Too many requests with one token: answered 429 with `Retry-After` (seconds)."""

    def __init__(self, wait: int) -> None:
        super().__init__(wait)
        self.wait = wait


def error_body(status: int, detail: str, **extra: Any) -> dict[str, Any]:
    """The body of every error answer."""
    return {"code": ERROR_CODES.get(status, "error"), "detail": detail, **extra}


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


# The `ordering` query parameter of a list: a key the list offers, "-" before it for the
# reverse order. Its description names the keys; anything else is refused (422).
ORDERING_MAX = 40


def ordering_query(allowed: Mapping[str, str], default: str) -> Any:
    """The `ordering` parameter of a list endpoint that sorts by the keys of `allowed`."""
    keys = ", ".join(f"`{key}`, `-{key}`" for key in allowed)
    return param_functions.Query(
        None,
        max_length=ORDERING_MAX,
        description=f"Sort order: one of {keys} (default `{default}`).",
        example=default,
    )


def ordering_field(allowed: Mapping[str, str], default: str) -> Any:
    """The same `ordering` as a field of a list's filter schema (`Query[Filters]`)."""
    keys = ", ".join(f"`{key}`, `-{key}`" for key in allowed)
    return Field(
        None,
        max_length=ORDERING_MAX,
        description=f"Sort order: one of {keys} (default `{default}`).",
    )


def order_queryset(
    queryset: Any, ordering: str | None, allowed: Mapping[str, str], default: str
) -> Any:
    """`queryset` sorted by the client's `ordering` (a key of `allowed`, mapping public keys
    to model fields, "-" for descending), by `default` when none; the primary key breaks
    ties so that pages never overlap. An unknown key is refused as a field error."""
    wanted = ordering or default
    key = wanted.removeprefix("-")
    if key not in allowed:
        raise ValidationError(
            {"ordering": _("Sort by one of: %(keys)s.") % {"keys": ", ".join(sorted(allowed))}}
        )
    field = allowed[key]
    if wanted.startswith("-"):
        return queryset.order_by(f"-{field}", "-pk")
    return queryset.order_by(field, "pk")


def validation_body(exc: ValidationError) -> dict[str, Any]:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = " ".join(m for msgs in errors.values() for m in msgs)
    return error_body(422, detail, errors=errors)


def _schema_message(error: dict[str, Any]) -> str:
    """The schema's message in the request's language where we have one, else as given."""
    kind = str(error.get("type", ""))
    given = str(error.get("msg", ""))
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not allowed.")
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
        loc = [str(part) for part in error.get("loc", ())]
        for where in ("body", "payload"):  # where the body sits, not a field of it
            if loc[:1] == [where]:
                loc.pop(0)
        name = ".".join(loc[1:] if loc and loc[0] in ("query", "path") else loc) or "__all__"
        by_field.setdefault(name, []).append(_schema_message(error))
    return error_body(
        422, _("Some values are not valid: see the errors by field."), errors=by_field
    )


def install_error_handlers(api: NinjaAPI) -> None:
    """Every refusal answers the same shape everywhere (`error_body`): 422 with field
    errors, 403 for a role that may not, 404 for what is not there (or is another
    office's), 409 for a write the record's current state does not allow, 401 without a
    login or a valid token, 429 over a token's rate limit, 400 for a body that is not JSON,
    503 while the database does not answer, 507 when the disk is full."""

    def answer(request: HttpRequest, status: int, detail: str, **extra: Any) -> HttpResponse:
        return api.create_response(request, error_body(status, detail, **extra), status=status)

    def invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, validation_body(exc), status=422)

    def denied(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 403, _("Your role does not allow this."))

    def malformed(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, schema_errors_body(exc.errors), status=422)

    def not_now(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 409, exc.message)

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 404, _("Not found."))

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 401, _("Log in, or send a valid token (Authorization: Bearer)."))

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        status = int(exc.status_code)
        if status == 400:
            detail = _("The body is not valid JSON.")
        elif status == 403:
            detail = _("The request was refused (a missing or wrong CSRF token).")
        else:
            detail = str(exc)
        return answer(request, status, detail)

    def rate_limited(request: HttpRequest, exc: Any) -> HttpResponse:
        response = answer(
            request,
            429,
            _("Too many requests with this token: try again in %(seconds)s seconds.")
            % {"seconds": exc.wait},
        )
        response["Retry-After"] = str(exc.wait)
        return response

    def unavailable(request: HttpRequest, exc: Any) -> HttpResponse:
        return database_unavailable(request)

    def full(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 507, exc.messages[0])

    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(StorageFull, full)
    for error in DATABASE_DOWN:  # 503 in the API's shape even with DEBUG on
        api.add_exception_handler(error, unavailable)
    api.add_exception_handler(NotAllowedNow, not_now)
    api.add_exception_handler(PermissionDenied, denied)
    api.add_exception_handler(NinjaValidationError, malformed)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(RateLimited, rate_limited)


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
