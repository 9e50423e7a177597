"""Messages of the visit schedule (排期, issue 14 item 6): CLI output, the printed schedule, the calendar."""

MESSAGES = {
    "schedule.progress_obligations": ("正在读取未完成的督导任务", "Reading the open visit duties"),
    "schedule.progress_planning": ("正在排期", "Planning the visits"),
    "schedule.progress_saving": ("正在保存排期", "Saving the schedule"),
    "schedule.not_found": (
        "找不到这条排期（可能已删除或已重新排期），请刷新后再试。",
        "this planned visit is no longer there (removed or re-planned); refresh and try again.",
    ),
    "schedule.day_outside": (
        "{day} 不在期间 {period}（{start} 至 {end}）内，请选择期间内的日期。",
        "{day} is outside the period {period} ({start} to {end}); pick a day inside it.",
    ),
    "schedule.note_long": ("备注不能超过 {n} 个字。", "the note may not be longer than {n} characters."),
    "schedule.bad_margin": (
        "提前完成的工作日数应在 0 到 60 之间，而不是 {value}。",
        "the margin must be between 0 and 60 working days, not {value}.",
    ),
    "schedule.bad_per_day": (
        "每天最多督导户数应在 1 到 50 之间，而不是 {value}。",
        "the visits per day must be between 1 and 50, not {value}.",
    ),
    "schedule.format_unknown": (
        "无法识别输出文件“{path}”的格式：--out 请使用 .pdf，--ics 请使用 .ics。",
        "cannot tell the format of \"{path}\": use .pdf with --out and .ics with --ics.",
    ),
    "schedule.cadre_unknown": (
        "找不到手机号为 {phone} 的包保干部。",
        "no cadre has the phone number {phone}.",
    ),
    "schedule.written": ("已写入 {path}", "written to {path}"),
    "schedule.summary": (
        "{period} 排期（截至 {as_of}）：已排 {visits} 次督导；已完成 {met}/{total}，按排期完成可达 {rate}。",
        "{period} schedule (as of {as_of}): {visits} visits planned; met {met}/{total}, {rate} if the plan "
        "is kept.",
    ),
    "schedule.summary_short": (
        "有 {n} 项督导任务排不下或未排期（明细见排期表 PDF 各干部页或 --json）。",
        "{n} duties do not fit or are not planned (each cadre's pages of the PDF, or --json, list them).",
    ),
    "schedule.holidays_unknown": (
        "{years} 年的节假日尚未录入，按周一至周五为工作日排期。",
        "the holidays of {years} are not known yet: Monday to Friday were taken as working days.",
    ),
    # reasons a duty is not planned
    "schedule.reason_capacity": (
        "工作日已排满（每人每天最多 {per_day} 户）",
        "every working day is full ({per_day} a day at most)",
    ),
    "schedule.reason_no_days": (
        "期末前已无可用工作日（需提前 {margin} 个工作日完成）",
        "no working day left before the margin ({margin} working days before the end)",
    ),
    "schedule.reason_unplanned": ("未排期", "not planned"),
    # modes as the schedule prints them
    "schedule.mode_onsite": ("现场督导", "On site"),
    "schedule.mode_gathered": ("集中督导", "Gathered"),
    # the printed schedule
    "schedule.title": ("督导排期表", "Visit schedule"),
    "schedule.col_no": ("序号", "No."),
    "schedule.col_date": ("日期", "Date"),
    "schedule.col_weekday": ("星期", "Day"),
    "schedule.col_business": ("包保主体", "Business"),
    "schedule.col_address": ("地址", "Address"),
    "schedule.col_village": ("村（社区）", "Village"),
    "schedule.col_mode": ("方式", "Mode"),
    "schedule.col_note": ("备注", "Note"),
    "schedule.col_done": ("完成签字", "Done (sign)"),
    "schedule.col_missing": ("缺少次数", "Missing"),
    "schedule.col_reason": ("原因", "Why"),
    "schedule.col_rule_period": ("任务期间", "Duty period"),
    "schedule.t_visits": ("排期", "Planned visits"),
    "schedule.t_unplanned": ("排不下或未排期的任务", "Duties not planned"),
    "schedule.empty_visits": ("本期没有需要排期的督导。", "Nothing to plan in this period."),
    "schedule.cadre": ("包保干部", "Cadre"),
    "schedule.phone": ("手机号", "Phone"),
    "schedule.period": ("期间", "Period"),
    "schedule.as_of": ("截至", "As of"),
    "schedule.landing": ("按排期完成", "If the plan is kept"),
    "schedule.landing_value": (
        "已完成 {met}/{total}（{now}），按排期完成后 {lands}/{total}（{rate}）",
        "met {met}/{total} ({now}); {lands}/{total} ({rate}) if kept",
    ),
    "schedule.rules": ("排期规则", "Rules"),
    "schedule.rules_value": (
        "仅排工作日（含调休），期末前 {margin} 个工作日完成，每天最多 {per_day} 户；"
        "同村同日，高风险主体现场督导并优先。",
        "working days only (make-up days included), done {margin} working days before the end, at most "
        "{per_day} a day; one village a day, high-risk businesses first and on site.",
    ),
    "schedule.note_edited": ("（已调整）", " (edited)"),
    "schedule.note_holiday": ("非工作日", "not a working day"),
    "schedule.sign": (
        "包保干部签字：____________　　日期：____________",
        "Cadre's signature: ____________    Date: ____________",
    ),
    "schedule.none_rate": ("—", "—"),
    # the calendar file
    "schedule.ics_name": ("督导排期 {period}", "Visit schedule {period}"),
    "schedule.ics_summary": ("督导：{business}", "Visit: {business}"),
    "schedule.ics_description": (
        "{mode}；包保干部 {cadre}（{phone}）；任务期间 {rule_period}{note}",
        "{mode}; cadre {cadre} ({phone}); duty period {rule_period}{note}",
    ),
}
