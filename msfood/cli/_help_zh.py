"""The command line's help in Chinese: each command's English help text -> its Chinese text.

The commands are written with English help (one language in the code); `msfood` shows these unless
`--lang en` asks for English. tests/unit/test_cli_help.py fails on any help text left out of HELP, so
a new option cannot slip through untranslated. ARGPARSE holds argparse's own words ("usage:", its
error messages) in Chinese.
"""

HELP = {
    "show this help message and exit": "显示本帮助并退出",
    "show the version and exit": "显示版本号并退出",
    "zh_CN (default) or en": "界面语言：zh_CN（默认）或 en",
    "manage accounts (add, list, disable, enable, password)": "管理账户（新增、列出、停用、启用、改密码）",
    "create a database filled with deterministic demo data": "新建一个填满演示数据的数据库",
    "a consistent copy of the database (SQLite backup API)": "备份数据库（一致的完整副本）",
    "replace the database with a checked backup": "用经过校验的备份恢复数据库",
    "the history: verify the chain, show a record's history": "操作历史：校验历史链、查看一条记录的历史",
    "close or reopen a reporting period": "关闭（封存）或重新打开统计期",
    "the completion report (PDF or XLSX), or with --kind tasks each cadre's visit task list":
        "完成情况报告（PDF 或 XLSX），或用 --kind tasks 生成各干部的督导任务单",
    "the rectification notice (整改通知书) for one visit's problems, as PDF": "一次督导所发现问题的整改通知书（PDF）",
    "create a station or bureau database": "新建监管所或市局的数据库",
    "the figures for a period as JSON": "统计期的各项指标（JSON）",
    "this unit's keys and the trusted units": "本单位的密钥和受信任单位",
    "sync bundles: export and import": "同步数据包：导出和导入",
    "write the empty import workbook": "生成空白导入模板",
    "import a workbook (.xlsx, .xls or a CSV folder), all or nothing": "导入工作簿（.xlsx、.xls 或 CSV 文件夹），全部成功或全部不导入",
    "export every record kind in the import layout": "按导入模板的格式导出全部记录",
    "add an account (password from a prompt or MSFOOD_NEW_PASSWORD)": "新增账户（密码在提示时输入，或用 MSFOOD_NEW_PASSWORD）",
    "list the accounts": "列出账户",
    "disable an account (it can no longer sign in)": "停用账户（停用后不能登录）",
    "enable a disabled account again": "重新启用已停用的账户",
    "change your own password, or (admins) another account's": "修改自己的密码，或（管理员）修改他人的密码",
    "the person's name as shown in the app": "在软件中显示的姓名",
    "database file (default: the app's own)": "数据库文件（默认：本软件自己的数据库）",
    "acting user (or MSFOOD_USER)": "操作用户（或用 MSFOOD_USER）",
    "the account (default: your own)": "账户（默认：你自己的）",
    "the new database file (must not exist yet)": "新的数据库文件（不能已经存在）",
    "station (~500 businesses), county (~5,000) or city (~50,000)": "规模：station 监管所（约 500 家）、county 县（约 5,000 家）或 city 市（约 50,000 家）",
    "random seed (default 1): same seed, same data": "随机种子（默认 1）：种子相同，数据相同",
    "the year of data (default: this year)": "数据年份（默认：今年）",
    "print the summary as JSON": "以 JSON 输出摘要",
    "the backup file to write": "要写入的备份文件",
    "replace --out when it exists": "--out 已存在时覆盖它",
    "the backup file": "备份文件",
    "restore a backup of another unit's database over this one": "允许用其他单位数据库的备份覆盖本库",
    "check the audit chain; exit 1 naming the first break": "校验操作历史链；发现断裂时以退出码 1 指出第一处",
    "every change of one record": "一条记录的全部修改历史",
    "a unit whose history must be here whole (repeatable)": "其历史必须完整保存在本库的单位（可重复）",
    "freeze the records dated in a period (admins)": "封存一个统计期的记录（管理员）",
    "reopen a closed period (bureau admins)": "重新打开已封存的统计期（市局管理员）",
    "the closed periods": "已封存的统计期",
    "e.g. 2026Q3, 2026-09, 2026H1, 2026": "例如 2026Q3、2026-09、2026H1、2026",
    "include reopened periods": "包括已重新打开的统计期",
    "2026-11-24, 2026-W48, 2026-11, 2026Q4, 2026H2, 2026": "统计期：2026-11-24、2026-W48、2026-11、2026Q4、2026H2 或 2026",
    "YYYY-MM-DD (default: today in China)": "截至日期 YYYY-MM-DD（默认：北京时间今天）",
    "a division code: that region and all under it": "区划代码：该区划及其下全部区划",
    "what the report covers (default all)": "报告内容（默认 all：全部）",
    "body font of a PDF (default: the report_font setting, else sans)": "PDF 正文字体（默认：report_font 设置，否则黑体 sans）",
    "the file to write: *.pdf or *.xlsx": "要写入的文件：*.pdf 或 *.xlsx",
    "the visit's id (or a unique prefix of 8+ characters)": "督导记录的编号（或不少于 8 个字符的唯一前缀）",
    "body font (default: the setting)": "正文字体（默认：按设置）",
    "the PDF file to write": "要写入的 PDF 文件",
    "the unit's own code, e.g. 430211-01": "本单位代码，例如 430211-01",
    "the unit's division code": "本单位的区划代码",
    "the unit's division code; it and the regions above it are added from the official codes":
        "本单位的区划代码；该区划及其上级区划按统计用区划代码自动添加",
    "the region tree from the official division codes": "按国家统计局统计用区划代码建立区划树",
    "add a division, its ancestors and everything under it (统计用区划代码)":
        "添加一个区划、其上级区划和其下全部区划（统计用区划代码）",
    "division code: 43 or 430000, 4302 or 430200, 430204, 430204001 ...":
        "区划代码：43 或 430000、4302 或 430200、430204、430204001……",
    "code set year (default: the newest shipped)": "区划代码的年份（默认：本软件自带的最新年份）",
    "first admin account (default: admin)": "首个管理员账户名（默认：admin）",
    "a city bureau's database": "建立市局（汇总单位）的数据库",
    "print JSON (the only output form)": "以 JSON 输出（唯一的输出格式）",
    "the unit's code and key fingerprint, and the trusted units": "本单位代码和密钥指纹，以及受信任单位",
    "write this unit's enrolment file": "写出本单位的登记文件",
    "trust a unit's enrolment file": "信任一个单位的登记文件",
    "stop trusting a unit": "不再信任一个单位",
    "the fingerprint read out by the other side": "对方读给你的密钥指纹",
    "write a signed bundle of what the peer lacks": "写出对方尚未收到的变更（签名的数据包）",
    "verify and merge bundles": "校验并合并数据包",
    "bundle file (or a folder to write it in)": "数据包文件（或写入的文件夹）",
    "the receiving unit's code": "接收单位的代码",
    "everything in the peer's scope": "对方范围内的全部数据",
    "the .xlsx file to write": "要写入的 .xlsx 文件",
    "the workbook, or a folder of CSV files named after the sheets": "工作簿，或以工作表命名的 CSV 文件所在的文件夹",
    "check everything, write nothing": "只检查，不写入",
    "print the result as JSON": "以 JSON 输出结果",
    "only records dated in this period (e.g. 2026Q2)": "只导出日期在此统计期内的记录（例如 2026Q2）",
    "a division code: it and every region under it": "区划代码：该区划及其下全部区划",
    "rank the regions one level below on a figure": "按一项指标给下一级区划排名",
    "lift an account's lock-out after wrong passwords (admins)": "解除因密码输错而锁定的账户（管理员）",
    "2026-11, 2026Q4, 2026H2, 2026 ...": "统计期：2026-11、2026Q4、2026H2、2026 等",
    "a division code (default: the unit's own region)": "区划代码（默认：本单位所在区划）",
    "supervision | coverage | daily | weekly | monthly | platform_use | disposal (default supervision)":
        "排名指标：supervision 督导 | coverage 包保覆盖 | daily 日管控 | weekly 周排查 | monthly 月调度 | "
        "platform_use 平台应用 | disposal 核查处置（默认 supervision）",
    "print JSON instead of a table": "以 JSON 输出，而不是表格",
    "confirm a change of a known unit's area or kind (it decides what it may change)":
        "确认已知单位的辖区或类型变更（这决定它能修改哪些数据）",
    "confirm trusting a revoked unit again": "确认重新信任一个已撤销信任的单位",
    # reminders
    "Write the completion report for a period: --out F.pdf or F.xlsx. --kind tasks writes the 督导任务单 "
    "(each cadre's visits due in the period) instead, --kind reminders the 督导提醒 (each cadre's visits "
    "still owed), --kind bulletin the 通报 (PDF: progress, ranking, who is behind).":
        "生成统计期的完成情况报告：--out F.pdf 或 F.xlsx。用 --kind tasks 则生成督导任务单"
        "（各干部本期应督导的主体），--kind reminders 生成督导提醒（各干部尚未完成的督导任务），"
        "--kind bulletin 生成通报（PDF：进度、排名、落后乡镇和干部）。",
    "with --kind tasks or reminders: only this cadre": "配合 --kind tasks 或 reminders：只生成这名干部的",
    "with --kind reminders: a page per cadre, or a group per township (default cadre)":
        "配合 --kind reminders：cadre 每名干部一页，township 每个乡镇一组（默认 cadre）",
    # schedule
    "plan the open visits of a period (排期), save the plan, write it as PDF, .ics or JSON":
        "督导排期：为期间内未完成的督导排出日期，保存排期，输出为 PDF、.ics 日历或 JSON",
    "Propose a working day for every visit still owed in the period (holidays and make-up days respected, one "
    "village a day, high-risk businesses first and on site), save the plan (entries edited in the app are kept) "
    "and write it.":
        "为期间内每一次尚未完成的督导安排一个工作日（遵守法定节假日和调休，同村同日，高风险主体优先且现场督导），"
        "保存排期（在程序中调整过的排期保留不变）并输出。",
    "2026-11, 2026Q4, 2026H2, 2026 (the period to finish)": "要完成的期间：2026-11、2026Q4、2026H2、2026",
    "YYYY-MM-DD (default: today in China); plans from the next day":
        "截至日期 YYYY-MM-DD（默认：北京时间今天）；从次日起排期",
    "only this cadre (mobile number)": "只排这名干部（手机号）",
    "finish N working days before the period ends (default: the setting, 5)":
        "在期末前 N 个工作日完成（默认：设置值，5）",
    "at most N businesses a day for one cadre (default: the setting, 6)":
        "每名干部每天最多督导 N 户（默认：设置值，6）",
    "write the schedule as PDF, a page group per cadre": "输出排期表 PDF，每名干部单独成页",
    "write the planned visits as an iCalendar file": "输出排期日历文件（.ics）",
    "print the schedule as JSON": "以 JSON 输出排期",
}

# argparse's own words (it looks each up through its module-level gettext function at run time).
ARGPARSE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
}
