"""Messages about accounts and sign-in, the history (audit chain), backups, restore and closed periods."""

MESSAGES = {
    # --- accounts
    "user.password_short": ("密码至少需要 {min} 个字符", "the password needs at least {min} characters"),
    "user.password_same": ("新密码不能与当前密码相同", "the new password must differ from the current one"),
    "user.name_chars": ("用户名不能包含空格或控制字符：{value}", "a user name has no spaces or control "
                        "characters: {value}"),
    "user.exists": ("用户名 {username} 已存在", "the user name {username} is taken"),
    "user.unknown": ("没有名为 {username} 的账号。", "There is no account named {username}."),
    "user.locked": (
        "连续输错密码次数过多，账号已锁定至 {until}（北京时间），请稍后再试。",
        "Too many wrong passwords: the account is locked until {until} (China time).",
    ),
    "user.old_password_wrong": ("当前密码不正确，密码未修改。", "The current password is wrong; nothing was changed."),
    "user.role_above_own": (
        "不能创建或管理“{role}”账号：它的权限超出您自己的角色（{own}）。",
        "You cannot create or manage a {role} account: it may do more than your own role ({own}).",
    ),
    "user.last_admin": (
        "{username} 是最后一个可管理账号的有效管理员，不能停用。请先添加另一个管理员。",
        "{username} is the last active admin who can manage accounts and cannot be disabled; "
        "add another admin first.",
    ),
    "user.already_disabled": ("账号 {username} 已经是停用状态。", "The account {username} is already disabled."),
    "user.already_enabled": ("账号 {username} 已经是启用状态。", "The account {username} is already enabled."),
    "user.added": ("已添加账号 {username}（{role}）。", "Added the account {username} ({role})."),
    "user.disabled_done": ("已停用账号 {username}。", "Disabled the account {username}."),
    "user.enabled_done": ("已启用账号 {username}。", "Enabled the account {username}."),
    "user.password_done": ("已修改账号 {username} 的密码。", "Changed the password of {username}."),
    "user.password_mismatch": ("两次输入的新密码不一致，密码未修改。", "The two new passwords differ; nothing "
                               "was changed."),
    "user.confirm_prompt": ("再次输入新密码：", "New password again: "),
    "user.list_header": ("用户名\t姓名\t角色\t状态", "user\tname\trole\tstate"),
    "user.state_active": ("启用", "active"),
    "user.state_disabled": ("停用", "disabled"),
    # --- the history
    "audit.ok": (
        "审计记录链完整：共检查 {checked} 条记录（单位：{origins}）。",
        "The audit chain is intact: {checked} entries checked (units: {origins}).",
    ),
    "audit.gaps": (
        "注意：其他单位的历史中有 {gaps} 处缺口，可能只是尚未收到（用 --origin 要求某单位的历史完整）。",
        "Note: other units' histories have {gaps} gaps, perhaps entries not received here "
        "(use --origin to require a unit's history whole).",
    ),
    "audit.broken": (
        "审计记录链已断开：单位 {origin} 的第 {seq} 条记录{reason}。",
        "The audit chain is broken: entry {seq} of unit {origin} {reason}.",
    ),
    "audit.reason.edited": ("的内容或哈希值被修改过", "was edited (its content or hash changed)"),
    "audit.reason.missing": ("缺失（被删除或尚未收到）", "is missing (deleted, or never received)"),
    "audit.reason.relinked": (
        "与前一条记录衔接不上（前面的记录被删除、替换或调换了顺序）",
        "does not follow the one before (an entry before it was deleted, replaced or reordered)",
    ),
    "audit.reason.bad_start": ("本应是链的第一条，但指向了其他记录", "should start the chain but points elsewhere"),
    "audit.reason.head_mismatch": (
        "之后的记录与数据库记下的链尾不符（最后的记录被删除或修改）",
        "does not end the chain the database recorded (the last entries were deleted or changed)",
    ),
    "audit.action.create": ("新增", "created"),
    "audit.action.update": ("修改", "changed"),
    "audit.action.delete": ("删除", "deleted"),
    "audit.action.close": ("关闭期间", "closed the period"),
    "audit.action.reopen": ("重新开放期间", "reopened the period"),
    "audit.action.user_add": ("添加账号", "added the account"),
    "audit.action.user_disable": ("停用账号", "disabled the account"),
    "audit.action.user_enable": ("启用账号", "enabled the account"),
    "audit.action.password": ("修改密码", "changed the password"),
    "audit.action.restore": ("恢复数据库", "restored the database"),
    "audit.action.init": ("创建数据库", "created the database"),
    "audit.action.import": ("导入", "imported"),
    "audit.no_history": ("记录 {record} 没有历史。", "The record {record} has no history."),
    # --- backups and restore
    "backup.done": ("已备份到 {path}（{size} 字节）。", "Backed up to {path} ({size} bytes)."),
    "backup.out_exists": (
        "文件 {path} 已存在，未覆盖。请换一个文件名，或加 --overwrite。",
        "The file {path} exists and was not overwritten; choose another name or add --overwrite.",
    ),
    "backup.same_file": ("{path} 就是当前数据库本身。", "{path} is the current database itself."),
    "backup.not_sqlite": (
        "只有 SQLite 数据库文件可以这样备份或恢复；PostgreSQL 请用 pg_dump。",
        "Only an SQLite database file can be backed up or restored this way; use pg_dump for PostgreSQL.",
    ),
    "backup.failed": ("备份到 {path} 失败：{reason}", "The backup to {path} failed: {reason}"),
    "restore.not_sqlite": (
        "{path} 不是数据库文件，当前数据库未改动。",
        "{path} is not a database file; the current database was left as it was.",
    ),
    "restore.corrupt": (
        "{path} 已损坏（{reason}），不能用来恢复；当前数据库未改动。",
        "{path} is damaged ({reason}) and cannot be restored; the current database was left as it was.",
    ),
    "restore.not_msfood": (
        "{path} 不是食安包保的数据库，不能用来恢复；当前数据库未改动。",
        "{path} is not an msfood database; the current database was left as it was.",
    ),
    "restore.unknown_schema": (
        "{path} 的架构版本（{revision}）本软件不认识，可能来自更新版本；当前数据库未改动。",
        "{path} has a schema this app does not know ({revision}), perhaps from a newer version; "
        "the current database was left as it was.",
    ),
    "restore.other_unit": (
        "{path} 是单位 {unit} 的备份，而当前数据库属于 {current}；未恢复。确需如此请加 --allow-other-unit。",
        "{path} is a backup of unit {unit}, but this database belongs to {current}; nothing was "
        "restored. Add --allow-other-unit if you really mean it.",
    ),
    "restore.failed": ("恢复 {path} 失败：{reason}", "Restoring {path} failed: {reason}"),
    "restore.done": (
        "已从 {path} 恢复单位 {unit} 的数据库。恢复前的数据库已备份到 {safety}。",
        "Restored unit {unit}'s database from {path}. The database as it was is backed up at {safety}.",
    ),
    # --- closed periods
    "closing.record_frozen": (
        "{record} 属于已关闭的期间 {period}，不能新增、修改或删除（需市局管理员重新开放该期间）",
        "{record} is dated in the closed period {period} and cannot be added, changed or deleted "
        "(a bureau admin must reopen the period first)",
    ),
    "closing.more_records": (
        "……另有 {count} 条记录属于已关闭的期间",
        "... and {count} more records dated in closed periods",
    ),
    "closing.record": ("{kind}（{date}，编号 {id}）", "{kind} ({date}, id {id})"),
    "closing.kind.visits": ("督导记录", "visit"),
    "closing.kind.problems": ("督导发现的问题", "problem found on a visit"),
    "closing.kind.visit_answers": ("督导检查项", "visit checklist answer"),
    "closing.kind.selfchecks": ("自查记录", "self-check record"),
    "closing.kind.samplings": ("抽检记录", "sampling record"),
    "closing.kind.rapid_tests": ("快检记录", "rapid test record"),
    "closing.not_ended": (
        "期间 {period} 要到 {end} 才结束，结束前不能关闭",
        "the period {period} runs until {end}; it cannot be closed before it ends",
    ),
    "closing.already_closed": ("期间 {period} 已经关闭。", "The period {period} is already closed."),
    "closing.not_closed": ("期间 {period} 没有关闭，无需重新开放。", "The period {period} is not closed."),
    "closing.closed_done": (
        "已关闭期间 {period}（{start} 至 {end}）：其中的记录不能再修改。",
        "Closed the period {period} ({start} to {end}): its records can no longer be changed.",
    ),
    "closing.reopened_done": ("已重新开放期间 {period}。", "Reopened the period {period}."),
    "closing.none": ("没有已关闭的期间。", "No period is closed."),
    "closing.list_row": ("{period}\t{start} 至 {end}\t关闭人 {by}", "{period}\t{start} to {end}\tclosed by {by}"),
}
