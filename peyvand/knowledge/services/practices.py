"""Writes of a practice: create (from a trip report's observation too), edit (optimistic
locking), delete; its files. The pipeline's moves are `pipeline.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Department, Office, Role
from peyvand.core.validation import create_valid, validate_fields
from peyvand.missions.models import Contact, Mission, PracticeObserved
from peyvand.missions.services import normalise_tags
from peyvand.partnerships.models import CooperationArea, Partnership
from peyvand.places.models import City
from peyvand.records.binning import put_in_bin, take_from_bin
from peyvand.records.history import check_version, diff, plain, record_event

from ..models import (
    SDG_GOALS,
    CostBand,
    Practice,
    Stage,
    StageSpan,
    Transferability,
    sdg_list,
    sdg_mask,
)
from .publishing import practice_publish

# The fields of a practice a form or the API may set (relations apart).
PRACTICE_FIELDS = (
    "title_fa",
    "title_en",
    "summary_fa",
    "summary_en",
    "body_fa",
    "body_en",
    "source_city",
    "source_link",
    "evidence",
    "cost_band",
    "transferability",
    "sdgs",
    "tags",
    "department",
    "notes",
)
# Relations set with the fields.
PRACTICE_RELATIONS = ("areas", "partnerships", "missions", "contacts")
TEXTS = ("title_fa", "title_en", "summary_fa", "summary_en", "body_fa", "body_en")
LINKS_MAX = 100


def _check_rules(office: Office, values: Mapping[str, Any]) -> None:
    """The practice's own rules (the field rules are validate_fields')."""
    errors: dict[str, list[str]] = {}
    if not values["title_fa"] and not values["title_en"]:
        errors["title_fa"] = [_("Give the practice a title in Persian or in English.")]
    if values["cost_band"] and values["cost_band"] not in CostBand.values:
        errors["cost_band"] = [_("Choose one of the cost bands offered.")]
    if values["transferability"] and values["transferability"] not in Transferability.values:
        errors["transferability"] = [_("Choose one of the transferability levels offered.")]
    goals = values["sdgs"]
    if not isinstance(goals, list) or any(
        not isinstance(n, int) or isinstance(n, bool) or n not in SDG_GOALS for n in goals
    ):
        errors["sdgs"] = [_("Choose Sustainable Development Goals by their number, 1 to 17.")]
    city = values["source_city"]
    if city is not None and not isinstance(city, City):
        errors["source_city"] = [_("Choose a city of the atlas.")]
    department = values["department"]
    if department is not None and (
        not isinstance(department, Department) or department.office_id != office.pk
    ):
        errors["department"] = [_("Choose a department of this office.")]
    mine = {
        "partnerships": (Partnership, _("Link only this office's partnerships.")),
        "missions": (Mission, _("Link only this office's missions.")),
        "contacts": (Contact, _("Link only this office's contacts.")),
    }
    for name, (model, message) in mine.items():
        rows = values.get(name, [])
        if len(rows) > LINKS_MAX:
            errors[name] = [_("Link at most %(n)s records.") % {"n": LINKS_MAX}]
        elif any(not isinstance(r, model) or r.office_id != office.pk for r in rows):
            errors[name] = [message]
    if any(not isinstance(a, CooperationArea) for a in values.get("areas", [])):
        errors["areas"] = [_("Choose cooperation areas of the list.")]
    if errors:
        raise ValidationError(errors)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    for name in (*TEXTS, "source_link", "evidence", "notes"):
        values[name] = (values.get(name) or "").strip()
    for name in ("cost_band", "transferability"):
        values[name] = values.get(name) or ""
    values["sdgs"] = list(dict.fromkeys(values.get("sdgs") or []))
    for name in PRACTICE_RELATIONS:
        if name in values:
            values[name] = list(dict.fromkeys(values[name] or []))
    return values


def _snapshot(p: Practice) -> dict[str, Any]:
    return {
        **{name: getattr(p, name) for name in TEXTS},
        "source_city": plain(p.source_city),
        "source_link": p.source_link,
        "evidence": p.evidence,
        "cost_band": p.cost_band,
        "transferability": p.transferability,
        "sdgs": sdg_list(p.sdgs),
        "tags": list(p.tags),
        "department": plain(p.department),
        "notes": p.notes,
        "areas": sorted(a.code for a in p.areas.all()),
        "partnerships": sorted(str(x.partner_city) for x in p.partnerships.all()),
        "missions": sorted(str(m) for m in p.missions.all()),
        "contacts": sorted(str(c) for c in p.contacts.all()),
    }


def _set_relations(practice: Practice, values: Mapping[str, Any]) -> None:
    for name in PRACTICE_RELATIONS:
        if name in values:
            getattr(practice, name).set(list(values[name]))


def _assign(practice: Practice, values: Mapping[str, Any]) -> None:
    for name in PRACTICE_FIELDS:
        if name == "sdgs":
            practice.sdgs = sdg_mask(values["sdgs"])
        else:
            setattr(practice, name, values[name])


@transaction.atomic
def practice_create(
    *,
    office: Office,
    actor: Actor,
    title_fa: str = "",
    title_en: str = "",
    summary_fa: str = "",
    summary_en: str = "",
    body_fa: str = "",
    body_en: str = "",
    source_city: City | None = None,
    source_link: str = "",
    evidence: str = "",
    cost_band: str = "",
    transferability: str = "",
    sdgs: Iterable[int] = (),
    tags: Iterable[Any] = (),
    department: Department | None = None,
    notes: str = "",
    areas: Iterable[CooperationArea] = (),
    partnerships: Iterable[Partnership] = (),
    missions: Iterable[Mission] = (),
    contacts: Iterable[Contact] = (),
    observation: PracticeObserved | None = None,
    is_demo: bool = False,
    today: dt.date | None = None,
) -> Practice:
    """A new practice, an idea until it moves on the pipeline (officer and up). Made from
    a trip report's observation, it is linked back to it (one practice an observation)."""
    require_role(actor, Role.OFFICER)
    values = _clean(
        {
            "title_fa": title_fa,
            "title_en": title_en,
            "summary_fa": summary_fa,
            "summary_en": summary_en,
            "body_fa": body_fa,
            "body_en": body_en,
            "source_city": source_city,
            "source_link": source_link,
            "evidence": evidence,
            "cost_band": cost_band,
            "transferability": transferability,
            "sdgs": list(sdgs),
            "tags": list(tags),
            "department": department,
            "notes": notes,
            "areas": list(areas),
            "partnerships": list(partnerships),
            "missions": list(missions),
            "contacts": list(contacts),
        }
    )
    _check_rules(office, values)
    values["tags"] = normalise_tags(values["tags"])
    if observation is not None:
        if observation.office_id != office.pk:
            raise ValidationError(
                {"observation": [_("Choose a practice observed by this office.")]}
            )
        if Practice.objects.filter(observation=observation).exists():
            raise ValidationError(
                {"observation": [_("This observation is already a practice of the office.")]}
            )
    today = today or timezone.localdate()
    practice = Practice(
        office=office,
        stage=Stage.IDEA,
        stage_since=today,
        observation=observation,
        created_by=actor.user,
        is_demo=is_demo,
    )
    _assign(practice, values)
    validate_fields(practice)
    practice.save()
    _set_relations(practice, values)
    create_valid(StageSpan, office=office, practice=practice, stage=Stage.IDEA, entered_on=today)
    changes: dict[str, Any] = {"stage": [None, Stage.IDEA]}
    if observation is not None:
        changes["observation"] = [None, observation.title]
    record_event(target=practice, actor=actor, action="created", changes=changes)
    return practice


@transaction.atomic
def practice_update(
    *,
    practice: Practice,
    actor: Actor,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> Practice:
    """Change what `changes` names (PRACTICE_FIELDS and PRACTICE_RELATIONS; the rest
    stays); refused with StaleVersion if the practice changed since `expected_version`.
    Its stage moves only through the pipeline; `published` through `practice_publish`."""
    require_role(actor, Role.OFFICER)
    changes = dict(changes)
    publish = "published" in changes
    published = changes.pop("published", None)
    unknown = set(changes) - set(PRACTICE_FIELDS) - set(PRACTICE_RELATIONS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed.")] for name in unknown})
    current: Practice = Practice.objects.select_for_update().get(pk=practice.pk)
    check_version(current, expected_version)
    values: dict[str, Any] = {name: getattr(current, name) for name in PRACTICE_FIELDS}
    values["sdgs"] = sdg_list(current.sdgs)
    values.update(changes)
    values = _clean(values)
    _check_rules(current.office, values)
    values["tags"] = normalise_tags(values["tags"])
    before = _snapshot(current)
    _assign(current, values)
    validate_fields(current)
    _set_relations(current, {k: values[k] for k in changes if k in PRACTICE_RELATIONS})
    changed = diff(before, _snapshot(current))
    if changed:
        current.version += 1
        current.save()
        record_event(target=current, actor=actor, action="updated", changes=changed)
    if publish:
        current = practice_publish(record=current, actor=actor, published=published)
    return current


@transaction.atomic
def practice_delete(
    *, practice: Practice, actor: Actor, expected_version: int | None = None
) -> Practice:
    """Put a practice in the bin with its documents and history (officer and up;
    restorable for 90 days, decision 0020); refused with StaleVersion if it changed since
    `expected_version`. What its adoption logged on its pacts stays there: it is the pacts'
    record. Its files go when the bin is purged."""
    require_role(actor, Role.OFFICER)
    return put_in_bin(record=practice, actor=actor, expected_version=expected_version)


@transaction.atomic
def practice_restore(*, practice: Practice, actor: Actor) -> Practice:
    """Bring a practice back from the bin (officer and up)."""
    require_role(actor, Role.OFFICER)
    return take_from_bin(record=practice, actor=actor)
