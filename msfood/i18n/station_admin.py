"""Messages of the app's administration (issue 13 items 2 and 3): what a database file holds, for the
restore dialog's before/after, and the history view's wording."""

MESSAGES = {
    "station_admin.unreadable": (
        "无法读取数据库文件 {path}：{reason}",
        "Cannot read the database file {path}: {reason}",
    ),
    "station_admin.value_yes": ("是", "yes"),
    "station_admin.value_no": ("否", "no"),
    "station_admin.value_empty": ("（空）", "(empty)"),
    "station_admin.history_database": ("数据库", "database"),
}

MESSAGES.update(
    {
        # an audit action the app writes when a bureau admin reopens a period with a reason
        "audit.action.reopen_reason": ("重新开放原因", "reason for reopening"),
        # field names the history shows that no form names (field.* covers the rest)
        "station_admin.field.region_id": ("所属区划", "region"),
        "station_admin.field.parent_id": ("上级区划", "parent region"),
        "station_admin.field.business_id": ("包保主体", "business"),
        "station_admin.field.cadre_id": ("包保干部", "cadre"),
        "station_admin.field.visit_id": ("督导记录", "visit"),
        "station_admin.field.assignment_id": ("包保关系", "assignment"),
        "station_admin.field.period_key": ("期间", "period"),
        "station_admin.field.closed": ("已关闭", "closed"),
        "station_admin.field.closed_by": ("关闭人", "closed by"),
        "station_admin.field.reason": ("原因", "reason"),
        "station_admin.field.file": ("文件", "file"),
        "station_admin.field.new": ("新增", "new"),
        "station_admin.field.updated": ("更新", "updated"),
        "station_admin.field.rest_weekdays": ("休息日", "rest days"),
        "station_admin.field.status_date": ("状态日期", "status date"),
    }
)
