"""Lookups several kinds share: cooperation areas, members by username, the office's pacts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext as _

from peyvand.accounts.models import OfficeMembership
from peyvand.core.text import search_key
from peyvand.partnerships.models import CooperationArea, Partnership

from .base import CellError, Context, split_list, text_of


def _areas(ctx: Context) -> dict[str, CooperationArea]:
    found: dict[str, CooperationArea] | None = ctx.lookups.get("areas")
    if found is None:
        found = {}
        for a in CooperationArea.objects.all():
            for spelling in (a.code, a.name_fa, a.name_en):
                found[search_key(spelling)] = a
        ctx.lookups["areas"] = found
    return found


def read_areas(value: Any, ctx: Context) -> tuple[str, ...]:
    index = _areas(ctx)
    codes = []
    for part in split_list(value):
        area = index.get(search_key(part))
        if area is None:
            raise CellError(_("Unknown cooperation area: %(name)s.") % {"name": part})
        codes.append(area.code)
    return tuple(sorted(set(codes)))


def read_area(value: Any, ctx: Context) -> str:
    codes = read_areas(value, ctx)
    if len(codes) > 1:
        raise CellError(_("Give one cooperation area."))
    return codes[0] if codes else ""


def area_objects(codes: tuple[str, ...] | str, ctx: Context) -> list[CooperationArea]:
    wanted = [codes] if isinstance(codes, str) else list(codes)
    by_code = {a.code: a for a in _areas(ctx).values()}
    return [by_code[c] for c in wanted if c]


def write_areas(areas: Any, lang: str) -> str:
    with translation.override(lang):
        return (
            "؛ ".join(a.tr("name") for a in areas)
            if lang == "fa"
            else "; ".join(a.tr("name") for a in areas)
        )


def _members(ctx: Context) -> dict[str, Any]:
    found: dict[str, Any] | None = ctx.lookups.get("members")
    if found is None:
        found = {
            m.user.get_username().lower(): m.user
            for m in OfficeMembership.objects.for_office(ctx.office).select_related("user")
        }
        ctx.lookups["members"] = found
    return found


def read_username(value: Any) -> str:
    return text_of(value).lower()


def member_user(username: str, ctx: Context) -> Any:
    """The member with this username (an error of the cell otherwise)."""
    if not username:
        return None
    user = _members(ctx).get(username)
    if user is None:
        raise CellError(
            _("No member of the office has the username %(name)s.") % {"name": username}
        )
    return user


def username_of(user: Any) -> str:
    return user.get_username().lower() if user else ""


def user_model() -> Any:
    return get_user_model()


def _pacts(ctx: Context) -> tuple[dict[int, Partnership], dict[str, list[Partnership]]]:
    found = ctx.lookups.get("pacts")
    if found is None:
        by_pk: dict[int, Partnership] = {}
        by_city: dict[str, list[Partnership]] = {}
        for p in Partnership.objects.for_office(ctx.office).select_related(
            "partner_city", "office"
        ):
            by_pk[p.pk] = p
            for spelling in (
                p.partner_city.code,
                p.partner_city.name_en,
                p.partner_city.name_fa,
                p.partner_city.name_fa_display,
            ):
                if spelling:
                    by_city.setdefault(search_key(spelling), []).append(p)
        found = (by_pk, by_city)
        ctx.lookups["pacts"] = found
    return found


def read_pact(value: Any, ctx: Context) -> Partnership | None:
    """A pact of the office by its id, or by its partner city (when it has one live pact
    with that city)."""
    text = text_of(value)
    if not text:
        return None
    by_pk, by_city = _pacts(ctx)
    from peyvand.core.text import ascii_digits

    digits = ascii_digits(text)
    if digits.isdigit():
        pact = by_pk.get(int(digits)) if len(digits) < 19 else None
        if pact is None:
            raise CellError(_("The office has no partnership with the id %(id)s.") % {"id": text})
        return pact
    found = {p.pk: p for p in by_city.get(search_key(text), []) if not p.archived}
    if len(found) == 1:
        return next(iter(found.values()))
    if not found:
        raise CellError(_("The office has no partnership with %(name)s.") % {"name": text})
    live = [p for p in found.values() if p.status != "ended"]
    if len(live) == 1:
        return live[0]
    raise CellError(
        _("The office has several partnerships with %(name)s: give the partnership's id.")
        % {"name": text}
    )


def read_pacts(value: Any, ctx: Context) -> tuple[int, ...]:
    return tuple(
        sorted({p.pk for part in split_list(value, commas=True) if (p := read_pact(part, ctx))})
    )


def pact_objects(ids: tuple[int, ...], ctx: Context) -> list[Partnership]:
    by_pk, _by_city = _pacts(ctx)
    return [by_pk[i] for i in ids]


def _departments(ctx: Context) -> dict[str, Any]:
    from peyvand.accounts.models import Department

    found: dict[str, Any] | None = ctx.lookups.get("departments")
    if found is None:
        found = {}
        for d in Department.objects.for_office(ctx.office):
            found[search_key(d.name_fa)] = d
            found[search_key(d.name_en)] = d
        ctx.lookups["departments"] = found
    return found


def read_department(value: Any, ctx: Context) -> Any:
    text = text_of(value)
    if not text:
        return None
    found = _departments(ctx).get(search_key(text))
    if found is None:
        raise CellError(_("The office has no department called %(name)s.") % {"name": text})
    return found


def write_named(record: Any, lang: str) -> str:
    if record is None:
        return ""
    with translation.override(lang):
        name: str = str(record.tr("name"))
    return name


def _organizations(ctx: Context) -> dict[str, list[Any]]:
    from peyvand.organizations.models import Organization

    found: dict[str, list[Any]] | None = ctx.lookups.get("organizations")
    if found is None:
        found = {}
        for o in Organization.objects.all():
            for spelling in {o.acronym, o.name_en, o.name_fa} - {""}:
                found.setdefault(search_key(spelling), []).append(o)
        ctx.lookups["organizations"] = found
    return found


def read_organization(value: Any, ctx: Context) -> Any:
    text = text_of(value)
    if not text:
        return None
    found = {o.pk: o for o in _organizations(ctx).get(search_key(text), [])}
    if len(found) == 1:
        return next(iter(found.values()))
    if not found:
        raise CellError(_("No organisation is called %(name)s.") % {"name": text})
    raise CellError(
        _("Several organisations are called %(name)s: write its full English name.")
        % {"name": text}
    )


def write_organization(o: Any, lang: str) -> str:
    if o is None:
        return ""
    return str(o.name_fa if lang == "fa" and o.name_fa else o.name_en)
