"""Messages of issue 18's leftovers: the plain reasons that replace a library's own error text."""

MESSAGES = {
    # why a file could not be read, in our words (never the library's)
    "readme_folders.reason_damaged_archive": (
        "文件已损坏或不完整（压缩内容无法解开），请重新保存或重新复制该文件",
        "the file is damaged or incomplete (its compressed content cannot be unpacked); save or copy it again",
    ),
    "readme_folders.reason_wrong_content": (
        "文件内容不完整，或不是这种格式的文件；请用 Excel、WPS 或 LibreOffice 打开后重新保存",
        "the file's content is incomplete or not of this format; open it in Excel, WPS or LibreOffice and "
        "save it again",
    ),
    "readme_folders.reason_encoding": (
        "文字编码无法识别，请另存为 UTF-8 或 GBK 编码",
        "its text encoding is not recognised; save it as UTF-8 or GBK",
    ),
    "readme_folders.reason_csv": (
        "CSV 格式有误（例如引号没有成对，或一格内容过长）",
        "the CSV is malformed (a quote left open, or a cell too long)",
    ),
    "readme_folders.reason_duplicate": ("与本库已有的记录重复", "it repeats a record this database holds"),
    "readme_folders.reason_missing_reference": (
        "引用了本库没有的记录", "it points at a record this database lacks"
    ),
    "readme_folders.reason_missing_value": ("缺少必须填写的值", "a required value is missing"),
    "readme_folders.reason_rule": ("有不符合规则的值", "a value breaks a rule"),
    "readme_folders.reason_database": (
        "数据库文件无法读取（已损坏，或不是食安包保的数据库）",
        "the database file cannot be read (damaged, or not an msfood database)",
    ),
    "readme_folders.reason_too_large": ("有超出范围的数值", "a number is out of range"),
    "readme_folders.reason_bad_text": ("文字中有无法保存的字符", "text holds characters that cannot be stored"),
    "readme_folders.reason_bad_value": ("有无法识别的值", "a value cannot be read"),
    "readme_folders.reason_integrity": ("完整性检查未通过", "it fails the integrity check"),
    "readme_folders.reason_references": (
        "记录之间的引用不完整", "records in it point at records it lacks"
    ),
    "readme_folders.reason_pages": ("文件内容无法读取", "its content cannot be read"),
    "readme_folders.reason_not_found": ("文件或其所在的文件夹不存在", "the file or its folder does not exist"),
    "readme_folders.reason_no_permission": (
        "没有权限（文件可能只读、正被其他程序打开，或文件夹不允许写入）",
        "permission denied (the file may be read-only or open in another program, or the folder not writable)",
    ),
    "readme_folders.reason_disk_full": ("磁盘空间不足", "the disk is full"),
    "readme_folders.reason_is_folder": ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    # the command line's own inputs, as people say them (argparse's dest names are not words)
    "field.by": ("排名指标", "figure to rank on"),
}
