"""Lists, printing, help and the one-app-per-database lock (issue #17 items 6 and 7)."""

MESSAGES = {
    "instance.running": (
        "此数据库已在另一个食安包保窗口中打开（进程 {pid}，计算机 {host}，自 {since} 起）。"
        "请切换到那个窗口继续工作。\n如果那台计算机上已经没有打开食安包保，可删除锁文件：{lock}",
        "This database is already open in another msfood window (process {pid} on {host}, since {since}). "
        "Please switch to that window.\nIf msfood is no longer open on that computer, delete the lock file: "
        "{lock}",
    ),
    "lists.gap_days": ("缺 {missing} 天", "{missing} days missing"),
    "lists.gap_days_tip": (
        "有记录 {present} 天，应有 {required} 天", "records on {present} of {required} required days"),
    "lists.gap_periods": ("缺 {missing}", "missing {missing}"),
    "lists.gap_none": ("无任何自查记录", "no self-check record at all"),
    "lists.print_more": (
        "只打印了前 {shown} 条（共 {total} 条）；全部记录请导出 Excel。",
        "Only the first {shown} of {total} rows are printed; export to Excel for all of them.",
    ),
    "lists.printed_at": ("打印时间：{at}", "Printed {at}"),
}
