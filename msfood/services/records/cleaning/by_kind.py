"""The per-kind half of records.clean: one cleaner per record kind (see common.py)."""

from __future__ import annotations

from msfood.services.records.cleaning.common import Cleaner
from msfood.services.records.cleaning.history import (
    clean_business_status,
    clean_closure,
    clean_holiday,
    clean_problem,
    clean_visit_answer,
)
from msfood.services.records.cleaning.roster import (
    clean_assignment,
    clean_business,
    clean_cadre,
    clean_region,
)
from msfood.services.records.cleaning.work import (
    clean_rapid_test,
    clean_sampling,
    clean_sampling_plan,
    clean_selfcheck,
    clean_visit,
)

CLEANERS: dict[str, Cleaner] = {
    "region": clean_region,
    "business": clean_business,
    "cadre": clean_cadre,
    "assignment": clean_assignment,
    "visit": clean_visit,
    "selfcheck": clean_selfcheck,
    "sampling": clean_sampling,
    "rapid_test": clean_rapid_test,
    "sampling_plan": clean_sampling_plan,
    "business_status": clean_business_status,
    "closure": clean_closure,
    "holiday": clean_holiday,
    "problem": clean_problem,
    "visit_answer": clean_visit_answer,
}
