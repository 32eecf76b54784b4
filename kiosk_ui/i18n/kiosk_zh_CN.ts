<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <location filename="../screens/charging.py" line="175"/>
        <location filename="../screens/charging.py" line="194"/>
        <source>Stopping...</source>
        <translation>正在停止……</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="151"/>
        <source>Your car is not taking power: the idle fee starts in %1 min. Please unplug when done.</source>
        <translation>车辆已停止充电：%1 分钟后开始收占位费。完成后请拔枪。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="156"/>
        <source>Your car is not taking power: the idle fee is running. Please unplug and move.</source>
        <translation>车辆已停止充电：正在收取占位费。请拔枪并移车。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="188"/>
        <source>Energy</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="189"/>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="190"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="194"/>
        <source>Stop charging</source>
        <translation>停止充电</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="197"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="202"/>
        <source>To stop: press Stop, tap your card or unplug. You may leave: charging goes on.</source>
        <translation>停止方式：按停止、刷卡或拔枪。您可以离开，充电会继续。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="205"/>
        <source>To stop: press Stop or unplug. You may leave: charging goes on.</source>
        <translation>停止方式：按停止或拔枪。您可以离开，充电会继续。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="207"/>
        <source>To stop, tap the card that started this session.</source>
        <translation>如需停止，请刷开始本次充电的卡片。</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="210"/>
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
        <location filename="../screens/idle.py" line="118"/>
        <source>Tap your card to start</source>
        <translation>刷卡开始充电</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="209"/>
        <source>EV charging</source>
        <translation>电动车充电</translation>
    </message>
    <message>
        <location filename="../app.py" line="212"/>
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
    <name>SummaryScreen</name>
    <message>
        <location filename="../screens/summary.py" line="98"/>
        <source>Session ended</source>
        <translation>充电已结束</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="99"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="107"/>
        <source>Reference %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="109"/>
        <source>Energy: %1</source>
        <translation>电量：%1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="111"/>
        <source>Duration: %1</source>
        <translation>时长：%1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="126"/>
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
        <location filename="../texts.py" line="213"/>
        <source>Helpline: %1</source>
        <translation>客服热线：%1</translation>
    </message>
    <message>
        <location filename="../texts.py" line="223"/>
        <source>Connector %1</source>
        <translation>充电枪 %1</translation>
    </message>
    <message>
        <location filename="../texts.py" line="176"/>
        <location filename="../texts.py" line="190"/>
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
        <location filename="../texts.py" line="187"/>
        <source>The card was removed too soon. Hold it still and try again.</source>
        <translation>卡片移开过快，请保持不动后重试。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="198"/>
        <source>You stopped charging.</source>
        <translation>您已停止充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="199"/>
        <source>The cable was unplugged.</source>
        <translation>充电线已拔出。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="200"/>
        <source>The operator stopped charging.</source>
        <translation>运营方已停止充电。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="201"/>
        <source>Charging stopped because of a fault.</source>
        <translation>因故障充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="202"/>
        <location filename="../texts.py" line="206"/>
        <source>Charging stopped.</source>
        <translation>充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="203"/>
        <source>Charging stopped after a power cut.</source>
        <translation>停电后充电已停止。</translation>
    </message>
    <message>
        <location filename="../texts.py" line="204"/>
        <source>The card was no longer accepted.</source>
        <translation>该卡已不被接受。</translation>
    </message>
</context>
</TS>
