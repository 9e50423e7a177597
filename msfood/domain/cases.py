"""核查处置 of failed samples (DOMAIN.md section 3): which sampling types open a case, and the deadline
in force on a day. Pure code: the figures (msfood.metrics.sampling) and the forms' notes
(msfood.services.records.deadlines) read the same rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from msfood.domain.enums import CASE_SAMPLING_TYPES, SAMPLING_TYPE


def case_types(settings: Mapping[str, object]) -> tuple[str, ...]:
    """The sampling types that open a case: the `case_sampling_types` setting's known codes (a bundle
    from elsewhere may carry an odd value: the national default then, so one bad setting cannot stop
    every figure)."""
    value = settings.get("case_sampling_types")
    codes = tuple(c for c in value if c in SAMPLING_TYPE) if isinstance(value, list | tuple) else ()
    return codes or CASE_SAMPLING_TYPES


def case_deadline(
    received: dt.date, disposal_days: int, extended: dt.date | None, approved_on: dt.date | None,
    as_of: dt.date,
) -> dt.date:
    """received + the disposal days, or a later deadline approved in writing on or before `as_of`
    (an approval dated later has not happened yet on `as_of`)."""
    deadline = received + dt.timedelta(days=disposal_days)
    if extended is not None and extended > deadline and (approved_on is None or approved_on <= as_of):
        return extended
    return deadline
