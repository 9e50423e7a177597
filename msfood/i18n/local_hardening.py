"""Messages of the local hardening (issue 12): database troubles in plain words, unlocking accounts,
the clock variable, and chains that were cut back."""

MESSAGES = {
    # --- the database, in plain words (msfood.db.problems)
    "local.this_database": ("当前数据库", "the database"),
    "local.db_busy": (
        "数据库正被其他程序（或本软件的另一个窗口、另一条命令）写入，请稍候再试。数据未改动。",
        "The database is busy: another program (or another msfood window or command) is writing to it. "
        "Try again in a moment; nothing was changed.",
    ),
    "local.signin_busy": (
        "数据库正被其他程序写入，这次登录尝试无法记录，请稍候再试。",
        "The database is busy (another program is writing to it), so this sign-in attempt could not be "
        "recorded. Try again in a moment.",
    ),
    "local.disk_full": (
        "磁盘空间已满，无法写入{path}，本次操作未保存。请清理磁盘空间后重试。",
        "The disk is full: {path} cannot be written and nothing was saved. Free some disk space and "
        "try again.",
    ),
    "local.read_only_file": (
        "数据库文件 {path} 是只读的，无法保存。请去掉文件的“只读”属性或检查权限后重试。",
        "The database file {path} is read-only, so nothing can be saved. Clear its read-only attribute "
        "or check its permissions, then try again.",
    ),
    "local.read_only_folder": (
        "文件夹 {folder} 不允许写入（数据库旁边需要写临时文件），{path} 无法保存。请检查该文件夹的权限，"
        "或把数据库移到可写的文件夹。",
        "The folder {folder} cannot be written to (SQLite writes small files beside the database), so "
        "{path} cannot be saved. Check the folder's permissions or move the database to a folder you "
        "may write to.",
    ),
    "local.read_only": (
        "{path} 所在的位置是只读的，无法保存。请检查文件及其文件夹的权限。",
        "{path} is on a read-only location, so nothing can be saved. Check the permissions of the file "
        "and its folder.",
    ),
    "local.not_database": (
        "{path} 不是数据库文件（可能是其他文件，或已严重损坏）；未做任何改动。",
        "{path} is not a database file (some other file, or badly damaged); it was left as it was.",
    ),
    "local.foreign_sqlite": (
        "{path} 是其他软件的数据库，不是食安包保的数据库；未做任何改动。",
        "{path} is another program's database, not an msfood database; it was left as it was.",
    ),
    "local.corrupt": (
        "数据库 {path} 已损坏，无法读取。请用“恢复”从备份恢复（msfood restore）。",
        "The database {path} is damaged and cannot be read. Restore it from a backup (msfood restore).",
    ),
    "local.cant_open": (
        "无法打开数据库 {path}：文件或其所在文件夹不存在，或没有访问权限。",
        "Cannot open the database {path}: the file or its folder does not exist, or you may not "
        "access it.",
    ),
    "local.io_error": (
        "读写 {path} 时磁盘出错（磁盘、U 盘或网络盘故障），本次操作未保存。",
        "A disk error occurred reading or writing {path} (a failing disk, USB stick or network drive); "
        "nothing was saved.",
    ),
    "local.unreadable": (
        "无法打开数据库 {path}。请确认它是本软件的数据库且没有损坏，必要时从备份恢复。",
        "Cannot open the database {path}. Check that it is an msfood database and not damaged; "
        "restore it from a backup if need be.",
    ),
    "local.migration_backup_failed": (
        "数据库 {path} 需要升级，但升级前的备份没有成功，所以没有升级，数据未改动。{reason}",
        "The database {path} needs an upgrade, but the backup made first failed, so nothing was "
        "upgraded or changed. {reason}",
    ),
    "local.backup_failed": (
        "备份到 {path} 失败，未写出备份文件。",
        "The backup to {path} failed; no backup file was written.",
    ),
    # --- the clock variable
    "local.bad_now": (
        "环境变量 MSFOOD_NOW 的值“{value}”不是日期（应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）。",
        "The variable MSFOOD_NOW is not a date: “{value}” (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).",
    ),
    # --- unlocking an account
    "local.not_locked": (
        "账号 {username} 没有被锁定。",
        "The account {username} is not locked.",
    ),
    "local.unlocked_done": (
        "已解除账号 {username} 的锁定。",
        "Unlocked the account {username}.",
    ),
    "audit.action.user_unlock": ("解除账号锁定", "unlocked the account"),
    # --- chains this database once held more of
    "audit.reason.cut_back": (
        "及其后的记录已不在了（本数据库曾收到过更多该单位的记录：它的历史被截短了）",
        "and those after it are gone (this database once held more of that unit's entries: its "
        "history was cut back)",
    ),
    "audit.reason.chain_missing": (
        "起的全部记录都已不在了（本数据库曾收到过该单位的历史，现在一条也没有）",
        "and every later one are gone (this database once held that unit's history; none is left)",
    ),
}
