"""Writes of the office's contacts: create (with possible duplicates shown first), edit,
merge two records of one person."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.accounts.versions import bump_office
from peyvand.core.validation import NUL_MESSAGE, NotAllowedNow, validate_fields
from peyvand.partnerships.models import Partnership
from peyvand.records.binning import protected_by, put_in_bin, take_from_bin
from peyvand.records.history import check_version, diff, named, plain, record_event

from .. import selectors
from ..models import Contact, ContactKind, Participant

# Fields of a contact that users edit and that the history records.
CONTACT_FIELDS = (
    "name_fa",
    "name_en",
    "kind",
    "title",
    "city",
    "organization",
    "email",
    "phone",
    "languages",
    "tags",
    "notes",
)
TAGS_MAX = 20
TAG_LENGTH = 40
LANGUAGES_MAX = 20
# The fields a merge fills on the kept contact when they are empty there.
MERGE_FILLS = ("name_fa", "name_en", "title", "city", "organization", "email", "phone", "notes")

# ISO 639-1: the two-letter language codes.
_ISO_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he "
    "hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko "
    "kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd "
    "ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se "
    "sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty "
    "ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
ISO_639_1 = frozenset(_ISO_CODES.split())


class PossibleDuplicate(NotAllowedNow):
    """A new contact that may be someone the office already has: nothing was written.
    Create it anyway by confirming (`confirm_duplicate`)."""

    def __init__(self, duplicates: list[Contact]) -> None:
        super().__init__(
            _(
                "The office may already have this person: a contact with the same email, "
                "or with the same name in the same city. Open the existing contact, or "
                "confirm that this is someone else."
            )
        )
        self.duplicates = duplicates

    @property
    def ids(self) -> list[int]:
        return [c.pk for c in self.duplicates]


def normalise_tags(values: Iterable[Any]) -> list[str]:
    """Tags trimmed, lowercased, without repeats, in the order given; refused when too
    many or too long."""
    tags: list[str] = []
    for value in values:
        tag = " ".join(str(value).split()).lower()
        if tag and tag not in tags:
            tags.append(tag)
    errors = []
    if len(tags) > TAGS_MAX:
        errors.append(_("Give at most %(n)s tags.") % {"n": TAGS_MAX})
    if any(len(t) > TAG_LENGTH for t in tags):
        errors.append(_("A tag may have at most %(n)s characters.") % {"n": TAG_LENGTH})
    if any("\x00" in t for t in tags):
        errors.append(str(NUL_MESSAGE))
    if errors:
        raise ValidationError({"tags": errors})
    return tags


def normalise_languages(values: Iterable[Any]) -> list[str]:
    """Two-letter ISO 639-1 codes, lowercased, without repeats; refused when unknown."""
    codes: list[str] = []
    for value in values:
        code = str(value).strip().lower()
        if code and code not in codes:
            codes.append(code)
    unknown = [c for c in codes if c not in ISO_639_1]
    if unknown:
        raise ValidationError(
            {
                "languages": [
                    _("Give languages as two-letter codes (ISO 639-1), such as fa, en, de.")
                ]
            }
        )
    if len(codes) > LANGUAGES_MAX:
        raise ValidationError(
            {"languages": [_("Give at most %(n)s languages.") % {"n": LANGUAGES_MAX}]}
        )
    return codes


def _snapshot(contact: Contact, pacts: Iterable[Partnership] | None = None) -> dict[str, Any]:
    """The history's view of a contact; `pacts` when the caller has just set them."""
    data = {name: plain(getattr(contact, name)) for name in CONTACT_FIELDS}
    data["languages"] = list(contact.languages or [])
    data["tags"] = list(contact.tags or [])
    if pacts is None:
        pacts = contact.partnerships.select_related("partner_city") if contact.pk else []
    data["partnerships"] = (
        sorted(
            (named(p) for p in pacts),
            key=lambda v: v["id"],
        )
        if contact.pk
        else []
    )
    return data


def _check_pacts(office: Office, partnerships: Iterable[Partnership]) -> list[Partnership]:
    pacts = list(partnerships)
    if any(p.office_id != office.pk for p in pacts):
        raise ValidationError(
            {"partnerships": [_("A contact can only work on this office's partnerships.")]}
        )
    return pacts


def _validate(contact: Contact) -> None:
    """Every rule of a contact's own values; raises with errors by field."""
    errors: dict[str, list[Any]] = {}
    contact.name_fa = " ".join((contact.name_fa or "").split())
    contact.name_en = " ".join((contact.name_en or "").split())
    contact.email = (contact.email or "").strip()
    contact.phone = (contact.phone or "").strip()
    contact.title = (contact.title or "").strip()
    if not contact.name_fa and not contact.name_en:
        errors["name_fa"] = [_("Give the contact's name in Persian or in English.")]
    for name, normalise in (("tags", normalise_tags), ("languages", normalise_languages)):
        value = getattr(contact, name)
        if not isinstance(value, list | tuple):
            errors[name] = [_("Give a list.")]
            continue
        try:
            setattr(contact, name, normalise(value))
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        validate_fields(contact, exclude=[*errors, "languages", "tags"])
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def contact_create(
    *,
    office: Office,
    actor: Actor,
    name_fa: str = "",
    name_en: str = "",
    kind: str = ContactKind.OTHER,
    title: str = "",
    city: Any = None,
    organization: Any = None,
    email: str = "",
    phone: str = "",
    languages: Iterable[str] = (),
    tags: Iterable[str] = (),
    notes: str = "",
    partnerships: Iterable[Partnership] = (),
    confirm_duplicate: bool = False,
    is_demo: bool = False,
) -> Contact:
    """Add a contact. Refused with `PossibleDuplicate` (naming them) when the office has a
    contact with the same email or the same name in the same city, unless confirmed."""
    require_role(actor, Role.OFFICER)
    contact = Contact(
        office=office,
        name_fa=name_fa,
        name_en=name_en,
        kind=kind,
        title=title,
        city=city,
        organization=organization,
        email=email,
        phone=phone,
        languages=list(languages),
        tags=list(tags),
        notes=notes,
        is_demo=is_demo,
    )
    _validate(contact)
    pacts = _check_pacts(office, partnerships)
    if not confirm_duplicate:
        duplicates = selectors.contact_duplicates(
            office=office,
            email=contact.email,
            name_fa=contact.name_fa,
            name_en=contact.name_en,
            city_id=contact.city_id,
        )
        if duplicates:
            raise PossibleDuplicate(duplicates)
    contact.save()
    if pacts:  # a new contact has none to replace
        contact.partnerships.add(*pacts)
    record_event(
        target=contact,
        actor=actor,
        action="created",
        changes=diff({}, _snapshot(contact, pacts)),
    )
    return contact


def _lock(contact: Contact) -> Contact:
    locked: Contact = (
        Contact.objects.select_for_update().select_related("office").get(pk=contact.pk)
    )
    return locked


@transaction.atomic
def contact_update(
    *,
    contact: Contact,
    actor: Actor,
    expected_version: int | None,
    data: dict[str, Any],
) -> Contact:
    """Change a contact; refused with StaleVersion if it changed since `expected_version`.
    `data` holds fields of CONTACT_FIELDS and, optionally, "partnerships"."""
    require_role(actor, Role.OFFICER)
    current = _lock(contact)
    check_version(current, expected_version)
    before = _snapshot(current)
    pacts = data.pop("partnerships", None)
    for name, value in data.items():
        if name not in CONTACT_FIELDS:
            raise ValueError(f"not an editable field: {name}")
        setattr(current, name, value)
    _validate(current)
    if pacts is not None:
        pacts = _check_pacts(current.office, pacts)
    current.version += 1
    current.save()
    if pacts is not None:
        current.partnerships.set(pacts)
    changes = diff(before, _snapshot(current))
    record_event(target=current, actor=actor, action="updated", changes=changes)
    contact.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current


@transaction.atomic
def contact_merge(
    *,
    keep: Contact,
    merge: Contact,
    actor: Actor,
    expected_version: int | None = None,
    merged_version: int | None = None,
) -> Contact:
    """Merge the contact `merge` into `keep` (one person recorded twice): every link of
    `merge` (partnerships, activities, mission participations) moves to `keep`, their tags
    and languages are joined, the fields empty on `keep` are taken from `merge`; `merge`
    is deleted and the merge recorded in the history of `keep`."""
    require_role(actor, Role.OFFICER)
    if keep.office_id != merge.office_id:
        raise ValidationError({"merge": [_("Choose a contact of this office.")]})
    if keep.pk == merge.pk:
        raise ValidationError({"merge": [_("A contact cannot be merged into itself.")]})
    first, second = sorted((keep.pk, merge.pk))
    locked = {
        c.pk: c
        for c in Contact.objects.select_for_update()
        .select_related("office")
        .filter(pk__in=(first, second))
        .order_by("pk")
    }
    current: Contact = locked[keep.pk]
    other: Contact = locked[merge.pk]
    check_version(current, expected_version)
    check_version(other, merged_version)
    before = _snapshot(current)
    for name in MERGE_FILLS:
        if not getattr(current, name) and getattr(other, name):
            setattr(current, name, getattr(other, name))
    if current.kind == ContactKind.OTHER:
        current.kind = other.kind
    current.tags = [*current.tags, *(t for t in other.tags if t not in current.tags)][:TAGS_MAX]
    current.languages = [
        *current.languages,
        *(c for c in other.languages if c not in current.languages),
    ][:LANGUAGES_MAX]
    # The links to records in the bin move too: a restored record finds its contact.
    current.partnerships.add(*other.partnerships(manager="all_with_deleted").all())
    current.activities.add(*other.activities(manager="all_with_deleted").all())
    # A mission both were on keeps one participation: the kept contact's (a mission in
    # the bin included: the base manager sees its participants).
    participants = Participant._base_manager
    on_both = participants.filter(contact=current).values("mission_id")
    participants.filter(contact=other, mission_id__in=on_both).delete()
    moved = participants.filter(contact=other).update(contact=current)
    if moved:
        bump_office(current.office_id)  # QuerySet.update bypasses the model signals
    label = named(other)
    changes = diff(before, _snapshot(current))
    current.version += 1
    validate_fields(current, exclude=["languages", "tags"])
    current.save()
    other.delete()
    record_event(
        target=current,
        actor=actor,
        action="merged",
        changes={"merged_contact": [None, label], **changes},
    )
    keep.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current


@transaction.atomic
def contact_delete(
    *, contact: Contact, actor: Actor, expected_version: int | None = None
) -> Contact:
    """Put a contact in the bin (officer and up; restorable for 90 days, decision 0020);
    refused with StaleVersion if it changed since `expected_version`.

    A contact who took part in a mission or is a party to a pitch is refused: those
    records name them (merge a duplicate instead, or remove them there first). Their links
    to pacts and activities are kept for a restore."""
    require_role(actor, Role.OFFICER)
    current = _lock(contact)
    check_version(current, expected_version, deleting=True)
    if protected_by(current):
        raise ValidationError(
            _(
                "This contact took part in a mission or is a party to a pitch, and those "
                "records name them; it cannot be deleted. Remove them there first, or merge "
                "the contact into its duplicate."
            ),
            code="in_use",
        )
    return put_in_bin(record=current, actor=actor, expected_version=None)


@transaction.atomic
def contact_restore(*, contact: Contact, actor: Actor) -> Contact:
    """Bring a contact back from the bin (officer and up)."""
    require_role(actor, Role.OFFICER)
    return take_from_bin(record=contact, actor=actor)
