"""The work-record pages: 督导记录 (visits and their problems), 日管控/周排查/月调度 (self-checks),
抽检与快检 (sampling and rapid tests).
"""

from ui.pages.records.sampling import SamplingPage
from ui.pages.records.selfchecks import SelfChecksPage
from ui.pages.records.visits import VisitsPage

__all__ = ["SamplingPage", "SelfChecksPage", "VisitsPage"]
