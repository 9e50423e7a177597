"""A bundle that would change a period the bureau has closed is refused whole, naming the records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sync_helpers import (
    BUREAU,
    S1,
    db_digest,
    export,
    import_,
    put_business,
    put_cadre,
    put_visit,
    seed_regions,
    write,
)

from msfood.services.periods.closing import close_period


def test_bundle_into_a_closed_period_is_refused(trio: dict[str, Path], tmp_path: Path) -> None:
    def station(uow) -> None:  # type: ignore[no-untyped-def]
        seed_regions(uow)
        business = put_business(uow, "91430204MA4L000001", "430204001", name="清水塘饭店")
        cadre = put_cadre(uow, "13800000001", "430204001", name="张三")
        put_visit(uow, cadre, business, dt.date(2026, 9, 10), remarks="补录")

    write(trio[S1], S1, station)
    write(trio[BUREAU], BUREAU, lambda uow: close_period(uow, period="2026Q3"))
    bundle = export(trio[S1], S1, tmp_path / "out", to=BUREAU)
    assert bundle is not None
    before = db_digest(trio[BUREAU])
    report = import_(trio[BUREAU], BUREAU, [bundle])
    outcome = report.bundles[0]
    assert outcome.status == "refused"
    assert report.exit_code == 1
    assert "2026-09-10" in outcome.message or "2026Q3" in outcome.message
    assert db_digest(trio[BUREAU]) == before
