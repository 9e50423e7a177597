"""Messages of the pure domain layer (msfood/domain): rest days, identifiers."""

MESSAGES = {
    "field.period": ("期间", "period"),
    "rest_days.format": (
        "休息日格式不正确：{value}（例：周六、周日 或 6,7）",
        "not a list of rest days: {value} (e.g. 周六、周日, Sat, Sun or 6,7)",
    ),
    "uscc.region": (
        "统一社会信用代码第 3-8 位（登记管理机关行政区划码）应为数字：{value}",
        "characters 3-8 of a credit code (the registering region) must be digits: {value}",
    ),
}
