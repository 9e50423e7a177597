"""Messages of the core: errors, validation of fields, database problems."""

MESSAGES = {
    "error.unknown": ("发生了意外错误。", "An unexpected error occurred."),
    "error.validation": ("输入有误。", "The input is not valid."),
    "error.conflict": ("该记录已存在。", "That record already exists."),
    "error.not_found": ("找不到该记录：{what}", "Record not found: {what}"),
    "error.permission": ("当前账号（{role}）无权{action}。", "Your account ({role}) may not {action}."),
    "error.auth": ("用户名或密码不正确。", "Wrong user name or password."),
    "error.environment": ("运行环境有误：{reason}", "Environment problem: {reason}"),
    "error.nothing_to_do": ("没有需要处理的内容。", "Nothing to do."),
    "error.cancelled": ("操作已取消，数据未改动。", "Cancelled; nothing was changed."),
    "db.missing": ("数据库文件不存在：{path}", "Database file not found: {path}"),
    "db.not_msfood": (
        "{path} 不是食安包保的数据库。",
        "{path} is not an msfood database.",
    ),
    "db.too_new": (
        "数据库 {path} 由更新版本的软件创建（架构版本 {revision}），请先升级本软件再打开。",
        "The database {path} was made by a newer version of msfood (schema {revision}); "
        "upgrade this app before opening it.",
    ),
    "db.unreadable": (
        "无法打开数据库 {path}：{reason}",
        "Cannot open the database {path}: {reason}",
    ),
    "db.exists": ("数据库已存在：{path}", "The database already exists: {path}"),
    "db.not_initialised": (
        "数据库尚未初始化（缺少本单位信息），请先运行 msfood init。",
        "The database has no unit identity yet; run msfood init first.",
    ),
    # --- validation of single values
    "value.required": ("必填，不能为空", "is required"),
    "value.too_long": ("过长（最多 {max} 个字符）", "is too long (at most {max} characters)"),
    "value.not_date": ("不是有效日期（应为 YYYY-MM-DD）：{value}", "is not a date (YYYY-MM-DD): {value}"),
    "value.not_int": ("应为整数：{value}", "must be a whole number: {value}"),
    "value.negative": ("不能为负数：{value}", "must not be negative: {value}"),
    "value.not_choice": (
        "取值“{value}”无效，可选：{choices}",
        "“{value}” is not one of: {choices}",
    ),
    "value.not_yes_no": ("应填“是”或“否”：{value}", "must be 是 (yes) or 否 (no): {value}"),
    "value.end_before_start": (
        "结束日期 {end} 早于开始日期 {start}",
        "the end date {end} is before the start date {start}",
    ),
    "value.positives_exceed": (
        "阳性批次 {positives} 多于检测批次 {batches}",
        "{positives} positive batches exceed the {batches} tested",
    ),
    "value.future_date": ("日期 {value} 晚于今天", "the date {value} is after today"),
    # --- identifiers (DOMAIN.md section 4)
    "uscc.length": (
        "统一社会信用代码应为 18 位，实际 {length} 位：{value}",
        "a unified social credit code has 18 characters, not {length}: {value}",
    ),
    "uscc.chars": (
        "统一社会信用代码含非法字符“{char}”（只允许数字和除 I、O、Z、S、V 外的大写字母）：{value}",
        "the credit code contains “{char}”, which is not allowed (digits and capital letters except "
        "I, O, Z, S, V): {value}",
    ),
    "uscc.checksum": (
        "统一社会信用代码校验位错误（应为 {expected}）：{value}",
        "the credit code's check character is wrong (expected {expected}): {value}",
    ),
    "uscc.org_checksum": (
        "统一社会信用代码中的组织机构代码校验位不正确（仅提示）：{value}",
        "the organisation code inside the credit code has a wrong check digit (warning only): {value}",
    ),
    "licence.format": (
        "许可证编号格式不正确（应为 JY、SC 或 YB 加 14 位数字）：{value}",
        "a licence number is JY, SC or YB followed by 14 digits: {value}",
    ),
    "licence.sc_category": (
        "食品生产许可证类别码应以 1（食品）或 2（食品添加剂）开头：{value}",
        "a production licence's category starts with 1 (food) or 2 (additive): {value}",
    ),
    "division.format": (
        "区划代码应为 6、9 或 12 位数字：{value}",
        "a division code has 6, 9 or 12 digits: {value}",
    ),
    "division.township_range": (
        "乡级区划代码第 7-9 位应在 001-599 之间：{value}",
        "a township code's digits 7-9 must be 001-599: {value}",
    ),
    "phone.format": (
        "手机号应为以 1 开头的 11 位数字：{value}",
        "a mobile number has 11 digits starting with 1: {value}",
    ),
    "period.format": (
        "期间格式不正确：{value}（例：2026-11-24、2026-W48、2026-11、2026Q4、2026H2、2026）",
        "not a period: {value} (e.g. 2026-11-24, 2026-W48, 2026-11, 2026Q4, 2026H2, 2026)",
    ),
    # --- references between records
    "ref.region_unknown": ("区划代码 {code} 不存在", "no region has the code {code}"),
    "ref.business_unknown": ("找不到信用代码为 {code} 的主体", "no business has the credit code {code}"),
    "ref.business_ambiguous": (
        "信用代码 {code} 对应多个主体，请填写许可证编号",
        "several businesses share the credit code {code}; give the licence number too",
    ),
    "ref.cadre_unknown": ("找不到手机号为 {phone} 的包保干部", "no cadre has the mobile number {phone}"),
    "ref.parent_cycle": ("上级区划不能是它自己或它的下级", "a region cannot be its own ancestor"),
    "ref.assignment_missing": (
        "干部 {cadre} 在 {date} 未包保该主体",
        "cadre {cadre} did not guarantee this business on {date}",
    ),
    "ref.in_use": (
        "该记录仍被 {count} 条{what}引用，不能删除",
        "{count} {what} still refer to this record; it cannot be deleted",
    ),
    # --- warnings shown in place
    "warn.level_grade_mismatch": (
        "干部层级（{level}）与主体包保等级（{grade}，默认由{expected}包保）不一致",
        "the cadre's level ({level}) does not match the business's grade ({grade}, "
        "guaranteed by {expected} cadres by default)",
    ),
    "warn.holidays_unknown": (
        "{year} 年的法定节假日尚未录入，暂按周一至周五计算工作日",
        "the official holidays of {year} are not known yet; Monday-Friday are counted as workdays",
    ),
    "warn.food_category_unknown": (
        "食品大类“{value}”不在抽检食品分类表中",
        "the food category “{value}” is not in the sampling category list",
    ),
}

MESSAGES.update(
    {
        "unit.code_format": (
            "单位代码只能由字母、数字和“-”组成（例：430211-01）：{value}",
            "a unit code has letters, digits and '-' only (e.g. 430211-01): {value}",
        ),
    }
)
