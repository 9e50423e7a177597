"""Notes the record forms show in place: deadlines and what is overdue (msfood.services.records.deadlines)."""

MESSAGES = {
    "note.retest_deadline": (
        "企业可在 {date} 前申请复检（收到结论后 {days} 个工作日内，还剩 {left} 天）",
        "the business may ask for a retest until {date} "
        "({days} working days from the result; {left} days left)",
    ),
    "note.case_deadline": (
        "核查处置应在 {date} 前完成（还剩 {left} 天）",
        "the case must be closed by {date} ({left} days left)",
    ),
    "note.case_overdue": (
        "核查处置已逾期 {late} 天（期限 {date}）",
        "the case is {late} days overdue (deadline {date})",
    ),
    "note.problem_overdue": (
        "整改已逾期 {late} 天（期限 {date}）",
        "the rectification is {late} days overdue (deadline {date})",
    ),
}
