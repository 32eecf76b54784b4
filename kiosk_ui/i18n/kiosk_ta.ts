<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ta">
<context>
    <name>AuthoriseScreen</name>
    <message>
        <location filename="../screens/authorise.py" line="61"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="68"/>
        <source>No connector is free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="73"/>
        <source>Card not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="75"/>
        <source>Try another card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="78"/>
        <source>Card not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="83"/>
        <source>Charging could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="84"/>
        <source>This connector is no longer free. Tap your card again to choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="91"/>
        <source>Hold your card to the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="92"/>
        <source>The reader is below the screen, marked with the card symbol.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChargingScreen</name>
    <message>
        <location filename="../screens/charging.py" line="144"/>
        <source>Your car is not taking power: the idle fee starts in %1 min. Please unplug when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="149"/>
        <source>Your car is not taking power: the idle fee is running. Please unplug and move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="168"/>
        <location filename="../screens/charging.py" line="187"/>
        <source>Stopping...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="181"/>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="182"/>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="183"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="187"/>
        <source>Stop charging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="190"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="195"/>
        <source>To stop: press Stop, tap your card or unplug. You may leave: charging goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="198"/>
        <source>To stop: press Stop or unplug. You may leave: charging goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="200"/>
        <source>To stop, tap the card that started this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="203"/>
        <source>The card reader is not working. Unplugging the car ends this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaultScreen</name>
    <message>
        <location filename="../screens/fault.py" line="95"/>
        <source>Connector %1 has a fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="102"/>
        <source>Your session has ended. Delivered before the fault: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="107"/>
        <source>Your session has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="112"/>
        <source>Please use another connector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="114"/>
        <source>No other connector is free now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="118"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../i18n.py" line="99"/>
        <source>%1 kWh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="105"/>
        <source>%1 kW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="116"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="118"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../screens/idle.py" line="107"/>
        <source>Tap your card to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="149"/>
        <source>up to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="203"/>
        <source>EV charging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="206"/>
        <source>Station %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../screens/out_of_service.py" line="41"/>
        <source>Out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/out_of_service.py" line="42"/>
        <source>This station cannot charge right now. We are sorry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickConnectorScreen</name>
    <message>
        <location filename="../screens/pick_connector.py" line="77"/>
        <source>Start charging here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="79"/>
        <source>Choose your connector: a car is plugged in where marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="81"/>
        <source>Choose a connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="82"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="92"/>
        <source>Car plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="96"/>
        <source>up to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlugInScreen</name>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="120"/>
        <source>No car was plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="121"/>
        <source>Nothing was charged. Tap your card to start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="126"/>
        <source>Plug in at connector %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="127"/>
        <source>Charging starts by itself when the cable is in the car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="128"/>
        <source>Time left to plug in:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../screens/summary.py" line="98"/>
        <source>Session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="99"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="107"/>
        <source>Reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="109"/>
        <source>Energy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="111"/>
        <source>Duration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="126"/>
        <source>Please unplug and move your car.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="72"/>
        <location filename="../texts.py" line="99"/>
        <source>Charging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="73"/>
        <source>Car plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="74"/>
        <source>Car paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="75"/>
        <source>Please unplug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="76"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="83"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="85"/>
        <source>Cannot start now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="90"/>
        <source>Car plugged in: tap card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="95"/>
        <source>Waiting for the car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="101"/>
        <source>Charging, power shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="106"/>
        <source>Car paused or full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="111"/>
        <source>Waiting for power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="116"/>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="121"/>
        <source>Finished: please unplug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="125"/>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="127"/>
        <source>Out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="131"/>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="133"/>
        <source>Not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="144"/>
        <source>The residual current protection tripped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="145"/>
        <source>The emergency stop was pressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="146"/>
        <source>The car drew more current than offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="147"/>
        <source>The mains voltage is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="148"/>
        <source>The charger is too hot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="149"/>
        <source>The earth connection is faulty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="150"/>
        <location filename="../texts.py" line="151"/>
        <source>The charger&apos;s switch is faulty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="152"/>
        <source>The car does not answer the charger correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="155"/>
        <source>The cable is damaged or not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="156"/>
        <source>The cable lock does not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="157"/>
        <source>The car needs ventilation, which this charger lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="160"/>
        <source>The charger failed its self-test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="161"/>
        <source>The station lost contact with the charger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="163"/>
        <source>The charger detected a fault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="168"/>
        <source>This card is not known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="169"/>
        <source>This card is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="170"/>
        <source>This card has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="171"/>
        <source>This card is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="172"/>
        <source>This card is already charging elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="173"/>
        <source>Every connector is in use. Please wait until one is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="176"/>
        <location filename="../texts.py" line="190"/>
        <source>The card could not be read. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="177"/>
        <source>The card could not be checked. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="179"/>
        <source>The card was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="184"/>
        <source>The card reader is not working. Charging cannot start now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="187"/>
        <source>The card was removed too soon. Hold it still and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="198"/>
        <source>You stopped charging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="199"/>
        <source>The cable was unplugged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="200"/>
        <source>The operator stopped charging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="201"/>
        <source>Charging stopped because of a fault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="202"/>
        <location filename="../texts.py" line="206"/>
        <source>Charging stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="203"/>
        <source>Charging stopped after a power cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="204"/>
        <source>The card was no longer accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="213"/>
        <source>Helpline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="223"/>
        <source>Connector %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
