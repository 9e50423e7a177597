"""Dialogs of the station's administration (issue 13): Excel import, backup and restore, closing periods,
a record's history, and the 督导任务单 / 整改通知书 papers. Each is opened from a small hook in the main
window's menus, a list page or the dashboard, and does its work through msfood's services off the UI
thread (ui.workers)."""
