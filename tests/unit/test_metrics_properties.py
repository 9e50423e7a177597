"""Invariants of the figures over random stations (hypothesis): rates in [0, 1], due = met + missed,
a region's figures add up from its parts, and the numbers never exceed what they count."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msfood.db.engine import open_database
from msfood.domain.identifiers import make_credit_code
from msfood.metrics import compute_stats
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario

START = dt.date(2026, 1, 1)
TOWNSHIPS = ("430204001", "430204002")
FORMS = ("catering", "sales", "canteen", "workshop", "stall", "production")
LEVELS = ("city", "county", "township", "village")

day = st.integers(min_value=0, max_value=364).map(lambda n: START + dt.timedelta(days=n))

business = st.fixed_dictionaries(
    {
        "township": st.sampled_from(TOWNSHIPS),
        "form": st.sampled_from(FORMS),
        "high_risk": st.booleans(),
        "rest": st.sampled_from(["", "67", "7"]),
        "status": st.none() | st.tuples(st.sampled_from(["operating", "suspended", "cancelled"]), day),
    }
)
scenario = st.fixed_dictionaries(
    {
        "businesses": st.lists(business, min_size=1, max_size=6),
        "cadres": st.lists(st.sampled_from(LEVELS), min_size=1, max_size=4),
        "assignments": st.lists(
            st.tuples(st.integers(0, 3), st.integers(0, 5), day, st.none() | day), max_size=10
        ),
        "visits": st.lists(
            st.tuples(st.integers(0, 3), st.integers(0, 5), day, st.sampled_from(["onsite", "video"]),
                      st.none() | st.tuples(day, st.none() | day)),
            max_size=15,
        ),
        "selfchecks": st.lists(
            st.tuples(st.integers(0, 5), st.sampled_from(["daily", "weekly", "monthly"]), day), max_size=40
        ),
        "samples": st.lists(
            st.tuples(st.integers(0, 5), day, st.sampled_from(["pending", "pass", "fail"]),
                      st.integers(0, 30), st.none() | st.integers(0, 120)),
            max_size=6,
        ),
        "period": st.sampled_from(["2026Q1", "2026Q2", "2026Q3", "2026", "2026H1", "2026-06", "2026-W20"]),
        "as_of": day,
    }
)


def _fill(s: Scenario, data: dict) -> None:  # type: ignore[type-arg]
    s.region("430204", "石峰区")
    for code in TOWNSHIPS:
        s.region(code, f"街道{code[-1]}", "430204")
    codes = []
    for i, b in enumerate(data["businesses"]):
        code = make_credit_code(f"91430204MA{i:07d}")
        codes.append(code)
        s.business(code, f"主体{i}", form=b["form"], region=b["township"], high_risk=b["high_risk"],
                   rest_days=b["rest"])
        if b["status"]:
            s.status(code, b["status"][0], b["status"][1].isoformat())
    phones = []
    for i, level in enumerate(data["cadres"]):
        phones.append(f"1370000{i:04d}")
        s.cadre(phones[-1], f"干部{i}", level, "430204")
    for c, b, start, end in data["assignments"]:
        if c < len(phones) and b < len(codes):
            if end is not None and end < start:
                start, end = end, start
            s.assign(phones[c], codes[b], start.isoformat(), end.isoformat() if end else None)
    for c, b, when, mode, problem in data["visits"]:
        if c < len(phones) and b < len(codes):
            problems = []
            if problem:
                problems = [(problem[0].isoformat(), problem[1].isoformat() if problem[1] else None)]
            s.visit(phones[c], codes[b], when.isoformat(), mode, problems)
    for b, kind, when in data["selfchecks"]:
        if b < len(codes):
            s.selfchecks(codes[b], kind, [when])
    for i, (b, when, result, lag, close_lag) in enumerate(data["samples"]):
        if b < len(codes):
            received = (when + dt.timedelta(days=lag)).isoformat() if result != "pending" else None
            closed = (
                (when + dt.timedelta(days=lag + close_lag)).isoformat()
                if result == "fail" and close_lag is not None else None
            )
            s.sample(f"S{i}", codes[b], when.isoformat(), result=result, received=received, closed=closed)
    s.plan("430204001", 2026, 5)
    s.plan("430204002", 2026, 7)


def _rates(obj: object) -> list[float]:
    found = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key.endswith("rate") and value is not None:
                found.append(value)
            else:
                found.extend(_rates(value))
    return found


def _check_tally(t: dict) -> None:  # type: ignore[type-arg]
    assert t["due"] == t["met"] + t["missed"]
    assert 0 <= t["met"] <= t["due"] and t["open"] >= 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=scenario)
def test_figures_invariants(template_db: Path, data: dict) -> None:  # type: ignore[type-arg]
    from msfood.core.clock import FixedClock

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.sqlite"
        shutil.copyfile(template_db, path)
        database = open_database(path)
        try:
            clock = FixedClock(dt.datetime(2026, 12, 31, tzinfo=dt.UTC))
            with unit_of_work(database.sessions, clock=clock) as uow:
                _fill(Scenario(uow), data)
            with database.sessions() as session:
                whole = compute_stats(session, period=data["period"], as_of=data["as_of"]).to_json()
                parts = [
                    compute_stats(session, period=data["period"], as_of=data["as_of"], region=code).to_json()
                    for code in TOWNSHIPS
                ]
                # `msfood stats` builds no drill-down rows: its figures must be the same
                bare = compute_stats(session, period=data["period"], as_of=data["as_of"], details=False)
                assert bare.to_json() == whole
                assert not bare.supervision.obligations and not bare.selfcheck.gaps
        finally:
            database.close()
    for figures in [whole, *parts]:
        assert all(0.0 <= r <= 1.0 for r in _rates(figures))
        _check_tally(figures["supervision"])
        for tally in figures["supervision"]["by_level"].values():
            _check_tally(tally)
        sc = figures["selfcheck"]
        assert sc["daily"]["covered"] <= sc["owing"] and sc["platform_use"]["active"] <= sc["owing"]
        assert sc["daily"]["record_days"] <= sc["daily"]["operating_days"]
        assert sc["weekly"]["covered"] <= sc["weekly"]["applicable"] <= sc["owing"]
        sa = figures["sampling"]
        assert sa["batches"] == sa["passed"] + sa["failed"] + sa["pending"]
        d = sa["disposal"]
        assert d["closed_on_time"] <= d["closed"] <= d["cases"] and d["overdue"] <= d["cases"] - d["closed"]
    # Every business lives in one township: the district's figures are the sum of its parts.
    for key in ("due", "met", "missed", "open"):
        assert whole["supervision"][key] == sum(p["supervision"][key] for p in parts)
        for level in LEVELS:
            assert whole["supervision"]["by_level"][level][key] == sum(
                p["supervision"]["by_level"][level][key] for p in parts
            )
    for key in ("operating", "guaranteed"):
        assert whole["supervision"]["coverage"][key] == sum(p["supervision"]["coverage"][key] for p in parts)
    for key in ("found", "due", "closed"):
        assert whole["supervision"]["problems"][key] == sum(p["supervision"]["problems"][key] for p in parts)
    assert whole["selfcheck"]["owing"] == sum(p["selfcheck"]["owing"] for p in parts)
    for kind in ("weekly", "monthly"):
        for key in ("applicable", "covered"):
            assert whole["selfcheck"][kind][key] == sum(p["selfcheck"][kind][key] for p in parts)
    for key in ("covered", "record_days", "operating_days"):
        assert whole["selfcheck"]["daily"][key] == sum(p["selfcheck"]["daily"][key] for p in parts)
    for key in ("batches", "passed", "failed", "pending"):
        assert whole["sampling"][key] == sum(p["sampling"][key] for p in parts)
    assert whole["sampling"]["planned"] == sum(p["sampling"]["planned"] for p in parts) == 12
    for key in ("cases", "closed", "closed_on_time", "overdue"):
        assert whole["sampling"]["disposal"][key] == sum(p["sampling"]["disposal"][key] for p in parts)
