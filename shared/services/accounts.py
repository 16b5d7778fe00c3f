"""Facilitator accounts, the first-start setup link, and API tokens."""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from shared.errors import Conflict, NotFound
from shared.i18n import N_
from shared.models import ApiToken, Facilitator, SetupToken
from shared.services.deps import Deps
from shared.tokens import new_token, token_hash
from shared.validation import LANGUAGES, Checker

_hasher = PasswordHasher()
SETUP_LINK_TTL = timedelta(days=2)
MIN_PASSWORD = 10


def has_facilitator(deps: Deps) -> bool:
    with deps.db.reading() as s:
        return bool(s.scalar(select(func.count(Facilitator.id))))


def create_facilitator(deps: Deps, data: dict[str, object]) -> Facilitator:
    check = Checker(data)
    email = check.email("email")
    name = check.text("name", max_len=120)
    password = check.text("password", max_len=200)
    if password and len(password) < MIN_PASSWORD:
        check.errors["password"] = N_("Use at least 10 characters.")
    locale = check.choice("locale", LANGUAGES, default="es")
    check.done()
    with deps.db.transaction() as s:
        if s.scalar(select(Facilitator).where(Facilitator.email == email)):
            raise Conflict(N_("An account with this email already exists."))
        person = Facilitator(
            email=email,
            name=name,
            password_hash=_hasher.hash(password),
            locale=locale,
            created_at=deps.clock(),
        )
        s.add(person)
    return person


def authenticate(deps: Deps, email: str, password: str) -> Facilitator | None:
    with deps.db.transaction() as s:
        person = s.scalar(select(Facilitator).where(Facilitator.email == email.strip().lower()))
        if person is None:
            _hasher.hash(password)  # same work either way: no account probing by timing
            return None
        try:
            _hasher.verify(person.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _hasher.check_needs_rehash(person.password_hash):
            person.password_hash = _hasher.hash(password)
        return person


def get_facilitator(deps: Deps, facilitator_id: int) -> Facilitator | None:
    with deps.db.reading() as s:
        return s.get(Facilitator, facilitator_id)


def issue_setup_token(deps: Deps) -> str | None:
    """A fresh one-time setup token while no facilitator exists; None once one does."""
    with deps.db.transaction() as s:
        if s.scalar(select(func.count(Facilitator.id))):
            return None
        token = new_token()
        now = deps.clock()
        s.add(
            SetupToken(
                token_hash=token_hash(token), created_at=now, expires_at=now + SETUP_LINK_TTL
            )
        )
        return token


def setup_token_valid(deps: Deps, token: str) -> bool:
    with deps.db.reading() as s:
        row = s.scalar(select(SetupToken).where(SetupToken.token_hash == token_hash(token)))
        return bool(
            row
            and row.used_at is None
            and row.expires_at > deps.clock()
            and not s.scalar(select(func.count(Facilitator.id)))
        )


def complete_setup(deps: Deps, token: str, data: dict[str, object]) -> Facilitator:
    """Create the first facilitator with a setup token; the token then stops working."""
    if not setup_token_valid(deps, token):
        raise NotFound(N_("This setup link is no longer valid."))
    person = create_facilitator(deps, data)
    with deps.db.transaction() as s:
        row = s.scalar(select(SetupToken).where(SetupToken.token_hash == token_hash(token)))
        if row:
            row.used_at = deps.clock()
    return person


def create_api_token(deps: Deps, facilitator_id: int, label: str) -> str:
    check = Checker({"label": label})
    clean = check.text("label", max_len=120)
    check.done()
    token = "tt_" + new_token()
    with deps.db.transaction() as s:
        s.add(
            ApiToken(
                facilitator_id=facilitator_id,
                label=clean,
                token_hash=token_hash(token),
                created_at=deps.clock(),
            )
        )
    return token


def facilitator_for_api_token(deps: Deps, token: str) -> Facilitator | None:
    with deps.db.reading() as s:
        row = s.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
        if row is None or row.revoked_at is not None:
            return None
        return row.facilitator
