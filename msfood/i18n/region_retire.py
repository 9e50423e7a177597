"""Messages about retiring a region (撤销, issue 13): an end date instead of a deletion."""

MESSAGES = {
    "region_retire.has_businesses": (
        "{name}（{code}）及其下级区划仍登记有 {count} 个包保主体，不能撤销：请先把这些主体改到"
        "其他区划，再撤销此区划。",
        "{count} businesses are still registered in {name} ({code}) or the regions under it; it cannot "
        "be retired: move them to another region first, then retire it.",
    ),
    "region_retire.closed_period": (
        "{date} 在已关账的期间 {period} 内，不能把它作为撤销日期；请选择之后的日期，或先重新开启该期间。",
        "{date} lies in the closed period {period}; it cannot be the end date: pick a later day, or "
        "reopen that period first.",
    ),
    "region_retire.undo_closed_period": (
        "撤销日期 {date} 在已关账的期间 {period} 内，不能取消撤销；请先重新开启该期间。",
        "the end date {date} lies in the closed period {period}; the retirement cannot be undone: "
        "reopen that period first.",
    ),
    "region_retire.bad_date": (
        "撤销日期“{value}”不是有效日期（例：2026-06-30）",
        "the end date \"{value}\" is not a date (e.g. 2026-06-30)",
    ),
    "region_retire.already": (
        "{name}（{code}）已于 {date} 撤销，没有变化。",
        "{name} ({code}) is already retired as of {date}; nothing changed.",
    ),
    "region_retire.not_retired": (
        "{name}（{code}）未撤销，没有可取消的撤销。",
        "{name} ({code}) is not retired; there is nothing to undo.",
    ),
    "region_retire.retired": (
        "已撤销 {name}（{code}），最后使用日 {date}；它仍保留在区划树中，但不再用于新增主体。",
        "retired {name} ({code}), last day in use {date}; it stays in the region tree but is no longer "
        "offered for new businesses.",
    ),
    "region_retire.restored": (
        "已取消 {name}（{code}）的撤销，它重新可用于新增主体。",
        "{name} ({code}) is in use again and offered for new businesses.",
    ),
    "region_retire.retired_region": (
        "区划 {code} 已于 {date} 撤销，不能用于新增主体或把主体改到该区划",
        "region {code} was retired on {date}; it cannot take a new business or a business moved to it",
    ),
    # the region editor (ui/regions/editor.py) and the forms' region lists
    "region_retire.ui.retire_button": ("撤销（停用）…", "Retire…"),
    "region_retire.ui.undo_button": ("取消撤销", "Undo retirement"),
    "region_retire.ui.retire_tip": (
        "区划撤销或合并后：填写最后使用日期。区划保留在树中供历史记录使用，但不再用于新增主体。",
        "When a division is abolished or merged: enter its last day in use. It stays in the tree for the "
        "records that point at it, but is no longer offered for new businesses.",
    ),
    "region_retire.ui.retired_suffix": ("（已撤销 {date}）", " (retired {date})"),
    "region_retire.ui.retired_tip": (
        "已撤销：保留供历史记录使用，不再用于新增主体",
        "Retired: kept for the records that point at it, no longer offered for new businesses",
    ),
    "region_retire.ui.chosen_retired": ("；已撤销，最后使用日 {date}", "; retired, last day in use {date}"),
    "region_retire.ui.retired_note": (
        "已撤销的区划保留在树中供历史记录使用，新增主体时不再提供。可改撤销日期或取消撤销。",
        "A retired region stays in the tree for the records that point at it and is no longer offered for "
        "new businesses. You may change its end date or undo the retirement.",
    ),
    "region_retire.ui.undo_question": (
        "取消区划“{name}”（{code}）的撤销？它将重新可用于新增主体。",
        "Undo the retirement of {name} ({code})? It will be offered for new businesses again.",
    ),
    "region_retire.ui.title": ("撤销区划", "Retire a region"),
    "region_retire.ui.refused_title": ("无法撤销", "Cannot retire"),
    "region_retire.ui.dialog_text": (
        "撤销“{name}”（{code}）。撤销后它仍保留在区划树中，历史记录照常统计，但新增主体时不再提供此区划。",
        "Retire {name} ({code}). It stays in the region tree and its records count as before, but it is no "
        "longer offered for new businesses.",
    ),
    "region_retire.ui.last_day": ("最后使用日期", "Last day in use"),
    "region_retire.ui.retire_ok": ("撤销", "Retire"),
    "region_retire.ui.cancel": ("取消", "Cancel"),
}
