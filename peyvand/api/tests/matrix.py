"""The permission matrix's machinery: the table (docs/permissions.csv), every route of the
URL configuration and every operation of the OpenAPI schema, and what an answer means.

Read by `test_permission_matrix.py` and by `permission_rows.py` (the rows a new view
needs); it holds no expectation of its own: those are the table's.
"""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

TABLE = Path(settings.BASE_DIR) / "docs" / "permissions.csv"
ACTORS = (
    "anonymous",
    "viewer",
    "liaison",
    "officer",
    "director",
    "other_director",
    "superuser",
)
COLUMNS = ("route", "method", *ACTORS, "note")
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# A write refused for its (empty or minimal) body, after the permission gate let it in.
REFUSED_BODY = frozenset({400, 409, 412, 422, 428})
# Every route of the admin site is one row: Django's admin lets staff in and nobody else.
ADMIN = "admin:*"
# URL arguments that name a record of the office (not the office, not a kind of list):
# the director of another office asks for them in his own office (see `Case.kwargs_for`).
RECORD_PARAMS = frozenset({"pk", "twinning_id", "token"})
API_PREFIX = "/api/v1/"
HOW_TO_ADD = (
    "Add the rows to docs/permissions.csv: `make permission-rows` prints each missing row "
    "with the answers the route gives now (`make permission-rows WRITE=1` adds them to the "
    "table); check every answer before you commit it."
)


# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class Row:
    route: str
    method: str
    expected: dict[str, str]
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.route, self.method)

    @property
    def is_api(self) -> bool:
        return self.route.startswith(API_PREFIX)

    def line(self, answers: dict[str, str] | None = None, note: str | None = None) -> str:
        """The row as a line of the table (with other answers: the row to write instead)."""
        codes = answers or self.expected
        cells = [
            self.route,
            self.method,
            *(codes[a] for a in ACTORS),
            self.note if note is None else note,
        ]
        return ",".join(_cell(c) for c in cells)


def _cell(value: str) -> str:
    return f'"{value}"' if any(c in value for c in ',"\n') else value


def read_table(path: Path = TABLE) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS, f"{path}: the columns are {COLUMNS}"
        return [
            Row(
                line["route"].strip(),
                line["method"].strip().upper(),
                {a: line[a].strip() for a in ACTORS},
                (line["note"] or "").strip(),
            )
            for line in reader
        ]


# ---------------------------------------------------------------- the routes


@dataclass(frozen=True)
class Route:
    """A page route (by URL name; unnamed ones by their path) or an API operation."""

    route: str
    methods: tuple[str, ...]
    params: tuple[str, ...]  # its URL arguments
    names: tuple[str, ...] = ()  # the admin row: the admin routes it is tried on


def _walk(
    patterns: list[URLPattern | URLResolver], namespace: str, prefix: str, params: list[str]
) -> Iterator[tuple[str, str, list[str], URLPattern]]:
    for entry in patterns:
        here = params + list(entry.pattern.converters)
        if isinstance(entry, URLResolver):
            inner = ":".join(p for p in (namespace, entry.namespace) if p)
            yield from _walk(entry.url_patterns, inner, prefix + str(entry.pattern), here)
        else:
            yield namespace, prefix + str(entry.pattern), here, entry


def _api_path(pattern: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pattern)


def view_methods(callback: Any) -> tuple[str, ...]:
    """The methods a page's view handles: those its `require_http_methods` (`require_POST`
    ...) names; a class's handlers; else GET, and POST where the view reads a posted form."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return tuple(
            m.upper()
            for m in ("get", "post", "put", "patch", "delete")
            if hasattr(view_class, m) and m in view_class.http_method_names
        )
    fn = callback
    innermost = fn
    while fn is not None:
        code = getattr(fn, "__code__", None)
        if code is not None and fn.__closure__:
            cells = dict(zip(code.co_freevars, fn.__closure__, strict=True))
            if "request_method_list" in cells:
                declared = cells["request_method_list"].cell_contents
                return tuple(m for m in ("GET", "POST", "PUT", "PATCH", "DELETE") if m in declared)
        innermost = fn
        fn = getattr(fn, "__wrapped__", None)
    try:
        source = inspect.getsource(innermost)
    except (OSError, TypeError):
        return ("GET",)
    return ("GET", "POST") if "request.method" in source or "request.POST" in source else ("GET",)


def api_schema() -> dict[str, Any]:
    from peyvand.api.urls import api

    schema: dict[str, Any] = api.get_openapi_schema(path_prefix=reverse("api:api-root"))
    return schema


def routes(schema: dict[str, Any] | None = None) -> dict[str, Route]:
    """Every route of the URL configuration (the API's operations from its schema)."""
    schema = schema if schema is not None else api_schema()
    found: dict[str, Route] = {}
    admin_names: list[str] = []
    for namespace, pattern, params, entry in _walk(get_resolver().url_patterns, "", "", []):
        if namespace.split(":")[0] == "admin":
            if (
                not params
                and entry.name
                and (entry.name == "index" or entry.name.endswith("_changelist"))
            ):
                admin_names.append(f"{namespace}:{entry.name}")
            continue
        if namespace == "api" and _api_path(pattern) in schema["paths"]:
            continue  # an operation: its rows are the schema's
        if entry.name:
            route = f"{namespace}:{entry.name}" if namespace else entry.name
        else:
            route = "/" + pattern
        found[route] = Route(route, view_methods(entry.callback), tuple(params))
    found[ADMIN] = Route(ADMIN, ("GET",), (), tuple(sorted(admin_names)))
    for path, operations in schema["paths"].items():
        names = tuple(re.findall(r"{(\w+)}", path))
        found[path] = Route(path, tuple(m.upper() for m in operations), names)
    return found


def expected_keys(found: dict[str, Route]) -> set[tuple[str, str]]:
    return {(r.route, m) for r in found.values() for m in r.methods}


# ---------------------------------------------------------------- the answers


def login_paths() -> set[str]:
    paths = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths |= {reverse(settings.LOGIN_URL), reverse("admin:login")}
    return paths


def _schema_refusals() -> set[str]:
    from peyvand.core.api import schema_errors_body

    details = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            details.add(schema_errors_body([])["detail"])
    return details


def answer_code(response: HttpResponse, method: str, logins: set[str]) -> str:
    """What the table calls an answer: `ok` (through the permission gate: a page or a
    redirect that is not to a login page; for a write also a refusal of its body), `login`
    (sent to a login page), `schema` (the API's schema refused the body before any gate:
    the matrix's body must be fixed), or the status code."""
    status = response.status_code
    if 300 <= status < 400:
        return "login" if urlsplit(response["Location"]).path in logins else "ok"
    if 200 <= status < 300:
        return "ok"
    if method in WRITES and status in REFUSED_BODY:
        if status == 422 and _detail(response) in _schema_refusals():
            return "schema"
        return "ok"
    return str(status)


def _detail(response: HttpResponse) -> str:
    if not response.get("Content-Type", "").startswith("application/json"):
        return ""
    try:
        return str(response.json().get("detail", ""))  # type: ignore[attr-defined]
    except ValueError:
        return ""


# ---------------------------------------------------------------- what the API is sent


def minimal(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """The smallest value a JSON schema accepts: only required fields, placeholders of the
    right type (an id 1, a date today). Enough to pass the schema, and so reach the
    operation's permission gate; the rules after it may refuse it (an `ok` then)."""
    if "$ref" in schema:
        return minimal(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return minimal(options[0], components) if options else None
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {name: minimal(props[name], components) for name in schema.get("required", [])}
    if kind == "array":
        return [minimal(schema["items"], components) for _ in range(schema.get("minItems", 0))]
    if kind == "integer" or kind == "number":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "boolean":
        return False
    return _string(schema)


def _string(schema: dict[str, Any]) -> str:
    fmt = schema.get("format")
    if fmt == "date":
        return dt.date.today().isoformat()
    if fmt == "date-time":
        return dt.datetime.now(dt.UTC).isoformat()
    if fmt == "email":
        return "matrix@example.org"
    if fmt in ("uri", "url"):
        return "https://example.org/"
    return "x" * max(int(schema.get("minLength", 1)), 1)


def operation_input(
    schema: dict[str, Any], path: str, method: str
) -> tuple[dict[str, str], Any, str | None]:
    """The required query parameters, the body and its content type of an operation."""
    operation = schema["paths"][path][method.lower()]
    components = schema.get("components", {}).get("schemas", {})
    query = {
        p["name"]: str(minimal(p.get("schema", {}), components))
        for p in operation.get("parameters", [])
        if p["in"] == "query" and p.get("required")
    }
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        return query, minimal(content["application/json"]["schema"], components), "application/json"
    if "multipart/form-data" in content:
        # a form's fields other than its file (the test adds a file its service refuses)
        form = content["multipart/form-data"]["schema"]
        while "$ref" in form:
            form = components[form["$ref"].rsplit("/", 1)[-1]]
        fields = {
            name: minimal(prop, components)
            for name, prop in form.get("properties", {}).items()
            if name in form.get("required", []) and prop.get("format") != "binary"
        }
        return query, fields, None
    return query, None, None
