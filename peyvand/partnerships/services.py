"""Writes for partnerships: every rule of the registry lives here (pages and API call it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.accounts.models import Department, Office, OfficeMembership, Role
from peyvand.places.models import City

from . import health as hs
from .files import check_upload
from .models import (
    Activity,
    ActivityKind,
    Agreement,
    AgreementFile,
    Approval,
    ApprovalStatus,
    Commitment,
    CommitmentStatus,
    CooperationArea,
    DormancyReview,
    HealthSettings,
    InitiatedBy,
    NotOurs,
    Outcome,
    OutcomeKind,
    Partnership,
    PartnershipEvent,
    PartnershipKind,
    PartnershipStatus,
    ReviewDecision,
)

# Fields of a partnership that users edit and that the history records.
PARTNERSHIP_FIELDS = (
    "partner_city",
    "kind",
    "status",
    "end_reason",
    "signed_on",
    "valid_until",
    "summary_fa",
    "summary_en",
    "responsible",
    "is_public",
)


# A record that carries an optimistic-locking version (bumped on every change).
Versioned = Partnership | Commitment | Activity | Outcome | Agreement

# What a refused save says, by the kind of record and whether it was a deletion. Whole
# sentences: each kind has its own (a translation cannot be assembled from pieces).
STALE_MESSAGES = {
    ("partnership", False): gettext_lazy(
        "Someone else changed this partnership while you were editing it; your changes "
        "were not saved. Review their changes below and make yours again."
    ),
    ("commitment", False): gettext_lazy(
        "Someone else changed this commitment while you were editing it; your changes "
        "were not saved. Review their changes and make yours again."
    ),
    ("activity", False): gettext_lazy(
        "Someone else changed this activity while you were editing it; your changes "
        "were not saved. Review their changes below and make yours again."
    ),
    ("activity", True): gettext_lazy(
        "Someone else changed this activity after you opened this page; it was not "
        "deleted. Review their changes below and confirm again if it should still go."
    ),
    ("outcome", False): gettext_lazy(
        "Someone else changed this outcome while you were editing it; your changes "
        "were not saved. Review their changes below and make yours again."
    ),
    ("outcome", True): gettext_lazy(
        "Someone else changed this outcome after you opened this page; it was not "
        "removed. Review their changes below and confirm again if it should still go."
    ),
    ("agreement", False): gettext_lazy(
        "Someone else changed this agreement while you were editing it; your changes "
        "were not saved. Review their changes below and make yours again."
    ),
}


class StaleVersion(Exception):
    """Someone else saved the record since the editor loaded it: nothing was written.

    `record` is the record as it is now (its `version` is what the next save must send),
    `events` the history entries written about it since the editor's version, oldest first.
    """

    def __init__(
        self, record: Versioned, events: list[PartnershipEvent], *, deleting: bool = False
    ) -> None:
        kind = record._meta.model_name
        super().__init__(f"stale {'delete' if deleting else 'edit'} of {kind} {record.pk}")
        self.record = record
        self.events = events
        self.deleting = deleting

    @property
    def version(self) -> int:
        return self.record.version

    @property
    def message(self) -> str:
        return str(STALE_MESSAGES[(self.record._meta.model_name or "", self.deleting)])


class StaleEdit(StaleVersion):
    """Someone else saved the pact since the editor loaded it."""

    @property
    def partnership(self) -> Partnership:
        assert isinstance(self.record, Partnership)
        return self.record


class StaleCommitmentEdit(StaleVersion):
    """Someone else saved the commitment since the editor loaded it."""

    @property
    def commitment(self) -> Commitment:
        assert isinstance(self.record, Commitment)
        return self.record


def _today() -> dt.date:
    return timezone.localdate()


def _user(actor: OfficeMembership | None) -> Any:
    return actor.user if actor is not None else None


def _require(actor: OfficeMembership | None, role: str) -> None:
    if actor is not None and not actor.has_role(role):
        raise PermissionDenied


# ---------------------------------------------------------------- history


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "pk"):
        plain: dict[str, Any] = {"id": value.pk, "label": str(value)}
        if hasattr(value, "name_en"):
            plain["label_en"] = value.name_en
            plain["label_fa"] = getattr(value, "name_fa_display", "") or getattr(
                value, "name_fa", ""
            )
        return plain
    return str(value)


def _named(value: Any) -> dict[str, Any]:
    """A record as history names it, in both languages: a label built from translated
    choices (an approval's body, an outcome's kind) must follow the reader's language,
    not the language of whoever made the change."""
    labels = {}
    for lang in ("fa", "en"):
        with translation.override(lang):
            labels[lang] = str(value)
    return {
        "id": value.pk,
        "label": labels["en"],
        "label_fa": labels["fa"],
        "label_en": labels["en"],
    }


def _snapshot(partnership: Partnership) -> dict[str, Any]:
    data = {name: _plain(getattr(partnership, name)) for name in PARTNERSHIP_FIELDS}
    data["areas"] = sorted(a.code for a in partnership.areas.all()) if partnership.pk else []
    return data


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def event_record(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    action: str,
    changes: dict[str, Any] | None = None,
    note: str = "",
    subject: str = "",
    subject_version: int | None = None,
) -> PartnershipEvent:
    return PartnershipEvent.objects.create(
        office_id=partnership.office_id,
        partnership=partnership,
        actor=_user(actor),
        action=action,
        version=partnership.version,
        changes=changes or {},
        note=note,
        subject=subject,
        subject_version=subject_version,
    )


def subject_of(record: Versioned) -> str:
    """How the history names a part of a pact: "commitment:12", "activity:7", "outcome:3"."""
    return f"{record._meta.model_name}:{record.pk}"


def changes_since(record: Versioned, version: int) -> list[PartnershipEvent]:
    """The history entries about this record written after its `version`, oldest first.

    A pact's entries carry the pact's version; a part's entries carry its subject and the
    part's version. A change of an activity is recorded in every pact it concerns: it is
    listed once.
    """
    if isinstance(record, Partnership):
        return list(
            record.events.filter(version__gt=version)
            .select_related("actor")
            .order_by("created_at", "pk")
        )
    rows = (
        PartnershipEvent.objects.filter(
            office_id=record.office_id,
            subject=subject_of(record),
            subject_version__gt=version,
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    listed: dict[tuple[str, int | None], PartnershipEvent] = {}
    for event in rows:
        listed.setdefault((event.action, event.subject_version), event)
    return list(listed.values())


def _check_version(
    current: Versioned,
    expected_version: int | None,
    *,
    deleting: bool = False,
    error: type[StaleVersion] = StaleVersion,
) -> None:
    """Refuse a save (or a deletion) made from another version than the current one."""
    if expected_version is not None and current.version != expected_version:
        raise error(current, changes_since(current, expected_version), deleting=deleting)


# ---------------------------------------------------------------- health


def health_weights(office: Office) -> hs.Weights:
    row = HealthSettings.objects.filter(office=office).first()
    if row is None:
        return hs.DEFAULT_WEIGHTS
    return hs.Weights(
        recency=row.w_recency,
        frequency=row.w_frequency,
        delivery=row.w_delivery,
        reciprocity=row.w_reciprocity,
        breadth=row.w_breadth,
        outcomes=row.w_outcomes,
    )


def health_facts(
    partnership_ids: Iterable[int],
) -> dict[int, tuple[list[hs.ActivityFact], list[hs.CommitmentFact]]]:
    """Plain facts for the pure health function, for many pacts in a few queries."""
    ids = list(partnership_ids)
    facts: dict[int, tuple[list[hs.ActivityFact], list[hs.CommitmentFact]]] = {
        pid: ([], []) for pid in ids
    }
    if not ids:
        return facts
    through = Activity.partnerships.through
    links = list(
        through.objects.filter(partnership_id__in=ids).values_list("activity_id", "partnership_id")
    )
    activity_ids = {a for a, _p in links}
    rows = {
        row["pk"]: row
        for row in Activity.objects.filter(pk__in=activity_ids)
        .annotate(n_outcomes=Count("outcomes", distinct=True))
        .values("pk", "date", "kind", "initiated_by", "n_outcomes")
    }
    area_map: dict[int, set[int]] = {}
    for activity_id, area_id in Activity.areas.through.objects.filter(
        activity_id__in=activity_ids
    ).values_list("activity_id", "cooperationarea_id"):
        area_map.setdefault(activity_id, set()).add(area_id)
    built: dict[int, hs.ActivityFact] = {
        pk: hs.ActivityFact(
            date=row["date"],
            kind=row["kind"],
            initiated_by=row["initiated_by"],
            areas=frozenset(area_map.get(pk, ())),
            outcomes=row["n_outcomes"],
        )
        for pk, row in rows.items()
    }
    for activity_id, pid in links:
        facts[pid][0].append(built[activity_id])
    for row in Commitment.objects.filter(partnership_id__in=ids).values(
        "partnership_id", "due_on", "status", "done_on"
    ):
        facts[row["partnership_id"]][1].append(
            hs.CommitmentFact(due_on=row["due_on"], status=row["status"], done_on=row["done_on"])
        )
    return facts


def health_refresh(*, partnerships: Sequence[Partnership], today: dt.date | None = None) -> None:
    """Recompute and store the score of these pacts (same transaction as the caller)."""
    today = today or _today()
    facts = health_facts(p.pk for p in partnerships)
    weights_by_office: dict[int, hs.Weights] = {}
    for p in partnerships:
        if p.office_id not in weights_by_office:
            weights_by_office[p.office_id] = health_weights(p.office)
        activities, commitments = facts[p.pk]
        result = hs.compute_health(
            activities=activities,
            commitments=commitments,
            signed_on=p.signed_on,
            as_of=today,
            weights=weights_by_office[p.office_id],
        )
        p.health_score = result.score
        p.health_label = result.label
        p.paper_only = result.paper_only
        p.health_components = result.components
        p.health_computed_on = today
        # A queryset update: refreshing the score is not an edit (no version bump).
        Partnership.objects.filter(pk=p.pk).update(
            health_score=result.score,
            health_label=result.label,
            paper_only=result.paper_only,
            health_components=result.components,
            health_computed_on=today,
        )


def health_refresh_all(*, today: dt.date | None = None, batch: int = 500) -> int:
    """Refresh every pact of every office; returns how many were refreshed."""
    done = 0
    ids = list(Partnership.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            chunk = list(
                Partnership.objects.filter(pk__in=ids[start : start + batch]).select_related(
                    "office"
                )
            )
            health_refresh(partnerships=chunk, today=today)
            done += len(chunk)
    return done


@transaction.atomic
def health_settings_update(
    *, office: Office, actor: OfficeMembership | None, weights: dict[str, int]
) -> HealthSettings:
    _require(actor, Role.DIRECTOR)
    if any(int(w) < 0 or int(w) > 100 for w in weights.values()):
        raise ValidationError(_("Each weight must be between 0 and 100."))
    if sum(int(w) for w in weights.values()) <= 0:
        raise ValidationError(_("At least one weight must be above zero."))
    row, _created = HealthSettings.objects.get_or_create(office=office)
    for name in hs.COMPONENTS:
        if name in weights:
            setattr(row, f"w_{name}", int(weights[name]))
    row.save()
    health_refresh(partnerships=list(Partnership.objects.filter(office=office)))
    return row


# ---------------------------------------------------------------- partnerships


def _validate_partnership(p: Partnership, previous_status: str | None = None) -> None:
    errors: dict[str, list[str]] = {}
    office = p.office
    if office.home_city_id is not None and p.partner_city_id == office.home_city_id:
        errors.setdefault("partner_city", []).append(
            _("The partner city cannot be the office's own city.")
        )
    if p.signed_on and p.valid_until and p.valid_until <= p.signed_on:
        errors.setdefault("valid_until", []).append(
            _("The end of validity must be after the signing date.")
        )
    if p.status == PartnershipStatus.ENDED and not (p.end_reason or "").strip():
        errors.setdefault("end_reason", []).append(_("Give the reason why the partnership ended."))
    if (
        p.responsible_id is not None
        and not OfficeMembership.objects.filter(office=office, user_id=p.responsible_id).exists()
    ):
        errors.setdefault("responsible", []).append(
            _("The responsible officer must be a member of the office.")
        )
    if p.status == PartnershipStatus.ACTIVE:
        clash = Partnership.objects.filter(
            office=office,
            partner_city_id=p.partner_city_id,
            kind=p.kind,
            status=PartnershipStatus.ACTIVE,
            archived=False,
        ).exclude(pk=p.pk)
        if clash.exists():
            errors.setdefault("status", []).append(
                _(
                    "There is already an active partnership of this kind with this city; "
                    "end or suspend it first."
                )
            )
        activating = previous_status != PartnershipStatus.ACTIVE
        if activating and p.pk and p.approvals.exclude(status=ApprovalStatus.GRANTED).exists():
            errors.setdefault("status", []).append(
                _("The partnership can become active only when all its approvals are granted.")
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def partnership_create(
    *,
    office: Office,
    actor: OfficeMembership | None,
    partner_city: City,
    kind: str = PartnershipKind.SISTER,
    status: str = PartnershipStatus.PROPOSED,
    signed_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    areas: Iterable[CooperationArea] = (),
    summary_fa: str = "",
    summary_en: str = "",
    responsible: Any = None,
    is_public: bool = False,
    end_reason: str = "",
    is_demo: bool = False,
    note: str = "",
) -> Partnership:
    _require(actor, Role.OFFICER)
    p = Partnership(
        office=office,
        partner_city=partner_city,
        kind=kind,
        status=status,
        signed_on=signed_on,
        valid_until=valid_until,
        summary_fa=summary_fa,
        summary_en=summary_en,
        responsible=responsible,
        is_public=is_public,
        end_reason=end_reason,
        is_demo=is_demo,
    )
    _validate_partnership(p)
    p.save()
    p.areas.set(list(areas))
    event_record(
        partnership=p,
        actor=actor,
        action="created",
        changes=_diff({}, _snapshot(p)),
        note=note,
    )
    health_refresh(partnerships=[p])
    return p


def _lock(partnership: Partnership) -> Partnership:
    return Partnership.objects.select_for_update().select_related("office").get(pk=partnership.pk)


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    expected_version: int | None,
    data: dict[str, Any],
    action: str = "updated",
    note: str = "",
) -> Partnership:
    """Change the pact; refused with StaleEdit if it changed since `expected_version`."""
    _require(actor, Role.OFFICER)
    current = _lock(partnership)
    _check_version(current, expected_version, error=StaleEdit)
    before = _snapshot(current)
    areas = data.pop("areas", None)
    for name, value in data.items():
        if name not in PARTNERSHIP_FIELDS:
            raise ValueError(f"not an editable field: {name}")
        setattr(current, name, value)
    _validate_partnership(current, previous_status=before["status"])
    current.version += 1
    current.save()
    if areas is not None:
        current.areas.set(list(areas))
    changes = _diff(before, _snapshot(current))
    event_record(partnership=current, actor=actor, action=action, changes=changes, note=note)
    health_refresh(partnerships=[current])
    partnership.__dict__.update(
        {k: v for k, v in current.__dict__.items() if not k.startswith("_")}
    )
    return current


def partnership_set_status(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    status: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Partnership:
    data: dict[str, Any] = {"status": status}
    if status == PartnershipStatus.ENDED:
        data["end_reason"] = reason
    return partnership_update(
        partnership=partnership,
        actor=actor,
        expected_version=expected_version,
        data=data,
        action="status",
        note=reason,
    )


@transaction.atomic
def partnership_archive(
    *, partnership: Partnership, actor: OfficeMembership | None, archived: bool = True
) -> Partnership:
    """Archive (hide from the registry) or restore; pacts are never deleted by users."""
    _require(actor, Role.OFFICER)
    current = _lock(partnership)
    current.archived = archived
    current.version += 1
    current.save(update_fields=["archived", "version", "updated_at"])
    event_record(
        partnership=current,
        actor=actor,
        action="archived" if archived else "restored",
        changes={"archived": [not archived, archived]},
    )
    return current


def partnership_create_proposed(
    *, office: Office, actor: OfficeMembership | None, partner_city: City
) -> Partnership:
    """The recommender's one click: a proposed sister-city pact with this city."""
    if (
        Partnership.objects.filter(office=office, partner_city=partner_city, archived=False)
        .exclude(status=PartnershipStatus.ENDED)
        .exists()
    ):
        raise ValidationError(
            {"partner_city": [_("There is already a partnership with this city in the registry.")]}
        )
    return partnership_create(
        office=office,
        actor=actor,
        partner_city=partner_city,
        kind=PartnershipKind.SISTER,
        status=PartnershipStatus.PROPOSED,
    )


def partnership_from_twinning(
    *, office: Office, actor: OfficeMembership | None, twinning: Any
) -> Partnership:
    """Turn a public twinning of the home city into a pact of the registry."""
    home = office.home_city_id
    if home not in (twinning.city_a_id, twinning.city_b_id):
        raise ValidationError(_("This public link does not concern the office's city."))
    partner = twinning.city_b if twinning.city_a_id == home else twinning.city_a
    if Partnership.objects.filter(office=office, partner_city=partner).exists():
        raise ValidationError(_("There is already a partnership with this city in the registry."))
    NotOurs.objects.filter(office=office, partner_city=partner).delete()
    signed_on = dt.date(twinning.year, 1, 1) if twinning.year else None
    return partnership_create(
        office=office,
        actor=actor,
        partner_city=partner,
        kind=PartnershipKind.SISTER,
        status=PartnershipStatus.ACTIVE,
        signed_on=signed_on,
        note=_("Taken from the public sister-city network (sources: %(sources)s).")
        % {"sources": twinning.sources.replace(";", ", ")},
    )


@transaction.atomic
def not_ours_mark(
    *,
    office: Office,
    actor: OfficeMembership | None,
    partner_city: City,
    twinning: Any = None,
    reason: str,
) -> NotOurs:
    _require(actor, Role.OFFICER)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why this link is not one of the office's.")]})
    row, _created = NotOurs.objects.update_or_create(
        office=office,
        partner_city=partner_city,
        defaults={"twinning": twinning, "reason": reason, "marked_by": _user(actor)},
    )
    return row


@transaction.atomic
def not_ours_unmark(*, office: Office, actor: OfficeMembership | None, partner_city: City) -> None:
    _require(actor, Role.OFFICER)
    NotOurs.objects.filter(office=office, partner_city=partner_city).delete()


# ---------------------------------------------------------------- approvals


@transaction.atomic
def approval_add(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    body: str,
    body_name: str = "",
    reference: str = "",
) -> Approval:
    _require(actor, Role.OFFICER)
    approval = Approval.objects.create(
        office_id=partnership.office_id,
        partnership=partnership,
        body=body,
        body_name=body_name,
        reference=reference,
    )
    event_record(
        partnership=partnership,
        actor=actor,
        action="approval_added",
        changes={"approval": [None, _named(approval)]},
    )
    return approval


@transaction.atomic
def approval_decide(
    *,
    approval: Approval,
    actor: OfficeMembership | None,
    status: str,
    decided_on: dt.date | None,
    reference: str = "",
    document: UploadedFile | None = None,
) -> Approval:
    _require(actor, Role.OFFICER)
    if status not in ApprovalStatus.values:
        raise ValidationError({"status": [_("Choose a valid status.")]})
    if status != ApprovalStatus.PENDING and decided_on is None:
        raise ValidationError({"decided_on": [_("Give the date of the decision.")]})
    before = approval.status
    approval.status = status
    approval.decided_on = decided_on
    if reference:
        approval.reference = reference
    if document is not None:
        check_upload(document)
        approval.document = document
    approval.save()
    event_record(
        partnership=approval.partnership,
        actor=actor,
        action="approval_decided",
        changes={"approval": _named(approval), "status": [before, status]},
    )
    return approval


# ---------------------------------------------------------------- agreements

AGREEMENT_FIELDS = ("title", "languages", "signatories", "signed_on", "valid_until")


def _validate_agreement(title: str, signed_on: dt.date | None, valid_until: dt.date | None) -> None:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Give the agreement a title.")]
    if signed_on and valid_until and valid_until <= signed_on:
        errors["valid_until"] = [_("The end of validity must be after the signing date.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agreement_create(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    title: str,
    languages: str = "",
    signatories: str = "",
    signed_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    files: Sequence[UploadedFile] = (),
) -> Agreement:
    _require(actor, Role.OFFICER)
    _validate_agreement(title, signed_on, valid_until)
    agreement = Agreement.objects.create(
        office_id=partnership.office_id,
        partnership=partnership,
        title=title.strip(),
        languages=languages.strip(),
        signatories=signatories.strip(),
        signed_on=signed_on,
        valid_until=valid_until,
    )
    names = [
        agreement_file_add(
            agreement=agreement, actor=actor, upload=upload, record=False
        ).original_name
        for upload in files
    ]
    changes: dict[str, Any] = {"agreement": [None, agreement.title]}
    if names:
        changes["files"] = [None, names]
    event_record(
        partnership=partnership,
        actor=actor,
        action="agreement_added",
        changes=changes,
        subject=subject_of(agreement),
        subject_version=agreement.version,
    )
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    actor: OfficeMembership | None,
    title: str,
    languages: str = "",
    signatories: str = "",
    signed_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    files: Sequence[UploadedFile] = (),
    expected_version: int | None = None,
) -> Agreement:
    """Correct an agreement's fields and add files; recorded in the pact's history.

    Refused with StaleVersion (nothing saved, no file added) if the agreement's fields
    changed since `expected_version`; adding or removing a file does not change them.
    """
    _require(actor, Role.OFFICER)
    current = (
        Agreement.objects.select_for_update().select_related("partnership").get(pk=agreement.pk)
    )
    _check_version(current, expected_version)
    _validate_agreement(title, signed_on, valid_until)
    before = {name: _plain(getattr(current, name)) for name in AGREEMENT_FIELDS}
    current.title = title.strip()
    current.languages = languages.strip()
    current.signatories = signatories.strip()
    current.signed_on = signed_on
    current.valid_until = valid_until
    changes = _diff(before, {name: _plain(getattr(current, name)) for name in AGREEMENT_FIELDS})
    if changes:
        current.version += 1
        current.save(update_fields=[*AGREEMENT_FIELDS, "version", "updated_at"])
        event_record(
            partnership=current.partnership,
            actor=actor,
            action="agreement_updated",
            changes={"agreement": current.title, **changes},
            subject=subject_of(current),
            subject_version=current.version,
        )
    for upload in files:
        agreement_file_add(agreement=current, actor=actor, upload=upload)
    return current


@transaction.atomic
def agreement_file_add(
    *,
    agreement: Agreement,
    actor: OfficeMembership | None,
    upload: UploadedFile,
    record: bool = True,
) -> AgreementFile:
    _require(actor, Role.OFFICER)
    content_type, _ext = check_upload(upload)
    name = (upload.name or "file").rsplit("/", 1)[-1][:200]
    row = AgreementFile(
        office_id=agreement.office_id,
        agreement=agreement,
        original_name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=_user(actor),
    )
    row.file.save(name, upload, save=False)
    row.save()
    if record:
        event_record(
            partnership=agreement.partnership,
            actor=actor,
            action="agreement_file_added",
            changes={"agreement": agreement.title, "file": [None, name]},
            subject=subject_of(agreement),
        )
    return row


@transaction.atomic
def agreement_file_remove(*, file: AgreementFile, actor: OfficeMembership | None) -> None:
    """Remove a document from an agreement (recorded; the stored file goes after commit)."""
    _require(actor, Role.OFFICER)
    row = (
        AgreementFile.objects.select_for_update()
        .select_related("agreement", "agreement__partnership")
        .get(pk=file.pk)
    )
    agreement = row.agreement
    name, storage = row.file.name, row.file.storage
    row.delete()
    event_record(
        partnership=agreement.partnership,
        actor=actor,
        action="agreement_file_removed",
        changes={"agreement": agreement.title, "file": [row.original_name, None]},
        subject=subject_of(agreement),
    )

    def delete_stored() -> None:
        if name and storage.exists(name):
            storage.delete(name)

    transaction.on_commit(delete_stored, robust=True)


# ---------------------------------------------------------------- commitments


def _check_department(office: Office, department: Department | None) -> None:
    if department is not None and department.office_id != office.pk:
        raise ValidationError({"department": [_("Choose a department of this office.")]})


@transaction.atomic
def commitment_create(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    title: str,
    due_on: dt.date,
    area: CooperationArea | None = None,
    department: Department | None = None,
    is_demo: bool = False,
    refresh: bool = True,
) -> Commitment:
    _require(actor, Role.OFFICER)
    _check_department(partnership.office, department)
    if not title.strip():
        raise ValidationError({"title": [_("Give the commitment a title.")]})
    commitment = Commitment.objects.create(
        office_id=partnership.office_id,
        partnership=partnership,
        title=title.strip(),
        due_on=due_on,
        area=area,
        department=department,
        is_demo=is_demo,
    )
    event_record(
        partnership=partnership,
        actor=actor,
        action="commitment_added",
        changes={"commitment": [None, commitment.title]},
        subject=subject_of(commitment),
        subject_version=commitment.version,
    )
    if refresh:
        health_refresh(partnerships=[partnership])
    return commitment


def can_update_commitment(membership: OfficeMembership, commitment: Commitment) -> bool:
    if membership.has_role(Role.OFFICER):
        return True
    return (
        membership.role == Role.LIAISON
        and membership.department_id is not None
        and commitment.department_id == membership.department_id
    )


def _commitment_snapshot(c: Commitment) -> dict[str, Any]:
    return {
        "title": c.title,
        "area": _plain(c.area),
        "department": _plain(c.department),
        "due_on": _plain(c.due_on),
        "status": c.status,
        "done_on": _plain(c.done_on),
        "drop_reason": c.drop_reason,
        "evidence_note": c.evidence_note,
        "evidence_link": c.evidence_link,
    }


@transaction.atomic
def commitment_update(
    *,
    commitment: Commitment,
    actor: OfficeMembership | None,
    status: str | None = None,
    done_on: dt.date | None = None,
    drop_reason: str = "",
    evidence_note: str | None = None,
    evidence_link: str | None = None,
    evidence_file: UploadedFile | None = None,
    title: str | None = None,
    due_on: dt.date | None = None,
    department: Department | None = None,
    set_department: bool = False,
    area: CooperationArea | None = None,
    set_area: bool = False,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Commitment:
    """Update a commitment; refused with StaleCommitmentEdit if it changed since
    `expected_version`. A liaison may only touch the status and evidence of their own
    department's commitments; the plan itself (title, area, owner, due date) is an officer's.
    """
    current = (
        # Lock the commitment's row only: area and department are outer joins.
        Commitment.objects.select_for_update(of=("self",))
        .select_related("partnership", "partnership__office", "area", "department")
        .get(pk=commitment.pk)
    )
    if actor is not None and not can_update_commitment(actor, current):
        raise PermissionDenied
    if title is not None or due_on is not None or set_department or set_area:
        _require(actor, Role.OFFICER)
    _check_version(current, expected_version, error=StaleCommitmentEdit)
    before = _commitment_snapshot(current)
    if title is not None:
        if not title.strip():
            raise ValidationError({"title": [_("Give the commitment a title.")]})
        current.title = title.strip()
    if due_on is not None:
        current.due_on = due_on
    if set_department:
        _check_department(current.partnership.office, department)
        current.department = department
    if set_area:
        current.area = area
    if status is not None:
        if status not in CommitmentStatus.values:
            raise ValidationError({"status": [_("Choose a valid status.")]})
        current.status = status
        if status == CommitmentStatus.DONE:
            current.done_on = done_on or current.done_on or today or _today()
            current.drop_reason = ""
        elif status == CommitmentStatus.DROPPED:
            if not drop_reason.strip():
                raise ValidationError(
                    {"drop_reason": [_("Give the reason for dropping the commitment.")]}
                )
            current.drop_reason = drop_reason.strip()
            current.done_on = None
        else:
            current.done_on = None
            current.drop_reason = ""
    if evidence_note is not None:
        current.evidence_note = evidence_note
    if evidence_link is not None:
        current.evidence_link = evidence_link
    changes = _diff(before, _commitment_snapshot(current))
    if evidence_file is not None:
        check_upload(evidence_file)
        current.evidence_file = evidence_file
        changes["evidence_file"] = [None, (evidence_file.name or "").rsplit("/", 1)[-1]]
    if changes:
        current.version += 1
        current.save()
        event_record(
            partnership=current.partnership,
            actor=actor,
            action="commitment_updated",
            changes={"commitment": current.title, **changes},
            subject=subject_of(current),
            subject_version=current.version,
        )
        health_refresh(partnerships=[current.partnership])
    commitment.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current


# ---------------------------------------------------------------- activities


def can_edit_activity(membership: OfficeMembership, activity: Activity) -> bool:
    """Officers edit any activity; a liaison those logged by their department or by them."""
    if membership.has_role(Role.OFFICER):
        return True
    if membership.role != Role.LIAISON:
        return False
    if membership.department_id is not None and activity.department_id == membership.department_id:
        return True
    return activity.created_by_id is not None and activity.created_by_id == membership.user_id


def _require_activity(actor: OfficeMembership | None, activity: Activity) -> None:
    if actor is not None and not can_edit_activity(actor, activity):
        raise PermissionDenied


def _validate_activity(
    *,
    office: Office,
    partnerships: Sequence[Partnership],
    date: dt.date,
    kind: str,
    initiated_by: str,
    title: str,
    participants: int | None,
    today: dt.date | None,
) -> None:
    errors: dict[str, list[str]] = {}
    if not partnerships:
        errors["partnerships"] = [_("Choose at least one partnership.")]
    if any(p.office_id != office.pk for p in partnerships):
        errors["partnerships"] = [_("An activity can only concern this office's partnerships.")]
    if kind not in ActivityKind.values:
        errors["kind"] = [_("Choose a valid kind.")]
    if initiated_by not in InitiatedBy.values:
        errors["initiated_by"] = [_("Choose who initiated the activity.")]
    if not title.strip():
        errors["title"] = [_("Give the activity a title.")]
    if date > (today or _today()) + dt.timedelta(days=366):
        errors["date"] = [_("The date is more than a year ahead.")]
    if participants is not None and participants < 0:
        errors["participants"] = [_("The number of participants cannot be negative.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_log(
    *,
    office: Office,
    actor: OfficeMembership | None,
    partnerships: Sequence[Partnership],
    date: dt.date,
    kind: str,
    title: str,
    initiated_by: str = "us",
    description: str = "",
    areas: Iterable[CooperationArea] = (),
    participants: int | None = None,
    is_public: bool = False,
    outcomes: Sequence[dict[str, Any]] = (),
    is_demo: bool = False,
    refresh: bool = True,
    today: dt.date | None = None,
) -> Activity:
    """Log one activity under one or more pacts of the same office (liaison and up)."""
    _require(actor, Role.LIAISON)
    _validate_activity(
        office=office,
        partnerships=partnerships,
        date=date,
        kind=kind,
        initiated_by=initiated_by,
        title=title,
        participants=participants,
        today=today,
    )
    activity = Activity.objects.create(
        office=office,
        date=date,
        kind=kind,
        initiated_by=initiated_by,
        title=title.strip(),
        description=description,
        participants=participants,
        is_public=is_public,
        department=actor.department if actor is not None and actor.role == Role.LIAISON else None,
        created_by=_user(actor),
        is_demo=is_demo,
    )
    activity.areas.set(list(areas))
    activity.partnerships.set(list(partnerships))
    for outcome in outcomes:
        _outcome_create(activity=activity, **outcome)
    for p in partnerships:
        event_record(
            partnership=p,
            actor=actor,
            action="activity_logged",
            changes={"activity": [None, activity.title], "date": [None, date.isoformat()]},
            subject=subject_of(activity),
            subject_version=activity.version,
        )
    if refresh:
        health_refresh(partnerships=list(partnerships), today=today)
    return activity


# Fields of an activity that a correction saves (areas and pacts are relations).
ACTIVITY_FIELDS = (
    "date",
    "kind",
    "initiated_by",
    "title",
    "description",
    "participants",
    "is_public",
)


def _activity_snapshot(activity: Activity) -> dict[str, Any]:
    return {
        "title": activity.title,
        "date": _plain(activity.date),
        "kind": activity.kind,
        "initiated_by": activity.initiated_by,
        "description": activity.description,
        "participants": activity.participants,
        "is_public": activity.is_public,
        "areas": sorted(a.code for a in activity.areas.all()),
        "partnerships": [
            _plain(p.partner_city)
            for p in activity.partnerships.select_related("partner_city").order_by("pk")
        ],
    }


def _pacts_of(activity: Activity) -> list[Partnership]:
    return list(activity.partnerships.select_related("office").order_by("pk"))


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    actor: OfficeMembership | None,
    partnerships: Sequence[Partnership],
    date: dt.date,
    kind: str,
    title: str,
    initiated_by: str = "us",
    description: str = "",
    areas: Iterable[CooperationArea] = (),
    participants: int | None = None,
    is_public: bool = False,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Activity:
    """Correct a logged activity, re-linking it to pacts of the same office; refused with
    StaleVersion if it changed since `expected_version`.

    Every pact it concerned before or after records the change, and their scores are
    refreshed in this transaction.
    """
    current = Activity.objects.select_for_update().get(pk=activity.pk)
    _require_activity(actor, current)
    _check_version(current, expected_version)
    _validate_activity(
        office=current.office,
        partnerships=partnerships,
        date=date,
        kind=kind,
        initiated_by=initiated_by,
        title=title,
        participants=participants,
        today=today,
    )
    earlier = _pacts_of(current)
    before = _activity_snapshot(current)
    current.date = date
    current.kind = kind
    current.initiated_by = initiated_by
    current.title = title.strip()
    current.description = description
    current.participants = participants
    current.is_public = is_public
    current.areas.set(list(areas))
    current.partnerships.set(list(partnerships))
    changes = _diff(before, _activity_snapshot(current))
    affected = {p.pk: p for p in [*earlier, *partnerships]}
    if changes:
        current.version += 1
        current.save(update_fields=[*ACTIVITY_FIELDS, "version", "updated_at"])
        for p in affected.values():
            event_record(
                partnership=p,
                actor=actor,
                action="activity_updated",
                changes={"activity": current.title, **changes},
                subject=subject_of(current),
                subject_version=current.version,
            )
    health_refresh(partnerships=list(affected.values()), today=today)
    return current


@transaction.atomic
def activity_delete(
    *,
    activity: Activity,
    actor: OfficeMembership | None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> list[Partnership]:
    """Delete a logged activity and its outcomes (officer and up: a log is a record);
    refused with StaleVersion if it changed since `expected_version`.

    Recorded in the history of every pact it concerned; their scores are refreshed in the
    same transaction. Returns those pacts.
    """
    _require(actor, Role.OFFICER)
    current = Activity.objects.select_for_update().get(pk=activity.pk)
    _check_version(current, expected_version, deleting=True)
    pacts = _pacts_of(current)
    n_outcomes = current.outcomes.count()
    changes: dict[str, Any] = {
        "activity": [current.title, None],
        "date": [current.date.isoformat(), None],
    }
    if n_outcomes:
        changes["outcomes"] = [n_outcomes, None]
    for p in pacts:
        event_record(
            partnership=p,
            actor=actor,
            action="activity_deleted",
            changes=changes,
            subject=subject_of(current),
            subject_version=current.version,
        )
    current.delete()
    health_refresh(partnerships=pacts, today=today)
    return pacts


OUTCOME_FIELDS = ("kind", "value", "unit", "note")
CENTS = Decimal("0.01")


def _outcome_values(
    kind: str, value: Decimal | float | None, unit: str, note: str
) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    if kind not in OutcomeKind.values:
        errors["kind"] = [_("Choose a valid kind of outcome.")]
    # In cents, as stored: 2 and 2.00 are the same value (no change, no new version).
    amount = Decimal(str(value)).quantize(CENTS) if value is not None else None
    if amount is not None and amount < 0:
        errors["value"] = [_("The value cannot be negative.")]
    if errors:
        raise ValidationError(errors)
    return {"kind": kind, "value": amount, "unit": unit.strip(), "note": note.strip()}


def _outcome_create(
    *,
    activity: Activity,
    kind: str,
    value: Decimal | float | None = None,
    unit: str = "",
    note: str = "",
) -> Outcome:
    return Outcome.objects.create(
        office_id=activity.office_id,
        activity=activity,
        **_outcome_values(kind, value, unit, note),
    )


def _outcome_snapshot(outcome: Outcome) -> dict[str, Any]:
    return {name: _plain(getattr(outcome, name)) for name in OUTCOME_FIELDS}


@transaction.atomic
def outcome_add(
    *,
    activity: Activity,
    actor: OfficeMembership | None,
    kind: str,
    value: Decimal | float | None = None,
    unit: str = "",
    note: str = "",
) -> Outcome:
    _require(actor, Role.LIAISON)
    _require_activity(actor, activity)
    outcome = _outcome_create(activity=activity, kind=kind, value=value, unit=unit, note=note)
    partnerships = _pacts_of(activity)
    for p in partnerships:
        event_record(
            partnership=p,
            actor=actor,
            action="outcome_added",
            changes={"outcome": [None, _named(outcome)], "activity": activity.title},
            subject=subject_of(outcome),
            subject_version=outcome.version,
        )
    health_refresh(partnerships=partnerships)
    return outcome


@transaction.atomic
def outcome_update(
    *,
    outcome: Outcome,
    actor: OfficeMembership | None,
    kind: str,
    value: Decimal | float | None = None,
    unit: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> Outcome:
    """Correct an outcome (whoever may edit its activity); refused with StaleVersion if it
    changed since `expected_version`. Scores are refreshed."""
    current = Outcome.objects.select_for_update().select_related("activity").get(pk=outcome.pk)
    activity = current.activity
    _require_activity(actor, activity)
    _check_version(current, expected_version)
    before = _outcome_snapshot(current)
    for name, new in _outcome_values(kind, value, unit, note).items():
        setattr(current, name, new)
    changes = _diff(before, _outcome_snapshot(current))
    partnerships = _pacts_of(activity)
    if changes:
        current.version += 1
        current.save(update_fields=[*OUTCOME_FIELDS, "version", "updated_at"])
        for p in partnerships:
            event_record(
                partnership=p,
                actor=actor,
                action="outcome_updated",
                changes={"activity": activity.title, **changes},
                subject=subject_of(current),
                subject_version=current.version,
            )
    health_refresh(partnerships=partnerships)
    return current


@transaction.atomic
def outcome_delete(
    *, outcome: Outcome, actor: OfficeMembership | None, expected_version: int | None = None
) -> list[Partnership]:
    """Remove an outcome (whoever may edit its activity); refused with StaleVersion if it
    changed since `expected_version`. Scores are refreshed."""
    current = Outcome.objects.select_for_update().select_related("activity").get(pk=outcome.pk)
    activity = current.activity
    _require_activity(actor, activity)
    _check_version(current, expected_version, deleting=True)
    partnerships = _pacts_of(activity)
    before = _outcome_snapshot(current)
    subject, version = subject_of(current), current.version
    current.delete()
    for p in partnerships:
        event_record(
            partnership=p,
            actor=actor,
            action="outcome_removed",
            changes={
                "activity": activity.title,
                **{name: [old, None] for name, old in before.items() if old not in (None, "")},
            },
            subject=subject,
            subject_version=version,
        )
    health_refresh(partnerships=partnerships)
    return partnerships


# ---------------------------------------------------------------- dormancy review


@transaction.atomic
def dormancy_review_revive(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    deadline: dt.date,
    commitments: Sequence[dict[str, Any]],
    letter_fa: str,
    letter_en: str,
    today: dt.date | None = None,
) -> DormancyReview:
    """The director revives a dormant pact: an action plan with owners and a deadline."""
    _require(actor, Role.DIRECTOR)
    today = today or _today()
    errors: dict[str, list[str]] = {}
    if deadline <= today:
        errors["deadline"] = [_("The deadline must be in the future.")]
    if not commitments:
        errors["commitments"] = [_("A rejuvenation plan needs at least one commitment.")]
    if not (letter_fa.strip() or letter_en.strip()):
        errors["letter_en"] = [_("Write the letter to the partner.")]
    if errors:
        raise ValidationError(errors)
    review = DormancyReview.objects.create(
        office_id=partnership.office_id,
        partnership=partnership,
        decision=ReviewDecision.REVIVE,
        decided_by=_user(actor),
        decided_on=today,
        score_at_review=partnership.health_score,
        deadline=deadline,
        letter_fa=letter_fa,
        letter_en=letter_en,
    )
    for item in commitments:
        commitment_create(
            partnership=partnership,
            actor=actor,
            title=item["title"],
            due_on=item.get("due_on") or deadline,
            department=item.get("department"),
            area=item.get("area"),
            refresh=False,
        )
    event_record(
        partnership=partnership,
        actor=actor,
        action="review_revive",
        changes={"deadline": [None, deadline.isoformat()], "commitments": len(commitments)},
        note=letter_en or letter_fa,
    )
    health_refresh(partnerships=[partnership], today=today)
    return review


@transaction.atomic
def dormancy_review_retire(
    *,
    partnership: Partnership,
    actor: OfficeMembership | None,
    reason: str,
    letter_fa: str,
    letter_en: str,
    today: dt.date | None = None,
) -> DormancyReview:
    """The director retires a dormant pact: it ends with the reason and a closing letter."""
    _require(actor, Role.DIRECTOR)
    today = today or _today()
    if not reason.strip():
        raise ValidationError({"reason": [_("Give the reason for retiring the partnership.")]})
    review = DormancyReview.objects.create(
        office_id=partnership.office_id,
        partnership=partnership,
        decision=ReviewDecision.RETIRE,
        decided_by=_user(actor),
        decided_on=today,
        score_at_review=partnership.health_score,
        reason=reason.strip(),
        letter_fa=letter_fa,
        letter_en=letter_en,
    )
    partnership_update(
        partnership=partnership,
        actor=actor,
        expected_version=None,
        data={"status": PartnershipStatus.ENDED, "end_reason": reason.strip()},
        action="review_retire",
        note=letter_en or letter_fa,
    )
    return review
