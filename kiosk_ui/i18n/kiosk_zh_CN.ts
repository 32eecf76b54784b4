<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalyticsScreen</name>
    <message>
        <location filename="../admin/analytics.py" line="149"/>
        <source>Analytics</source>
        <translation>数据分析</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="168"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="203"/>
        <source>Writing the report to the USB drive…</source>
        <translation>正在将报告写入U盘…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="242"/>
        <source>%1 %2:00: %3 kW mean power, %4 sessions at a time</source>
        <translation>%1 %2:00：平均功率 %3 kW，同时 %4 个会话</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="255"/>
        <source>Written to %1: %2</source>
        <translation>已写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="269"/>
        <source>Your role may not do this</source>
        <translation>您的角色无权执行此操作</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="272"/>
        <source>This station runs without its analytics</source>
        <translation>本充电站未启用数据分析</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="273"/>
        <source>No USB drive found: plug one in and try again</source>
        <translation>未找到U盘：请插入后重试</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="274"/>
        <source>The export folder is missing: is the USB drive plugged in?</source>
        <translation>导出文件夹不存在：U盘是否已插入？</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="275"/>
        <source>The USB drive cannot be written: is it full or locked?</source>
        <translation>无法写入U盘：是否已满或被锁定？</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="276"/>
        <source>Writing to the USB drive failed: try another drive</source>
        <translation>写入U盘失败：请换一个U盘</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="277"/>
        <source>That charger or connector is no longer known</source>
        <translation>该充电桩或充电枪已不存在</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="279"/>
        <source>The figures could not be read: try again</source>
        <translation>无法读取数据：请重试</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="301"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="303"/>
        <source>Charger %1</source>
        <translation>充电桩 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="304"/>
        <source>Whole site</source>
        <translation>整个站点</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="317"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="318"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="319"/>
        <source>Last 12 months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="324"/>
        <source>Usage</source>
        <translation>使用量</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="325"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="326"/>
        <source>Peak hours</source>
        <translation>高峰时段</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="327"/>
        <source>Site peak</source>
        <translation>站点峰值</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="328"/>
        <location filename="../admin/analytics_pages.py" line="164"/>
        <source>Uptime</source>
        <translation>正常运行率</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="329"/>
        <source>Alarms</source>
        <translation>警报</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="333"/>
        <source>Export to USB</source>
        <translation>导出到U盘</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="335"/>
        <source>State timeline</source>
        <translation>状态时间线</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="23"/>
        <source>RFID card</source>
        <translation>RFID卡</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="24"/>
        <source>Card at the terminal</source>
        <translation>终端刷卡</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="25"/>
        <source>Card on the QR page</source>
        <translation>二维码页面付卡</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="34"/>
        <source>Contactor wear</source>
        <translation>接触器磨损</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="35"/>
        <source>Connector running hot</source>
        <translation>充电枪过热</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="36"/>
        <source>More faults than usual</source>
        <translation>故障多于平常</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="37"/>
        <source>Meter reads off</source>
        <translation>电表读数偏差</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="38"/>
        <source>Charger link unreliable</source>
        <translation>充电桩连接不稳定</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="46"/>
        <source>life used %</source>
        <translation>已用寿命 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="47"/>
        <source>equivalent operations</source>
        <translation>等效操作次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="48"/>
        <source>operations</source>
        <translation>操作次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="49"/>
        <source>unseen operations</source>
        <translation>未记录的操作</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="50"/>
        <source>per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="51"/>
        <source>replace by</source>
        <translation>更换期限</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="52"/>
        <source>baseline m°C/A²</source>
        <translation>基线 m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="53"/>
        <source>recent m°C/A²</source>
        <translation>近期 m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="54"/>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="55"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="56"/>
        <source>last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="57"/>
        <source>usual per 30 days</source>
        <translation>通常每30天</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="58"/>
        <source>metered Wh</source>
        <translation>电表 Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="59"/>
        <source>V x I Wh</source>
        <translation>V x I Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="60"/>
        <source>drift %</source>
        <translation>偏差 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="61"/>
        <source>polls</source>
        <translation>轮询次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="62"/>
        <source>missed polls</source>
        <translation>丢失轮询</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="63"/>
        <source>missed %</source>
        <translation>丢失 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="64"/>
        <source>reconnections</source>
        <translation>重新连接次数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="65"/>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="85"/>
        <source>Energy per month (kWh)</source>
        <translation>每月电量 (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="88"/>
        <source>Energy per day (kWh)</source>
        <translation>每日电量 (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="105"/>
        <source>Revenue is shown to operators only.</source>
        <translation>收入仅对运营者显示。</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="108"/>
        <source>Gross by payment method (%1)</source>
        <translation>按支付方式的总收入 (%1)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="140"/>
        <source>Site peak per day against the limit (kW)</source>
        <translation>每日站点峰值与限值 (kW)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="142"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="144"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="163"/>
        <source>Uptime per month (%)</source>
        <translation>每月正常运行率 (%)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="208"/>
        <source>Raised %1</source>
        <translation>发出于 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="216"/>
        <source>No open alarms</source>
        <translation>没有未解除的警报</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="219"/>
        <source>%1 % of its life used; replace by %2</source>
        <translation>已用寿命 %1 %；请在 %2 前更换</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="222"/>
        <source>Contactor %1</source>
        <translation>接触器 %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="232"/>
        <source>%1 sessions, %2 kWh, occupied %3 %</source>
        <translation>%1 个会话，%2 kWh，占用 %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="242"/>
        <source>Gross %1, net %2, refunds %3 (%4)</source>
        <translation>总额 %1，净额 %2，退款 %3 (%4)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="250"/>
        <source>Mean power by weekday and hour (kW): tap a cell</source>
        <translation>按星期和小时的平均功率 (kW)：点按单元格</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="258"/>
        <source>Highest %1 kW on %2: %3 % of the limit</source>
        <translation>最高 %1 kW，于 %2：限值的 %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="265"/>
        <source>Uptime %1 %, last 12 months %2 %</source>
        <translation>正常运行率 %1 %，近12个月 %2 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="269"/>
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
        <location filename="../screens/idle.py" line="156"/>
        <source>Tap your card to start</source>
        <translation>刷卡开始充电</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="157"/>
        <source>Pay by card</source>
        <translation>银行卡支付</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="158"/>
        <source>Pay by phone (QR)</source>
        <translation>手机扫码支付 (QR)</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="190"/>
        <source>Card payments: %1 is held, you pay only what you use</source>
        <translation>银行卡支付：预先冻结 %1，只按实际用量收费</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="224"/>
        <source>EV charging</source>
        <translation>电动车充电</translation>
    </message>
    <message>
        <location filename="../app.py" line="227"/>
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
