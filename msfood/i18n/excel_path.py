"""Messages of the Excel path: text kept as text, what an import finds in odd workbooks, its bounds."""

MESSAGES = {
    # entry
    "excel_path.control_character": (
        "含有不可见的控制字符（{char}，第 {at} 个字符），请删除后重新填写",
        "holds an invisible control character ({char}, character {at}); remove it and enter the text again",
    ),
}
