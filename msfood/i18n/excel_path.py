"""Messages of the Excel path: text kept as text, what an import finds in odd workbooks, its bounds."""

MESSAGES = {
    # entry
    "excel_path.control_character": (
        "含有不可见的控制字符（{char}，第 {at} 个字符），请删除后重新填写",
        "holds an invisible control character ({char}, character {at}); remove it and enter the text again",
    ),
    "excel_path.credit_code_rounded": (
        "看起来是被 Excel 当作数字四舍五入过的代码（{value}），原来的最后几位已经丢失。"
        "请把该列设置为“文本”格式，再从原始资料重新填写完整的 18 位代码",
        "looks like a code Excel rounded as a number ({value}); its last characters are lost. Format the "
        "column as Text and enter the full 18-character code again from the original document",
    ),
    "excel_path.visit_unknown": (
        "找不到这条督导记录（该干部 {date} 对该主体的督导），请先在督导记录表中填写",
        "no such visit (this cadre at this business on {date}); enter it in the 督导记录 sheet first",
    ),
    "excel_path.checklist_item_unknown": (
        "检查表 {version} 中没有编号为 {code} 的检查项",
        "checklist {version} has no item {code}",
    ),
    # what an import finds in a workbook
    "excel_path.empty_workbook": (
        "工作簿中没有可导入的数据（工作表 {sheets} 只有表头或是空的），未导入任何数据。",
        "The workbook holds no data to import (the sheets {sheets} are empty or hold only their "
        "headers); nothing was imported.",
    ),
    "excel_path.header_not_first": (
        "表头应在第 1 行（在第 {row} 行找到）。请删除表头上方的行后重新导入，该表未读取",
        "the header must be in row 1 (found in row {row}); delete the rows above it and import again. "
        "The sheet was not read",
    ),
    "excel_path.merged_header": (
        "表头单元格 {cells} 是合并单元格，合并后只剩第一列的标题，其余列的数据会被漏掉。请取消合并，"
        "每列各写一个标题",
        "the header cells {cells} are merged: only the first column keeps its title and the others' data "
        "would be lost. Unmerge them and give each column its own title",
    ),
    "excel_path.blank_header": (
        "单元格 {cell} 的表头是空的，但该列下面有数据。请填写该列的标题，或删除该列",
        "the header cell {cell} is blank but the column below it holds data. Give the column its title "
        "or delete it",
    ),
    "excel_path.formula_without_value": (
        "是公式（{formula}），但文件中没有保存计算结果（生成该文件的程序没有计算）。"
        "请在 Excel 或 WPS 中打开并保存一次，或把该列改为数值后重新导入",
        "is a formula ({formula}) saved without its value (the program that wrote the file did not "
        "calculate it). Open and save the file once in Excel or WPS, or replace the formulas by values",
    ),
    "excel_path.hidden_sheet": (
        "是隐藏的工作表，其中的数据也会导入",
        "is a hidden sheet; its data is imported too",
    ),
    "excel_path.hidden_rows": (
        "有 {count} 行是隐藏的（第 {rows} 行），这些行的数据也会导入",
        "{count} row(s) are hidden (rows {rows}); their data is imported too",
    ),
    "excel_path.errors_left_off": (
        "……另有 {count} 处错误未列出（只列出前 1000 处）。",
        "... and {count} more problem(s) not listed (only the first 1,000 are).",
    ),
    # reports
    "excel_path.gap_platform": (
        "统计期间内没有任何自查记录",
        "no self-check record at all in the period",
    ),
    # reading bounds
    "excel_path.zip_bomb": (
        "文件中的 {part} 解压后有 {size} MB，而压缩后只有 {packed} KB，不像正常的工作簿，已拒绝读取。",
        "The file's part {part} would unpack to {size} MB from {packed} KB packed: this is not an "
        "ordinary workbook, and it was not read.",
    ),
    "excel_path.too_many_strings": (
        "文件中的文字表解压后有 {size} MB，超出可读取的范围，已拒绝读取。请分成几个文件导入。",
        "The file's table of texts would unpack to {size} MB, more than can be read; it was not read. "
        "Split it into several files.",
    ),
    "excel_path.too_large": (
        "文件解压后有 {size} MB，超过上限 {limit} MB，已拒绝读取。请分成几个文件导入。",
        "The file would unpack to {size} MB, more than the limit of {limit} MB; it was not read. Split "
        "it into several files.",
    ),
    "excel_path.too_many_rows": (
        "工作表中出现第 {row} 行，超过 Excel 的 {limit} 行上限，文件已损坏或不是 Excel 生成的，已停止读取。",
        "The sheet has a row {row}, beyond Excel's limit of {limit} rows: the file is damaged or was not "
        "written by a spreadsheet; reading stopped.",
    ),
    "excel_path.too_many_columns": (
        "工作表第 {row} 行的列数超过 Excel 的 {limit} 列上限，文件已损坏，已停止读取。",
        "Row {row} of the sheet has more columns than Excel's limit of {limit}: the file is damaged; "
        "reading stopped.",
    ),
}
