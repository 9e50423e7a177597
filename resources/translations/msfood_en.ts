<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/forms/fields.py" line="+106"/>
        <source>从日历选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <location filename="../../ui/models/columns.py" line="+30"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/models/columns.py" line="+0"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/forms/problems_editor.py" line="+52"/>
        <source>添加问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除所选问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>（按完成日期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_form.py" line="+48"/>
        <source>第 {0} 个问题：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>连续录入（保存后留在此表单，录入下一条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location line="+49"/>
        <location filename="../../ui/forms/undo.py" line="+42"/>
        <source>修改{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/forms/undo.py" line="-4"/>
        <source>新增{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+139"/>
        <source>已保存：{0}。请录入下一条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已保存。请留意上面的提示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/forms/undo.py" line="+2"/>
        <source>删除{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments_page.py" line="+20"/>
        <location filename="../../ui/pages/cadres_page.py" line="+18"/>
        <location filename="../../ui/pages/visits_page.py" line="+24"/>
        <source>全部层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/businesses_page.py" line="+24"/>
        <location filename="../../ui/pages/selfchecks_page.py" line="+26"/>
        <source>全部等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在岗和已结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>在岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/pages/visits_page.py" line="+6"/>
        <source>搜索主体或干部：名称、信用代码、手机号或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>包保关系</source>
        <translation type="unfinished">Assignments</translation>
    </message>
    <message>
        <location filename="../../ui/pages/businesses_page.py" line="+1"/>
        <source>全部业态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/visits_page.py" line="+13"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>搜索名称、信用代码、许可证号、电话或拼音首字母（如 hdl）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包保主体</source>
        <translation type="unfinished">Businesses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/filters.py" line="+55"/>
        <source>全部区划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>全部期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本季度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上季度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>期间，如 2026Q4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_page.py" line="+97"/>
        <source>搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>连续录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>撤销：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>正在计数……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>共 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>删除记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确定删除这条{0}记录吗？{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>导出到 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>正在导出……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已导出 {0} 条记录到
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/cadres_page.py" line="+3"/>
        <source>搜索姓名、手机号、工作单位或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>包保干部</source>
        <translation type="unfinished">Cadres</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sampling_page.py" line="+21"/>
        <source>全部结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/selfchecks_page.py" line="-1"/>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>处置逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>搜索抽样单编号、样品、食品大类或主体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>抽检</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>阳性和阴性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有阳性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全部阴性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>搜索样品、检测项目或主体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>快检</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/selfchecks_page.py" line="+6"/>
        <source>搜索主体名称、信用代码、拼音首字母或记录人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>自查记录</source>
        <translation type="unfinished">Self-check records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="-18"/>
        <source>全部方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+29"/>
        <source>督导记录</source>
        <translation type="unfinished">Visits</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>未销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>搜索问题描述、主体或干部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>整改问题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/startup.py" line="+181"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
    <message>
        <location line="+11"/>
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
    <name>BarChart</name>
    <message>
        <location filename="../../ui/charts.py" line="+130"/>
        <source>{value}（{note}）</source>
        <translation>{value} ({note})</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="+37"/>
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
        <location filename="../../ui/pages/dashboard_lists.py" line="+23"/>
        <location line="+45"/>
        <location line="+30"/>
        <location line="+47"/>
        <source>主体名称</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="-121"/>
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
        <location line="+39"/>
        <source>包保干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <location line="-38"/>
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
        <location line="+7"/>
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
        <location line="+23"/>
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
        <source>缺少的记录（日管控为 有记录天数/经营天数）</source>
        <translation>Missing (daily: days with a record / operating days)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="+43"/>
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
        <location line="+1"/>
        <source>抽检不合格率</source>
        <translation>Failure rate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>各乡镇（街道）督导完成率</source>
        <translation>Visit completion by township</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location line="+35"/>
        <source>{key}（{start} 至 {end}，截至 {as_of}）</source>
        <translation>{key} ({start} to {end}, as of {as_of})</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>正在计算</source>
        <translation>Computing</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>无法计算统计数据：{reason}</source>
        <translation>The figures could not be computed: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>尚未建立乡镇（街道）区划，或本期没有应督导的任务。</source>
        <translation>No townships yet, or no visit duties in this period.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>本期尚无到期的督导任务</source>
        <translation>No visit duties due yet this period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周期未结束，{n} 个任务尚未达到次数</source>
        <translation>Period still running: {n} duties short of their count</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>应督导 {due}，已完成 {met}，未完成 {missed}</source>
        <translation>Due {due}, met {met}, missed {missed}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>应督导 {due}，未完成 {missed}</source>
        <translation>Due {due}, missed {missed}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>周期未结束、尚未达到次数</source>
        <translation>Period still running, count not yet reached</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>在营 {operating} 家，已包保 {guaranteed} 家</source>
        <translation>{operating} operating, {guaranteed} guaranteed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>到期 {due} 个，已销号 {closed} 个（本期发现 {found} 个）</source>
        <translation>{due} due, {closed} closed ({found} found this period)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>超过整改期限仍未销号</source>
        <translation>Past the deadline and not closed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>应自查 {owing} 家，达标 {covered} 家；记录天数 {days}/{op}</source>
        <translation>{owing} owing, {covered} covered; record days {days}/{op}</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>适用 {n} 家，覆盖 {c} 家</source>
        <translation>{n} applicable, {c} covered</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>应自查 {owing} 家，有记录 {active} 家</source>
        <translation>{owing} owing, {active} with records</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>最近一件剩余 {days} 天</source>
        <translation>Nearest deadline in {days} days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最早一件已逾期 {days} 天</source>
        <translation>Oldest is {days} days overdue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有待处置的不合格样品</source>
        <translation>No failed samples awaiting handling</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本期收到结论 {n} 件，已处置 {c} 件</source>
        <translation>{n} results received this period, {c} handled</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>年度计划 {p} 批，累计 {d} 批</source>
        <translation>Annual plan {p} batches, {d} so far</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>本期 {b} 批：合格 {ok}，不合格 {bad}，待检 {wait}</source>
        <translation>{b} batches: {ok} passed, {bad} failed, {wait} pending</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>逾期未整改的问题</source>
        <translation>Overdue problems</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>统计期间 {key}，截至 {as_of}</source>
        <translation>Period {key}, as of {as_of}</translation>
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
        <location line="+8"/>
        <source>内存不足，请关闭其他程序后重试。</source>
        <translation>Out of memory: close other programs and try again.</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start.py" line="+78"/>
        <source>正在准备演示数据库……</source>
        <translation>Preparing the demo database…</translation>
    </message>
    <message>
        <location line="+35"/>
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
        <location line="+2"/>
        <source>所属区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6、9 或 12 位，可不填</source>
        <translation>6, 9 or 12 digits, optional</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+87"/>
        <source>新数据库保存到</source>
        <translation>Save the new database as</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>食安包保数据库 (*.sqlite)</source>
        <translation>msfood databases (*.sqlite)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>打开数据库</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>食安包保数据库 (*.sqlite);;所有文件 (*)</source>
        <translation>msfood databases (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../ui/forms/problems_editor.py" line="-47"/>
        <source>问题描述</source>
        <translation type="unfinished">Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改期限</source>
        <translation type="unfinished">Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改完成日期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="+29"/>
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
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="+58"/>
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
        <location filename="../../ui/main_window.py" line="+40"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>此页面暂时无法打开：{reason}</source>
        <translation>This page cannot be opened: {reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>演示数据：此数据库只供试用，数据均为虚构。请勿录入真实数据，也不要与市局同步。</source>
        <translation>Demo data: this database is for trying the app; everything in it is made up. Do not enter real data or sync it with the bureau.</translation>
    </message>
    <message>
        <location line="+86"/>
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
        <location line="+1"/>
        <source>试用演示数据</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>关于食安包保</source>
        <translation>About msfood</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>打开数据库</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <location line="+23"/>
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
        <location line="+14"/>
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
        <location filename="../../ui/pages/__init__.py" line="+52"/>
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
    <name>RecordsDialog</name>
    <message>
        <location filename="../../ui/pages/drilldown.py" line="+96"/>
        <source>共 {n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>没有需要列出的记录。</source>
        <translation>Nothing to list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/pages/settings_rules.py" line="+35"/>
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
        <location line="+12"/>
        <source>督导频次规则</source>
        <translation>Visit rules</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>每一层级的包保干部在每个周期内对每个包保主体至少督导的次数。规则自生效日期起适用，之前的周期仍按原规则计算。</source>
        <translation>How many times per period a cadre of each level visits each business at least. A rule applies from its effective date; earlier periods keep the rule that held then.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>包保层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
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
        <location line="+78"/>
        <source>请先在表中选择要删除的规则。</source>
        <translation>Select the rule to delete first.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>其他设置</source>
        <translation>Other settings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{grade} 级主体由哪一层级包保</source>
        <translation>Grade {grade} is guaranteed by</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>恢复全国默认值</source>
        <translation>National defaults</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>没有修改。</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已保存 {n} 项设置（{time}）。</source>
        <translation>Saved {n} settings ({time}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_users.py" line="+41"/>
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
        <location line="+3"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="+28"/>
        <source>已停用</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正常</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已添加账号 {name}。</source>
        <translation>Added {name}.</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location filename="../../ui/pages/settings_holidays.py" line="+37"/>
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
        <location line="+38"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+36"/>
        <source>调休上班</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <location line="-33"/>
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
        <location line="+55"/>
        <source>请先在表中选择要删除的日期。</source>
        <translation>Select the date to delete first.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="+26"/>
        <source>只有管理员可以修改督导规则和设置；您可以查看。</source>
        <translation>Only admins can change rules and settings; you can view them.</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../ui/workers.py" line="+139"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
