"""How a viewer names the companies of a workshop in plans and ratings.

The decision is shared.disclosure.company_listing's: the facilitator sees names; a company
sees names under a named charter and aliases otherwise (a plan or a rating needs a handle,
and an alias says nothing about affiliation); its own company always by name.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from shared import disclosure
from shared.charter_state import current as current_charter
from shared.disclosure import Shown, Viewer
from shared.models import Workshop
from shared.services.charters import terms_of


def company_labels(s: Session, viewer: Viewer, workshop: Workshop) -> dict[int, str]:
    listing = disclosure.company_listing(viewer, terms_of(current_charter(s, workshop.id)).rules)
    return {
        c.id: c.name if listing is Shown.NAMED or c.id == viewer.company_id else c.alias
        for c in workshop.companies
    }
