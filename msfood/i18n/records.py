"""Messages of the record services (records.clean and the per-aggregate services), zh first."""

MESSAGES = {
    # --- values
    "record.too_small": ("不能小于 {min}：{value}", "must be at least {min}: {value}"),
    "record.not_number": ("应为数字：{value}", "must be a number: {value}"),
    "record.year_range": ("年度应在 2000-2100 之间：{value}", "the year must be within 2000-2100: {value}"),
    "record.date_before": (
        "日期 {value} 早于 {other}",
        "the date {value} is before {other}",
    ),
    "record.future_date": (
        "日期 {value} 晚于今天，请核对",
        "the date {value} is after today; please check it",
    ),
    # --- identity and references
    "record.key_taken": (
        "已有另一条记录使用该编号或组合，不能改成它",
        "another record already holds this key; this one cannot be changed to it",
    ),
    "record.business_id_unknown": (
        "所选主体不存在或已删除",
        "the chosen business does not exist or was deleted",
    ),
    "record.cadre_id_unknown": ("所选干部不存在或已删除", "the chosen cadre does not exist or was deleted"),
    "record.business_unknown_licence": (
        "找不到信用代码为 {code}、许可证编号为 {licence} 的主体",
        "no business has the credit code {code} with the licence number {licence}",
    ),
    "record.stall_needs_number": (
        "无统一社会信用代码的食品摊贩须填写登记或备案编号（许可证编号栏）",
        "a food stall without a credit code needs its local registration number (licence number column)",
    ),
    "record.not_found": (
        "找不到该{what}（可能已被删除）",
        "the {what} was not found (it may have been deleted)",
    ),
    # --- rules between fields
    "record.problem_details_without_count": (
        "填写了问题描述、整改期限或整改完成日期，但发现问题数为空或为 0",
        "a problem description, deadline or closing date is given but no problems were found",
    ),
    "record.too_many_problems": ("一次督导最多记录 {max} 个问题", "a visit records at most {max} problems"),
    "record.problem_closed_needs_date": (
        "标记为已销号时须填写整改完成日期",
        "a closed problem needs the date it was closed",
    ),
    "record.problem_open_with_date": (
        "填写了整改完成日期的问题应为“已销号”",
        "a problem with a closing date is closed",
    ),
    "record.answer_item_unknown": ("检查项目不存在：{item}", "no such checklist item: {item}"),
    "record.case_not_failed": (
        "只有检验结论为不合格的样品才有核查处置",
        "only a failed sample has a handling case",
    ),
    "record.closure_overlap": (
        "与已有的停业时段（{start} 至 {end}）重叠",
        "overlaps the closure from {start} to {end}",
    ),
    # --- warnings
    "record.visit_unassigned": (
        "该干部在 {date} 未包保此主体：记录已保存，但不计入督导完成率",
        "this cadre did not guarantee the business on {date}: the visit is stored but does not count",
    ),
    "record.visit_not_onsite": (
        "高风险主体只有现场督导才计入督导完成率",
        "only on-site visits count for a high-risk business",
    ),
    "record.assignment_overlap": (
        "该干部已有一段与此重叠的包保关系（开始于 {start}）",
        "this cadre already guarantees this business over an overlapping span (from {start})",
    ),
    # --- refusals of deletes
    "record.business_has_records": (
        "该主体已有 {count} 条督导、自查、抽检或快检记录，不能删除；如已关停，请将经营状态改为“注销”",
        "the business has {count} visits, self-checks, samples or rapid tests and cannot be deleted; "
        "if it has closed, set its status to 注销 (deregistered) instead",
    ),
    "record.cadre_has_visits": (
        "该干部已有 {count} 条督导记录，不能删除；如已调离，请结束其包保关系",
        "the cadre has {count} visits and cannot be deleted; if they left, end their assignments instead",
    ),
    "record.region_in_use": (
        "该区划仍有 {count} 个下级区划、主体、干部或抽检计划，不能删除",
        "{count} sub-regions, businesses, cadres or sampling plans still belong to this region; "
        "it cannot be deleted",
    ),
    # --- settings and rules
    "setting.unknown": ("没有名为 {key} 的设置", "there is no setting named {key}"),
    "setting.bad_value": (
        "设置 {key} 的取值无效：{value}",
        "not a valid value for the setting {key}: {value}",
    ),
    "rule.last_of_level": (
        "{level}只剩这一条督导规则，不能删除（可修改它）",
        "this is the last visit rule for {level} cadres; change it instead of deleting it",
    ),
    "rule.count_range": ("次数应在 1-99 之间：{value}", "the count must be within 1-99: {value}"),
    # --- what a record is, for messages
    "what.region": ("区划", "region"),
    "what.business": ("包保主体", "business"),
    "what.cadre": ("包保干部", "cadre"),
    "what.assignment": ("包保关系", "assignment"),
    "what.visit": ("督导记录", "visit"),
    "what.problem": ("问题", "problem"),
    "what.selfcheck": ("自查记录", "self-check record"),
    "what.sampling": ("抽检记录", "sample"),
    "what.rapid_test": ("快检记录", "rapid test"),
    "what.sampling_plan": ("抽检计划", "sampling plan"),
    "what.business_status": ("经营状态", "status change"),
    "what.business_closure": ("停业时段", "closure"),
    "what.visit_rule": ("督导规则", "visit rule"),
    "what.holiday": ("节假日", "holiday"),
    "what.checklist_item": ("检查项目", "checklist item"),
    # --- field names not in the core list
    "field.code_year": ("区划代码年份", "year of the division code"),
    "field.owes_selfchecks": ("须做日管控等自查", "owes self-checks"),
    "field.pledge_signed_on": ("承诺书签订日期", "pledge signed on"),
    "field.lab_received_date": ("送达检验机构日期", "received by the laboratory"),
    "field.retest_requested": ("申请复检", "retest requested"),
    "field.destroyed_kg": ("销毁数量（千克）", "destroyed (kg)"),
    "field.answers": ("检查项目", "checklist answers"),
    "field.problems": ("问题", "problems"),
    "field.cadre_id": ("包保干部", "cadre"),
    "field.business_id": ("包保主体", "business"),
    "field.closure": ("停业时段", "closure"),
    "field.key": ("设置项", "setting"),
    "field.value": ("取值", "value"),
    "field.day": ("日期", "day"),
    "field.is_workday": ("是否调休上班", "make-up workday"),
    "field.version": ("版本", "version"),
    "field.area": ("类别", "area"),
    "field.text": ("内容", "text"),
    "field.position": ("顺序", "position"),
    "field.answer": ("检查结果", "answer"),
    "field.note": ("说明", "note"),
}
