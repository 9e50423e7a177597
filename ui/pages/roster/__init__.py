"""The roster pages: 包保主体 (businesses), 包保干部 (cadres) and 包保关系 (who guarantees whom)."""

from ui.pages.roster.assignments import AssignmentsPage
from ui.pages.roster.businesses import BusinessesPage
from ui.pages.roster.cadres import CadresPage

__all__ = ["AssignmentsPage", "BusinessesPage", "CadresPage"]
