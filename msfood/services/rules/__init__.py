"""The rules that turn a roster into work due, as data: visit rules (over time, with presets),
settings, holidays, checklists and food categories. Set by the bureau and synced down (a station with no
bureau edits its own); every write needs EDIT_RULES.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "RULE_PRESETS": "msfood.services.rules.visit_rules",
    "VisitRuleView": "msfood.services.rules.visit_rules",
    "LevelTimeline": "msfood.services.rules.visit_rules",
    "RuleSpan": "msfood.services.rules.visit_rules",
    "PresetApplied": "msfood.services.rules.visit_rules",
    "list_visit_rules": "msfood.services.rules.visit_rules",
    "save_visit_rule": "msfood.services.rules.visit_rules",
    "delete_visit_rule": "msfood.services.rules.visit_rules",
    "rule_timeline": "msfood.services.rules.visit_rules",
    "rule_for": "msfood.services.rules.visit_rules",
    "last_judged": "msfood.services.rules.visit_rules",
    "rules_for_report": "msfood.services.rules.visit_rules",
    "rules_line": "msfood.services.rules.visit_rules",
    "apply_rule_preset": "msfood.services.rules.visit_rules",
    "get_settings": "msfood.services.rules.settings",
    "get_setting": "msfood.services.rules.settings",
    "set_setting": "msfood.services.rules.settings",
    "reset_setting": "msfood.services.rules.settings",
    "HolidayView": "msfood.services.rules.holidays",
    "list_holidays": "msfood.services.rules.holidays",
    "save_holiday": "msfood.services.rules.holidays",
    "delete_holiday": "msfood.services.rules.holidays",
    "checklist_versions": "msfood.services.rules.checklists",
    "list_checklist": "msfood.services.rules.checklists",
    "save_checklist_item": "msfood.services.rules.checklists",
    "delete_checklist_item": "msfood.services.rules.checklists",
    "list_food_categories": "msfood.services.rules.checklists",
    "save_food_category": "msfood.services.rules.checklists",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
