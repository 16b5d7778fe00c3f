"""A collaboration plan's content: checked and normalised before it is sealed as a version.

The fields are the seed's: the objective; what each party seeks and what it gives; the
milestones and steps with dates; resources per step (available or needed, and who provides
them); the owner company and person of each step; how and when progress is reported; the
limits of the exchange (restricted areas and overlap rules that apply); and the rules
towards third parties. Every problem is reported at once, by field path ("steps.2.due"), so
a form can show each next to its input.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from shared.errors import ValidationFailed
from shared.i18n import N_

STEP_STATUSES = ("not_started", "in_progress", "done", "blocked")
RESOURCE_STATUSES = ("available", "needed")
MAX_STEPS = 60
MAX_RESOURCES = 20

TEXT_LIMITS = {
    "title": 160,
    "objective": 2000,
    "follow_up": 1000,
    "limits": 2000,
    "third_parties": 1000,
}


class _Problems:
    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.params: dict[str, dict[str, object]] = {}

    def add(self, path: str, message: str, **params: object) -> None:
        self.fields.setdefault(path, message)
        if params:
            self.params[path] = params

    def text(self, data: Mapping[str, Any], key: str, path: str, limit: int, required: bool) -> str:
        raw = data.get(key, "")
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            self.add(path, N_("Must be text."))
            return ""
        value = raw.strip()
        if required and not value:
            self.add(path, N_("This field is required."))
        elif len(value) > limit:
            self.add(path, N_("Too long: at most %(max_len)s characters."), max_len=limit)
        return value

    def company(self, raw: Any, path: str, parties: set[int], required: bool) -> int | None:
        if raw in (None, "") and not required:
            return None
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = None
        if value is None or isinstance(raw, bool) or value not in parties:
            self.add(path, N_("Choose one of the plan's parties."))
            return None
        return value


def _list(data: Mapping[str, Any], key: str) -> Sequence[Any]:
    value = data.get(key) or []
    return value if isinstance(value, list) else []


def normalise(data: Mapping[str, Any] | None, workshop_companies: Mapping[int, str]) -> dict:
    """The plan document to seal, or ValidationFailed naming every field to fix."""
    data = data if isinstance(data, Mapping) else {}
    problems = _Problems()
    doc: dict[str, Any] = {
        key: problems.text(data, key, key, limit, required=key in ("title", "objective"))
        for key, limit in TEXT_LIMITS.items()
    }

    parties: list[dict[str, Any]] = []
    seen: set[int] = set()
    for index, raw in enumerate(_list(data, "parties")):
        raw = raw if isinstance(raw, Mapping) else {"company_id": raw}
        path = f"parties.{index}"
        try:
            company_id = int(raw.get("company_id"))
        except (TypeError, ValueError):
            company_id = -1
        if company_id not in workshop_companies:
            problems.add(f"{path}.company_id", N_("Choose a company of this workshop."))
            continue
        if company_id in seen:
            problems.add(f"{path}.company_id", N_("This company is already a party."))
            continue
        seen.add(company_id)
        parties.append(
            {
                "company_id": company_id,
                "seeks": problems.text(raw, "seeks", f"{path}.seeks", 1000, required=False),
                "gives": problems.text(raw, "gives", f"{path}.gives", 1000, required=False),
            }
        )
    if len(seen) < 2:
        problems.add("parties", N_("A plan needs at least two companies as parties."))
    doc["parties"] = parties

    steps: list[dict[str, Any]] = []
    raw_steps = _list(data, "steps")
    if len(raw_steps) > MAX_STEPS:
        problems.add("steps", N_("At most %(count)s steps."), count=MAX_STEPS)
    keys: set[str] = set()
    for index, raw in enumerate(raw_steps[:MAX_STEPS]):
        raw = raw if isinstance(raw, Mapping) else {}
        path = f"steps.{index}"
        key = raw.get("key") or ""
        if not key:
            key = "s" + secrets.token_hex(4)  # a new step: a key that survives versions
        elif not isinstance(key, str) or not key.isascii() or not key.isalnum() or len(key) > 16:
            problems.add(f"{path}.key", N_("A step key is up to 16 letters and digits."))
        elif key in keys:
            problems.add(f"{path}.key", N_("Two steps have the same key."))
        keys.add(str(key))
        due = problems.text(raw, "due", f"{path}.due", 10, required=False)
        if due:
            try:
                date.fromisoformat(due)
            except ValueError:
                problems.add(f"{path}.due", N_("Use a date like 2026-12-31."))
        resources = []
        for r_index, resource in enumerate(_list(raw, "resources")[:MAX_RESOURCES]):
            resource = resource if isinstance(resource, Mapping) else {}
            r_path = f"{path}.resources.{r_index}"
            name = problems.text(resource, "name", f"{r_path}.name", 200, required=True)
            status = resource.get("status") or "needed"
            if status not in RESOURCE_STATUSES:
                problems.add(f"{r_path}.status", N_("Choose one of the offered options."))
            provider = problems.company(
                resource.get("provider_company_id"), f"{r_path}.provider_company_id", seen, False
            )
            resources.append({"name": name, "status": status, "provider_company_id": provider})
        steps.append(
            {
                "key": str(key),
                "title": problems.text(raw, "title", f"{path}.title", 200, required=True),
                "milestone": bool(raw.get("milestone")),
                "due": due,
                "owner_company_id": problems.company(
                    raw.get("owner_company_id"), f"{path}.owner_company_id", seen, True
                ),
                "owner_person": problems.text(
                    raw, "owner_person", f"{path}.owner_person", 120, required=False
                ),
                "resources": resources,
            }
        )
    doc["steps"] = steps
    if problems.fields:
        raise ValidationFailed(problems.fields, problems.params)
    return doc


def party_ids(doc: Mapping[str, Any]) -> list[int]:
    return [int(p["company_id"]) for p in doc.get("parties", [])]


def is_overdue(step: Mapping[str, Any], status: str, today: date) -> bool:
    """Past its date and not done (a blocked step past its date is overdue too)."""
    return bool(step.get("due")) and status != "done" and date.fromisoformat(step["due"]) < today
