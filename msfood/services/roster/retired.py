"""Whether a region is retired (撤并), itself or through a region above it, and refusing a new business
in one. Apart from regions.py, which builds on the roster's editing, so that editing can ask without the
two importing each other.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, ValidationError
from msfood.db.models import Business, Region
from msfood.services.writing.unit_of_work import table_of

REGIONS = table_of(Region)


def retired_on_of(session: Session, code: object) -> dt.date | None:
    """The end date of the live region `code` or of a retired region above it (None: in use, or no
    such region: the record's own checks name that)."""
    text = "".join(str(code or "").split())
    row = session.execute(
        select(REGIONS.c.parent_id, REGIONS.c.retired_on).where(REGIONS.c.code == text,
                                                                 REGIONS.c.deleted.is_(False))
    ).first()
    seen: set[str] = set()
    while row is not None:
        if row.retired_on is not None:
            return row.retired_on  # type: ignore[no-any-return]
        if row.parent_id is None or row.parent_id in seen:
            return None
        seen.add(row.parent_id)
        row = session.execute(
            select(REGIONS.c.parent_id, REGIONS.c.retired_on).where(REGIONS.c.id == row.parent_id)
        ).first()
    return None


def refuse_retired_region(session: Session, *, region_code: object, business_id: str | None) -> None:
    """A new business, or one moved to another region, may not go to a retired region (one already
    registered there keeps it). ValidationError on region_code."""
    retired = retired_on_of(session, region_code)
    if retired is None:
        return
    if business_id is not None:
        current = session.scalar(
            select(REGIONS.c.code)
            .join(Business, Business.region_id == REGIONS.c.id)
            .where(Business.id == business_id)
        )
        if current == "".join(str(region_code or "").split()):
            return
    raise ValidationError(Issue("region_retire.retired_region", "region_code",
                                {"code": str(region_code), "date": retired.isoformat()}))
