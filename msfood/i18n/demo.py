"""Messages of the demo data generator (`msfood demo`)."""

MESSAGES = {
    "demo.db_exists": (
        "演示数据只能写入新的数据库文件：{path} 已存在。请换一个新的文件名。",
        "Demo data can only go into a new database file: {path} already exists. Choose a new file name.",
    ),
    "demo.needs_file": (
        "演示数据只能写入新的数据库文件，不能写入数据库服务器：{path}",
        "Demo data can only go into a new database file, not a database server: {path}",
    ),
    "demo.not_empty": (
        "演示数据只能写入新的数据库文件：该数据库已有包保主体。",
        "Demo data can only go into a new database file: this database already holds businesses.",
    ),
    "demo.scale": (
        "规模“{value}”无效，可选：{choices}",
        "“{value}” is not a scale; choose one of: {choices}",
    ),
    "demo.year_range": (
        "年份 {value} 无效：演示数据的年份应在 {first} 至 {last} 之间。",
        "The year {value} is not valid: demo data years run from {first} to {last}.",
    ),
    "demo.step.regions": ("行政区划", "Regions"),
    "demo.step.businesses": ("包保主体", "Businesses"),
    "demo.step.cadres": ("包保干部和包保关系", "Cadres and assignments"),
    "demo.step.visits": ("督导记录和问题整改", "Visits and problems"),
    "demo.step.selfchecks": ("日管控、周排查、月调度记录", "Self-checks"),
    "demo.step.sampling": ("抽检和抽检计划", "Sampling and plans"),
    "demo.step.rapid_tests": ("快检", "Rapid tests"),
    "demo.step.done": ("完成", "Done"),
    "demo.account.admin": ("演示管理员", "Demo admin"),
    "demo.account.liaison": ("演示联络员", "Demo liaison officer"),
    "demo.account.viewer": ("演示查看者", "Demo viewer"),
    "demo.account.bureau": ("演示市局管理员", "Demo bureau admin"),
    "demo.progress": ("[{percent:>3}%] {label}", "[{percent:>3}%] {label}"),
    "demo.done": (
        "已创建演示数据库 {path}（{scale}，种子 {seed}，{first} 至 {last}），"
        "共 {total} 行，用时 {seconds} 秒。",
        "Created the demo database {path} ({scale}, seed {seed}, {first} to {last}): {total} rows in "
        "{seconds} s.",
    ),
    "demo.counts": ("各表行数：", "Rows per table:"),
    "demo.accounts": ("演示账号（用户名 / 密码 / 角色）：", "Demo accounts (user / password / role):"),
    "demo.scale.station": ("监管所规模", "station scale"),
    "demo.scale.county": ("县级规模", "county scale"),
    "demo.scale.city": ("市级规模", "city scale"),
}
