<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminShell</name>
    <message>
        <location filename="../admin/shell.py" line="213"/>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="214"/>
        <source>No admin screens are installed.</source>
        <translation>未安装任何管理界面。</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="225"/>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="226"/>
        <source>technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="227"/>
        <source>operator</source>
        <translation>运营人员</translation>
    </message>
</context>
<context>
    <name>AnalyticsScreen</name>
    <message>
        <location filename="../admin/analytics.py" line="213"/>
        <source>Analytics</source>
        <translation>数据分析</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="235"/>
        <location filename="../admin/analytics.py" line="341"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="286"/>
        <source>Writing the report to the USB drive…</source>
        <translation>正在将报告写入U盘…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="351"/>
        <source>%1 %2:00: %3 kW mean power, %4 sessions at a time</source>
        <translation>%1 %2:00：平均功率 %3 kW，同时 %4 个会话</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="364"/>
        <source>Written to %1: %2</source>
        <translation>已写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="379"/>
        <source>Your role may not do this</source>
        <translation>您的角色无权执行此操作</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="382"/>
        <source>This station runs without its analytics</source>
        <translation>本充电站未启用数据分析</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="383"/>
        <source>No USB drive found: plug one in and try again</source>
        <translation>未找到U盘：请插入后重试</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="384"/>
        <source>The export folder is missing: is the USB drive plugged in?</source>
        <translation>导出文件夹不存在：U盘是否已插入？</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="385"/>
        <source>The USB drive cannot be written: is it full or locked?</source>
        <translation>无法写入U盘：是否已满或被锁定？</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="386"/>
        <source>Writing to the USB drive failed: try another drive</source>
        <translation>写入U盘失败：请换一个U盘</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="387"/>
        <source>That charger or connector is no longer known</source>
        <translation>该充电桩或充电枪已不存在</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="389"/>
        <source>The figures could not be read: try again</source>
        <translation>无法读取数据：请重试</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="411"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="413"/>
        <source>Charger %1</source>
        <translation>充电桩 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="414"/>
        <source>Whole site</source>
        <translation>整个站点</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="425"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="426"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="427"/>
        <source>Last 12 months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="434"/>
        <source>Usage</source>
        <translation>使用量</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="435"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="436"/>
        <source>Peak hours</source>
        <translation>高峰时段</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="437"/>
        <source>Site peak</source>
        <translation>站点峰值</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="438"/>
        <location filename="../admin/analytics_pages.py" line="193"/>
        <source>Uptime</source>
        <translation>正常运行率</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="439"/>
        <source>Alarms</source>
        <translation>警报</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="443"/>
        <location filename="../admin/analytics.py" line="450"/>
        <source>Export to USB</source>
        <translation>导出到U盘</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="453"/>
        <source>State timeline</source>
        <translation>状态时间线</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="29"/>
        <source>RFID card</source>
        <translation>RFID卡</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="30"/>
        <source>Card at the terminal</source>
        <translation>终端刷卡</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="31"/>
        <source>Card on the QR page</source>
        <translation>二维码页面付卡</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="95"/>
        <source>Contactor wear</source>
        <translation>接触器磨损</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="96"/>
        <source>Connector running hot</source>
        <translation>充电枪过热</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="97"/>
        <source>More faults than usual</source>
        <translation>故障多于平常</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="98"/>
        <source>Meter reads off</source>
        <translation>电表读数偏差</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="99"/>
        <source>Charger link unreliable</source>
        <translation>充电桩连接不稳定</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="41"/>
        <source>life used %</source>
        <translation>已用寿命 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="42"/>
        <source>equivalent operations</source>
        <translation>等效操作次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="43"/>
        <source>operations</source>
        <translation>操作次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="44"/>
        <source>unseen operations</source>
        <translation>未记录的操作</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="45"/>
        <source>per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="46"/>
        <source>replace by</source>
        <translation>更换期限</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="47"/>
        <source>baseline m°C/A²</source>
        <translation>基线 m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="48"/>
        <source>recent m°C/A²</source>
        <translation>近期 m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="49"/>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="50"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="51"/>
        <source>last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="52"/>
        <source>usual per 30 days</source>
        <translation>通常每30天</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="53"/>
        <source>metered Wh</source>
        <translation>电表 Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="54"/>
        <source>V x I Wh</source>
        <translation>V x I Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="55"/>
        <source>drift %</source>
        <translation>偏差 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="56"/>
        <source>polls</source>
        <translation>轮询次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="57"/>
        <source>missed polls</source>
        <translation>丢失轮询</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="58"/>
        <source>missed %</source>
        <translation>丢失 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="59"/>
        <source>reconnections</source>
        <translation>重新连接次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="60"/>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="105"/>
        <source>Energy per month (kWh)</source>
        <translation>每月电量 (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="108"/>
        <source>Energy per day (kWh)</source>
        <translation>每日电量 (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="126"/>
        <source>Revenue is shown to operators only.</source>
        <translation>收入仅对运营者显示。</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="129"/>
        <source>Gross by payment method (%1)</source>
        <translation>按支付方式的总收入 (%1)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="169"/>
        <source>Site peak per day against the limit (kW)</source>
        <translation>每日站点峰值与限值 (kW)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="171"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="173"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="192"/>
        <source>Uptime per month (%)</source>
        <translation>每月正常运行率 (%)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="245"/>
        <source>Raised %1</source>
        <translation>发出于 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="258"/>
        <source>No open alarms</source>
        <translation>没有未解除的警报</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="261"/>
        <source>%1 % of its life used; replace by %2</source>
        <translation>已用寿命 %1 %；请在 %2 前更换</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="264"/>
        <source>Contactor %1</source>
        <translation>接触器 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="277"/>
        <source>%1 sessions, %2 kWh, occupied %3 %</source>
        <translation>%1 个会话，%2 kWh，占用 %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="287"/>
        <source>Gross %1, net %2, refunds %3 (%4)</source>
        <translation>总额 %1，净额 %2，退款 %3 (%4)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="295"/>
        <source>Mean power by weekday and hour (kW): tap a cell</source>
        <translation>按星期和小时的平均功率 (kW)：点按单元格</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="303"/>
        <source>Highest %1 kW on %2: %3 % of the limit</source>
        <translation>最高 %1 kW，于 %2：限值的 %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="310"/>
        <source>Uptime %1 %, last 12 months %2 %</source>
        <translation>正常运行率 %1 %，近12个月 %2 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="316"/>
        <source>%1 open alarms</source>
        <translation>%1 个未解除的警报</translation>
    </message>
</context>
<context>
    <name>AuthoriseScreen</name>
    <message>
        <location filename="../screens/authorise.py" line="68"/>
        <source>No connector is free</source>
        <translation>没有空闲的充电枪</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="73"/>
        <source>Card not accepted</source>
        <translation>卡未被接受</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="75"/>
        <source>Try another card.</source>
        <translation>请换一张卡。</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="78"/>
        <source>Card not read</source>
        <translation>无法读取卡</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="83"/>
        <source>Charging could not start</source>
        <translation>无法开始充电</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="84"/>
        <source>This connector is no longer free. Tap your card again to choose another.</source>
        <translation>此充电枪已被占用。请再次刷卡选择其他充电枪。</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="91"/>
        <source>Hold your card to the reader</source>
        <translation>请将卡片靠近读卡器</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="61"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="92"/>
        <source>The reader is below the screen, marked with the card symbol.</source>
        <translation>读卡器位于屏幕下方，带有卡片标志。</translation>
    </message>
</context>
<context>
    <name>ChargingScreen</name>
    <message>
        <location filename="../screens/charging.py" line="228"/>
        <location filename="../screens/charging.py" line="247"/>
        <source>Stopping...</source>
        <translation>正在停止……</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="203"/>
        <source>Your car is not taking power: the idle fee starts in %1 min. Please unplug when done.</source>
        <translation>车辆已停止充电：%1 分钟后开始收占位费。完成后请拔枪。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="163"/>
        <source>%1 of %2 prepaid</source>
        <translation>已用 %1，预付 %2</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="165"/>
        <source>%1 of %2 held</source>
        <translation>已用 %1，冻结 %2</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="183"/>
        <source>Charging stopped: the %1 limit was reached</source>
        <translation>充电已停止：已达到 %1 上限</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="185"/>
        <source>Nearly at your %1 limit: charging will stop at the limit</source>
        <translation>即将达到 %1 上限：达到上限时将停止充电</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="208"/>
        <source>Your car is not taking power: the idle fee is running. Please unplug and move.</source>
        <translation>车辆已停止充电：正在收取占位费。请拔枪并移车。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="241"/>
        <source>Energy</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="242"/>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="243"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="247"/>
        <source>Stop charging</source>
        <translation>停止充电</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="250"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="255"/>
        <source>To stop: press Stop, tap your card or unplug. You may leave: charging goes on.</source>
        <translation>停止方式：按停止、刷卡或拔枪。您可以离开，充电会继续。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="258"/>
        <source>To stop: press Stop or unplug. You may leave: charging goes on.</source>
        <translation>停止方式：按停止或拔枪。您可以离开，充电会继续。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="260"/>
        <source>To stop, tap the card that started this session.</source>
        <translation>如需停止，请刷开始本次充电的卡片。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="263"/>
        <source>The card reader is not working. Unplugging the car ends this session.</source>
        <translation>读卡器故障。拔枪即可结束本次充电。</translation>
    </message>
</context>
<context>
    <name>ConfigurationScreen</name>
    <message>
        <location filename="../admin/configuration.py" line="132"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="136"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="137"/>
        <source>Chargers</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="138"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="139"/>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="140"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="144"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="145"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="146"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="147"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="147"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="153"/>
        <source>Site limit per phase</source>
        <translation>每相站点限值</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="154"/>
        <source>Maximum current</source>
        <translation>最大电流</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="155"/>
        <source>Phases</source>
        <translation>相数</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="156"/>
        <source>Tariff</source>
        <translation>费率</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="157"/>
        <source>Card hold amount</source>
        <translation>银行卡预授权金额</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="158"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="159"/>
        <source>Default language</source>
        <translation>默认语言</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="160"/>
        <source>Back to the idle screen after (s)</source>
        <translation>返回待机屏幕的时间（秒）</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="161"/>
        <source>Screen brightness (%)</source>
        <translation>屏幕亮度（%）</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="162"/>
        <source>Energy price per kWh</source>
        <translation>每千瓦时电价</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="163"/>
        <source>Price per minute</source>
        <translation>每分钟价格</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="164"/>
        <source>Session fee</source>
        <translation>每次充电费</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="165"/>
        <source>Idle fee per minute</source>
        <translation>每分钟占位费</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="178"/>
        <source>%1 A</source>
        <translation>%1 A</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="180"/>
        <source>%1 per kWh</source>
        <translation>每千瓦时 %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="235"/>
        <source>Waiting for %1 to be free: %2</source>
        <translation>等待 %1 空闲：%2</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="275"/>
        <source>Only an operator may change this.</source>
        <translation>只有运营人员可以更改此项。</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="409"/>
        <source>Apply these changes?</source>
        <translation>应用这些更改？</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="411"/>
        <source>now</source>
        <translation>立即</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="411"/>
        <source>when the charger is free</source>
        <translation>充电桩空闲时</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="422"/>
        <source>Price screen: %1</source>
        <translation>价格屏幕：%1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="428"/>
        <source>Checked: nothing has changed yet.</source>
        <translation>已检查：尚未更改任何内容。</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="443"/>
        <source>Applied now: %1. When the charger is free: %2.</source>
        <translation>已立即应用：%1。充电桩空闲时应用：%2。</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="457"/>
        <source>No changes yet.</source>
        <translation>尚无更改。</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="465"/>
        <source>Undoes change %1</source>
        <translation>撤销更改 %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="472"/>
        <source>Revert</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="493"/>
        <source>Your role may not change this setting.</source>
        <translation>您的角色无权更改此设置。</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="497"/>
        <source>Nothing to change.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="499"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="505"/>
        <source>Some values cannot be used: see the marked settings.</source>
        <translation>部分数值无法使用：请查看标记的设置。</translation>
    </message>
</context>
<context>
    <name>ControlScreen</name>
    <message>
        <location filename="../admin/control.py" line="183"/>
        <source>Control</source>
        <translation>控制</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="247"/>
        <source>Out of service after this session</source>
        <translation>本次充电后暂停服务</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="251"/>
        <source>No connector</source>
        <translation>没有充电枪</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="253"/>
        <source>Put back in service</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="253"/>
        <source>Take out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="254"/>
        <location filename="../admin/control.py" line="411"/>
        <source>Stop session</source>
        <translation>停止充电</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="255"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="256"/>
        <source>Restart charger</source>
        <translation>重启充电桩</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="257"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="258"/>
        <source>Clear fault</source>
        <translation>清除故障</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="259"/>
        <location filename="../admin/control.py" line="260"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="261"/>
        <location filename="../admin/control.py" line="566"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="269"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="272"/>
        <source>Charger %1</source>
        <translation>充电桩 %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="275"/>
        <source>Out of service: %1</source>
        <translation>暂停服务：%1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="277"/>
        <source>Faults: %1</source>
        <translation>故障：%1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="282"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="283"/>
        <source>Car plugged in</source>
        <translation>已插枪</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="284"/>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="285"/>
        <source>Charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="286"/>
        <source>Paused by the car</source>
        <translation>车辆暂停</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="287"/>
        <source>Paused by the station</source>
        <translation>充电站暂停</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="288"/>
        <source>Finishing</source>
        <translation>正在结束</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="289"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="290"/>
        <source>Reserved</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="291"/>
        <source>Faulted</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="292"/>
        <source>No link</source>
        <translation>无连接</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="297"/>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="298"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="299"/>
        <source>Cleaning</source>
        <translation>清洁</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="300"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="306"/>
        <source>a fault is latched</source>
        <translation>有故障被锁存</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="307"/>
        <source>not possible in its present state</source>
        <translation>当前状态下无法执行</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="308"/>
        <source>the fault&apos;s cause is still there</source>
        <translation>故障原因仍然存在</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="309"/>
        <source>this charger cannot do it</source>
        <translation>此充电桩不支持</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="310"/>
        <source>busy, try again</source>
        <translation>忙碌，请重试</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="311"/>
        <source>a value was refused</source>
        <translation>某个数值被拒绝</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="312"/>
        <source>no answer from the charger</source>
        <translation>充电桩无应答</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="319"/>
        <source>Signed out: sign in again</source>
        <translation>已退出：请重新登录</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="320"/>
        <source>Your role may not do this</source>
        <translation>您的角色无权执行此操作</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="323"/>
        <source>This connector is not known</source>
        <translation>未知充电枪</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="324"/>
        <source>This charger is not known</source>
        <translation>未知充电桩</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="325"/>
        <source>Pick a reason</source>
        <translation>请选择原因</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="326"/>
        <source>No session on this connector</source>
        <translation>此充电枪没有充电会话</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="327"/>
        <source>Stop the session first</source>
        <translation>请先停止充电</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="328"/>
        <source>This fault is not in the catalogue</source>
        <translation>故障目录中没有此故障</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="329"/>
        <source>This fault clears when the car is unplugged</source>
        <translation>拔枪后此故障自动清除</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="330"/>
        <source>This fault is no longer latched</source>
        <translation>此故障已不再锁存</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="331"/>
        <source>The charger cannot be reached</source>
        <translation>无法连接充电桩</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="334"/>
        <source>The station could not do it</source>
        <translation>充电站无法执行</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="338"/>
        <source>Pilot +12 V</source>
        <translation>控制导引 +12 V</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="339"/>
        <source>Pilot -12 V</source>
        <translation>控制导引 -12 V</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="340"/>
        <source>RCD test</source>
        <translation>RCD 测试</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="341"/>
        <source>Contactor feedback</source>
        <translation>接触器反馈</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="342"/>
        <source>Lock</source>
        <translation>电子锁</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="343"/>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="344"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="347"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="348"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="349"/>
        <source>Not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="357"/>
        <source>Self-test of %1: passed</source>
        <translation>%1 自检：通过</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="357"/>
        <source>Self-test of %1: failed</source>
        <translation>%1 自检：失败</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="394"/>
        <source>Why is connector %1 going out of service?</source>
        <translation>充电枪 %1 暂停服务的原因？</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="410"/>
        <source>Stop the session on connector %1?</source>
        <translation>停止充电枪 %1 的充电？</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="419"/>
        <source>Why stop the session on connector %1?</source>
        <translation>停止充电枪 %1 充电的原因？</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="435"/>
        <source>Restart charger %1? Its connectors stop for a few seconds.</source>
        <translation>重启充电桩 %1？其充电枪将停止几秒钟。</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="436"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="450"/>
        <source>Which fault of charger %1 to clear?</source>
        <translation>清除充电桩 %1 的哪个故障？</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="513"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="529"/>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="541"/>
        <source>Connector %1 is back in service</source>
        <translation>充电枪 %1 已恢复服务</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="543"/>
        <source>Connector %1 goes out of service when its session ends</source>
        <translation>充电枪 %1 将在本次充电结束后暂停服务</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="545"/>
        <source>Connector %1 is out of service</source>
        <translation>充电枪 %1 已暂停服务</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="549"/>
        <source>Session %1 stopped</source>
        <translation>充电会话 %1 已停止</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="552"/>
        <source>The charger did not confirm the stop yet; the station ends the session</source>
        <translation>充电桩尚未确认停止；充电站将结束该会话</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="558"/>
        <location filename="../admin/control.py" line="571"/>
        <source>The charger refused: %1</source>
        <translation>充电桩拒绝：%1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="562"/>
        <source>Unlocked: the cable may be taken out</source>
        <translation>已解锁：可以拔出电缆</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="563"/>
        <source>The charger is restarting</source>
        <translation>充电桩正在重启</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="564"/>
        <source>Fault cleared</source>
        <translation>故障已清除</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="577"/>
        <source>Self-test done</source>
        <translation>自检完成</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../admin/diagnostics.py" line="127"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="209"/>
        <source>Running the self-test…</source>
        <translation>正在运行自检…</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="224"/>
        <source>Writing the diagnostics archive…</source>
        <translation>正在写入诊断存档…</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="231"/>
        <source>Written to %1 (%2).</source>
        <translation>已写入 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="238"/>
        <source>No USB stick found. Insert one and try again.</source>
        <translation>未找到 U 盘。请插入后重试。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="239"/>
        <source>The USB folder is missing.</source>
        <translation>U 盘文件夹不存在。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="240"/>
        <source>The USB stick cannot be written to.</source>
        <translation>无法写入 U 盘。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="241"/>
        <source>Writing to the USB stick failed.</source>
        <translation>写入 U 盘失败。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="242"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="244"/>
        <source>The operation failed (%1).</source>
        <translation>操作失败（%1）。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="251"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="252"/>
        <source>Central system</source>
        <translation>中央系统</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="253"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="254"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="259"/>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="260"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="261"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="262"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="270"/>
        <source>Central system: none configured</source>
        <translation>中央系统：未配置</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="272"/>
        <source>Central system: not connected</source>
        <translation>中央系统：未连接</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="275"/>
        <source>Central system: connected and registered</source>
        <translation>中央系统：已连接并已注册</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="277"/>
        <source>heartbeat %1 s ago</source>
        <translation>心跳 %1 秒前</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="279"/>
        <source>Central system: connected, not registered</source>
        <translation>中央系统：已连接，未注册</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="280"/>
        <source>%1 messages queued</source>
        <translation>%1 条消息排队中</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last day</source>
        <translation>最近一天</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last week</source>
        <translation>最近一周</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="289"/>
        <source>All chargers</source>
        <translation>所有充电桩</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="295"/>
        <source>station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="301"/>
        <source>No events.</source>
        <translation>没有事件。</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="307"/>
        <source>Newer</source>
        <translation>较新</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="310"/>
        <source>Older</source>
        <translation>较早</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="313"/>
        <source>Run self-test</source>
        <translation>运行自检</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="314"/>
        <source>Export diagnostics</source>
        <translation>导出诊断</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="319"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="326"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="326"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="329"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>FaultScreen</name>
    <message>
        <location filename="../screens/fault.py" line="102"/>
        <source>Connector %1 has a fault</source>
        <translation>充电枪 %1 故障</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="109"/>
        <source>Your session has ended. Delivered before the fault: %1.</source>
        <translation>本次充电已结束。故障前已充：%1。</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="114"/>
        <source>Your session has ended.</source>
        <translation>本次充电已结束。</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="121"/>
        <source>No other connector is free now.</source>
        <translation>目前没有其他空闲的充电枪。</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="119"/>
        <source>Please use another connector.</source>
        <translation>请使用其他充电枪。</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="125"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>FirmwareScreen</name>
    <message>
        <location filename="../admin/firmware.py" line="88"/>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="124"/>
        <source>Reading the USB stick…</source>
        <translation>正在读取 U 盘…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="131"/>
        <source>No update packages on the USB stick.</source>
        <translation>U 盘上没有更新包。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="147"/>
        <source>Updating %1 to %2…</source>
        <translation>正在将 %1 更新到 %2…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="157"/>
        <source>Updating %1 from the station&apos;s source…</source>
        <translation>正在从充电站的来源更新 %1…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="167"/>
        <source>Rolling %1 back…</source>
        <translation>正在回滚 %1…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="185"/>
        <source>Downloading the package… %1 kB</source>
        <translation>正在下载软件包… %1 kB</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="193"/>
        <source>%1 flashed with %2; it has not reported back yet.</source>
        <translation>%1 已刷入 %2；尚未回报。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="195"/>
        <source>%1 now runs firmware %2.</source>
        <translation>%1 现在运行固件 %2。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="212"/>
        <source>Checking the package&apos;s signature…</source>
        <translation>正在检查更新包的签名…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="213"/>
        <source>Writing the firmware…</source>
        <translation>正在写入固件…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="214"/>
        <source>Waiting for the charger to restart…</source>
        <translation>正在等待充电桩重启…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="215"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="221"/>
        <source>Refused: the package is not signed by the vendor. Nothing was flashed.</source>
        <translation>已拒绝：该更新包未经供应商签名。未刷入任何内容。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="223"/>
        <source>Refused: this package is not charger firmware.</source>
        <translation>已拒绝：该更新包不是充电桩固件。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="224"/>
        <source>The charger has a session. Update it when it is free.</source>
        <translation>充电桩正在充电。请在空闲时更新。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="225"/>
        <source>No serial port is set up for this charger.</source>
        <translation>未为此充电桩设置串口。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="226"/>
        <source>No vendor key is set up: packages cannot be checked.</source>
        <translation>未设置供应商密钥：无法检查更新包。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="227"/>
        <source>Flashing failed; the previous firmware was restored.</source>
        <translation>刷写失败；已恢复之前的固件。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="228"/>
        <source>No earlier firmware is kept for this charger.</source>
        <translation>此充电桩没有保留更早的固件。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="229"/>
        <source>Another firmware update is running.</source>
        <translation>另一个固件更新正在进行。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="230"/>
        <source>No firmware source is set up for this station.</source>
        <translation>此充电站未设置固件来源。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="232"/>
        <source>The station&apos;s firmware source is not an http, https or ftp address.</source>
        <translation>充电站的固件来源不是 http、https 或 ftp 地址。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="235"/>
        <source>The station&apos;s firmware source could not be reached or has no package. Nothing was flashed.</source>
        <translation>无法访问充电站的固件来源，或其中没有软件包。未写入任何固件。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="237"/>
        <source>No USB stick found. Insert one and try again.</source>
        <translation>未找到 U 盘。请插入后重试。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="238"/>
        <source>The USB folder is missing.</source>
        <translation>U 盘文件夹不存在。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="239"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="241"/>
        <source>The operation failed (%1).</source>
        <translation>操作失败（%1）。</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="245"/>
        <source>Refused: %1 (%2)</source>
        <translation>已拒绝：%1（%2）</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="247"/>
        <source>Station software %1: install it from the station&apos;s updater</source>
        <translation>站点软件 %1：请通过站点更新程序安装</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="251"/>
        <source>Update to %1 (%2)</source>
        <translation>更新到 %1（%2）</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="258"/>
        <source>Charger %1</source>
        <translation>充电桩 %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="258"/>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="263"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="265"/>
        <source>Firmware %1, link %2</source>
        <translation>固件 %1，连接 %2</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="273"/>
        <source>Roll back to %1</source>
        <translation>回滚到 %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="275"/>
        <source>Station software %1</source>
        <translation>站点软件 %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="277"/>
        <source>previous release %1</source>
        <translation>上一版本 %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="279"/>
        <source>Read the USB stick</source>
        <translation>读取 U 盘</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="281"/>
        <source>From the station&apos;s source</source>
        <translation>从充电站的来源</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="284"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../i18n.py" line="117"/>
        <source>%1 kWh</source>
        <translation>%1 kWh</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="123"/>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="143"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="145"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../screens/idle.py" line="162"/>
        <source>Tap your card to start</source>
        <translation>刷卡开始充电</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="163"/>
        <source>Pay by card</source>
        <translation>银行卡支付</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="164"/>
        <source>Pay by phone (QR)</source>
        <translation>手机扫码支付 (QR)</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="196"/>
        <source>Card payments: %1 is held, you pay only what you use</source>
        <translation>银行卡支付：预先冻结 %1，只按实际用量收费</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="296"/>
        <source>EV charging</source>
        <translation>电动车充电</translation>
    </message>
    <message>
        <location filename="../app.py" line="299"/>
        <source>Station %1</source>
        <translation>充电站 %1</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../screens/out_of_service.py" line="41"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../screens/out_of_service.py" line="42"/>
        <source>This station cannot charge right now. We are sorry.</source>
        <translation>本站暂时无法充电，敬请谅解。</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../admin/overview.py" line="186"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="212"/>
        <source>Site: current per phase against its limit</source>
        <translation>站点：各相电流与限值</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="232"/>
        <source>The overview could not be read.</source>
        <translation>无法读取概览。</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="259"/>
        <source>%1: %2 of %3 A</source>
        <translation>%1：%2 / %3 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="273"/>
        <source>Group %1: %2 A</source>
        <translation>分组 %1：%2 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="277"/>
        <source>Central system: none configured</source>
        <translation>中央系统：未配置</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="281"/>
        <source>connected (%1)</source>
        <translation>已连接（%1）</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="283"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="285"/>
        <source>Central system: %1</source>
        <translation>中央系统：%1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="290"/>
        <source>%1 for %2</source>
        <translation>%1，已持续 %2</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="296"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="298"/>
        <source>Firmware %1 · polls %2, missed %3, bad frames %4, reconnects %5 · %6 ms (p99 %7 ms)</source>
        <translation>固件 %1 · 轮询 %2，丢失 %3，坏帧 %4，重连 %5 · %6 ms（p99 %7 ms）</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="315"/>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="319"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="330"/>
        <source>Offered %1 A · drawn %2 A</source>
        <translation>提供 %1 A · 实际 %2 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="333"/>
        <source>Faults: %1</source>
        <translation>故障：%1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="342"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="343"/>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="344"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="345"/>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="346"/>
        <source>Faulty link</source>
        <translation>链路故障</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="353"/>
        <source>A: no vehicle</source>
        <translation>A：无车辆</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="354"/>
        <source>B: vehicle connected</source>
        <translation>B：车辆已连接</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="355"/>
        <source>C: charging</source>
        <translation>C：充电中</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="356"/>
        <source>D: charging, ventilated</source>
        <translation>D：充电中（需通风）</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="357"/>
        <source>E: pilot shorted</source>
        <translation>E：控制导引短路</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="358"/>
        <source>F: not available</source>
        <translation>F：不可用</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="360"/>
        <source>pilot unknown</source>
        <translation>控制导引状态未知</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="366"/>
        <source>Balancer: unreachable, its last offer stays reserved</source>
        <translation>负载均衡：无法连接，保留其最后的供电</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="367"/>
        <source>Balancer: nothing while a fault is latched</source>
        <translation>负载均衡：故障锁定期间不供电</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="368"/>
        <source>Balancer: no vehicle</source>
        <translation>负载均衡：无车辆</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="369"/>
        <source>Balancer: no session lets it charge</source>
        <translation>负载均衡：没有允许充电的会话</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="370"/>
        <source>Balancer: the charger did not take the last command</source>
        <translation>负载均衡：充电桩未接受上一条指令</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="371"/>
        <source>Balancer: no share now, waiting for its turn</source>
        <translation>负载均衡：暂无分配，等待轮到</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="372"/>
        <source>Balancer: car idle, its share went to a waiting car</source>
        <translation>负载均衡：车辆空闲，其份额已给等待的车辆</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="373"/>
        <source>Balancer: rising to %1 A as headroom frees</source>
        <translation>负载均衡：随着余量释放升至 %1 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="375"/>
        <source>Balancer: %1 A, capped by %2</source>
        <translation>负载均衡：%1 A，受%2限制</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="377"/>
        <source>Balancer: %1 A, the most this car and cable take</source>
        <translation>负载均衡：%1 A，此车辆和电缆的最大值</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="378"/>
        <source>Balancer: %1 A, its share of the site&apos;s limit</source>
        <translation>负载均衡：%1 A，站点限值中的份额</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="380"/>
        <source>Balancer: no cycle yet</source>
        <translation>负载均衡：尚无周期</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="385"/>
        <source>safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="386"/>
        <source>a technician</source>
        <translation>技术人员</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="387"/>
        <source>the central system</source>
        <translation>中央系统</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="388"/>
        <source>a charging profile</source>
        <translation>充电配置文件</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="389"/>
        <source>the payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="390"/>
        <source>a schedule</source>
        <translation>计划</translation>
    </message>
</context>
<context>
    <name>PayCardScreen</name>
    <message>
        <location filename="../screens/pay_card.py" line="64"/>
        <source>Pay by card</source>
        <translation>银行卡支付</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="66"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>将预先冻结 %1，只按实际用量收费。</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="67"/>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="73"/>
        <source>Preparing the card terminal…</source>
        <translation>正在准备刷卡终端…</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="75"/>
        <source>Tap or insert your card on the reader</source>
        <translation>请在终端上挥卡或插卡</translation>
    </message>
</context>
<context>
    <name>PayPhoneScreen</name>
    <message>
        <location filename="../screens/pay_phone.py" line="76"/>
        <source>Pay by phone: choose how</source>
        <translation>手机支付：请选择方式</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="77"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="79"/>
        <source>Card (hold %1)</source>
        <translation>银行卡（冻结 %1）</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="80"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>将预先冻结 %1，只按实际用量收费。</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="82"/>
        <source>Online banking</source>
        <translation>网上银行</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="84"/>
        <source>%1 (prepay)</source>
        <translation>%1（预付）</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="85"/>
        <source>Unused credit is refunded automatically.</source>
        <translation>未用完的余额将自动退还。</translation>
    </message>
</context>
<context>
    <name>PayQrScreen</name>
    <message>
        <location filename="../screens/pay_qr.py" line="93"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="94"/>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="97"/>
        <source>Pay by phone</source>
        <translation>手机支付</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="102"/>
        <source>Preparing the payment page…</source>
        <translation>正在准备支付页面…</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="106"/>
        <source>Scan with your phone camera and pay. Charging starts when payment is received.</source>
        <translation>请用手机相机扫码并付款。收到付款后开始充电。</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="111"/>
        <source>Unused credit is refunded automatically.</source>
        <translation>未用完的余额将自动退还。</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="113"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>将预先冻结 %1，只按实际用量收费。</translation>
    </message>
</context>
<context>
    <name>PaymentResultScreen</name>
    <message>
        <location filename="../screens/payment_result.py" line="61"/>
        <source>Try another card or pay by phone.</source>
        <translation>请换一张卡或用手机支付。</translation>
    </message>
    <message>
        <location filename="../screens/payment_result.py" line="65"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../screens/payment_result.py" line="66"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>PaymentTexts</name>
    <message>
        <location filename="../payment_texts.py" line="23"/>
        <source>Card and phone payments are not working at the moment.</source>
        <translation>银行卡和手机支付暂时无法使用。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="26"/>
        <source>The card terminal is not working.</source>
        <translation>刷卡终端无法使用。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="27"/>
        <source>The card terminal is busy. Please try again in a moment.</source>
        <translation>刷卡终端正忙，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="33"/>
        <source>This way to pay is not offered here.</source>
        <translation>此处不提供该支付方式。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="36"/>
        <source>Payment is not possible at the moment.</source>
        <translation>暂时无法支付。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="44"/>
        <source>Your bank declined the payment: not enough funds.</source>
        <translation>您的银行拒绝了此次支付：余额不足。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="47"/>
        <source>This card has expired.</source>
        <translation>该卡已过期。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="48"/>
        <location filename="../payment_texts.py" line="52"/>
        <source>Your bank declined the payment.</source>
        <translation>您的银行拒绝了此次支付。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="49"/>
        <source>The PIN was not correct.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="59"/>
        <source>Payment declined</source>
        <translation>支付被拒绝</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="61"/>
        <source>Payment cancelled</source>
        <translation>支付已取消</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="61"/>
        <source>Nothing was charged.</source>
        <translation>未扣取任何费用。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="65"/>
        <source>Time ran out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="65"/>
        <source>The payment was not completed in time. Nothing was charged.</source>
        <translation>未在时限内完成支付，未扣取任何费用。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="69"/>
        <source>Payment not possible</source>
        <translation>无法支付</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="70"/>
        <source>Payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="70"/>
        <source>Something went wrong. Nothing was charged.</source>
        <translation>出现问题，未扣取任何费用。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="78"/>
        <source>This is not a valid e-mail address.</source>
        <translation>电子邮箱地址无效。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="80"/>
        <source>Receipts cannot be e-mailed from this station. Scan the code instead.</source>
        <translation>本充电站无法发送电子收据，请扫码获取。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="83"/>
        <source>The receipt could not be sent. Please scan the code instead.</source>
        <translation>收据发送失败，请扫码获取。</translation>
    </message>
</context>
<context>
    <name>PhoneLinkScreen</name>
    <message>
        <location filename="../screens/phone_link.py" line="48"/>
        <source>Charge from your phone</source>
        <translation>用手机充电</translation>
    </message>
    <message>
        <location filename="../screens/phone_link.py" line="50"/>
        <source>Scan with your phone camera: pay and start, follow and stop your charge on the phone.</source>
        <translation>请用手机相机扫码：付款并开始充电，在手机上查看进度并停止充电。</translation>
    </message>
    <message>
        <location filename="../screens/phone_link.py" line="53"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>PickConnectorScreen</name>
    <message>
        <location filename="../screens/pick_connector.py" line="77"/>
        <source>Start charging here?</source>
        <translation>在此开始充电？</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="79"/>
        <source>Choose your connector: a car is plugged in where marked</source>
        <translation>请选择充电枪：标记处已插枪</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="81"/>
        <source>Choose a connector</source>
        <translation>请选择充电枪</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="92"/>
        <source>Car plugged in</source>
        <translation>已插枪</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="96"/>
        <source>up to %1</source>
        <translation>最高 %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../admin/pin_pad.py" line="235"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="237"/>
        <source>Wrong staff number or PIN.</source>
        <translation>员工编号或 PIN 错误。</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="239"/>
        <source>Wrong PIN. Tries left before the lock: %1</source>
        <translation>PIN 错误。锁定前剩余尝试次数：%1</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="241"/>
        <source>Wait %1 s before the next try.</source>
        <translation>请等待 %1 秒后再试。</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="243"/>
        <source>Enter the PIN again.</source>
        <translation>请重新输入 PIN。</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="246"/>
        <source>This account is locked for %1 min.</source>
        <translation>此账户已锁定 %1 分钟。</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="248"/>
        <source>Tap your staff card on the reader.</source>
        <translation>请在读卡器上刷员工卡。</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="250"/>
        <source>Signing in is not possible now. Try again.</source>
        <translation>现在无法登录，请重试。</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="258"/>
        <source>Staff number</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="261"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="263"/>
        <source>Staff card read.</source>
        <translation>已读取员工卡。</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="267"/>
        <source>Staff sign-in</source>
        <translation>员工登录</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="268"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="269"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PlugInScreen</name>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="120"/>
        <source>No car was plugged in</source>
        <translation>未检测到车辆插枪</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="121"/>
        <source>Nothing was charged. Tap your card to start again.</source>
        <translation>未收取任何费用。请再次刷卡开始。</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="128"/>
        <source>Time left to plug in:</source>
        <translation>插枪剩余时间：</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="126"/>
        <source>Plug in at connector %1</source>
        <translation>请在充电枪 %1 插枪</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="127"/>
        <source>Charging starts by itself when the cable is in the car.</source>
        <translation>充电线插入车辆后将自动开始充电。</translation>
    </message>
</context>
<context>
    <name>ReceiptEmailScreen</name>
    <message>
        <location filename="../screens/receipt_email.py" line="103"/>
        <source>Receipt sent to %1</source>
        <translation>收据已发送至 %1</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="108"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="118"/>
        <source>Your e-mail address for the receipt:</source>
        <translation>接收收据的电子邮箱：</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="119"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="120"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../screens/receipt.py" line="60"/>
        <source>Scan for your receipt</source>
        <translation>扫码获取收据</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="62"/>
        <source>Receipt %1</source>
        <translation>收据 %1</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="64"/>
        <source>E-mail receipt</source>
        <translation>发送电子收据</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="65"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>SessionDetailPage</name>
    <message>
        <location filename="../admin/session_detail.py" line="342"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="344"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="345"/>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="346"/>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="347"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="357"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="366"/>
        <source>Session %1 · %2</source>
        <translation>充电记录 %1 · %2</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="373"/>
        <source>(%1 earlier not shown)</source>
        <translation>（未显示之前的 %1 条）</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="386"/>
        <source>Started: %1</source>
        <translation>开始：%1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="387"/>
        <source>Stopped: %1</source>
        <translation>停止：%1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="391"/>
        <source>Duration: %1</source>
        <translation>时长：%1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="405"/>
        <source>No meter values.</source>
        <translation>没有电表读数。</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="420"/>
        <source>Paid with a card on the station&apos;s list: nothing to refund here.</source>
        <translation>使用本站名单上的卡付款：此处无可退款项。</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="432"/>
        <source>Refunded: %1</source>
        <translation>已退款：%1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="435"/>
        <source>Receipt %1</source>
        <translation>收据 %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="445"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="457"/>
        <source>Amount to refund (at most %1):</source>
        <translation>退款金额（最多 %1）：</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="460"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="461"/>
        <location filename="../admin/session_detail.py" line="473"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="462"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="468"/>
        <source>Refund %1 to %2? Reason: %3. A refund cannot be undone.</source>
        <translation>将 %1 退款至 %2？原因：%3。退款无法撤销。</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="474"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
</context>
<context>
    <name>SessionTexts</name>
    <message>
        <location filename="../admin/session_texts.py" line="18"/>
        <source>Any payment</source>
        <translation>所有付款方式</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="19"/>
        <source>RFID card</source>
        <translation>RFID 卡</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="20"/>
        <source>Card at the terminal</source>
        <translation>终端刷卡</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="21"/>
        <source>Card by QR</source>
        <translation>扫码刷卡</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="22"/>
        <source>FPX</source>
        <translation>FPX</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="23"/>
        <source>GrabPay</source>
        <translation>GrabPay</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="31"/>
        <source>Any state</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="32"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="33"/>
        <location filename="../admin/session_texts.py" line="36"/>
        <source>Charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="34"/>
        <source>Authorised</source>
        <translation>已授权</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="35"/>
        <source>Waiting for the car</source>
        <translation>等待车辆</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="37"/>
        <source>Paused by the car</source>
        <translation>车辆暂停</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="38"/>
        <source>Paused by the station</source>
        <translation>充电站暂停</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="39"/>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="40"/>
        <source>Charger not answering</source>
        <translation>充电器无响应</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="41"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="48"/>
        <source>Held</source>
        <translation>已预授权</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="49"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="50"/>
        <source>Released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="51"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="52"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="54"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="60"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="61"/>
        <source>Refund pending at the bank</source>
        <translation>银行处理中的退款</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="62"/>
        <source>Refund not confirmed yet: the station will try again</source>
        <translation>退款尚未确认：充电站将重试</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="65"/>
        <source>Refund failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="73"/>
        <source>Customer asked</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="74"/>
        <source>Charged twice</source>
        <translation>重复扣款</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="75"/>
        <source>Fraud</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="84"/>
        <source>You are signed out. Please sign in again.</source>
        <translation>您已退出登录。请重新登录。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="85"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="88"/>
        <source>That is more than what is left to refund.</source>
        <translation>超出了可退款的余额。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="91"/>
        <source>Everything paid was refunded already.</source>
        <translation>已付款项已全部退还。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="94"/>
        <source>The payment was not taken, so there is nothing to refund.</source>
        <translation>款项未被收取，因此无可退款。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="97"/>
        <source>This session was not paid at the station.</source>
        <translation>此充电记录未在本站付款。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="98"/>
        <source>This station takes no payments.</source>
        <translation>本站不收取付款。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="99"/>
        <source>Please type an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="100"/>
        <source>This session is not in the records.</source>
        <translation>记录中没有此充电记录。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="101"/>
        <source>This session has no receipt.</source>
        <translation>此充电记录没有收据。</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="103"/>
        <source>That did not work. Please try again.</source>
        <translation>操作未成功。请重试。</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <location filename="../admin/sessions.py" line="116"/>
        <source>Sessions</source>
        <translation>充电记录</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="231"/>
        <source>Card…</source>
        <translation>卡号…</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="233"/>
        <source>All connectors</source>
        <translation>所有充电口</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="241"/>
        <source>Newer</source>
        <translation>较新</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="241"/>
        <source>Older</source>
        <translation>较早</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="244"/>
        <source>Card number starts with:</source>
        <translation>卡号开头为：</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="246"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="247"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="248"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="264"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="266"/>
        <source>No sessions match these filters.</source>
        <translation>没有符合筛选条件的充电记录。</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="269"/>
        <source>Sessions %1 to %2, newest first</source>
        <translation>第 %1 至 %2 条，最新在前</translation>
    </message>
</context>
<context>
    <name>StationTexts</name>
    <message>
        <location filename="../admin/station_texts.py" line="16"/>
        <source>Residual current trip</source>
        <translation>剩余电流保护跳闸</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="17"/>
        <source>Emergency stop</source>
        <translation>紧急停止</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="18"/>
        <source>Overcurrent</source>
        <translation>过电流</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="19"/>
        <source>Severe overcurrent</source>
        <translation>严重过电流</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="20"/>
        <source>Overvoltage</source>
        <translation>过电压</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="21"/>
        <source>Undervoltage</source>
        <translation>欠电压</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="22"/>
        <source>Overtemperature</source>
        <translation>过温</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="23"/>
        <source>Protective earth missing</source>
        <translation>保护接地缺失</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="24"/>
        <source>Welded contactor</source>
        <translation>接触器粘连</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="25"/>
        <source>Contactor feedback mismatch</source>
        <translation>接触器反馈不一致</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="26"/>
        <source>Vehicle diode fault</source>
        <translation>车辆二极管故障</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="27"/>
        <source>Cable coding (PP) fault</source>
        <translation>电缆编码 (PP) 故障</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="28"/>
        <source>Control pilot fault</source>
        <translation>控制导引故障</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="29"/>
        <source>Ventilation asked, not allowed</source>
        <translation>要求通风，未获允许</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="30"/>
        <source>Connector lock fault</source>
        <translation>连接器锁故障</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="31"/>
        <source>Self-test failed</source>
        <translation>自检失败</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="44"/>
        <source>Charger link online</source>
        <translation>充电桩连接在线</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="45"/>
        <source>Charger link degraded</source>
        <translation>充电桩连接降级</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="46"/>
        <source>Charger link lost</source>
        <translation>充电桩连接中断</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="47"/>
        <source>Charger link faulty</source>
        <translation>充电桩连接故障</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="48"/>
        <source>Charger link connecting</source>
        <translation>充电桩正在连接</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="49"/>
        <source>Session interrupted</source>
        <translation>会话中断</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="50"/>
        <source>Session ended</source>
        <translation>会话结束</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="51"/>
        <source>Session refused</source>
        <translation>会话被拒绝</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="52"/>
        <source>Setting changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="53"/>
        <source>Station started</source>
        <translation>充电站已启动</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="54"/>
        <source>Station stopping</source>
        <translation>充电站正在停止</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="55"/>
        <source>Self-test run</source>
        <translation>已运行自检</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="56"/>
        <source>Payment hold lapsed</source>
        <translation>支付预授权已失效</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="57"/>
        <source>Late payment given back</source>
        <translation>逾期付款已退回</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="64"/>
        <location filename="../admin/station_texts.py" line="73"/>
        <source>%1 cleared</source>
        <translation>%1 已清除</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="69"/>
        <source>Update: %1</source>
        <translation>更新：%1</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="81"/>
        <source>downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="82"/>
        <source>downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="83"/>
        <source>download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="84"/>
        <source>installing</source>
        <translation>正在安装</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="85"/>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="86"/>
        <source>installation failed</source>
        <translation>安装失败</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="119"/>
        <source>%1: contactor at %2 % of its rated life</source>
        <translation>%1：接触器已用额定寿命的 %2 %</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="122"/>
        <source>%1: temperature rise per A² at %2 × its baseline (check the terminals&apos; torque)</source>
        <translation>%1：每 A² 温升为基线的 %2 倍（请检查端子扭矩）</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="127"/>
        <source>%1: %2 × %3 in 30 days (usually %4)</source>
        <translation>%1：30天内 %2 次%3（通常 %4 次）</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="132"/>
        <source>%1: meter and V × I differ by %2 % over 30 days</source>
        <translation>%1：30天内电表与 V × I 相差 %2 %</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="137"/>
        <source>Charger %1: %2 % of polls missed, %3 reconnections a day over %4 days</source>
        <translation>充电桩 %1：丢失 %2 % 的轮询，%4 天内每天重新连接 %3 次</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="158"/>
        <source>Maintenance alarm: %1</source>
        <translation>维护警报：%1</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../screens/summary.py" line="142"/>
        <source>Session ended</source>
        <translation>充电已结束</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="143"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="155"/>
        <source>Reference %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="157"/>
        <source>Energy: %1</source>
        <translation>电量：%1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="159"/>
        <source>Duration: %1</source>
        <translation>时长：%1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="201"/>
        <source>Paid: %1</source>
        <translation>已付：%1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="196"/>
        <source>%1 refunded</source>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="208"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="200"/>
        <source>%1 released</source>
        <translation>已解冻 %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="208"/>
        <source>Receipt %1</source>
        <translation>收据 %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="223"/>
        <source>Please unplug and move your car.</source>
        <translation>请拔枪并移车。</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="83"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../texts.py" line="95"/>
        <source>Waiting for the car</source>
        <translation>等待车辆</translation>
    </message>
    <message>
        <location filename="../texts.py" line="72"/>
        <location filename="../texts.py" line="99"/>
        <source>Charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <location filename="../texts.py" line="125"/>
        <source>Reserved</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../texts.py" line="127"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../texts.py" line="131"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../texts.py" line="133"/>
        <source>Not responding</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../texts.py" line="144"/>
        <source>The residual current protection tripped.</source>
        <translation>剩余电流保护已跳闸。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="145"/>
        <source>The emergency stop was pressed.</source>
        <translation>急停按钮已按下。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="146"/>
        <source>The car drew more current than offered.</source>
        <translation>车辆电流超过允许值。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="73"/>
        <source>Car plugged in</source>
        <translation>已插枪</translation>
    </message>
    <message>
        <location filename="../texts.py" line="74"/>
        <source>Car paused</source>
        <translation>车辆暂停</translation>
    </message>
    <message>
        <location filename="../texts.py" line="75"/>
        <source>Please unplug</source>
        <translation>请拔枪</translation>
    </message>
    <message>
        <location filename="../texts.py" line="76"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../texts.py" line="85"/>
        <source>Cannot start now</source>
        <translation>暂时无法启动</translation>
    </message>
    <message>
        <location filename="../texts.py" line="90"/>
        <source>Car plugged in: tap card</source>
        <translation>已插枪：请刷卡</translation>
    </message>
    <message>
        <location filename="../texts.py" line="101"/>
        <source>Charging, power shared</source>
        <translation>充电中（功率共享）</translation>
    </message>
    <message>
        <location filename="../texts.py" line="106"/>
        <source>Car paused or full</source>
        <translation>车辆暂停或已充满</translation>
    </message>
    <message>
        <location filename="../texts.py" line="111"/>
        <source>Waiting for power</source>
        <translation>等待供电</translation>
    </message>
    <message>
        <location filename="../texts.py" line="116"/>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <location filename="../texts.py" line="121"/>
        <source>Finished: please unplug</source>
        <translation>已结束：请拔枪</translation>
    </message>
    <message>
        <location filename="../texts.py" line="147"/>
        <source>The mains voltage is out of range.</source>
        <translation>市电电压超出范围。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="148"/>
        <source>The charger is too hot.</source>
        <translation>充电桩温度过高。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="149"/>
        <source>The earth connection is faulty.</source>
        <translation>接地故障。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="150"/>
        <location filename="../texts.py" line="151"/>
        <source>The charger&apos;s switch is faulty.</source>
        <translation>充电桩开关故障。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="152"/>
        <source>The car does not answer the charger correctly.</source>
        <translation>车辆与充电桩通信异常。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="155"/>
        <source>The cable is damaged or not supported.</source>
        <translation>充电线损坏或不受支持。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="156"/>
        <source>The cable lock does not work.</source>
        <translation>充电线锁止装置失灵。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="157"/>
        <source>The car needs ventilation, which this charger lacks.</source>
        <translation>车辆需要通风，本充电桩不支持。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="160"/>
        <source>The charger failed its self-test.</source>
        <translation>充电桩自检失败。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="161"/>
        <source>The station lost contact with the charger.</source>
        <translation>充电站与充电桩失去连接。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="163"/>
        <source>The charger detected a fault.</source>
        <translation>充电桩检测到故障。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="168"/>
        <source>This card is not known here.</source>
        <translation>本站无法识别该卡。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="169"/>
        <source>This card is blocked.</source>
        <translation>该卡已被冻结。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="170"/>
        <source>This card has expired.</source>
        <translation>该卡已过期。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="171"/>
        <source>This card is not valid.</source>
        <translation>该卡无效。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="172"/>
        <source>This card is already charging elsewhere.</source>
        <translation>该卡正在其他充电枪充电。</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="30"/>
        <location filename="../texts.py" line="173"/>
        <source>Every connector is in use. Please wait until one is free.</source>
        <translation>所有充电枪都在使用中。请等待空闲。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="184"/>
        <source>The card reader is not working. Charging cannot start now.</source>
        <translation>读卡器故障，暂时无法开始充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="217"/>
        <source>Helpline: %1</source>
        <translation>客服热线：%1</translation>
    </message>
    <message>
        <location filename="../texts.py" line="227"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../texts.py" line="176"/>
        <location filename="../texts.py" line="194"/>
        <source>The card could not be read. Please try again.</source>
        <translation>无法读取卡片，请重试。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="177"/>
        <source>The card could not be checked. Please try again.</source>
        <translation>无法验证卡片，请重试。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="179"/>
        <source>The card was not accepted.</source>
        <translation>该卡未被接受。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="188"/>
        <source>The card reader is not working: pay by card or by phone below.</source>
        <translation>读卡器故障，请用下方的银行卡或手机支付。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="191"/>
        <source>The card was removed too soon. Hold it still and try again.</source>
        <translation>卡片移开过快，请保持不动后重试。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="202"/>
        <source>You stopped charging.</source>
        <translation>您已停止充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="203"/>
        <source>The cable was unplugged.</source>
        <translation>充电线已拔出。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="204"/>
        <source>The operator stopped charging.</source>
        <translation>运营方已停止充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="205"/>
        <source>Charging stopped because of a fault.</source>
        <translation>因故障充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="206"/>
        <location filename="../texts.py" line="210"/>
        <source>Charging stopped.</source>
        <translation>充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="207"/>
        <source>Charging stopped after a power cut.</source>
        <translation>停电后充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="208"/>
        <source>The card was no longer accepted.</source>
        <translation>该卡已不被接受。</translation>
    </message>
</context>
</TS>
