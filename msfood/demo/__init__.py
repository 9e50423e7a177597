"""Deterministic, realistic demo data at station, county and city scale (also the benchmarks' data).

    summary = create_demo("demo.sqlite", scale="city", seed=1, year=2026, clock=clock)

The data sit under 株洲市 (430200): real district and county codes, made-up townships and villages,
businesses with valid credit codes and licence numbers, cadres at four levels, a year of visits,
sampling and rapid tests, and the last three months of self-checks, with the late cadres, failed
samples and overdue cases real data have. Demo data always go into a database file of their own.
"""

from msfood.core.lazy import lazy_attributes

# Loaded when first used: the app asks whether a database is a demo at start-up, which must not
# load the whole generator.
_LAZY = {
    "DEMO_ACCOUNTS": "msfood.demo.generator",
    "DemoSummary": "msfood.demo.generator",
    "check_request": "msfood.demo.generator",
    "create_demo": "msfood.demo.generator",
    "generate": "msfood.demo.generator",
    "generate_steps": "msfood.demo.generator",
    "prepare_demo_unit": "msfood.demo.generator",
    "SCALES": "msfood.demo.model",
    "SPECS": "msfood.demo.model",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
