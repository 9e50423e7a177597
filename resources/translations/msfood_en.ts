<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminMenu</name>
    <message>
        <location filename="../../ui/dialogs/admin_menu.py" line="+34"/>
        <source>导入 Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>管理(&amp;M)</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>关闭与重新开放期间…</source>
        <translation>Close and reopen periods…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>督导任务单与整改通知书…</source>
        <translation>Visit task lists and rectification notices…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>督导提醒与通报…</source>
        <translation>Visit reminders and bulletin…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>督导排期…</source>
        <translation>Visit schedule…</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/startup.py" line="+265"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>新数据库保存到</source>
        <translation>Save the new database as</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>食安包保数据库 (*.sqlite)</source>
        <translation>msfood databases (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>BackupRestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs/backup_restore.py" line="+47"/>
        <source>导入 Excel 前</source>
        <translation>Before Excel import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入同步包前</source>
        <translation>Before bundle import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>升级数据库前</source>
        <translation>Before database upgrade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>把当前数据库完整复制到一个文件。备份文件含本单位的密钥，请存放在安全的位置，不要外传。</source>
        <translation>Copies the whole database to one file. The backup holds this unit&apos;s key: keep it in a safe place and do not pass it on.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>立即备份到文件…</source>
        <translation>Back up to a file now…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自动备份（导入、同步、升级和恢复之前自动生成）：</source>
        <translation>Automatic backups (made before each import, sync, upgrade and restore):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备份时间</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>检查所选自动备份…</source>
        <translation>Check the selected backup…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>从备份文件恢复…</source>
        <translation>Restore from a backup file…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>选择一个备份后，这里列出恢复前后的对比。</source>
        <translation>Choose a backup to compare the database before and after the restore here.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>当前数据库（恢复前）</source>
        <translation>Current database (before restore)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>备份文件（恢复后）</source>
        <translation>Backup file (after restore)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>我确认要用其他单位的备份覆盖本单位的数据库</source>
        <translation>I confirm: replace this unit&apos;s database with another unit&apos;s backup</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>恢复此备份…</source>
        <translation>Restore this backup…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>只有站点管理员可以备份和恢复数据库。</source>
        <translation>Only a site admin can back up and restore the database.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{code}-备份-{stamp}.sqlite</source>
        <translation>{code}-backup-{stamp}.sqlite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备份到文件</source>
        <translation>Back up to a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>食安包保数据库 (*.sqlite)</source>
        <translation>msfood databases (*.sqlite)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>正在备份</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已备份到 {path}（{size}）。</source>
        <translation>Backed up to {path} ({size}).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>食安包保数据库 (*.sqlite);;所有文件 (*)</source>
        <translation>msfood databases (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>正在检查 {name}……</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正在检查备份</source>
        <translation>Checking the backup</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>不能恢复这个文件：{reason}</source>
        <translation>This file cannot be restored: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据最后修改</source>
        <translation>Data last changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件时间</source>
        <translation>File time</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} 检查通过：完整的食安包保数据库。恢复后，当前数据库将被替换为此备份（恢复前会自动备份当前数据库）。</source>
        <translation>{name} passed the check: a complete msfood database. Restoring replaces the current database with this backup (the current database is backed up first).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>注意：这是另一个单位（{code}）的备份。</source>
        <translation>Note: this is a backup of another unit ({code}).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>确认恢复</source>
        <translation>Confirm restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用 {name}（数据最后修改于 {when}）替换当前数据库？
包保主体 {b0} → {b1}，督导记录 {v0} → {v1}。
恢复前会自动备份当前数据库；恢复后需要重新登录。</source>
        <translation>Replace the current database with {name} (data last changed {when})?
Businesses {b0} → {b1}, visits {v0} → {v1}.
The current database is backed up first; you will need to sign in again afterwards.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>正在恢复</source>
        <translation>Restoring</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已从 {name} 恢复数据库。
恢复前的数据库已自动备份：{safety}
现在重新打开数据库，请重新登录。</source>
        <translation>The database was restored from {name}.
The database as it was before has been backed up: {safety}
The database will now be reopened; please sign in again.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/charts.py" line="+141"/>
        <source>{value}（{note}）</source>
        <translation>{value} ({note})</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../ui/pages/sync/conflicts.py" line="+197"/>
        <source>显示已处理的</source>
        <translation>Show resolved</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>两个版本对照</source>
        <translation>Both versions</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>只显示不同的字段</source>
        <translation>Only the fields that differ</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>保留现有版本</source>
        <translation>Keep the current version</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+70"/>
        <source>改用另一版本</source>
        <translation>Take the other version</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>两者都保留</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>有 {n} 处冲突等待处理。</source>
        <translation>{n} conflict(s) wait for review.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有等待处理的冲突。</source>
        <translation>No conflict waits for review.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>选择上面的一处冲突，对照两个版本。</source>
        <translation>Choose a conflict above to compare its versions.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{table}“{record}”：{reason}</source>
        <translation>{table} “{record}”: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{lost_by} 于 {lost_at} 录入的记录与本库已有的记录唯一标识相同，已暂放一边。“改用另一版本”会把它的内容合并到本库这条记录中；“保留现有版本”则放弃它。</source>
        <translation>A record entered by {lost_by} on {lost_at} claims the key of a record already here, so it was set aside. “Merge” puts its content into the record here; “Keep the current version” drops it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>合并为一条（采用另一版本的内容）</source>
        <translation>Merge (take the other version&apos;s content)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>两处在同步前各自修改了这条记录：现有版本由 {kept_by} 于 {kept_at} 修改，另一版本由 {lost_by} 于 {lost_at} 修改。请核实后选择保留哪一个。</source>
        <translation>Both ends edited this record before syncing: the current version by {kept_by} on {kept_at}, the other by {lost_by} on {lost_at}. Check, then choose which to keep.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>（已于 {at} 处理：{choice}）</source>
        <translation> (resolved on {at}: {choice})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>这类记录有唯一标识（如信用代码、手机号），不能两者都保留</source>
        <translation>Records of this kind have a key (a credit code, a phone number): both cannot be kept</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>本单位</source>
        <translation>this unit</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/pages/dashboard/page.py" line="+48"/>
        <source>月度</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>半年度</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard/records.py" line="+36"/>
        <location line="+46"/>
        <location line="+31"/>
        <location line="+47"/>
        <source>主体名称</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督导周期</source>
        <translation>Rule period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>要求次数</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已督导次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近督导</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>包保干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>经营地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>未完成的督导任务</source>
        <translation>Missed visit duties</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未完成的督导任务（{level}）</source>
        <translation>Missed visit duties ({level})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>进行中、尚未完成的督导任务</source>
        <translation>Open visit duties not yet met</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>督导日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>抽样单编号</source>
        <translation>Sample no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>样品名称</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不合格项目</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收到结论日期</source>
        <translation>Result received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置期限</source>
        <translation>Handling deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复检申请截止</source>
        <translation>Retest request by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置完成日期</source>
        <translation>Handled on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>不合格样品待处置</source>
        <translation>Failed samples awaiting handling</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>逾期未处置的不合格样品</source>
        <translation>Failed samples past their handling deadline</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>自查记录不全的主体</source>
        <translation>Businesses with missing self-checks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}未覆盖的主体</source>
        <translation>Businesses not covered: {kind}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>自查类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺少的记录</source>
        <translation>Missing records</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard/page.py" line="+37"/>
        <source>督导（属地管理责任）</source>
        <translation>Supervision (local responsibility)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>督导完成率</source>
        <translation>Visit completion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{level}督导完成率</source>
        <translation>Visit completion: {level}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>进行中的督导任务</source>
        <translation>Open visit duties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督导次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保覆盖率</source>
        <translation>Guarantee coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>问题整改率</source>
        <translation>Problems rectified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期未整改问题</source>
        <translation>Overdue problems</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>企业自查（主体责任）</source>
        <translation>Self-checks (business responsibility)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>日管控覆盖率</source>
        <translation>Daily checks coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周排查覆盖率</source>
        <translation>Weekly reviews coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月调度覆盖率</source>
        <translation>Monthly meetings coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平台应用率</source>
        <translation>Platform use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日管控记录数</source>
        <translation>Daily check records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周排查记录数</source>
        <translation>Weekly review records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月调度记录数</source>
        <translation>Monthly meeting records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自查发现问题数</source>
        <translation>Issues found by self-checks</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>抽检与处置</source>
        <translation>Sampling and handling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不合格待处置</source>
        <translation>Failed, awaiting handling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期未处置</source>
        <translation>Handling overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽检计划完成率</source>
        <translation>Sampling plan completion</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+244"/>
        <source>各乡镇（街道）督导完成率</source>
        <translation>Visit completion by township</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>指标</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>趋势</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>◀ 上一期</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>下一期 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本期</source>
        <translation>Current</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{key}（{start} 至 {end}，截至 {as_of}）</source>
        <translation>{key} ({start} to {end}, as of {as_of})</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>正在计算</source>
        <translation>Computing</translation>
    </message>
    <message>
        <location line="-142"/>
        <location line="+165"/>
        <source>正在更新…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>无法计算统计数据：{reason}</source>
        <translation>The figures could not be computed: {reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>各乡镇（街道）督导进度（本期进行中：已完成/本期全部任务）</source>
        <translation>Supervision progress per township (period running: met / all obligations of the period)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>尚未建立乡镇（街道）区划，或本期没有督导任务。</source>
        <translation>No townships in the region tree yet, or no visits owed this period.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard/tiles.py" line="+49"/>
        <location line="+33"/>
        <source>进度 {rate}</source>
        <translation>Progress {rate}</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+33"/>
        <source>已完成 {met} / 本期任务 {total}</source>
        <translation>{met} met of {total} this period</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>本期任务已全部完成</source>
        <translation>Everything owed this period is met</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>剩余 {days} 天（工作日 {workdays} 天），尚需 {n} 项，每个工作日约需 {pace} 项</source>
        <translation>{days} days left ({workdays} working days); {n} still to meet, about {pace} a working day</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>剩余 {days} 天，已无工作日，尚需 {n} 项</source>
        <translation>{days} days left, no working day; {n} still to meet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>本期没有督导任务</source>
        <translation>No visits owed this period</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>本期没有该层级的督导任务</source>
        <translation>No visits owed at this level this period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{window} 的全部督导（不论是否计入完成率）</source>
        <translation>all visits {window} (counting toward the rate or not)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{window}，辖区全部主体</source>
        <translation>{window}, every business in the region</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{window} 自查记录中发现的问题数之和</source>
        <translation>issues found in the self-check records {window}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>本期尚无到期的督导任务</source>
        <translation>No visit duties due yet this period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周期未结束，{n} 个任务尚未达到次数</source>
        <translation>Period still running: {n} duties short of their count</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>应督导 {due}，已完成 {met}，未完成 {missed}</source>
        <translation>Due {due}, met {met}, missed {missed}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>应督导 {due}，未完成 {missed}</source>
        <translation>Due {due}, missed {missed}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>周期未结束、尚未达到次数</source>
        <translation>Period still running, count not yet reached</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>在营 {operating} 家，已包保 {guaranteed} 家</source>
        <translation>{operating} operating, {guaranteed} guaranteed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>到期 {due} 个，已销号 {closed} 个（本期发现 {found} 个）</source>
        <translation>{due} due, {closed} closed ({found} found this period)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>超过整改期限仍未销号</source>
        <translation>Past the deadline and not closed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>应自查 {owing} 家，达标 {covered} 家；记录天数 {days}/{op}</source>
        <translation>{owing} owing, {covered} covered; record days {days}/{op}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>适用 {n} 家，覆盖 {c} 家</source>
        <translation>{n} applicable, {c} covered</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>应自查 {owing} 家，有记录 {active} 家</source>
        <translation>{owing} owing, {active} with records</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>最近一件剩余 {days} 天</source>
        <translation>Nearest deadline in {days} days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最早一件已逾期 {days} 天</source>
        <translation>Oldest is {days} days overdue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>没有待处置的不合格样品</source>
        <translation>No failed samples awaiting handling</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本期收到结论 {n} 件，已处置 {c} 件</source>
        <translation>{n} results received this period, {c} handled</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>年度计划 {p} 批，累计 {d} 批</source>
        <translation>Annual plan {p} batches, {d} so far</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>监督抽检 {b} 批：合格 {ok}，不合格 {bad}，待检 {wait}；全部类型 {all} 批</source>
        <translation>Supervisory sampling: {b} batches, {ok} passed, {bad} failed, {wait} pending; {all} batches of all types</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard/figure_records.py" line="+58"/>
        <source>逾期未整改的问题</source>
        <translation>Overdue problems</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>统计期间 {key}，截至 {as_of}</source>
        <translation>Period {key}, as of {as_of}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard/page.py" line="-165"/>
        <source>任务单…</source>
        <translation>Task lists…</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>监督抽检不合格率</source>
        <translation>Supervisory sampling failure rate</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>督导任务单（PDF）</source>
        <translation>Cadres&apos; visit task lists (PDF)</translation>
    </message>
</context>
<context>
    <name>DivisionPicker</name>
    <message>
        <location filename="../../ui/regions/picker.py" line="+144"/>
        <source>省级</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>地级</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>乡级（乡镇、街道）</source>
        <translation>Township (town, street)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>输入名称或拼音</source>
        <translation>Type a name or pinyin</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+43"/>
        <source>输入有误</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>记录冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有权限</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到记录</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无需操作</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无法继续</source>
        <translation>Cannot continue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>内存不足，请关闭其他程序后重试。</source>
        <translation>Out of memory: close other programs and try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>无法读写文件：{file}（{reason}）</source>
        <translation>Cannot read or write {file} ({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>程序遇到了意外错误，操作没有完成。详细信息已记入日志：{path}</source>
        <translation>An unexpected error stopped the operation. Details are in the log: {path}</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <location filename="../../ui/pages/sync/exchange.py" line="+59"/>
        <source>导出同步包（发给对方）</source>
        <translation>Export a bundle (to send)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>发给</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同步包写入的文件夹，可以是U盘</source>
        <translation>The folder the bundle is written to; a USB stick will do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>保存到</source>
        <translation>Save in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>完整导出（连同对方已确认收到的数据）</source>
        <translation>Full export (including what the receiver has confirmed)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>对方数据库重建或丢失数据时使用；平时只发送对方还没有的数据</source>
        <translation>For a receiver that rebuilt or lost its database; normally only what it lacks is sent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导出同步包</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;如何同步&lt;/b&gt;&lt;ol style=&apos;margin-left: -20px&apos;&gt;&lt;li&gt;第一次：在“信任的单位”中导出本单位登记文件交给对方，导入对方的登记文件，并互相电话核对密钥指纹。&lt;/li&gt;&lt;li&gt;每次：导出同步包（可直接保存到U盘），交给对方导入；对方发来的同步包在右侧导入。&lt;/li&gt;&lt;li&gt;同步包丢失不要紧：对方没有确认收到的数据会随下一个同步包再次发送。&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;b&gt;How to sync&lt;/b&gt;&lt;ol style=&apos;margin-left: -20px&apos;&gt;&lt;li&gt;The first time: under “Trusted units”, export this unit&apos;s enrolment file for the other side, trust theirs, and compare the key fingerprints by phone.&lt;/li&gt;&lt;li&gt;Each time: export a bundle (straight to a USB stick if you like) for the other side to import; import the bundles they send on the right.&lt;/li&gt;&lt;li&gt;A lost bundle does no harm: whatever the receiver has not confirmed goes again with the next bundle.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>导入同步包（对方发来的）</source>
        <translation>Import bundles (received)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导入同步包…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>可一次选择多个文件；导入前会自动备份数据库，任何一个包校验不通过都不会写入。</source>
        <translation>Several files may be chosen at once. The database is backed up first; a bundle that fails any check writes nothing.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>尚未导入同步包。</source>
        <translation>No bundle imported yet.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>查看冲突</source>
        <translation>Review conflicts</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{name}（{code}，{kind}）</source>
        <translation>{name} ({code}, {kind})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未指定接收单位（完整导出，不加密）</source>
        <translation>No receiver (full export, not encrypted)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>尚未信任任何单位：导出的同步包不加密，任何信任本单位的单位都可导入。</source>
        <translation>No unit is trusted yet: the bundle is not encrypted, and any unit that trusts this one can import it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>上次发给该单位的是第 {n} 号同步包；本次只发送对方尚未确认收到的数据。</source>
        <translation>The last bundle sent to this unit was number {n}; this one carries only what it has not confirmed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>还没有向该单位发送过同步包；本次将发送其范围内的全部数据。</source>
        <translation>No bundle has been sent to this unit yet; this one carries everything in its scope.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同步包会加密，只有该单位能打开。</source>
        <translation> The bundle is encrypted: only that unit can open it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择保存同步包的文件夹或U盘</source>
        <translation>Choose the folder or USB stick for bundles</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件夹不存在：{path}。请选择一个已有的文件夹或U盘。</source>
        <translation>The folder does not exist: {path}. Choose an existing folder or USB stick.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在导出同步包</source>
        <translation>Exporting the bundle</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>任何信任本单位的单位</source>
        <translation>any unit that trusts this one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导出：{path}
发往 {receiver}，第 {n} 号，{rows} 条记录</source>
        <translation>Exported: {path}
To {receiver}, number {n}, {rows} records</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>，已加密</source>
        <translation>, encrypted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>。请把此文件交给对方导入。</source>
        <translation>. Hand this file to the receiver to import.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>选择要导入的同步包</source>
        <translation>Choose the bundles to import</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>同步包 (*.msfb);;所有文件 (*)</source>
        <translation>Bundles (*.msfb);;All files (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导入同步包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入选中的 {n} 个同步包？导入前会自动备份数据库。</source>
        <translation>Import the {n} chosen bundle(s)? The database is backed up first.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>正在导入同步包</source>
        <translation>Importing bundles</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>共 {files} 个文件：导入 {imported} 个，跳过 {already} 个，未导入 {refused} 个。新增 {new} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 处。</source>
        <translation>{files} file(s): {imported} imported, {already} skipped, {refused} refused. {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>有 {n} 处冲突等待处理。</source>
        <translation>{n} conflict(s) wait for review.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start.py" line="+73"/>
        <source>正在准备演示数据库……</source>
        <translation>Preparing the demo database…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>欢迎使用食安包保</source>
        <translation>Welcome to msfood</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>首次使用，请设置本站点的数据库；也可以先用演示数据试一试。</source>
        <translation>First start: set up this station&apos;s database, or try the demo data first.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>新建站点</source>
        <translation>New station</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>数据库文件</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选到本单位管辖的范围：管辖一个乡镇（街道）的选到乡镇，管辖多个乡镇的选到县（区），市局选到市。</source>
        <translation>Choose what your unit covers: a township (street) if it covers one, the county (district) if it covers several, the city for a city bureau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>所属区划</source>
        <translation>Division</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>站点代码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：430211-01</source>
        <translation>e.g. 430211-01</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：天元区嵩山路市场监管所</source>
        <translation>e.g. 天元区嵩山路市场监管所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>管理员账号</source>
        <translation>Admin user name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>管理员密码</source>
        <translation>Admin password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>至少 6 个字符</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>创建站点数据库</source>
        <translation>Create the station database</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>其他方式</source>
        <translation>Other ways</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>最近打开的数据库（双击打开）：</source>
        <translation>Recently opened (double-click to open):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>试用演示数据</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>演示数据保存在单独的文件中：{path}，不会混入站点数据库。</source>
        <translation>Demo data goes into its own file, {path}, never into a station&apos;s database.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开已有数据库…</source>
        <translation>Open a database…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>不选择区划也可以创建，之后在“区划管理”中载入。</source>
        <translation>You may create the database without a division and load the regions later in Regions.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>将载入 {label}（{code}）、其上级区划和其下 {count} 个区划（{year} 年统计用区划代码）。</source>
        <translation>Will load {label} ({code}), the regions above it and the {count} regions under it ({year} statistical division codes).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>将载入 {label}（{code}）、其上级区划和其下全部区划（{year} 年统计用区划代码）。</source>
        <translation>Will load {label} ({code}), the regions above it and every region under it ({year} statistical division codes).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{first}；{then}</source>
        <translation>{first}; {then}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>正在创建站点数据库并载入区划……</source>
        <translation>Creating the station database and loading its regions…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>新数据库保存到</source>
        <translation>Save the new database as</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>食安包保数据库 (*.sqlite)</source>
        <translation>msfood databases (*.sqlite)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>打开数据库</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>食安包保数据库 (*.sqlite);;所有文件 (*)</source>
        <translation>msfood databases (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../ui/forms/checklist_editor.py" line="+32"/>
        <source>检查项目</source>
        <translation>Check item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>↑↓ 选择项目；按 1 符合、2 不符合、3 不适用，0 清除，空格键轮换</source>
        <translation>↑↓ choose an item; press 1 Conforms, 2 Does not conform, 3 Not applicable, 0 to clear, Space to cycle</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>（未填）</source>
        <translation>(not filled)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/fields.py" line="+105"/>
        <source>从日历选择</source>
        <translation>Pick from the calendar</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/forms/kinds.py" line="+104"/>
        <location line="+59"/>
        <source>包保主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>主体名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18 位，摊贩可不填</source>
        <translation>18 characters; street vendors may leave it blank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>许可证编号</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JY/SC/YB 开头，摊贩填登记号</source>
        <translation>Starts with JY/SC/YB; vendors enter their registration no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主体业态</source>
        <translation>Business form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>高风险</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>所属区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>经营规模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>风险等级</source>
        <translation>Risk grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经营地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>负责人</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>休息日</source>
        <translation>Rest days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 周六、周日；不休息则留空</source>
        <translation>e.g. Sat, Sun; leave blank if open every day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经营状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态日期</source>
        <translation>Status since</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+25"/>
        <source>包保干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作单位</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>输入名称、拼音首字母或信用代码</source>
        <translation>Type a name, pinyin initials or a credit code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>输入姓名、拼音首字母或手机号</source>
        <translation>Type a name, pinyin initials or a mobile number</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>包保关系</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺书签订日期</source>
        <translation>Pledge signed on</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>督导记录</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>督导日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>督导方式</source>
        <translation>Visit mode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>检查情况</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>整改问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/forms/problems_editor.py" line="+45"/>
        <source>问题描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/forms/problems_editor.py" line="+1"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/forms/problems_editor.py" line="+1"/>
        <source>整改状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/forms/problems_editor.py" line="+1"/>
        <source>整改完成日期</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>自查记录</source>
        <translation>Self-check</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发现问题数</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>抽检记录</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>抽样单编号</source>
        <translation>Sample no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>抽样日期</source>
        <translation>Sampling date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽检类型</source>
        <translation>Sampling type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>食品大类</source>
        <translation>Food category</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+38"/>
        <source>样品名称</source>
        <translation>Sample name</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>批号或生产日期</source>
        <translation>Batch or production date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检验机构</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>送达检验机构日期</source>
        <translation>Received by the lab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检验结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收到结论日期</source>
        <translation>Result received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不合格项目</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申请复检</source>
        <translation>Retest requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置措施</source>
        <translation>Handling measures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置完成日期</source>
        <translation>Handled on</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>快检记录</source>
        <translation>Rapid test</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>快检日期</source>
        <translation>Test date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>检测项目</source>
        <translation>Test item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>检测批次</source>
        <translation>Batches tested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>阳性批次</source>
        <translation>Positive batches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>销毁数量（千克）</source>
        <translation>Destroyed (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/problems_editor.py" line="+15"/>
        <source>（按完成日期）</source>
        <translation>(from the date rectified)</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>添加问题（Alt+A）</source>
        <translation>Add problem (Alt+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除当前问题（Alt+D）</source>
        <translation>Remove this problem (Alt+D)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tab 逐格移动，最后一格后离开表格；整改状态格按空格键切换；Insert 添加，Ctrl+Delete 删除</source>
        <translation>Tab moves cell by cell and leaves the table after the last cell; Space changes the status; Insert adds a problem, Ctrl+Delete removes it</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_form.py" line="+50"/>
        <source>第 {0} 个问题：</source>
        <translation>Problem {0}: </translation>
    </message>
    <message>
        <location line="+80"/>
        <source>连续录入（保存后留在此表单，录入下一条）</source>
        <translation>Quick entry (stay in this form after saving, for the next record)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+52"/>
        <location filename="../../ui/forms/undo.py" line="+37"/>
        <source>修改{0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/forms/undo.py" line="-4"/>
        <source>新增{0}</source>
        <translation>New {0}</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>已更新：{0}（已有同一条记录）。请录入下一条。</source>
        <translation>Updated: {0} (it was already kept). Enter the next one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已有同一条记录：{0}，内容相同，未作修改。请录入下一条。</source>
        <translation>Already kept: {0}, with the same content; nothing was changed. Enter the next one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已保存：{0}。请录入下一条。</source>
        <translation>Saved: {0}. Enter the next one.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已保存。请留意上面的提示。</source>
        <translation>Saved. Please note the warnings above.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/undo.py" line="+2"/>
        <source>删除{0}</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <location filename="../../ui/forms/kinds.py" line="-236"/>
        <source>连锁角色</source>
        <translation>Chain role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>连锁总部</source>
        <translation>Chain headquarters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属分支机构</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>送达日期</source>
        <translation>Result served on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业收到检验结论之日，复检期限由此起算</source>
        <translation>The day the business received the result; the retest deadline counts from it</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>延期后处置期限</source>
        <translation>Extended deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>延期批准人</source>
        <translation>Extension approved by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>延期批准日期</source>
        <translation>Extension approved on</translation>
    </message>
    <message>
        <location filename="../../ui/forms/notices.py" line="+24"/>
        <location filename="../../ui/forms/pickers.py" line="+217"/>
        <source>请从下拉列表中选择</source>
        <translation>Please choose from the drop-down list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请选择{0}</source>
        <translation>Please choose {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已有同一条记录，已更新该记录。</source>
        <translation>This record was already kept; it has been updated.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已有同一条记录，内容相同，未作修改。</source>
        <translation>This record was already kept with the same content; nothing was changed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>表单中有尚未保存的修改。放弃这些修改吗？</source>
        <translation>This form has changes that are not saved. Discard them?</translation>
    </message>
    <message>
        <location filename="../../ui/forms/pickers.py" line="-162"/>
        <source>（该干部包保）</source>
        <translation> (this cadre&apos;s business)</translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+46"/>
        <source>无匹配</source>
        <translation>No match</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>有 {0} 个匹配，请用 ↓ 键选择后按回车</source>
        <translation>{0} matches: choose one with ↓ and press Enter</translation>
    </message>
</context>
<context>
    <name>GettingStartedPanel</name>
    <message>
        <location filename="../../ui/pages/dashboard/getting_started.py" line="+38"/>
        <source>开始使用：还没有包保名册，工作台暂无数据。请按以下步骤完成设置：</source>
        <translation>Getting started: there is no roster yet, so the dashboard has no figures. Set up in these steps:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1. 载入区划</source>
        <translation>1. Load the regions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>区划管理…</source>
        <translation>Regions…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. 导入包保名册</source>
        <translation>2. Import the roster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. 添加包保干部</source>
        <translation>3. Add the cadres</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>包保干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4. 建立包保关系</source>
        <translation>4. Assign cadres to businesses</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>包保关系</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5. 与市局建立信任</source>
        <translation>5. Enrol with the city bureau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>数据同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>已有 {count} 个区划</source>
        <translation>{count} regions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从国家统计局区划代码载入本单位的乡镇、村（社区）</source>
        <translation>Load your townships, villages and communities from the official division codes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已有 {count} 个包保主体</source>
        <translation>{count} businesses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保主体、干部和包保关系可以用导入模板一次导入</source>
        <translation>Businesses, cadres and assignments can be imported at once with the import template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已有 {count} 名干部</source>
        <translation>{count} cadres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>市、县、乡、村四级包保干部</source>
        <translation>Cadres at city, county, township and village level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已有 {count} 条包保关系</source>
        <translation>{count} assignments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每个主体由哪位干部包保</source>
        <translation>Which cadre guarantees each business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已信任 {count} 个单位</source>
        <translation>{count} trusted units</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入各监管所的注册文件</source>
        <translation>Import the stations&apos; enrolment files</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>与市局交换注册文件，核对指纹</source>
        <translation>Exchange enrolment files with the city bureau and compare fingerprints</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../ui/help_window.py" line="+34"/>
        <source>帮助 — 食安包保</source>
        <translation>Help — msfood</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指标口径</source>
        <translation>How the figures are defined</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/dialogs/history.py" line="+28"/>
        <source>历史记录 — {title}</source>
        <translation>History — {title}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>历史记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>正在读取历史记录……</source>
        <translation>Reading the history…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>复制所选（Ctrl+C）</source>
        <translation>Copy selected (Ctrl+C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>共 {n} 次操作，最早 {first}，最近 {last}（{table}）。</source>
        <translation>{n} actions, first {first}, latest {last} ({table}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>这条记录没有历史记录。</source>
        <translation>This record has no history.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ui/pages/sync/history.py" line="+101"/>
        <source>每个单位发出的同步包按序号编号。缺失的序号表示有同步包没有送到（其内容会随后续同步包补发）。</source>
        <translation>Each unit numbers the bundles it sends. A missing number is a bundle that never arrived (its content comes again with later bundles).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>选择上面的单位，查看与其往来的同步包。</source>
        <translation>Choose a unit above to see the bundles exchanged with it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>收到的同步包</source>
        <translation>Bundles received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发出的同步包</source>
        <translation>Bundles sent</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>尚未信任任何单位，还没有往来的同步包。</source>
        <translation>No unit is trusted yet, so no bundle has been exchanged.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}（{code}）：已收到至第 {received} 号，已发出至第 {sent} 号；信任于 {at}</source>
        <translation>{name} ({code}): received up to number {received}, sent up to number {sent}; trusted on {at}</translation>
    </message>
</context>
<context>
    <name>ImportExcelDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_excel.py" line="+62"/>
        <source>导入 Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>从 Excel 工作簿（.xlsx、.xls）或 CSV 文件夹导入区划、包保主体、干部、包保关系和各类记录。先检查，没有问题才写入；有任何问题则一条也不写入。导入前自动备份数据库。</source>
        <translation>Imports regions, businesses, cadres, assignments and records from an Excel workbook (.xlsx, .xls) or a folder of CSV files. The file is checked first and written only if it has no problems; if any problem is found, nothing is written. The database is backed up before the import.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>第一步：按导入模板整理数据。</source>
        <translation>Step 1: arrange the data as in the import template.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存导入模板…</source>
        <translation>Save the import template…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>第二步：选择文件</source>
        <translation>Step 2: choose the file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>尚未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选择工作簿…</source>
        <translation>Choose a workbook…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>选择 CSV 文件夹…</source>
        <translation>Choose a CSV folder…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>检查（不写入）</source>
        <translation>Check (writes nothing)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+270"/>
        <source>问题清单</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="-267"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>复制所选（Ctrl+C）</source>
        <translation>Copy selected (Ctrl+C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出问题清单…</source>
        <translation>Export the problems…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>撤销此次导入…</source>
        <translation>Undo this import…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用导入前的自动备份恢复数据库（在“备份与恢复”中确认）</source>
        <translation>Restore the database from the backup made before the import (confirm it in Backup and restore)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>导入模板.xlsx</source>
        <translation>import-template.xlsx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存导入模板</source>
        <translation>Save the import template</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>导入模板已保存：{path}</source>
        <translation>Import template saved: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>选择要导入的工作簿</source>
        <translation>Choose the workbook to import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx *.xls);;All files (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>选择 CSV 文件所在的文件夹</source>
        <translation>Choose the folder holding the CSV files</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在检查工作簿</source>
        <translation>Checking the workbook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>正在导入工作簿</source>
        <translation>Importing the workbook</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>检查通过，没有发现错误（尚未写入）：共 {rows} 行，将新增 {new}、更新 {updated}，{unchanged} 条与已有数据相同。点“导入”写入。</source>
        <translation>Check passed, no errors found (nothing written yet): {rows} rows; {new} will be added, {updated} updated, {unchanged} are the same as the existing data. Click Import to write them.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>发现 {n} 个问题，没有写入任何数据。请按问题清单修改文件后重新检查。</source>
        <translation>{n} problems found; nothing was written. Correct the file as listed and check again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已取消，没有写入任何数据。</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>提示</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>确认导入</source>
        <translation>Confirm import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>将导入 {name}：新增 {new}、更新 {updated}。
导入前会自动备份当前数据库，如有需要可在“管理 → 备份与恢复”中恢复。
确定导入吗？</source>
        <translation>Import {name}: {new} added, {updated} updated.
The current database is backed up first; if needed, restore it under Admin → Backup and restore.
Import now?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>导入完成。</source>
        <translation>Import complete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（无：数据库不是本机文件）</source>
        <translation>(none: the database is not a local file)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新增 {new} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 条。
导入前的自动备份：{backup}（可在“管理 → 备份与恢复”中恢复）</source>
        <translation>{new} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts.
Backup made before the import: {backup} (restore it under Admin → Backup and restore)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>-问题清单</source>
        <translation>-problems</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出问题清单</source>
        <translation>Export the problems</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbooks (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>问题清单已导出：{path}</source>
        <translation>Problems exported: {path}</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <location filename="../../ui/pages/settings/page.py" line="+34"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../ui/models/columns.py" line="+27"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/models/list_columns.py" line="+21"/>
        <source>主体名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <location line="+35"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>许可证编号</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主体业态</source>
        <translation>Business form</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>包保等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>高风险</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <location line="+11"/>
        <location line="+15"/>
        <location line="+19"/>
        <source>所属区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>经营状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+16"/>
        <location line="+15"/>
        <location filename="../../ui/pages/roster/cadres.py" line="+27"/>
        <source>包保干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>负责人</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经营地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <location line="+15"/>
        <source>包保层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作单位</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>包保主体数</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+15"/>
        <location line="+8"/>
        <location line="+11"/>
        <location line="+14"/>
        <location filename="../../ui/pages/roster/businesses.py" line="+35"/>
        <source>包保主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺书签订日期</source>
        <translation>Pledge signed on</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>督导日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>督导方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>发现问题数</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>未销号问题</source>
        <translation>Open problems</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改状态</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改完成日期</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>抽样单编号</source>
        <translation>Sample no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽样日期</source>
        <translation>Sampling date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>抽检类型</source>
        <translation>Sampling type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>食品大类</source>
        <translation>Food category</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>样品名称</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>检验结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不合格项目</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收到结论日期</source>
        <translation>Result received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>处置措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置完成日期</source>
        <translation>Handled on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>快检日期</source>
        <translation>Test date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>检测项目</source>
        <translation>Test item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检测批次</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>阳性批次</source>
        <translation>Positives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/pages/records/visits.py" line="+24"/>
        <location filename="../../ui/pages/roster/assignments.py" line="+22"/>
        <location filename="../../ui/pages/roster/cadres.py" line="-5"/>
        <source>全部层级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../ui/pages/records/selfchecks.py" line="+28"/>
        <location filename="../../ui/pages/roster/assignments.py" line="+1"/>
        <location filename="../../ui/pages/roster/businesses.py" line="-8"/>
        <source>全部等级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster/assignments.py" line="+1"/>
        <source>在岗和已结束</source>
        <translation>Active and ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已结束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../ui/pages/records/visits.py" line="+6"/>
        <location filename="../../ui/pages/roster/assignments.py" line="+6"/>
        <source>搜索主体或干部：名称、信用代码、手机号或拼音首字母</source>
        <translation>Search business or cadre: name, credit code, mobile or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster/assignments.py" line="+2"/>
        <source>包保关系</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster/businesses.py" line="+1"/>
        <source>全部业态</source>
        <translation>All business forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/records/visits.py" line="+34"/>
        <location filename="../../ui/pages/roster/businesses.py" line="+1"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster/businesses.py" line="+4"/>
        <source>搜索名称、信用代码、许可证号、电话或拼音首字母（如 hdl）</source>
        <translation>Search name, credit code, licence no., phone or pinyin initials (e.g. hdl)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster/cadres.py" line="+4"/>
        <source>搜索姓名、手机号、工作单位或拼音首字母</source>
        <translation>Search name, mobile, workplace or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lists/filters.py" line="+57"/>
        <source>全部区划</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>全部期间</source>
        <translation>All periods</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上季度</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label}（{key}）</source>
        <translation>{label} ({key})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>期间，如 2026Q4</source>
        <translation>Period, e.g. 2026Q4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lists/page.py" line="+105"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>连续录入</source>
        <translation>Quick entry</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+244"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>撤销：{0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>复制选中行</source>
        <translation>Copy selected rows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>正在计数……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确定删除这条{0}记录吗？{1}</source>
        <translation>Delete this record ({0})? {1}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>历史记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lists/output.py" line="+66"/>
        <source>正在准备打印……</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>搜索：{0}</source>
        <translation>Search: {0}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导出 {0} 条记录到
{1}</source>
        <translation>Exported {0} records to
{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/records/sampling.py" line="+23"/>
        <source>全部结论</source>
        <translation>All results</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/records/selfchecks.py" line="-1"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部处置</source>
        <translation>Any handling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待处置</source>
        <translation>Awaiting handling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处置逾期</source>
        <translation>Handling overdue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>搜索抽样单编号、样品、食品大类或主体</source>
        <translation>Search sample no., sample, food category or business</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>抽检</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>阳性和阴性</source>
        <translation>Positive and negative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有阳性</source>
        <translation>With positives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部阴性</source>
        <translation>All negative</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>搜索样品、检测项目或主体</source>
        <translation>Search sample, test item or business</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>快检</source>
        <translation>Rapid tests</translation>
    </message>
    <message>
        <location filename="../../ui/pages/records/selfchecks.py" line="+6"/>
        <source>搜索主体名称、信用代码或拼音首字母</source>
        <translation>Search business name, credit code or pinyin initials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自查记录</source>
        <translation>Self-checks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/records/visits.py" line="-39"/>
        <source>全部方式</source>
        <translation>All modes</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+49"/>
        <source>督导记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>搜索问题描述、主体或干部</source>
        <translation>Search problem, business or cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>整改问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>整改通知书…</source>
        <translation>Rectification notice…</translation>
    </message>
    <message>
        <location filename="../../ui/models/list_columns.py" line="-12"/>
        <source>送达日期</source>
        <translation>Served on</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="+47"/>
        <source>登录 — 食安包保</source>
        <translation>Sign in — msfood</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>这是演示数据库。管理员账号：{user}，密码：{password}</source>
        <translation>This is the demo database. Admin account: {user}, password: {password}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>请输入用户名。</source>
        <translation>Enter your user name.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+65"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{at}（{peer}）</source>
        <translation>{at} ({peer})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>此页面暂时无法打开：{reason}</source>
        <translation>This page cannot be opened: {reason}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>演示数据：此数据库只供试用，数据均为虚构。请勿录入真实数据，也不要与市局同步。</source>
        <translation>Demo data: this database is for trying the app; everything in it is made up. Do not enter real data or sync it with the bureau.</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="+47"/>
        <source>记录(&amp;R)</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>连续录入</source>
        <translation>Quick entry</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开数据库…</source>
        <translation>Open a database…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>最近打开</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新建站点数据库…</source>
        <translation>New station database…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>试用演示数据</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>使用说明…</source>
        <translation>User guide…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+56"/>
        <source>关于食安包保</source>
        <translation>About msfood</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>打开数据库</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>食安包保数据库 (*.sqlite);;所有文件 (*)</source>
        <translation>msfood databases (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>食安包保：食品安全“两个责任”包保工作台账。
离线使用，数据通过同步包交换。
界面字体：文泉驿微米黑（Apache-2.0）。</source>
        <translation>msfood: the food-safety two-responsibilities tracker.
Works offline; data travels in sync bundles.
Interface font: WenQuanYi Micro Hei (Apache-2.0).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+151"/>
        <source>站点：{name}（{code}）</source>
        <translation>Station: {name} ({code})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用户：{user}（{role}）</source>
        <translation>User: {user} ({role})</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>最近发出：{sent}&#x3000;最近收到：{received}</source>
        <translation>Last sent: {sent}   Last received: {received}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>食安包保 — {name}</source>
        <translation>msfood — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>【演示数据】</source>
        <translation> [demo data]</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="+53"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>包保主体</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>包保干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>包保关系</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>督导记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>日管控/周排查/月调度</source>
        <translation>Self-checks</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>抽检与快检</source>
        <translation>Sampling and rapid tests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PapersDialog</name>
    <message>
        <location filename="../../ui/dialogs/papers.py" line="+62"/>
        <source>督导任务单与整改通知书</source>
        <translation>Visit task lists and rectification notices</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>督导任务单</source>
        <translation>Visit task lists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>每名包保干部在所选期间应完成的督导任务，每人一页，可打印后下发。</source>
        <translation>The visits each cadre must make in the chosen period, one page per cadre, ready to print and hand out.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>留空为全部干部；或填一名干部的手机号</source>
        <translation>Leave empty for all cadres, or enter one cadre&apos;s mobile number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>干部手机号</source>
        <translation>Cadre&apos;s mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成督导任务单 PDF…</source>
        <translation>Make the visit task lists (PDF)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>整改通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{date} 包保干部{cadre}督导{business}：发现问题 {n} 个，未销号 {open} 个。</source>
        <translation>{date}, cadre {cadre} visited {business}: {n} problems found, {open} still open.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>在“督导记录”列表中选中一条发现问题的督导记录，再点“整改通知书”。</source>
        <translation>In the Visits list, select a visit that found problems, then click Rectification notice.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>生成整改通知书 PDF…</source>
        <translation>Make the rectification notice (PDF)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>督导提醒与通报</source>
        <translation>Visit reminders and bulletin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>督导提醒：每名干部（或每个乡镇）尚未完成的督导任务，含主体地址和电话；已全部完成的干部不列入。通报：本期督导进度、各乡镇排名、落后乡镇和干部。期间和干部手机号同上。</source>
        <translation>Reminder: each cadre&apos;s (or each township&apos;s) visits still owed, with the businesses&apos; addresses and phones; cadres who have met everything are left out. Bulletin: the period&apos;s progress, the townships ranked, and the townships and cadres behind. Period and cadre phone as above.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>每名干部一页</source>
        <translation>A page per cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每个乡镇一组</source>
        <translation>A group per township</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提醒分组</source>
        <translation>Reminders by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成督导提醒 PDF…</source>
        <translation>Write the reminders PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>生成通报 PDF…</source>
        <translation>Write the bulletin PDF…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>这次督导没有发现问题，无需整改通知书</source>
        <translation>This visit found no problems; no rectification notice is needed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>督导任务单-{period}.pdf</source>
        <translation>visit-task-lists-{period}.pdf</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>正在生成督导任务单</source>
        <translation>Making the visit task lists</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>督导提醒-{period}.pdf</source>
        <translation>visit-reminders-{period}.pdf</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>正在生成督导提醒</source>
        <translation>Writing the visit reminders</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>督导通报-{period}.pdf</source>
        <translation>visit-bulletin-{period}.pdf</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>正在生成通报</source>
        <translation>Writing the bulletin</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>整改通知书-{business}-{date}.pdf</source>
        <translation>rectification-notice-{business}-{date}.pdf</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>正在生成整改通知书</source>
        <translation>Making the rectification notice</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../ui/pages/reports/period.py" line="+17"/>
        <source>月度</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>半年度</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>或输入期间，如 2026Q4、2026-11、2026-W48</source>
        <translation>or type a period, e.g. 2026Q4, 2026-11, 2026-W48</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>从列表中选择，或输入期间代码：2026-11-24、2026-W48、2026-11、2026Q4、2026H2、2026</source>
        <translation>Pick from the list, or type a period key: 2026-11-24, 2026-W48, 2026-11, 2026Q4, 2026H2, 2026</translation>
    </message>
</context>
<context>
    <name>PeriodsDialog</name>
    <message>
        <location filename="../../ui/dialogs/periods.py" line="+60"/>
        <source>关闭与重新开放期间</source>
        <translation>Close and reopen periods</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>期间数据上报后应关闭该期间：关闭后，日期在该期间内的督导、自查、抽检和快检记录不能再新增、修改或删除，统计数字保持不变。只有市局管理员可以重新开放已关闭的期间，并须说明原因。</source>
        <translation>Close a period once its figures have been reported: visits, self-checks, samples and rapid tests dated in a closed period can no longer be added, changed or deleted, so the figures stay as reported. Only a bureau admin can reopen a closed period, and must give a reason.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>关闭期间</source>
        <translation>Close a period</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>{key}（{start} 至 {end}）</source>
        <translation>{key} ({start} to {end})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>如 2026Q3、2026-09、2026H1、2026</source>
        <translation>e.g. 2026Q3, 2026-09, 2026H1, 2026</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭此期间…</source>
        <translation>Close this period…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已关闭和重新开放过的期间：</source>
        <translation>Periods closed or reopened so far:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>关闭人</source>
        <translation>Closed by</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>重新开放…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>只有市局管理员可以重新开放期间</source>
        <translation>Only a bureau admin can reopen a period</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>关闭窗口</source>
        <translation>Close window</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已重新开放</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>“{text}”不是有效的期间，例如 2026Q3、2026-09、2026H1、2026。</source>
        <translation>“{text}” is not a valid period; examples: 2026Q3, 2026-09, 2026H1, 2026.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>确认关闭期间</source>
        <translation>Confirm closing the period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭 {key}（{start} 至 {end}）？
关闭后，日期在此期间内的记录不能再新增、修改或删除；只有市局管理员可以重新开放。</source>
        <translation>Close {key} ({start} to {end})?
Records dated in this period can then no longer be added, changed or deleted; only a bureau admin can reopen it.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已关闭期间 {key}。</source>
        <translation>Period {key} closed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>重新开放期间</source>
        <translation>Reopen a period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放 {key} 的原因（将记入历史记录）：</source>
        <translation>Reason for reopening {key} (kept in the history):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请填写重新开放的原因。</source>
        <translation>Please give the reason for reopening.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>已重新开放期间 {key}。</source>
        <translation>Period {key} reopened.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="+12"/>
        <source>包保主体</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保关系</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督导记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督导发现的问题</source>
        <translation>Problems found on visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自查记录</source>
        <translation>Self-check records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽检批次</source>
        <translation>Sampled batches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快检记录</source>
        <translation>Rapid tests</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>此页面正在建设中，敬请期待。</source>
        <translation>This page is still being built.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{kind} {n} 条</source>
        <translation>{kind}: {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>数据库中现有：</source>
        <translation>In the database: </translation>
    </message>
</context>
<context>
    <name>Ranking</name>
    <message>
        <location filename="../../ui/pages/dashboard/ranking.py" line="+33"/>
        <source>督导完成率（进行中按进度）</source>
        <translation>Supervision (progress while running)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保覆盖率</source>
        <translation>Guarantee coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日管控覆盖率</source>
        <translation>Daily check coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周排查覆盖率</source>
        <translation>Weekly review coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月调度覆盖率</source>
        <translation>Monthly meeting coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平台应用率</source>
        <translation>Platform use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核查处置按时完成率</source>
        <translation>Cases closed on time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区域</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指标值</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成/应完成</source>
        <translation>Done / due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上期排名</source>
        <translation>Previous rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>升降</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>↑{n} 进位</source>
        <translation>↑{n} up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>↓{n} 退位</source>
        <translation>↓{n} down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>持平</source>
        <translation>same</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location line="+16"/>
        <source>排名指标</source>
        <translation>Rank on</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>正在计算排名…</source>
        <translation>Computing the ranking…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>无法计算排名：{reason}</source>
        <translation>Cannot compute the ranking: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>督导进度（本期进行中，已完成/本期全部任务）</source>
        <translation>supervision progress (period running: met / all obligations of the period)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部辖区</source>
        <translation>all regions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}下一级区域按{figure}排名：{period}，截至 {as_of}；上期 {previous}（截至 {previous_as_of}）</source>
        <translation>Regions under {where} ranked on {figure}: {period} as of {as_of}; previous {previous} (as of {previous_as_of})</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{where}下没有下一级区域，无法排名。</source>
        <translation>There are no regions under {where} to rank.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“—”：该区域此项指标没有应完成的任务（分母为 0），排在最后。</source>
        <translation>&apos;—&apos;: nothing due on this figure in the region (denominator 0); listed last.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>升降 = 上期排名 − 本期排名：↑ 进位，↓ 退位。</source>
        <translation>Change = previous rank - rank: ↑ up, ↓ down.</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../ui/pages/dashboard/drilldown.py" line="+61"/>
        <source>共 {n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>没有需要列出的记录。</source>
        <translation>Nothing to list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制选中行</source>
        <translation>Copy selected rows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>已导出 {n} 条记录到
{path}</source>
        <translation>Exported {n} records to
{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
</context>
<context>
    <name>RegionEditor</name>
    <message>
        <location filename="../../ui/regions/editor.py" line="+56"/>
        <source>省级</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地级</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>乡级</source>
        <translation>Township</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村级</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>载入官方区划（国家统计局统计用区划代码）</source>
        <translation>Load official regions (National Bureau of Statistics division codes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>载入所选区划及其下级</source>
        <translation>Load the chosen division and everything under it</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>只有管理员可以修改区划；您可以查看。</source>
        <translation>Only admins may change the regions; you may view them.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+23"/>
        <location line="+53"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+75"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>主体数</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>选中的区划</source>
        <translation>Selected region</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+169"/>
        <source>请在左侧选择一个区划</source>
        <translation>Choose a region on the left</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>保存名称</source>
        <translation>Save name</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>删除此区划</source>
        <translation>Delete this region</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>新增下级区划</source>
        <translation>Add a region under it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>载入</source>
        <translation>Load</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>官方区划</source>
        <translation>Official</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>官方区划中没有的村（社区）：代码为上级代码后加 3 位数字。</source>
        <translation>A village (community) the official set lacks: its code is the parent&apos;s code followed by 3 digits.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>例：新建村</source>
        <translation>the village (community) name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>共 {count} 个区划；乡级 {towns} 个，村级 {villages} 个。</source>
        <translation>{count} regions; {towns} townships, {villages} villages.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{name}（{code}，{level}），登记主体 {count} 个</source>
        <translation>{name} ({code}, {level}), {count} businesses registered</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>此区划登记有 {count} 个包保主体，不能删除：删除后这些主体将失去所属区划，各项指标无法统计到它们。请先把主体改到其他区划。</source>
        <translation>{count} businesses are registered in this region, so it cannot be deleted: they would lose their region and drop out of every figure. Move them to another region first.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>此区划下还有 {count} 个下级区划，须先删除下级区划。</source>
        <translation>{count} regions are under this one: delete them first.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>（官方区划已全部载入）</source>
        <translation>(every official region is loaded)</translation>
    </message>
    <message>
        <location filename="../../ui/regions/edits.py" line="+102"/>
        <source>删除区划</source>
        <translation>Delete region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除区划“{name}”（{code}）？</source>
        <translation>Delete the region {name} ({code})?</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>无法新增</source>
        <translation>Cannot add</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+22"/>
        <location line="+9"/>
        <source>载入官方区划</source>
        <translation>Load official regions</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>请先选择要载入的区划。</source>
        <translation>Choose the division to load first.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在载入区划……</source>
        <translation>Loading regions…</translation>
    </message>
</context>
<context>
    <name>RegionEditorDialog</name>
    <message>
        <location filename="../../ui/regions/dialogs.py" line="+20"/>
        <source>区划管理</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RegionsBox</name>
    <message>
        <location line="+22"/>
        <source>区划</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>本单位的区划树：从国家统计局统计用区划代码载入，补充官方区划中没有的村（社区），改名或删除。</source>
        <translation>Your unit&apos;s region tree: load it from the official division codes, add villages (communities) the official set lacks, rename or delete.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>区划管理…</source>
        <translation>Regions…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports/page.py" line="+43"/>
        <source>全部（督导、自查、抽检快检）</source>
        <translation>All (supervision, self-checks, sampling)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保督导</source>
        <translation>Supervision visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业自查</source>
        <translation>Business self-checks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽检快检</source>
        <translation>Sampling and rapid tests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督导任务单（每名干部本期应督导的主体）</source>
        <translation>Visit task lists (each cadre&apos;s businesses due this period)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>完成情况报表</source>
        <translation>completion-report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督导完成情况报表</source>
        <translation>supervision-report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业自查情况报表</source>
        <translation>selfcheck-report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽检快检情况报表</source>
        <translation>sampling-report</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/reports/work.py" line="+71"/>
        <source>督导任务单</source>
        <translation>Visit task lists</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>主要指标</source>
        <translation>Headline figures</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>报表条件</source>
        <translation>Report on</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>按截止日期当天已录入的情况统计；周期未结束的任务不计入完成率。</source>
        <translation>Counts what was entered by the as-of date; duties whose rule period has not ended are not in the rate.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>截止日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部辖区</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>只为一名干部：输入其手机号（可不填）</source>
        <translation>Only one cadre: type the mobile number (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>报表内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>生成文件</source>
        <translation>Write a file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>生成 PDF…</source>
        <translation>Write PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A4 版式，可直接打印、盖章、报送</source>
        <translation>A4 pages, ready to print, stamp and hand in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>生成 Excel…</source>
        <translation>Write Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>每张表一个工作表，便于汇总和再加工</source>
        <translation>One sheet per table, for further work</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>尚未生成文件。</source>
        <translation>No file written yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>正在计算</source>
        <translation>Computing</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>无法计算统计数据：{reason}</source>
        <translation>The figures could not be computed: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{region}，{period}，截至 {as_of}</source>
        <translation>{region}, {period}, as of {as_of}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>督导周期尚未结束：{n} 个任务进行中，到期后才计入督导完成率。</source>
        <translation>The visit periods have not ended: {n} duties are running; they count in the completion rate once due.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>数据指纹：{fp}（打印件上的指纹相同，即出自同一份数据）</source>
        <translation>Data fingerprint: {fp} (a print with the same fingerprint was made from the same data)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存报表</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>正在生成报表</source>
        <translation>Writing the report</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已生成：{path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/work.py" line="+1"/>
        <source>共 {n} 项任务，已完成 {done} 项</source>
        <translation>{n} tasks, {done} done</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} 名干部</source>
        <translation>{n} cadres</translation>
    </message>
</context>
<context>
    <name>RowsTableModel</name>
    <message>
        <location filename="../../ui/models/rows_table.py" line="+51"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/dialogs/schedule.py" line="+60"/>
        <source>督导排期</source>
        <translation>Visit schedule</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>留空为全部；或填区划代码</source>
        <translation>Blank for all, or a division code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> 户</source>
        <translation> businesses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>截至日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提前完成</source>
        <translation>Finish early by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每人每天最多</source>
        <translation>At most per cadre a day</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>生成排期</source>
        <translation>Make schedule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>为未完成的督导排出日期；已手工调整的排期保留不变</source>
        <translation>Propose dates for the visits still owed; entries you changed by hand are kept</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>打印（PDF）…</source>
        <translation>Print (PDF)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>导出日历（.ics）…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>正在生成排期</source>
        <translation>Making the schedule</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>全部干部</source>
        <translation>All cadres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}（{phone}）</source>
        <translation>{name} ({phone})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>完成情况：</source>
        <translation>Completion: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{business}（{cadre}，{reason}）</source>
        <translation>{business} ({cadre}, {reason})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>排不下或未排期 {n} 项：</source>
        <translation>{n} duties do not fit or are not planned: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>所有未完成的督导都已排期。</source>
        <translation>Every visit still owed is planned.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>双击日期可改到另一天，双击备注可填写备注；重新生成排期时保留手工调整过的排期。</source>
        <translation>Double-click a date to move the visit, or a note to write one; making the schedule again keeps what you changed by hand.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{years} 年的节假日尚未录入，按周一至周五为工作日排期。</source>
        <translation>The holidays of {years} are not known yet: Monday to Friday were taken as working days.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>督导排期-{period}</source>
        <translation>Visit schedule-{period}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导出日历</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在生成排期表</source>
        <translation>Writing the schedule</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在导出日历</source>
        <translation>Exporting the calendar</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <location filename="../../ui/models/schedule_table.py" line="+34"/>
        <source>包保干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>星期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{name}（{phone}）</source>
        <translation>{name} ({phone})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>（高风险）</source>
        <translation> (high risk)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>集中督导</source>
        <translation>Gathered</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>现场督导</source>
        <translation>On site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（已调整）</source>
        <translation> (edited)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{day} 不是工作日</source>
        <translation>{day} is not a working day</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/pages/settings/domain_settings.py" line="+37"/>
        <source>日管控达标比例（%）</source>
        <translation>Daily checks: covered at (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不合格样品处置期限（自然日）</source>
        <translation>Failed sample handling (calendar days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复检申请期限（工作日）</source>
        <translation>Retest request (working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>样品送达检验机构期限（工作日）</source>
        <translation>Sample to lab (working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检验机构出具报告期限（工作日）</source>
        <translation>Lab report (working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保留的自动备份份数</source>
        <translation>Automatic backups kept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>排期提前完成的工作日数</source>
        <translation>Schedule: finish this many working days early</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>排期每名干部每天最多督导户数</source>
        <translation>Schedule: most businesses per cadre per day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings/rules.py" line="+108"/>
        <source>督导频次规则</source>
        <translation>Visit rules</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>每一层级的包保干部在每个周期内对每个包保主体至少督导的次数。规则自生效日期起适用，之前的周期仍按原规则计算。</source>
        <translation>How many times per period a cadre of each level visits each business at least. A rule applies from its effective date; earlier periods keep the rule that held then.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>包保层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>保存规则</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除所选规则</source>
        <translation>Delete selected rule</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>每周期次数</source>
        <translation>Times per period</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>请先在表中选择要删除的规则。</source>
        <translation>Select the rule to delete first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings/domain_settings.py" line="+12"/>
        <source>其他设置</source>
        <translation>Other settings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{grade} 级主体由哪一层级包保</source>
        <translation>Grade {grade} is guaranteed by</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>恢复全国默认值</source>
        <translation>National defaults</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>没有修改。</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已保存 {n} 项设置（{time}）。</source>
        <translation>Saved {n} settings ({time}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings/users.py" line="+45"/>
        <source>新增账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+54"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+54"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+54"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings/unsaved.py" line="+46"/>
        <source>未保存</source>
        <translation>Unsaved</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{what}”有未保存的修改。离开前要保存吗？</source>
        <translation>“{what}” has unsaved changes. Save them before leaving?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/settings/users.py" line="+3"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings/users.py" line="+31"/>
        <source>账号管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>新增账号…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>停用/启用所选账号</source>
        <translation>Disable/enable selected</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>解除锁定</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>连续输错密码被锁定的账号，可以在这里立即解除锁定。</source>
        <translation>An account locked after wrong passwords can be unlocked here at once.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>已锁定（至 {time}）</source>
        <translation>Locked (until {time})</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>已解除账号 {name} 的锁定。</source>
        <translation>Unlocked the account {name}.</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>已停用</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>正常</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>已添加账号 {name}。</source>
        <translation>Added {name}.</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+31"/>
        <source>请先在表中选择账号。</source>
        <translation>Select an account first.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已停用账号 {name}。</source>
        <translation>Disabled {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已启用账号 {name}。</source>
        <translation>Enabled {name}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>修改我的密码</source>
        <translation>My password</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings/holidays.py" line="+39"/>
        <source>节假日与调休</source>
        <translation>Holidays and make-up workdays</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>软件已内置国务院公布的节假日安排。尚未内置的年份（例如明年）在此录入放假日和调休上班日，未录入前按周一至周五为工作日计算期限。</source>
        <translation>The official holidays are built in. For a year not yet built in (such as next year), enter its days off and make-up workdays here; until then deadlines count Monday to Friday as working days.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+39"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+37"/>
        <source>调休上班</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>例：元旦</source>
        <translation>e.g. New Year&apos;s Day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存日期</source>
        <translation>Save date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除所选日期</source>
        <translation>Delete selected date</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>请先在表中选择要删除的日期。</source>
        <translation>Select the date to delete first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings/domain_settings.py" line="-81"/>
        <source>开启核查处置的抽检类型</source>
        <translation>Sampling types that open a case</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings/page.py" line="+31"/>
        <source>只有管理员可以修改督导规则和设置；您可以查看。</source>
        <translation>Only admins can change rules and settings; you can view them.</translation>
    </message>
</context>
<context>
    <name>SyncColumns</name>
    <message>
        <location filename="../../ui/pages/sync/conflicts.py" line="-280"/>
        <source>两处同时修改</source>
        <translation>Edited at both ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>唯一标识重复</source>
        <translation>Key already taken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本单位的审计记录</source>
        <translation>this unit&apos;s own history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审计记录被改</source>
        <translation>history altered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本单位信息</source>
        <translation>this unit&apos;s own record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无权代其他单位发送</source>
        <translation>may not send for another unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他单位的信息</source>
        <translation>another unit&apos;s record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区划不在发送方辖区</source>
        <translation>region outside the sender&apos;s area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只能由上级局下发</source>
        <translation>only the bureau may send this</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不在发送方辖区</source>
        <translation>outside the sender&apos;s area</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保留现有版本</source>
        <translation>Kept the current version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改用另一版本</source>
        <translation>Took the other version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>两者都保留</source>
        <translation>Kept both</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已处理：{choice}</source>
        <translation>Resolved: {choice}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不同的字段</source>
        <translation>Fields differing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/sync/trust.py" line="+52"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../ui/pages/sync/trust.py" line="-3"/>
        <source>区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上级区划</source>
        <translation>Parent region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督导记录</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保关系</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本库现有版本（保留中）</source>
        <translation>Current version (kept)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>另一版本（未采用）</source>
        <translation>Other version (not taken)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/receipt.py" line="+14"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此前已导入，已跳过</source>
        <translation>Imported before; skipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未导入</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>另有 {n} 条与本库已有记录的唯一标识重复，已列入冲突待处理</source>
        <translation>{n} more records claim a key another record holds here; they wait among the conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/history.py" line="-106"/>
        <location line="+7"/>
        <location filename="../../ui/pages/sync/receipt.py" line="+12"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>发送单位</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/history.py" line="-13"/>
        <location line="+9"/>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/history.py" line="-7"/>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/receipt.py" line="+1"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/history.py" line="-27"/>
        <location filename="../../ui/pages/sync/trust.py" line="-8"/>
        <source>有效</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/pages/sync/trust.py" line="+5"/>
        <source>单位代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/sync/trust.py" line="+1"/>
        <source>单位名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/sync/trust.py" line="+1"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收到时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近发出</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发出时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺失的同步包</source>
        <translation>Missing bundles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信任状态</source>
        <translation>Trust</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>导入时间</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>导出时间</source>
        <translation>Exported at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完整导出</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/models.py" line="+33"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/trust.py" line="-6"/>
        <source>已撤销（{at}）</source>
        <translation>Revoked ({at})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信任时间</source>
        <translation>Trusted at</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync/common.py" line="+86"/>
        <source>您的角色（{role}）不能{action}。</source>
        <translation>Your role ({role}) may not {action}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>市局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/receipt.py" line="+36"/>
        <source>来自 {name}（{code}）的第 {numbers} 号同步包尚未收到。其内容会随对方后续的同步包补发；如长期未到，请联系对方。</source>
        <translation>Bundle(s) {numbers} from {name} ({code}) have not arrived. Their content comes again with the sender&apos;s later bundles; if they stay missing, contact the sender.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="+47"/>
        <source>收发同步包</source>
        <translation>Send and receive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>往来记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信任的单位</source>
        <translation>Trusted units</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>无法读取同步信息：{reason}</source>
        <translation>The sync information could not be read: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>冲突（{n}）</source>
        <translation>Conflicts ({n})</translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <location filename="../../ui/pages/lists/actions.py" line="+188"/>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>导出到 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Trends</name>
    <message>
        <location filename="../../ui/pages/dashboard/trends.py" line="+22"/>
        <source>督导进度（所在季度）</source>
        <translation>Supervision progress (its quarter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保覆盖率</source>
        <translation>Guarantee coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日管控覆盖率</source>
        <translation>Daily check coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周排查覆盖率</source>
        <translation>Weekly review coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月调度覆盖率</source>
        <translation>Monthly meeting coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平台应用率</source>
        <translation>Platform use</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>本年尚无数据</source>
        <translation>No data this year yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{m}月</source>
        <translation>{m}</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location line="-28"/>
        <source>正在计算各月趋势…</source>
        <translation>Computing the months…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>无法计算趋势：{reason}</source>
        <translation>Cannot compute the trends: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{year} 年各月指标（截至 {as_of}）：督导为所在季度的进度，自查为当月覆盖率</source>
        <translation>Each month of {year} (as of {as_of}): supervision is its quarter&apos;s progress, self-checks the month&apos;s coverage</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>本月较上月：</source>
        <translation>This month against the last: </translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../ui/pages/sync/trust.py" line="+16"/>
        <source>信任单位</source>
        <translation>Trust a unit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>登记文件中的密钥指纹：</source>
        <translation>Key fingerprint in the enrolment file:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>请打电话给对方，请对方打开其“数据同步 › 信任的单位”页面，读出其中的“本单位密钥指纹”，逐组输入到下面（空格可省略）。指纹一致才能信任：文件可能在传递途中被调换。</source>
        <translation>Phone the other unit and ask them to read out their key fingerprint from “Sync › Trusted units”; type it below group by group (spaces optional). Trust only a matching fingerprint: the file may have been swapped on its way.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>信任该单位</source>
        <translation>Trust this unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>✔ 指纹一致，可以信任。</source>
        <translation>✔ The fingerprints match.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请输入对方读出的指纹（共 {n} 位）。</source>
        <translation>Type the fingerprint read out to you ({n} digits).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已输入 {got}/{n} 位，目前一致。</source>
        <translation>{got} of {n} digits typed, matching so far.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✘ 指纹不一致（第 {group} 组起不同）。请勿信任，并与对方核实文件来源。</source>
        <translation>✘ The fingerprints differ (from group {group}). Do not trust it; check where the file came from.</translation>
    </message>
</context>
<context>
    <name>TrustTab</name>
    <message>
        <location line="+16"/>
        <source>本单位</source>
        <translation>This unit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>本单位密钥指纹（对方信任本单位时，请电话读给对方核对）：</source>
        <translation>This unit&apos;s key fingerprint (read it out by phone when another unit trusts this one):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导出本单位登记文件…</source>
        <translation>Export enrolment file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>把登记文件交给对方（U盘或邮件），对方信任后才能导入本单位的同步包</source>
        <translation>Give the enrolment file to the other unit (USB stick or mail); it can import this unit&apos;s bundles once it trusts it</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>信任的单位（只接受这些单位的同步包）</source>
        <translation>Trusted units (bundles are accepted only from these)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>信任登记文件…</source>
        <translation>Trust an enrolment file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+152"/>
        <source>撤销信任</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>{name}（{code}，{kind}，区划 {region}）</source>
        <translation>{name} ({code}, {kind}, region {region})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>尚未信任任何单位。请导入对方的登记文件并电话核对指纹。</source>
        <translation>No unit is trusted yet. Open the other unit&apos;s enrolment file and compare the fingerprint by phone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}（{code}）的密钥指纹：</source>
        <translation>Key fingerprint of {name} ({code}):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code}-登记文件.json</source>
        <translation>{code}-enrolment.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出本单位登记文件</source>
        <translation>Export this unit&apos;s enrolment file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登记文件 (*.json)</source>
        <translation>Enrolment files (*.json)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>已导出登记文件</source>
        <translation>Enrolment file written</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已写出 {path}。

请把文件交给对方，并电话读出本单位的密钥指纹供对方核对：
{fp}</source>
        <translation>Wrote {path}.

Give the file to the other unit and read this unit&apos;s key fingerprint to them by phone:
{fp}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>选择对方的登记文件</source>
        <translation>Choose the other unit&apos;s enrolment file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登记文件 (*.json);;所有文件 (*)</source>
        <translation>Enrolment files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{code} 的信任已被撤销，确认要重新信任它吗？</source>
        <translation>Trust in {code} was revoked. Trust it again?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} 的辖区将由“{old}”改为“{new}”：辖区决定它能修改哪些记录。</source>
        <translation>The area of {code} changes from &quot;{old}&quot; to &quot;{new}&quot;: the area decides which records it may change.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>确认信任变更</source>
        <translation>Confirm the trust change</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>撤销对 {name}（{code}）的信任？
此后不再接受其同步包，也不能再向其导出。</source>
        <translation>Revoke {name} ({code})?
Its bundles will be refused, and nothing can be exported to it.</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../ui/workers.py" line="+156"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
