"""Messages of the ranking (`msfood ranking`), progress and the counts (dashboard, reports)."""

MESSAGES = {
    "ranking.figure_unknown": (
        "没有可用于排名的指标“{figure}”。可选：{figures}",
        "There is no figure '{figure}' to rank on. Choose one of: {figures}",
    ),
    "ranking.help": ("下一级区域按一项指标排名（含上期排名和进位/退位）", "rank the regions one level below on a figure"),
    "ranking.fig_supervision": ("督导完成率", "supervision completion"),
    "ranking.fig_supervision_progress": ("督导进度", "supervision progress"),
    "ranking.fig_coverage": ("包保覆盖率", "guarantee coverage"),
    "ranking.fig_daily": ("日管控覆盖率", "daily check coverage"),
    "ranking.fig_weekly": ("周排查覆盖率", "weekly review coverage"),
    "ranking.fig_monthly": ("月调度覆盖率", "monthly meeting coverage"),
    "ranking.fig_platform_use": ("平台应用率", "platform use"),
    "ranking.fig_disposal": ("核查处置按时完成率", "cases closed on time"),
    "ranking.title": (
        "{region}下一级区域排名：{figure}（{period}，截至 {as_of}；上期 {previous}，截至 {previous_as_of}）",
        "Regions under {region} ranked on {figure} ({period} as of {as_of}; previous {previous} as of {previous_as_of})",
    ),
    "ranking.region_all": ("全部辖区", "all regions"),
    "ranking.col_rank": ("排名", "Rank"),
    "ranking.col_code": ("区划代码", "Code"),
    "ranking.col_name": ("区域名称", "Region"),
    "ranking.col_rate": ("指标值", "Figure"),
    "ranking.col_share": ("完成/应完成", "Done / due"),
    "ranking.col_previous": ("上期排名", "Previous rank"),
    "ranking.col_change": ("升降", "Change"),
    "ranking.up": ("↑{n} 进位", "↑{n} up"),
    "ranking.down": ("↓{n} 退位", "↓{n} down"),
    "ranking.same": ("持平", "same"),
    "ranking.none": ("—", "—"),
    "ranking.empty": ("{region}下没有下一级区域，无法排名。", "There are no regions under {region} to rank."),
    "ranking.note_no_figure": (
        "“—”：该区域本期此项指标分母为 0（无应完成的任务），排在最后。",
        "'—': the region has nothing due on this figure (denominator 0); listed last.",
    ),
    "ranking.note_progress": (
        "本期尚未结束，督导按进度（已完成/本期全部任务）排名。",
        "The period is still running: supervision is ranked by progress (met so far / all obligations of the period).",
    ),
    # --- progress and counts (dashboard, reports)
    "progress.label": ("进度", "Progress"),
    "progress.value": ("进度 {rate}（{met}/{total}）", "Progress {rate} ({met}/{total})"),
    "progress.pace": (
        "剩余 {days} 天（工作日 {workdays} 天），尚需完成 {remaining} 项，每个工作日约需 {per_day} 项",
        "{days} days left ({workdays} working days); {remaining} still to meet, about {per_day} a working day",
    ),
    "progress.pace_done": ("本期任务已全部完成", "Everything due this period is met"),
    "progress.pace_no_workdays": (
        "剩余 {days} 天，已无工作日；尚需完成 {remaining} 项",
        "{days} days left, no working day; {remaining} still to meet",
    ),
    "progress.final": ("本期已结束：完成率 {rate}（{met}/{due}）", "Period ended: completion {rate} ({met}/{due})"),
    "counts.visits": ("督导次数", "Visits"),
    "counts.records_daily": ("日管控记录数", "Daily check records"),
    "counts.records_weekly": ("周排查记录数", "Weekly review records"),
    "counts.records_monthly": ("月调度记录数", "Monthly meeting records"),
    "counts.issues_found": ("自查发现问题数", "Issues found by self-checks"),
}

MESSAGES.update({
    # --- the report's progress, counts and ranking (msfood/reports/completion/ranking.py)
    "report.rk_progress_headline": ("督导进度（本期进行中）", "Supervision progress (period running)"),
    "report.rk_progress_detail": (
        "已完成 {met} / 本期全部任务 {total}", "{met} met of all {total} obligations of the period"
    ),
    "report.rk_visits_detail": ("本期截至统计日的全部督导次数", "all visits in the period up to the as-of date"),
    "report.rk_col_total": ("本期任务", "Obligations"),
    "report.rk_col_left": ("尚未完成", "Still to meet"),
    "report.rk_col_progress": ("进度", "Progress"),
    "report.rk_t_progress_running": ("督导进度（本期进行中）", "Supervision progress (period running)"),
    "report.rk_t_progress_ended": ("督导进度（本期已结束，等于完成率）", "Supervision progress (period ended: the final rate)"),
    "report.rk_note_progress_running": (
        "进度 = 已完成 / 本期全部督导任务（含周期尚未结束的任务），不是完成率；本期结束后等于完成率。",
        "Progress = met so far / all obligations of the period (including those whose rule period has not "
        "ended); not the completion rate, which it equals once the period has ended.",
    ),
    "report.rk_note_progress_ended": (
        "本期已结束：进度等于督导完成率（已完成 / 应督导）。",
        "The period has ended: progress equals the completion rate (met / due).",
    ),
    "report.rk_t_counts": ("督导次数与自查记录数", "Visits and self-check records"),
    "report.rk_issues_detail": (
        "本期日管控、周排查、月调度记录中的发现问题数之和（辖区全部主体）",
        "the issues found in the period's daily, weekly and monthly records (every business in the region)",
    ),
    "report.rk_s_ranking": ("{region}下一级区域排名", "Ranking of the regions under {region}"),
    "report.rk_t_ranking": ("按{figure}排名", "Ranked on {figure}"),
    "report.rk_note_ranking": (
        "从高到低，相同者并列（1、2、2、4），无此项指标者（分母为 0，“—”）排在最后；上期为 {previous}（截至 {previous_as_of}），"
        "升降 = 上期排名 − 本期排名（↑ 进位，↓ 退位）。",
        "Highest first, equal figures share a rank (1, 2, 2, 4), regions with no figure ('—') last; the previous "
        "period is {previous} as of {previous_as_of}; change = previous rank - rank (↑ up, ↓ down).",
    ),
    "report.rk_t_all": ("各项指标排名", "Every figure's rank"),
    "report.rk_note_all": (
        "每格为指标值（名次），↑↓ 为较上期的进位、退位；“—”表示无此项指标。",
        "Each cell: the figure (rank); ↑↓ the change against the previous period; '—' no figure.",
    ),
    "report.rk_cell": ("{rate}（{rank}）", "{rate} (#{rank})"),
    "report.rk_empty": ("没有下一级区域可排名。", "There are no regions below to rank."),
    "report.rk_t_by_region": ("{title}：督导进度（本期进行中）", "{title}: supervision progress (period running)"),
    "report.rk_chart_title": ("各区域督导进度（本期进行中）", "Supervision progress by region (period running)"),
    "report.rk_chart_note": (
        "进度 = 已完成 / 本期全部任务；虚线为合计进度 {rate}，低于合计的以红色显示。",
        "Progress = met so far / all obligations of the period; the dashed line is the overall {rate}.",
    ),
    "report.rk_t_trends": ("各月趋势（本年至今）", "Month by month (the year so far)"),
    "report.rk_note_trends": (
        "每月按当月最后一天（当月未结束的按统计截止日）计算：督导为所在季度的进度（季末等于完成率），"
        "包保覆盖率为当日，自查各项为当月。",
        "Each month judged as of its last day (or the as-of date within it): supervision is the progress of "
        "its quarter (the rate at the quarter's end), coverage on that day, the self-checks of the month.",
    ),
    "report.rk_empty_trends": ("本年尚无数据。", "No months of this year yet."),
    "report.rk_col_month": ("月份", "Month"),
    "report.rk_col_as_of": ("计算截至", "As of"),
    "report.rk_trend_supervision": ("督导进度（季度）", "Supervision progress (quarter)"),
    "report.rk_trend_coverage": ("包保覆盖率", "Coverage"),
    "report.rk_trend_daily": ("日管控", "Daily"),
    "report.rk_trend_weekly": ("周排查", "Weekly"),
    "report.rk_trend_monthly": ("月调度", "Monthly"),
    "report.rk_trend_platform_use": ("平台应用率", "Platform use"),
})
