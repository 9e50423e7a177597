"""Messages of the 督导提醒 (each cadre's obligations still open) and the 通报 (issue 14 item 5)."""

MESSAGES = {
    # --- 督导提醒
    "reminders.title": ("督导提醒", "Visit reminder"),
    "reminders.title_township": ("督导提醒（{township}）", "Visit reminder ({township})"),
    "reminders.by_unknown": (
        "提醒只能按干部（cadre）或按乡镇（township）分组，不能按“{by}”。",
        "Reminders are grouped by cadre or by township, not '{by}'.",
    ),
    "reminders.cadre_unknown": (
        "没有手机号为 {phone} 的包保干部。",
        "There is no cadre with the phone {phone}.",
    ),
    "reminders.days_left": ("剩余天数", "Days left"),
    "reminders.days_left_value": (
        "{days} 天（工作日 {workdays} 天）",
        "{days} days ({workdays} working days)",
    ),
    "reminders.period_ended": ("期间已结束", "the period has ended"),
    "reminders.progress": ("督导进度", "Progress"),
    "reminders.rate": ("督导完成率", "Completion"),
    "reminders.progress_value": (
        "已完成 {met} / 共 {total} 项（{rate}），未完成 {open} 项",
        "{met} of {total} met ({rate}), {open} not yet",
    ),
    "reminders.township": ("所属乡镇", "Township"),
    "reminders.township_summary": (
        "本乡镇（街道）有 {cadres} 名包保干部尚有未完成的督导任务，共 {items} 项。",
        "{cadres} cadres of this township have visits still owed, {items} in all.",
    ),
    "reminders.t_open": ("未完成的督导任务", "Visits still owed"),
    "reminders.col_place": ("乡镇/村（社区）", "Township / village"),
    "reminders.col_contact": ("负责人及电话", "Contact and phone"),
    "reminders.col_risk": ("风险等级", "Risk grade"),
    "reminders.col_owed": ("已督导/应督导", "Visits done/due"),
    "reminders.col_deadline": ("完成期限", "Due by"),
    "reminders.col_status": ("状态", "Status"),
    "reminders.col_township": ("所属乡镇", "Township"),
    "reminders.high_risk": ("{grade} 高风险", "{grade} high risk"),
    "reminders.status_open": ("待督导", "to visit"),
    "reminders.status_missed": ("逾期未完成", "missed"),
    "reminders.note_running": (
        "请在完成期限前到主体督导，并及时录入督导记录；高风险主体须现场督导。",
        "Visit each business before its deadline and record the visit; high-risk businesses need an "
        "on-site visit.",
    ),
    "reminders.note_ended": (
        "统计期间已结束，以上为未按期完成的督导任务，请说明原因并在下一期间补齐。",
        "The period has ended: these visits were missed. Explain why and catch up in the next period.",
    ),
    "reminders.left_out": (
        "另有 {n} 名包保干部的督导任务已全部完成，未列入本提醒。",
        "{n} more cadres have met every obligation and are left out.",
    ),
    "reminders.empty": ("统计期间内没有未完成的督导任务。", "No visits are owed in the period."),
    "reminders.sheet": ("未完成督导任务", "Visits owed"),
    # --- 通报
    "bulletin.title": (
        "关于{period}食品安全包保督导工作进展情况的通报",
        "Bulletin on the progress of food-safety guarantee visits, {period}",
    ),
    "bulletin.title_ended": (
        "关于{period}食品安全包保督导工作完成情况的通报",
        "Bulletin on the completion of food-safety guarantee visits, {period}",
    ),
    "bulletin.to": ("各{level}、各包保干部：", "To every {level} and guarantee cadre:"),
    "bulletin.summary_running": (
        "截至{as_of}，{region}{period}应完成包保督导任务 {total} 项，已完成 {met} 项，督导进度 {rate}，"
        "尚有 {left} 项未完成。距期末还有 {days} 天（其中工作日 {workdays} 天），"
        "按期完成平均每个工作日需完成 {pace} 项。"
        "现将进展情况通报如下。",
        "As of {as_of}, {region} owes {total} guarantee visits for {period}; {met} are met, progress {rate}, "
        "{left} still open. {days} days ({workdays} working days) are left: {pace} a working day to finish "
        "on time. "
        "The progress follows.",
    ),
    "bulletin.summary_ended": (
        "{period}，{region}应完成包保督导任务 {total} 项，按期完成 {met} 项，督导完成率 {rate}，"
        "未完成 {left} 项（统计截至{as_of}）。现将完成情况通报如下。",
        "For {period}, {region} owed {total} guarantee visits; {met} were met on time, completion {rate}, "
        "{left} missed (as of {as_of}). The results follow.",
    ),
    "bulletin.h_ranking": ("一、各{level}排名", "1. Ranking ({level})"),
    "bulletin.h_regions": ("二、落后{level}", "2. Behind ({level})"),
    "bulletin.h_cadres": ("三、落后包保干部", "3. Cadres behind"),
    "bulletin.h_closing": ("四、工作要求", "4. What is asked"),
    "bulletin.regions_intro": (
        "以下{level}{figure}低于全辖区平均水平（{rate}）：",
        "These ({level}) are below the overall {figure} ({rate}):",
    ),
    "bulletin.regions_none": (
        "没有{figure}低于全辖区平均水平（{rate}）的{level}。",
        "No {level} is below the overall {figure} ({rate}).",
    ),
    "bulletin.cadres_intro": (
        "未完成督导任务最多的 {n} 名包保干部如下（共 {all} 名干部尚有未完成任务）：",
        "The {n} cadres with the most visits owed ({all} cadres owe some):",
    ),
    "bulletin.cadres_none": ("所有包保干部均已完成督导任务。", "Every cadre has met every obligation."),
    "bulletin.col_open": ("未完成", "Owed"),
    "bulletin.col_share": ("已完成/应完成", "Met / all"),
    "bulletin.closing_running": (
        "请各{level}对照本通报，督促包保干部在{end}前完成剩余督导任务，并及时录入督导记录。"
        "落后{level}和干部要查找原因、加快进度，确保期末督导完成率达到 100%。",
        "Each {level} should see that its cadres finish the remaining visits by {end} and record them. "
        "Those behind should find out why and catch up, so that every obligation is met by the period's end.",
    ),
    "bulletin.closing_ended": (
        "请各{level}对照本通报查找差距。落后{level}和干部要认真分析原因、落实整改，"
        "在下一期间补齐短板，确保包保督导工作落实到位。",
        "Each {level} should look at where it fell short. Those behind should find out why, put it right "
        "and make up for it in the next period.",
    ),
    "bulletin.empty_ranking": (
        "所选区域下没有下一级区域可排名。",
        "There are no regions below the one chosen to rank.",
    ),
    "bulletin.xlsx_unsupported": (
        "通报只能生成 PDF 文件（*.pdf）。",
        "The bulletin is written as a PDF (*.pdf) only.",
    ),
}
