"""Key rotation: add a KEK, rewrap every workshop key under it."""

from __future__ import annotations

from sqlalchemy import select

from shared.crypto import LocalKekProvider, WrappedKey, add_new_kek, rewrap_workshop_key
from shared.db import Database
from shared.models import Workshop
from tertulia.config import Settings


def rotate(settings: Settings) -> tuple[str, int]:
    new_id = add_new_kek(settings.kek_source)
    kek = LocalKekProvider.from_file(settings.kek_source)
    database = Database(settings.database_url)
    count = 0
    with database.transaction() as s:
        for workshop in s.scalars(select(Workshop).where(Workshop.wrapped_key.is_not(None))):
            wrapped = WrappedKey.from_bytes(workshop.wrapped_key or b"")
            if wrapped.kek_id != new_id:
                workshop.wrapped_key = rewrap_workshop_key(kek, wrapped, workshop.id).to_bytes()
                count += 1
    database.dispose()
    return new_id, count
