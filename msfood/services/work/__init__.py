"""The work records as the forms enter them: supervision visits (督导) with their problems, the
businesses' own self-checks (日管控/周排查/月调度), sampling (抽检) with its handling case, rapid tests.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "record_visit": "msfood.services.work.visits",
    "update_problem": "msfood.services.work.visits",
    "delete_visit": "msfood.services.work.visits",
    "get_visit": "msfood.services.work.visits",
    "record_selfcheck": "msfood.services.work.selfchecks",
    "delete_selfcheck": "msfood.services.work.selfchecks",
    "get_selfcheck": "msfood.services.work.selfchecks",
    "record_sampling": "msfood.services.work.sampling",
    "record_result": "msfood.services.work.sampling",
    "record_rapid_test": "msfood.services.work.sampling",
    "set_plan": "msfood.services.work.sampling",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
