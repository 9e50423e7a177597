"""The receipt of an import: one row per bundle (how it went, what it wrote), the tables it changed for
the other pages to re-read, and the numbers still missing from each sender (shown here and in 往来记录).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.pages.sync.models import Col

STATUS = {
    "imported": QT_TRANSLATE_NOOP("SyncColumns", "已导入"),
    "already": QT_TRANSLATE_NOOP("SyncColumns", "此前已导入，已跳过"),
    "refused": QT_TRANSLATE_NOOP("SyncColumns", "未导入"),
}


def _status(value: str) -> str:
    return QCoreApplication.translate("SyncColumns", STATUS.get(value, value))


def _note(outcome: Any) -> str:
    if outcome.status == "refused":
        return outcome.message or ""
    aside = outcome.counts.get("set_aside", 0)
    if aside:
        return QCoreApplication.translate(
            "SyncColumns", "另有 {n} 条与本库已有记录的唯一标识重复，已列入冲突待处理"
        ).format(n=aside)
    return ""


def _count(name: str) -> Any:
    """A count of the receipt (none for a refused bundle: it wrote nothing)."""
    return lambda o: o.counts.get(name, 0) if o.counts else None


RECEIPT_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("SyncColumns", "文件"), lambda o: o.file),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "发送单位"), lambda o: o.sender, mono=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "序号"), lambda o: o.sequence, numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "结果"), lambda o: o.status, text=_status),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "新增"), _count("new"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "更新"), _count("updated"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "未变"), _count("unchanged"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "冲突"), _count("conflicts"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "说明"), _note),
)


def receipt_tone(outcome: Any) -> str | None:
    if outcome.status == "refused":
        return "bad"
    if outcome.status == "already":
        return "muted"
    return "warn" if outcome.counts.get("conflicts") or outcome.counts.get("set_aside") else None


def changed_tables(report: Any) -> set[str]:
    """The tables an import wrote to (what the other pages must re-read)."""
    tables: set[str] = set()
    for outcome in report.bundles:
        for name, counts in outcome.by_table.items():
            if any(counts.get(k) for k in ("new", "updated", "conflicts", "set_aside")):
                tables.add(name)
    return tables


def gap_lines(report: Any, names: dict[str, str]) -> list[str]:
    """"Bundles 12-14 from X are missing", once per sender, from its latest imported bundle."""
    lines: list[str] = []
    seen: set[str] = set()
    for outcome in reversed(report.bundles):
        if outcome.status != "imported" or outcome.sender in seen:
            continue
        seen.add(outcome.sender)
        lines += [gap_text(outcome.sender, names.get(outcome.sender, ""), a, b) for a, b in outcome.gaps]
    return lines


def gap_text(code: str, name: str, first: int, last: int) -> str:
    numbers = str(first) if first == last else f"{first}-{last}"
    return QCoreApplication.translate(
        "SyncPage",
        "来自 {name}（{code}）的第 {numbers} 号同步包尚未收到。"
        "其内容会随对方后续的同步包补发；如长期未到，请联系对方。",
    ).format(name=name or code, code=code, numbers=numbers)
