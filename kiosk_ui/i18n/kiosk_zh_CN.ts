<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuthoriseScreen</name>
    <message>
        <location filename="../screens/authorise.py" line="57"/>
        <source>Hold your card to the reader</source>
        <translation>请将卡片靠近读卡器</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="58"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="65"/>
        <source>Try another card, or call the helpline: %1</source>
        <translation>请换一张卡，或拨打客服热线：%1</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="69"/>
        <location filename="../screens/authorise.py" line="72"/>
        <source>Helpline: %1</source>
        <translation>客服热线：%1</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="71"/>
        <source>Charging could not start on this connector.</source>
        <translation>此充电枪无法开始充电。</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="75"/>
        <source>The reader is below the screen, marked with the card symbol.</source>
        <translation>读卡器位于屏幕下方，带有卡片标志。</translation>
    </message>
</context>
<context>
    <name>ChargingScreen</name>
    <message>
        <location filename="../screens/charging.py" line="121"/>
        <location filename="../screens/charging.py" line="141"/>
        <source>Stopping...</source>
        <translation>正在停止……</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="134"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="135"/>
        <source>Energy</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="136"/>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="137"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="141"/>
        <source>Stop charging</source>
        <translation>停止充电</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="142"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="146"/>
        <source>Tap the same card or press Stop to end. Unplugging also ends it.</source>
        <translation>再次刷同一张卡或按“停止”结束；拔枪也会结束充电。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="150"/>
        <source>To stop, tap the card that started this session.</source>
        <translation>如需停止，请刷开始本次充电的卡片。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="148"/>
        <source>Press Stop to end. Unplugging also ends it.</source>
        <translation>按“停止”结束；拔枪也会结束充电。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="153"/>
        <source>The card reader is not working. Unplugging the car ends this session.</source>
        <translation>读卡器故障。拔枪即可结束本次充电。</translation>
    </message>
</context>
<context>
    <name>FaultScreen</name>
    <message>
        <location filename="../screens/fault.py" line="46"/>
        <source>Connector %1 has a fault</source>
        <translation>充电枪 %1 故障</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="52"/>
        <source>Your session has ended. You pay only for the energy delivered: %1.</source>
        <translation>本次充电已结束，仅按已充电量收费：%1。</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="59"/>
        <source>Your session has ended. You pay only for the energy delivered.</source>
        <translation>本次充电已结束，仅按已充电量收费。</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="61"/>
        <source>Please use another connector.</source>
        <translation>请使用其他充电枪。</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="62"/>
        <source>Helpline: %1</source>
        <translation>客服热线：%1</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="63"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../i18n.py" line="94"/>
        <source>%1 kWh</source>
        <translation>%1 千瓦时</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="100"/>
        <source>%1 kW</source>
        <translation>%1 千瓦</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="111"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="113"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../screens/idle.py" line="91"/>
        <source>Connectors</source>
        <translation>充电枪</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="92"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="104"/>
        <source>Tap your card on the reader to start</source>
        <translation>在读卡器上刷卡即可开始</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="105"/>
        <source>Start with a card</source>
        <translation>刷卡开始</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="102"/>
        <source>Helpline: %1</source>
        <translation>客服热线：%1</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="108"/>
        <source>not available now</source>
        <translation>暂时无法使用</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="110"/>
        <source>Other ways to pay</source>
        <translation>其他支付方式</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="113"/>
        <source>coming soon</source>
        <translation>即将推出</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="115"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="117"/>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="129"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="136"/>
        <source>up to %1</source>
        <translation>最高 %1</translation>
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
    <message>
        <location filename="../screens/out_of_service.py" line="43"/>
        <source>Helpline: %1</source>
        <translation>客服热线：%1</translation>
    </message>
</context>
<context>
    <name>PickConnectorScreen</name>
    <message>
        <location filename="../screens/pick_connector.py" line="52"/>
        <source>Choose a connector</source>
        <translation>请选择充电枪</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="53"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="60"/>
        <source>Connector %1, up to %2</source>
        <translation>充电枪 %1，最高 %2</translation>
    </message>
</context>
<context>
    <name>PlugInScreen</name>
    <message>
        <location filename="../screens/plug_in.py" line="93"/>
        <source>Time left to plug in: %1 s</source>
        <translation>剩余插枪时间：%1 秒</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="104"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="106"/>
        <source>No car was plugged in</source>
        <translation>未检测到车辆插枪</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="107"/>
        <source>The authorisation has lapsed. Tap your card to start again.</source>
        <translation>授权已过期，请重新刷卡。</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="110"/>
        <source>Plug in at connector %1</source>
        <translation>请在充电枪 %1 插枪</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="111"/>
        <source>Charging starts by itself when the cable is in the car.</source>
        <translation>充电线插入车辆后将自动开始充电。</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../screens/summary.py" line="85"/>
        <source>Charging complete</source>
        <translation>充电完成</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="86"/>
        <source>Receipt: coming soon</source>
        <translation>收据：即将推出</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="87"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="94"/>
        <source>Energy: %1</source>
        <translation>电量：%1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="96"/>
        <source>Duration: %1</source>
        <translation>时长：%1</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="18"/>
        <source>Car plugged in: tap your card</source>
        <translation>车辆已插枪：请刷卡</translation>
    </message>
    <message>
        <location filename="../texts.py" line="20"/>
        <source>Charging, limited by the site</source>
        <translation>充电中（场地限功率）</translation>
    </message>
    <message>
        <location filename="../texts.py" line="22"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../texts.py" line="23"/>
        <source>Waiting for the car</source>
        <translation>等待车辆</translation>
    </message>
    <message>
        <location filename="../texts.py" line="24"/>
        <source>Charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <location filename="../texts.py" line="25"/>
        <source>Paused by the car</source>
        <translation>车辆已暂停</translation>
    </message>
    <message>
        <location filename="../texts.py" line="26"/>
        <source>Paused by the station</source>
        <translation>充电站已暂停</translation>
    </message>
    <message>
        <location filename="../texts.py" line="27"/>
        <source>Finishing</source>
        <translation>正在结束</translation>
    </message>
    <message>
        <location filename="../texts.py" line="28"/>
        <source>Reserved</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../texts.py" line="29"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../texts.py" line="30"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../texts.py" line="31"/>
        <source>Not responding</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../texts.py" line="50"/>
        <source>The residual current protection tripped.</source>
        <translation>剩余电流保护已跳闸。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="51"/>
        <source>The emergency stop was pressed.</source>
        <translation>急停按钮已按下。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="52"/>
        <location filename="../texts.py" line="53"/>
        <source>The car drew more current than offered.</source>
        <translation>车辆电流超过允许值。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="54"/>
        <source>The grid voltage is too high.</source>
        <translation>电网电压过高。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="55"/>
        <source>The grid voltage is too low.</source>
        <translation>电网电压过低。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="56"/>
        <source>The charger is too hot.</source>
        <translation>充电桩温度过高。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="57"/>
        <source>The earth connection is faulty.</source>
        <translation>接地故障。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="58"/>
        <location filename="../texts.py" line="59"/>
        <source>The charger&apos;s switch is faulty.</source>
        <translation>充电桩开关故障。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="60"/>
        <location filename="../texts.py" line="61"/>
        <source>The car does not answer the charger correctly.</source>
        <translation>车辆与充电桩通信异常。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="62"/>
        <source>The cable is damaged or not supported.</source>
        <translation>充电线损坏或不受支持。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="63"/>
        <source>The cable lock does not work.</source>
        <translation>充电线锁止装置失灵。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="64"/>
        <source>The car needs ventilation, which this charger lacks.</source>
        <translation>车辆需要通风，本充电桩不支持。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="67"/>
        <source>The charger failed its self-test.</source>
        <translation>充电桩自检失败。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="68"/>
        <source>The station lost contact with the charger.</source>
        <translation>充电站与充电桩失去连接。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="70"/>
        <source>The charger detected a fault.</source>
        <translation>充电桩检测到故障。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="75"/>
        <source>This card is not known here.</source>
        <translation>本站无法识别该卡。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="76"/>
        <source>This card is blocked.</source>
        <translation>该卡已被冻结。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="77"/>
        <source>This card has expired.</source>
        <translation>该卡已过期。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="78"/>
        <source>This card is not valid.</source>
        <translation>该卡无效。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="79"/>
        <source>This card is already charging elsewhere.</source>
        <translation>该卡正在其他充电枪充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="80"/>
        <source>No connector is free right now.</source>
        <translation>目前没有空闲的充电枪。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="81"/>
        <location filename="../texts.py" line="95"/>
        <source>The card could not be read. Please try again.</source>
        <translation>无法读取卡片，请重试。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="82"/>
        <source>The card could not be checked. Please try again.</source>
        <translation>无法验证卡片，请重试。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="84"/>
        <source>The card was not accepted.</source>
        <translation>该卡未被接受。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="89"/>
        <source>The card reader is not working. Please call the helpline.</source>
        <translation>读卡器故障，请拨打客服热线。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="92"/>
        <source>The card was removed too soon. Hold it still and try again.</source>
        <translation>卡片移开过快，请保持不动后重试。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="103"/>
        <source>You stopped charging.</source>
        <translation>您已停止充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="104"/>
        <source>The cable was unplugged.</source>
        <translation>充电线已拔出。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="105"/>
        <source>The operator stopped charging.</source>
        <translation>运营方已停止充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="106"/>
        <source>Charging stopped because of a fault.</source>
        <translation>因故障充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="107"/>
        <location filename="../texts.py" line="111"/>
        <source>Charging stopped.</source>
        <translation>充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="108"/>
        <source>Charging stopped after a power cut.</source>
        <translation>停电后充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="109"/>
        <source>The card was no longer accepted.</source>
        <translation>该卡已不被接受。</translation>
    </message>
</context>
</TS>
