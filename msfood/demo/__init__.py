"""Deterministic, realistic demo data at station, county and city scale (also the benchmarks' data).

    summary = create_demo("demo.sqlite", scale="city", seed=1, year=2026, clock=clock)

The data sit under 株洲市 (430200): real district and county codes, made-up townships and villages,
businesses with valid credit codes and licence numbers, cadres at four levels, a year of visits,
sampling and rapid tests, and the last three months of self-checks, with the late cadres, failed
samples and overdue cases real data have. Demo data always go into a database file of their own.
"""

from msfood.demo.generate import (
    DEMO_ACCOUNTS,
    DemoSummary,
    check_request,
    create_demo,
    generate,
    generate_steps,
)
from msfood.demo.model import SCALES, SPECS

__all__ = [
    "DEMO_ACCOUNTS",
    "SCALES",
    "SPECS",
    "DemoSummary",
    "check_request",
    "create_demo",
    "generate",
    "generate_steps",
]
