"""设置 (the settings page): visit rules with their timeline, the other settings, holidays, accounts."""

from ui.pages.settings.page import SettingsPage

__all__ = ["SettingsPage"]
