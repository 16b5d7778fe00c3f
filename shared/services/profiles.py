"""Company profiles: filled by each company (or imported by the facilitator), read through
shared.disclosure.profile_visibility. The whole profile is sealed: restricted areas are
exactly what a company does not want known."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared import access, audit, disclosure
from shared.charter_state import company_has_accepted, current_rules
from shared.disclosure import ProfileView, Viewer
from shared.errors import Forbidden, NotFound, ValidationFailed
from shared.feed import record_event
from shared.i18n import N_
from shared.matching import CompanyProfile, ProfileFormatError, parse_profiles, profiles_from_text
from shared.models import Company, ProfileRecord, Workshop
from shared.services.deps import Deps
from shared.services.workshops import company_key, new_company
from shared.validation import LANGUAGES, Checker

LIST_FIELDS = ("activities", "seeks", "offers", "restricted")
MAX_ITEMS, MAX_ITEM = 20, 200


def profile_label(company_id: int) -> str:
    return f"profile:{company_id}"


def _items(check: Checker, data: dict[str, Any], field: str) -> list[str]:
    raw = data.get(field) or []
    if isinstance(raw, str):  # a form's textarea: one item per line
        raw = raw.splitlines()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        check.errors[field] = N_("Give a list of short texts.")
        return []
    items = [x.strip() for x in raw if x.strip()]
    if len(items) > MAX_ITEMS or any(len(x) > MAX_ITEM for x in items):
        check.errors[field] = N_("At most 20 items of 200 characters each.")
    return items


def clean_profile(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    profile: dict[str, Any] = {
        "language": check.choice("language", LANGUAGES, default="es"),
        "mission": check.text("mission", max_len=1000, required=False),
    }
    for field in LIST_FIELDS:
        profile[field] = _items(check, data, field)
    if not any(profile[field] for field in SHAREABLE_FIELDS) and not check.errors:
        # The import format's rule too: a profile without them has nothing to match, and
        # emptying all three by mistake would wipe what the company had saved.
        check.errors["activities"] = N_(
            "Add at least one activity, need or offer: a profile without them has nothing to match."
        )
    check.done()
    return profile


SHAREABLE_FIELDS = ("activities", "seeks", "offers")


def _shareable(profile: dict[str, Any]) -> set[str]:
    return {item for field in SHAREABLE_FIELDS for item in profile.get(field, [])}


def _store(
    deps: Deps,
    s: Session,
    workshop: Workshop,
    company_id: int,
    profile: dict[str, Any],
    actor: str,
    before: dict[str, Any] | None = None,
) -> bool:
    """Seal and store a profile. Results quoting an item the company no longer shows (removed
    or made restricted) go back to review; True when a published one was withdrawn.
    ``before`` is the profile saved until now, where the caller has already opened it."""
    from shared.services.matches import withdraw_quoting  # matches reads profiles

    record = s.get(ProfileRecord, company_id)
    if before is None:
        before = _current(deps, workshop, record) if record is not None else {}
    record = record or ProfileRecord(
        company_id=company_id,
        workshop_id=workshop.id,
        language=profile["language"],
        updated_at=deps.clock(),
    )
    record.language = profile["language"]
    record.updated_at = deps.clock()
    record.sealed_profile = deps.sealer.seal_record(
        workshop, profile_label(company_id), json.dumps(profile, ensure_ascii=False)
    )
    s.add(record)
    no_longer_shown = _shareable(before) - _shareable(profile)
    return withdraw_quoting(deps, s, workshop, company_id, no_longer_shown, actor)


def save(deps: Deps, viewer: Viewer, company_id: int, data: dict[str, Any]) -> None:
    """A company edits its own profile; the facilitator may edit any."""
    profile = clean_profile(data)
    with deps.db.transaction() as s:
        company = s.get(Company, company_id)
        if company is None:
            raise NotFound(N_("Company not found."))
        workshop = access.visible_workshop(s, viewer, company.workshop_id)
        if not (viewer.is_facilitator or viewer.company_id == company.id):
            raise Forbidden(N_("You can only edit your own company's profile."))
        access.open_workshop(workshop)
        withdrawn = _store(deps, s, workshop, company.id, profile, audit.actor_label(viewer))
        events = [
            record_event(s, workshop.id, "profiles.changed", {"company_id": company.id}, deps.clock)
        ]
        if withdrawn:
            events.append(record_event(s, workshop.id, "matches.changed", {}, deps.clock))
    deps.publisher.publish(events)


def import_file(
    deps: Deps,
    actor: Viewer,
    workshop_id: int,
    text: str,
    filename: str,
    replace: bool = False,
) -> dict[str, list[str]]:
    """Import profiles (JSON or CSV, the `tertulia match` format). Companies not yet in the
    workshop are added; names are matched ignoring case and accents. A profile a company
    already saved (in its room, or by an earlier import) is replaced only when ``replace``
    is asked for: the file may be older than what the company typed. Nothing is saved if
    any entry is bad. Returns the names imported, created and replaced."""
    if not text.strip() and not filename:
        raise ValidationFailed({"file": N_("Choose a JSON or CSV file to import.")})
    try:
        suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        parsed = profiles_from_text(text, suffix if suffix in ("json", "csv") else None)
    except ProfileFormatError as exc:
        # The template and its values, so the page says it in the facilitator's language.
        raise ValidationFailed({"file": exc.template}, {"file": exc.params}) from None
    with deps.db.transaction() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        access.open_workshop(workshop)
        by_key = {company_key(c.name): c for c in workshop.companies}
        saved = {
            r.company_id: r
            for r in s.scalars(
                select(ProfileRecord).where(ProfileRecord.workshop_id == workshop.id)
            )
        }
        twins = _rows_for_one_company(parsed)
        if twins:
            raise ValidationFailed(
                {
                    "file": N_(
                        "the file has several rows for one company (%(names)s): names that "
                        "differ only in case or accents are one company; keep one row"
                    )
                },
                {"file": {"names": ", ".join(twins)}},
            )
        # The saved profiles this file names, each opened once (a sealed record).
        current = {
            company.id: _current(deps, workshop, saved[company.id])
            for company in (by_key.get(company_key(p.name)) for p in parsed)
            if company is not None and company.id in saved
        }
        would_replace = [
            by_key[company_key(p.name)].name
            for p in parsed
            if company_key(p.name) in by_key
            and current.get(by_key[company_key(p.name)].id, _as_dict(p)) != _as_dict(p)
        ]
        if would_replace and not replace:
            raise ValidationFailed(
                {
                    "file": N_(
                        "A profile is already saved for: %(companies)s. This file would "
                        "replace it; tick “Replace the profiles already saved” to import it "
                        "anyway."
                    )
                },
                {"file": {"companies": ", ".join(would_replace)}},
            )
        created, withdrawn = [], False
        for profile in parsed:
            company = by_key.get(company_key(profile.name))
            if company is None:
                company = new_company(s, workshop, profile.name, deps)
                by_key[company_key(profile.name)] = company
                created.append(company.name)
            withdrawn |= _store(
                deps,
                s,
                workshop,
                company.id,
                _as_dict(profile),
                audit.actor_label(actor),
                current.get(company.id, {}),
            )
        events = [record_event(s, workshop.id, "profiles.changed", {}, deps.clock)]
        if withdrawn:
            events.append(record_event(s, workshop.id, "matches.changed", {}, deps.clock))
    deps.publisher.publish(events)
    # Named as stored: "acme foods" in the file is the workshop's "Acme Foods".
    imported = [by_key[company_key(p.name)].name for p in parsed]
    return {"imported": imported, "created": created, "replaced": would_replace}


def _rows_for_one_company(parsed: list[CompanyProfile]) -> list[str]:
    seen: dict[str, str] = {}
    twins: list[str] = []
    for profile in parsed:
        key = company_key(profile.name)
        if key in seen and seen[key] != profile.name:
            twins += [seen[key], profile.name]
        seen.setdefault(key, profile.name)
    return twins


def _current(deps: Deps, workshop: Workshop, record: ProfileRecord) -> dict[str, Any]:
    if record.sealed_profile is None:
        return {}
    return json.loads(
        deps.sealer.open_record(workshop, profile_label(record.company_id), record.sealed_profile)
    )


def _as_dict(profile: CompanyProfile) -> dict[str, Any]:
    return {
        "language": profile.language,
        "mission": profile.mission,
        "activities": list(profile.activities),
        "seeks": list(profile.seeks),
        "offers": list(profile.offers),
        "restricted": list(profile.restricted),
    }


def load_all(deps: Deps, s: Session, workshop: Workshop) -> dict[int, dict[str, Any]]:
    """Every profile of a workshop, decrypted (for the engine and for rendering)."""
    out = {}
    for record in s.scalars(select(ProfileRecord).where(ProfileRecord.workshop_id == workshop.id)):
        if record.sealed_profile is not None:
            out[record.company_id] = json.loads(
                deps.sealer.open_record(
                    workshop, profile_label(record.company_id), record.sealed_profile
                )
            )
    return out


def views(deps: Deps, viewer: Viewer, workshop_id: int) -> list[dict[str, Any]]:
    """The profiles this viewer may read, as much of each as it may read."""
    with deps.db.reading() as s:
        workshop = access.visible_workshop(s, viewer, workshop_id)
        rules = current_rules(s, workshop.id)
        accepted = viewer.company_id is not None and company_has_accepted(
            s, workshop.id, viewer.company_id
        )
        profiles = load_all(deps, s, workshop)
        out = []
        for company in workshop.companies:
            shown = disclosure.profile_visibility(viewer, company.id, rules, accepted)
            if shown is ProfileView.NONE or company.id not in profiles:
                continue
            profile = dict(profiles[company.id])
            if shown is not ProfileView.FULL:
                profile.pop("restricted", None)
            out.append({"company_id": company.id, "company": company.name, **profile})
        return out


def export(deps: Deps, actor: Viewer, workshop_id: int) -> dict[str, Any]:
    """The import format, for the facilitator (restricted areas included). A profile with
    no activity, seek or offer yet (a mission saved first) is left out: the format needs
    one, and such a profile has nothing to match."""
    with deps.db.reading() as s:
        workshop = access.managed_workshop(s, actor, workshop_id)
        profiles = load_all(deps, s, workshop)
        companies = [
            {"name": c.name, **profiles[c.id]}
            for c in workshop.companies
            if c.id in profiles and any(profiles[c.id].get(field) for field in SHAREABLE_FIELDS)
        ]
    parse_profiles({"companies": companies})  # what we export must import again
    return {"companies": companies}
