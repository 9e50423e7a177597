"""Messages of the import workbook, its template and the export."""

MESSAGES = {
    # files
    "workbook.missing": ("找不到文件：{path}", "File not found: {path}"),
    "workbook.unreadable": ("无法读取文件 {path}：{reason}", "Cannot read {path}: {reason}"),
    "workbook.not_a_workbook": (
        "{path} 不是 Excel 工作簿（.xlsx 或 .xls），也不是 CSV 文件或文件夹。",
        "{path} is not an Excel workbook (.xlsx or .xls), nor a CSV file or folder.",
    ),
    "workbook.no_csv": ("文件夹 {path} 中没有 CSV 文件。", "The folder {path} holds no CSV file."),
    "workbook.csv_unreadable": (
        "无法读取 CSV 文件 {path}：{reason}",
        "Cannot read the CSV file {path}: {reason}",
    ),
    "workbook.write_failed": ("无法写入文件 {path}：{reason}", "Cannot write {path}: {reason}"),
    # sheets, columns, rows
    "workbook.unknown_sheet": (
        "不是导入模板中的工作表，已忽略",
        "not a sheet of the import template; ignored",
    ),
    "workbook.no_known_sheet": (
        "工作簿中没有 msfood 能识别的工作表（导入模板的工作表），未导入任何数据。工作簿中的工作表：{found}；"
        "导入模板的工作表名为：{sheets}（可加序号，如“包保主体2”）。",
        "The workbook holds no sheet msfood knows; nothing was imported. Its sheets: {found}; "
        "the template's sheets are named {sheets} (a number may follow, as in 包保主体2).",
    ),
    "workbook.unknown_column": ("不是该表的列，已忽略", "not a column of this sheet; ignored"),
    "workbook.missing_column": (
        "缺少必填列，该表未读取",
        "a required column is missing; the sheet was not read",
    ),
    "workbook.duplicate_column": ("列重复", "the column appears twice"),
    "workbook.duplicate_row": ("与第 {line} 行重复", "repeats row {line}"),
    "workbook.duplicate_row_in": ("与{sheet} 第 {line} 行重复", "repeats {sheet} row {line}"),
    "workbook.sentence_row_column": (
        "{sheet} 第 {row} 行 {column}：{message}",
        "{sheet} row {row}, {column}: {message}",
    ),
    "workbook.sentence_row": ("{sheet} 第 {row} 行：{message}", "{sheet} row {row}: {message}"),
    "workbook.sentence_column": ("{sheet} {column}：{message}", "{sheet}, {column}: {message}"),
    "workbook.sentence_sheet": ("{sheet}：{message}", "{sheet}: {message}"),
    "workbook.refused": (
        "工作簿未导入，没有写入任何数据。共发现 {count} 处错误，请改正后重新导入：",
        "The workbook was not imported; nothing was written. {count} problem(s) found; fix them and "
        "import again:",
    ),
    # results
    "workbook.import_done": (
        "导入完成：新增 {new} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 条。",
        "Imported: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts.",
    ),
    "workbook.dry_run_done": (
        "试导入检查通过，未写入任何数据：将新增 {new} 条，更新 {updated} 条，未变 {unchanged} 条。",
        "Dry run passed; nothing was written: {new} new, {updated} updated, {unchanged} unchanged.",
    ),
    "workbook.warning": ("提示：{text}", "Note: {text}"),
    "workbook.template_done": ("已生成导入模板：{path}", "Wrote the import template: {path}"),
    "workbook.export_done": ("已导出 {rows} 行到 {path}。", "Exported {rows} rows to {path}."),
    "workbook.unknown_region": ("找不到区划代码 {code}。", "No region has the code {code}."),
    # progress
    "workbook.progress_read": ("正在读取 {sheet}", "Reading {sheet}"),
    "workbook.progress_write": ("正在写入 {sheet}", "Writing {sheet}"),
    "workbook.progress_export": ("正在导出 {sheet}", "Exporting {sheet}"),
    "workbook.progress_done": ("完成", "Done"),
    # the template's instructions sheet
    "workbook.instructions_title": (
        "食安包保 数据导入模板 填写说明",
        "msfood import workbook: how to fill it in",
    ),
    "workbook.instructions": (
        "1. 每个工作表对应一类数据，按需填写，不用的表可以留空或删除。\n"
        "2. 第一行是列名，请勿修改；带 * 的列必须填写，其余可留空（留空不会改动已保存的值）。\n"
        "3. 日期请填 Excel 日期或 YYYY-MM-DD（如 2026-05-10）。\n"
        "4. 有下拉列表的列请从列表中选择。\n"
        "5. 按编号识别记录：同一文件再导入一次不会产生重复数据；同一文件中不能有两行编号相同。\n"
        "6. 包保主体以统一社会信用代码识别；多个场所共用一个代码时，请同时填写许可证编号。"
        "没有信用代码的食品摊贩，代码留空，在许可证编号中填登记或备案编号。\n"
        "7. 导入时全部检查：有任何错误，整个文件都不会导入，并逐行列出错误（工作表、行号、列、原因）。\n"
        "8. 一个表超过 1,048,576 行时，接着写在名为“包保主体2”“包保主体3”……的表中。",
        "1. Each sheet holds one kind of record; fill in those you need and leave the others empty.\n"
        "2. Do not change the first row (the column names); columns marked * are required, the others "
        "may stay blank (a blank cell leaves the stored value as it is).\n"
        "3. Dates as Excel dates or YYYY-MM-DD (e.g. 2026-05-10).\n"
        "4. Choose from the drop-down list where a column has one.\n"
        "5. Records are matched on their keys: importing the same file again adds nothing; one file may "
        "not hold two rows with the same key.\n"
        "6. A business is identified by its unified social credit code; where premises share one code, "
        "fill in the licence number too. A stall without a code leaves it blank and gives its "
        "registration number as the licence number.\n"
        "7. Everything is checked first: with any error nothing is imported, and every bad row is listed "
        "(sheet, row, column, reason).\n"
        "8. A sheet longer than 1,048,576 rows continues in sheets named 包保主体2, 包保主体3, ...",
    ),
    "workbook.instructions_sheet": ("工作表", "Sheet"),
    "workbook.instructions_column": ("列", "Column"),
    "workbook.instructions_required": ("必填", "Required"),
    "workbook.instructions_values": ("可选值或说明", "Values or notes"),
    "workbook.yes": ("是", "yes"),
    "workbook.choose": ("请从下拉列表中选择", "Choose from the list"),
}
