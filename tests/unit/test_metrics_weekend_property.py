"""Property (issue 15): supervision obligations and 包保覆盖率 do not change between a Friday as-of date
and the weekend after it when nothing was recorded and no status changed in between, whatever the
businesses' rest days and dated closures (school canteens resting at weekends, holiday closures)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msfood.core.clock import FixedClock
from msfood.db.engine import open_database
from msfood.domain.identifiers import make_credit_code
from msfood.domain.periods import parse_period
from msfood.metrics import compute_stats
from msfood.metrics.scope import load_scope
from msfood.metrics.supervision import duties
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario

YEAR_START = dt.date(2028, 1, 1)  # 2028Q3 ends on Saturday 09-30, 2028-12-31 is a Sunday
YEAR = [YEAR_START + dt.timedelta(days=n) for n in range(366)]
FRIDAYS = [d for d in YEAR if d.isoweekday() == 5]
LEVELS = ("city", "county", "township", "village")

day = st.integers(min_value=0, max_value=365).map(lambda n: YEAR_START + dt.timedelta(days=n))
business = st.fixed_dictionaries(
    {
        "form": st.sampled_from(["catering", "canteen", "sales", "workshop"]),
        "rest": st.sampled_from(["", "67", "7", "6"]),
        "status": st.none() | st.tuples(st.sampled_from(["operating", "suspended", "cancelled"]), day),
        "closures": st.lists(st.tuples(day, st.integers(0, 60)), max_size=2),
    }
)
station = st.fixed_dictionaries(
    {
        "businesses": st.lists(business, min_size=1, max_size=5),
        "cadres": st.lists(st.sampled_from(LEVELS), min_size=1, max_size=3),
        "assignments": st.lists(
            st.tuples(st.integers(0, 2), st.integers(0, 4), day, st.none() | day), max_size=8
        ),
        "visits": st.lists(st.tuples(st.integers(0, 2), st.integers(0, 4), day), max_size=8),
        "monthly": st.sampled_from([None, *LEVELS]),  # one level on a monthly rule
        # Fridays before weekends that end a month or a quarter come up often
        "friday": st.sampled_from(FRIDAYS) | st.sampled_from([dt.date(2028, 9, 29), dt.date(2028, 12, 29)]),
        "period": st.sampled_from(["quarter", "year", "month"]),
    }
)


def _off_weekend(value: dt.date, weekend: set[dt.date]) -> dt.date:
    """Nothing is recorded and nothing changes on the weekend: move such a date to the Monday."""
    while value in weekend:
        value += dt.timedelta(days=1)
    return value


def _fill(s: Scenario, data: dict, weekend: set[dt.date]) -> None:  # type: ignore[type-arg]
    s.region("430204", "石峰区")
    if data["monthly"]:
        s.rule(data["monthly"], "2028-01-01", 1, "month")
    codes = []
    for i, b in enumerate(data["businesses"]):
        code = make_credit_code(f"91430204MA{i:07d}")
        codes.append(code)
        s.business(code, f"主体{i}", form=b["form"], region="430204", rest_days=b["rest"])
        if b["status"]:
            s.status(code, b["status"][0], _off_weekend(b["status"][1], weekend).isoformat())
        for start, length in b["closures"]:  # closures may span the weekend: they must not matter
            s.closure(code, start.isoformat(), (start + dt.timedelta(days=length)).isoformat())
    phones = [f"1370000{i:04d}" for i in range(len(data["cadres"]))]
    for phone, level in zip(phones, data["cadres"], strict=True):
        s.cadre(phone, f"干部{phone[-2:]}", level, "430204")
    for c, b, start, end in data["assignments"]:
        if c < len(phones) and b < len(codes):
            start, end = _off_weekend(start, weekend), _off_weekend(end, weekend) if end else None
            if end is not None and end < start:
                start, end = end, start
            s.assign(phones[c], codes[b], start.isoformat(), end.isoformat() if end else None)
    for c, b, when in data["visits"]:
        if c < len(phones) and b < len(codes):
            s.visit(phones[c], codes[b], _off_weekend(when, weekend).isoformat())


def _period(kind: str, friday: dt.date) -> str:
    if kind == "year":
        return str(friday.year)
    if kind == "month":
        return f"{friday.year}-{friday.month:02d}"
    return f"{friday.year}Q{(friday.month - 1) // 3 + 1}"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=station)
def test_obligations_and_coverage_do_not_change_over_the_weekend(
    template_db: Path, data: dict  # type: ignore[type-arg]
) -> None:
    friday = data["friday"]
    weekend = {friday + dt.timedelta(days=1), friday + dt.timedelta(days=2)}
    period = parse_period(_period(data["period"], friday))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.sqlite"
        shutil.copyfile(template_db, path)
        database = open_database(path)
        try:
            clock = FixedClock(dt.datetime(2028, 12, 31, tzinfo=dt.UTC))
            with unit_of_work(database.sessions, clock=clock) as uow:
                _fill(Scenario(uow), data, weekend)
            owing: list[dict[tuple[str, str], frozenset[str]]] = []
            coverage = []
            with database.sessions() as session:
                scope = load_scope(session, None)
                for as_of in (friday, *sorted(weekend)):
                    found = duties(session, scope, period, as_of)
                    owing.append({(d.level, d.period.key): d.owing for d in found if d.owing})
                    figures = compute_stats(session, period=period, as_of=as_of, details=False).to_json()
                    coverage.append(figures["supervision"]["coverage"])
                    sup = figures["supervision"]
                    # every obligation is due or still running, and the running ones are the open
                    # ones plus those already met
                    total = sum(len(d.owing) for d in found)
                    running_met = sum(len(d.owing - d.owed) for d in found if not d.due)
                    assert total == sup["due"] + sup["open"] + running_met
        finally:
            database.close()
    assert owing[0] == owing[1] == owing[2]
    assert coverage[0] == coverage[1] == coverage[2]
