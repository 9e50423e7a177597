"""Messages of authority in the merge (msfood.sync.authority): what a trusted peer may not change."""

MESSAGES = {
    "authority.refused": (
        "未导入 {file}：其中 {count} 条记录是发送方无权修改的（只有伪造的同步包才会带有这些记录）：",
        "{file} not imported: {count} records in it are not the sender's to change (only a forged "
        "bundle carries them):",
    ),
    "authority.item": ("{table} {record}：{why}", "{table} {record}: {why}"),
    "authority.more": ("……另有 {count} 条。", "... and {count} more."),
    "authority.region_loop": (
        "未导入 {file}：区划树中出现循环（{regions}），一个区划不能是自己的上级。",
        "{file} not imported: the region tree would hold a loop ({regions}); a region cannot be its "
        "own ancestor.",
    ),
    "authority.reason.own_origin": (
        "记录标注为本单位所改，但来自其他单位",
        "stamped as changed by this unit, but sent by another",
    ),
    "authority.reason.own_chain": (
        "属于本单位自己的审计记录链，只有本单位能写入",
        "an entry of this unit's own history, which only this unit writes",
    ),
    "authority.reason.audit_changed": (
        "试图修改已有的审计记录（审计记录不可更改）",
        "changes a history entry already held (history entries never change)",
    ),
    "authority.reason.own_unit": (
        "本单位自己的单位信息只能由本单位修改",
        "only this unit changes its own unit record",
    ),
    "authority.reason.other_origin": (
        "由其他单位所改，发送方无权代其发送",
        "changed by another unit the sender may not speak for",
    ),
    "authority.reason.other_unit": ("其他单位的单位信息，只能由该单位修改", "another unit's own record"),
    "authority.reason.region_outside": ("区划不在发送方的辖区内", "a region outside the sender's area"),
    "authority.reason.shared_down": (
        "规则、设置、检查表、节假日、食品大类、关闭期间和上级区划只能由本单位登记的上级局下发",
        "rules, settings, checklists, holidays, food categories, closed periods and the regions above "
        "the area come only from the bureau this unit enrolled",
    ),
    "authority.reason.outside_area": (
        "记录不在发送方的辖区内（或本地保存的版本不在其辖区内）",
        "a record outside the sender's area (or held here outside it)",
    ),
    "authority.value_control": (
        "含有不可见的控制字符",
        "holds control characters",
    ),
    "authority.value_range": ("应在 {min} 到 {max} 之间", "must be between {min} and {max}"),
    "authority.value_date_range": ("日期应在 {first} 到 {last} 之间", "a date between {first} and {last}"),
    "authority.value_at_most": ("超过了{other}", "exceeds {other}"),
    "authority.value_order": ("结束日期早于开始日期", "ends before it starts"),
    "authority.value_setting": (
        "设置值无法读取（格式或取值不对）",
        "a setting value the figures cannot read",
    ),
    "authority.value_format": ("格式不对", "not in the expected format"),
    "authority.control_chars": (
        "含有不可见的控制字符，请删去后再保存。",
        "Holds control characters: remove them first.",
    ),
    "authority.date_range": (
        "日期 {value} 超出范围（应在 1900 年到 2100 年之间）。",
        "The date {value} is out of range (1900 to 2100).",
    ),
    "authority.trust_area_change": (
        "单位 {code} 已登记，辖区或类型将由“{old}”改为“{new}”。改变辖区决定了它能修改哪些记录：确认无误请加 "
        "--confirm-area-change 重新执行。",
        '{code} is enrolled already; its area or kind would change from "{old}" to "{new}". The area '
        "decides which records it may change: run again with --confirm-area-change if this is right.",
    ),
    "authority.trust_revoked": (
        "单位 {code} 的密钥（指纹 {fingerprint}）已被撤销。重新信任已撤销的单位请确认对方身份后加 "
        "--confirm-retrust 重新执行。",
        "{code}'s key (fingerprint {fingerprint}) was revoked. To trust a revoked unit again, check who "
        "it is and run again with --confirm-retrust.",
    ),
    "authority.unit_kind.station": ("监管所", "station"),
    "authority.unit_kind.bureau": ("局", "bureau"),
    "authority.no_area": ("无辖区", "no area"),
    "authority.export_too_long": (
        "无法导出：{table} {record} 的“{column}”超过导入允许的长度（{max} 字），请先在软件中缩短。",
        "Cannot export: {table} {record} holds a {column} longer than import allows ({max} characters); "
        "shorten it in the app first.",
    ),
}
MESSAGES.update(
    {
        "closing.kind.assignments": ("包保关系", "assignment"),
        "closing.kind.business_closures": ("停业时段", "business closure"),
        "closing.kind.business_statuses": ("经营状态", "business status"),
        "closing.kind.visit_rules": ("督导频次规则", "visit rule"),
    }
)
