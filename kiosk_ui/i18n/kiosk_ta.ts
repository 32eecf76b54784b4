<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ta">
<context>
    <name>AnalyticsScreen</name>
    <message>
        <location filename="../admin/analytics.py" line="149"/>
        <source>Analytics</source>
        <translation>பகுப்பாய்வு</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="168"/>
        <source>Loading…</source>
        <translation>ஏற்றுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="203"/>
        <source>Writing the report to the USB drive…</source>
        <translation>அறிக்கையை USB இயக்ககத்தில் எழுதுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="242"/>
        <source>%1 %2:00: %3 kW mean power, %4 sessions at a time</source>
        <translation>%1 %2:00: சராசரி மின்திறன் %3 kW, ஒரே நேரத்தில் %4 அமர்வுகள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="255"/>
        <source>Written to %1: %2</source>
        <translation>%1 இல் எழுதப்பட்டது: %2</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="269"/>
        <source>Your role may not do this</source>
        <translation>உங்கள் பங்கிற்கு இதைச் செய்ய அனுமதி இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="272"/>
        <source>This station runs without its analytics</source>
        <translation>இந்த நிலையம் பகுப்பாய்வு இல்லாமல் இயங்குகிறது</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="273"/>
        <source>No USB drive found: plug one in and try again</source>
        <translation>USB இயக்ககம் இல்லை: ஒன்றைச் செருகி மீண்டும் முயலவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="274"/>
        <source>The export folder is missing: is the USB drive plugged in?</source>
        <translation>ஏற்றுமதி கோப்புறை இல்லை: USB இயக்ககம் செருகப்பட்டுள்ளதா?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="275"/>
        <source>The USB drive cannot be written: is it full or locked?</source>
        <translation>USB இயக்ககத்தில் எழுத முடியவில்லை: அது நிரம்பியதா அல்லது பூட்டப்பட்டதா?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="276"/>
        <source>Writing to the USB drive failed: try another drive</source>
        <translation>USB இயக்ககத்தில் எழுதுவது தோல்வி: வேறு இயக்ககத்தை முயலவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="277"/>
        <source>That charger or connector is no longer known</source>
        <translation>அந்த மின்னேற்றி அல்லது இணைப்பி இனி அறியப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="279"/>
        <source>The figures could not be read: try again</source>
        <translation>எண்ணிக்கைகளைப் படிக்க முடியவில்லை: மீண்டும் முயலவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="301"/>
        <source>Connector %1</source>
        <translation>இணைப்பி %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="303"/>
        <source>Charger %1</source>
        <translation>மின்னேற்றி %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="304"/>
        <source>Whole site</source>
        <translation>முழு தளம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="317"/>
        <source>This month</source>
        <translation>இந்த மாதம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="318"/>
        <source>Last month</source>
        <translation>கடந்த மாதம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="319"/>
        <source>Last 12 months</source>
        <translation>கடந்த 12 மாதங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="324"/>
        <source>Usage</source>
        <translation>பயன்பாடு</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="325"/>
        <source>Revenue</source>
        <translation>வருவாய்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="326"/>
        <source>Peak hours</source>
        <translation>உச்ச நேரங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="327"/>
        <source>Site peak</source>
        <translation>தள உச்சம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="328"/>
        <location filename="../admin/analytics_pages.py" line="164"/>
        <source>Uptime</source>
        <translation>இயக்க நேரம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="329"/>
        <source>Alarms</source>
        <translation>எச்சரிக்கை</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="333"/>
        <source>Export to USB</source>
        <translation>USB க்கு ஏற்றுமதி</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="335"/>
        <source>State timeline</source>
        <translation>நிலை காலவரிசை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="23"/>
        <source>RFID card</source>
        <translation>RFID அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="24"/>
        <source>Card at the terminal</source>
        <translation>முனையத்தில் அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="25"/>
        <source>Card on the QR page</source>
        <translation>QR பக்கத்தில் அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="34"/>
        <source>Contactor wear</source>
        <translation>தொடர்பி தேய்மானம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="35"/>
        <source>Connector running hot</source>
        <translation>இணைப்பி அதிக வெப்பம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="36"/>
        <source>More faults than usual</source>
        <translation>வழக்கத்தை விட அதிக பிழைகள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="37"/>
        <source>Meter reads off</source>
        <translation>மீட்டர் அளவீடு விலகுகிறது</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="38"/>
        <source>Charger link unreliable</source>
        <translation>மின்னேற்றி இணைப்பு நம்பகமற்றது</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="46"/>
        <source>life used %</source>
        <translation>பயன்படுத்திய ஆயுள் %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="47"/>
        <source>equivalent operations</source>
        <translation>சமமான இயக்கங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="48"/>
        <source>operations</source>
        <translation>இயக்கங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="49"/>
        <source>unseen operations</source>
        <translation>காணப்படாத இயக்கங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="50"/>
        <source>per day</source>
        <translation>நாளுக்கு</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="51"/>
        <source>replace by</source>
        <translation>மாற்ற வேண்டிய நாள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="52"/>
        <source>baseline m°C/A²</source>
        <translation>அடிப்படை m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="53"/>
        <source>recent m°C/A²</source>
        <translation>சமீபத்திய m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="54"/>
        <source>ratio</source>
        <translation>விகிதம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="55"/>
        <source>fault</source>
        <translation>பிழை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="56"/>
        <source>last 30 days</source>
        <translation>கடந்த 30 நாட்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="57"/>
        <source>usual per 30 days</source>
        <translation>வழக்கமாக 30 நாட்களுக்கு</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="58"/>
        <source>metered Wh</source>
        <translation>மீட்டர் Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="59"/>
        <source>V x I Wh</source>
        <translation>V x I Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="60"/>
        <source>drift %</source>
        <translation>விலகல் %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="61"/>
        <source>polls</source>
        <translation>வினவல்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="62"/>
        <source>missed polls</source>
        <translation>தவறிய வினவல்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="63"/>
        <source>missed %</source>
        <translation>தவறியது %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="64"/>
        <source>reconnections</source>
        <translation>மறு இணைப்புகள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="65"/>
        <source>days</source>
        <translation>நாட்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="85"/>
        <source>Energy per month (kWh)</source>
        <translation>மாதாந்திர ஆற்றல் (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="88"/>
        <source>Energy per day (kWh)</source>
        <translation>தினசரி ஆற்றல் (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="105"/>
        <source>Revenue is shown to operators only.</source>
        <translation>வருவாய் இயக்குநர்களுக்கு மட்டுமே காட்டப்படும்.</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="108"/>
        <source>Gross by payment method (%1)</source>
        <translation>கட்டண முறைப்படி மொத்தம் (%1)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="140"/>
        <source>Site peak per day against the limit (kW)</source>
        <translation>வரம்புக்கு எதிராக தினசரி தள உச்சம் (kW)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="142"/>
        <source>Peak</source>
        <translation>உச்சம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="144"/>
        <source>Limit</source>
        <translation>வரம்பு</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="163"/>
        <source>Uptime per month (%)</source>
        <translation>மாதாந்திர இயக்க நேரம் (%)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="208"/>
        <source>Raised %1</source>
        <translation>எழுப்பப்பட்டது %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="216"/>
        <source>No open alarms</source>
        <translation>திறந்த எச்சரிக்கைகள் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="219"/>
        <source>%1 % of its life used; replace by %2</source>
        <translation>ஆயுளில் %1 % பயன்படுத்தப்பட்டது; %2 க்குள் மாற்றவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="222"/>
        <source>Contactor %1</source>
        <translation>தொடர்பி %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="232"/>
        <source>%1 sessions, %2 kWh, occupied %3 %</source>
        <translation>%1 அமர்வுகள், %2 kWh, பயன்பாட்டில் %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="242"/>
        <source>Gross %1, net %2, refunds %3 (%4)</source>
        <translation>மொத்தம் %1, நிகரம் %2, திருப்பியளிப்பு %3 (%4)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="250"/>
        <source>Mean power by weekday and hour (kW): tap a cell</source>
        <translation>வாரநாள், மணி வாரியாக சராசரி மின்திறன் (kW): ஒரு கட்டத்தைத் தொடவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="258"/>
        <source>Highest %1 kW on %2: %3 % of the limit</source>
        <translation>அதிகபட்சம் %1 kW, %2 அன்று: வரம்பின் %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="265"/>
        <source>Uptime %1 %, last 12 months %2 %</source>
        <translation>இயக்க நேரம் %1 %, கடந்த 12 மாதங்கள் %2 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="269"/>
        <source>%1 open alarms</source>
        <translation>%1 திறந்த எச்சரிக்கைகள்</translation>
    </message>
</context>
<context>
    <name>AuthoriseScreen</name>
    <message>
        <location filename="../screens/authorise.py" line="61"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="68"/>
        <source>No connector is free</source>
        <translation>காலியான இணைப்பி இல்லை</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="73"/>
        <source>Card not accepted</source>
        <translation>அட்டை ஏற்கப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="75"/>
        <source>Try another card.</source>
        <translation>வேறு அட்டையை முயலவும்.</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="78"/>
        <source>Card not read</source>
        <translation>அட்டையை வாசிக்க முடியவில்லை</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="83"/>
        <source>Charging could not start</source>
        <translation>மின்னேற்றம் தொடங்கவில்லை</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="84"/>
        <source>This connector is no longer free. Tap your card again to choose another.</source>
        <translation>இந்த இணைப்பி இப்போது காலியாக இல்லை. வேறொன்றைத் தேர்வுசெய்ய அட்டையை மீண்டும் தட்டவும்.</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="91"/>
        <source>Hold your card to the reader</source>
        <translation>அட்டையை வாசிப்பானின் மேல் வைக்கவும்</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="92"/>
        <source>The reader is below the screen, marked with the card symbol.</source>
        <translation>வாசிப்பான் திரைக்குக் கீழே, அட்டைக் குறியுடன் உள்ளது.</translation>
    </message>
</context>
<context>
    <name>ChargingScreen</name>
    <message>
        <location filename="../screens/charging.py" line="163"/>
        <source>%1 of %2 prepaid</source>
        <translation>முன்கட்டணம் %2-இல் %1</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="165"/>
        <source>%1 of %2 held</source>
        <translation>நிறுத்திவைத்த %2-இல் %1</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="183"/>
        <source>Charging stopped: the %1 limit was reached</source>
        <translation>மின்னேற்றம் நிறுத்தப்பட்டது: %1 வரம்பை எட்டியது</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="185"/>
        <source>Nearly at your %1 limit: charging will stop at the limit</source>
        <translation>உங்கள் %1 வரம்பை நெருங்குகிறது: வரம்பில் மின்னேற்றம் நிற்கும்</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="203"/>
        <source>Your car is not taking power: the idle fee starts in %1 min. Please unplug when done.</source>
        <translation>கார் மின்சாரம் எடுக்கவில்லை: காத்திருப்புக் கட்டணம் %1 நிமிடத்தில் தொடங்கும். முடிந்ததும் கேபிளைக் கழற்றவும்.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="208"/>
        <source>Your car is not taking power: the idle fee is running. Please unplug and move.</source>
        <translation>கார் மின்சாரம் எடுக்கவில்லை: காத்திருப்புக் கட்டணம் விதிக்கப்படுகிறது. கேபிளைக் கழற்றி காரை நகர்த்தவும்.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="228"/>
        <location filename="../screens/charging.py" line="247"/>
        <source>Stopping...</source>
        <translation>நிறுத்துகிறது...</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="241"/>
        <source>Energy</source>
        <translation>மின்சக்தி</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="242"/>
        <source>Power</source>
        <translation>மின்திறன்</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="243"/>
        <source>Time</source>
        <translation>நேரம்</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="247"/>
        <source>Stop charging</source>
        <translation>மின்னேற்றத்தை நிறுத்து</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="250"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="255"/>
        <source>To stop: press Stop, tap your card or unplug. You may leave: charging goes on.</source>
        <translation>நிறுத்த: நிறுத்து பொத்தானை அழுத்தவும், அட்டையைத் தட்டவும் அல்லது கேபிளைக் கழற்றவும். நீங்கள் செல்லலாம்: மின்னேற்றம் தொடரும்.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="258"/>
        <source>To stop: press Stop or unplug. You may leave: charging goes on.</source>
        <translation>நிறுத்த: நிறுத்து பொத்தானை அழுத்தவும் அல்லது கேபிளைக் கழற்றவும். நீங்கள் செல்லலாம்: மின்னேற்றம் தொடரும்.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="260"/>
        <source>To stop, tap the card that started this session.</source>
        <translation>நிறுத்த, இந்த அமர்வைத் தொடங்கிய அட்டையைத் தட்டவும்.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="263"/>
        <source>The card reader is not working. Unplugging the car ends this session.</source>
        <translation>அட்டை வாசிப்பான் வேலை செய்யவில்லை. கேபிளைக் கழற்றினால் இந்த அமர்வு முடியும்.</translation>
    </message>
</context>
<context>
    <name>FaultScreen</name>
    <message>
        <location filename="../screens/fault.py" line="102"/>
        <source>Connector %1 has a fault</source>
        <translation>இணைப்பி %1 இல் கோளாறு</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="109"/>
        <source>Your session has ended. Delivered before the fault: %1.</source>
        <translation>உங்கள் அமர்வு முடிந்தது. கோளாறுக்கு முன் வழங்கியது: %1.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="114"/>
        <source>Your session has ended.</source>
        <translation>உங்கள் அமர்வு முடிந்தது.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="119"/>
        <source>Please use another connector.</source>
        <translation>வேறு இணைப்பியைப் பயன்படுத்தவும்.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="121"/>
        <source>No other connector is free now.</source>
        <translation>இப்போது வேறு காலியான இணைப்பி இல்லை.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="125"/>
        <source>OK</source>
        <translation>சரி</translation>
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
        <translation>%1 மணி %2 நிமி</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="145"/>
        <source>%1 min %2 s</source>
        <translation>%1 நிமி %2 வி</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../screens/idle.py" line="156"/>
        <source>Tap your card to start</source>
        <translation>தொடங்க அட்டையைத் தட்டவும்</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="157"/>
        <source>Pay by card</source>
        <translation>அட்டை மூலம் செலுத்தவும்</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="158"/>
        <source>Pay by phone (QR)</source>
        <translation>QR மூலம் செலுத்தவும்</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="190"/>
        <source>Card payments: %1 is held, you pay only what you use</source>
        <translation>அட்டை: %1 நிறுத்திவைப்பு; பயன்படுத்தியதற்கே கட்டணம்</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="224"/>
        <source>EV charging</source>
        <translation>EV மின்னேற்றம்</translation>
    </message>
    <message>
        <location filename="../app.py" line="227"/>
        <source>Station %1</source>
        <translation>நிலையம் %1</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../screens/out_of_service.py" line="41"/>
        <source>Out of service</source>
        <translation>சேவையில் இல்லை</translation>
    </message>
    <message>
        <location filename="../screens/out_of_service.py" line="42"/>
        <source>This station cannot charge right now. We are sorry.</source>
        <translation>இந்த நிலையத்தில் இப்போது மின்னேற்ற முடியாது. மன்னிக்கவும்.</translation>
    </message>
</context>
<context>
    <name>PayCardScreen</name>
    <message>
        <location filename="../screens/pay_card.py" line="64"/>
        <source>Pay by card</source>
        <translation>அட்டை மூலம் செலுத்தவும்</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="66"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>%1 நிறுத்திவைக்கப்படும்; பயன்படுத்தியதற்கு மட்டுமே செலுத்துவீர்கள்.</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="67"/>
        <source>Time left:</source>
        <translation>மீதமுள்ள நேரம்:</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="68"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="73"/>
        <source>Preparing the card terminal…</source>
        <translation>அட்டை முனையம் தயாராகிறது…</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="75"/>
        <source>Tap or insert your card on the reader</source>
        <translation>அட்டையை முனையத்தில் தட்டவும் அல்லது செருகவும்</translation>
    </message>
</context>
<context>
    <name>PayPhoneScreen</name>
    <message>
        <location filename="../screens/pay_phone.py" line="76"/>
        <source>Pay by phone: choose how</source>
        <translation>கைபேசி மூலம் செலுத்த: வழியைத் தேர்ந்தெடுக்கவும்</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="77"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="79"/>
        <source>Card (hold %1)</source>
        <translation>அட்டை (%1 நிறுத்திவைப்பு)</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="80"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>%1 நிறுத்திவைக்கப்படும்; பயன்படுத்தியதற்கு மட்டுமே செலுத்துவீர்கள்.</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="82"/>
        <source>Online banking</source>
        <translation>இணைய வங்கி</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="84"/>
        <source>%1 (prepay)</source>
        <translation>%1 (முன்கட்டணம்)</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="85"/>
        <source>Unused credit is refunded automatically.</source>
        <translation>பயன்படுத்தாத தொகை தானாகத் திருப்பித் தரப்படும்.</translation>
    </message>
</context>
<context>
    <name>PayQrScreen</name>
    <message>
        <location filename="../screens/pay_qr.py" line="93"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="94"/>
        <source>Time left:</source>
        <translation>மீதமுள்ள நேரம்:</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="97"/>
        <source>Pay by phone</source>
        <translation>கைபேசி மூலம் செலுத்தவும்</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="102"/>
        <source>Preparing the payment page…</source>
        <translation>கட்டணப் பக்கம் தயாராகிறது…</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="106"/>
        <source>Scan with your phone camera and pay. Charging starts when payment is received.</source>
        <translation>கைபேசி கேமராவால் ஸ்கேன் செய்து செலுத்தவும். பணம் கிடைத்ததும் மின்னேற்றம் தொடங்கும்.</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="111"/>
        <source>Unused credit is refunded automatically.</source>
        <translation>பயன்படுத்தாத தொகை தானாகத் திருப்பித் தரப்படும்.</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="113"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>%1 நிறுத்திவைக்கப்படும்; பயன்படுத்தியதற்கு மட்டுமே செலுத்துவீர்கள்.</translation>
    </message>
</context>
<context>
    <name>PaymentResultScreen</name>
    <message>
        <location filename="../screens/payment_result.py" line="61"/>
        <source>Try another card or pay by phone.</source>
        <translation>வேறு அட்டையை முயலவும் அல்லது கைபேசி மூலம் செலுத்தவும்.</translation>
    </message>
    <message>
        <location filename="../screens/payment_result.py" line="65"/>
        <source>Try again</source>
        <translation>மீண்டும் முயலவும்</translation>
    </message>
    <message>
        <location filename="../screens/payment_result.py" line="66"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
    </message>
</context>
<context>
    <name>PaymentTexts</name>
    <message>
        <location filename="../payment_texts.py" line="23"/>
        <source>Card and phone payments are not working at the moment.</source>
        <translation>அட்டை மற்றும் கைபேசி கட்டணம் இப்போது செயல்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="26"/>
        <source>The card terminal is not working.</source>
        <translation>அட்டை முனையம் செயல்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="27"/>
        <source>The card terminal is busy. Please try again in a moment.</source>
        <translation>அட்டை முனையம் பயன்பாட்டில் உள்ளது. சிறிது நேரத்தில் மீண்டும் முயலவும்.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="33"/>
        <source>This way to pay is not offered here.</source>
        <translation>இந்த வழியில் இங்கு செலுத்த முடியாது.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="36"/>
        <source>Payment is not possible at the moment.</source>
        <translation>இப்போது பணம் செலுத்த முடியாது.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="44"/>
        <source>Your bank declined the payment: not enough funds.</source>
        <translation>உங்கள் வங்கி இந்தக் கட்டணத்தை நிராகரித்தது: போதிய இருப்பு இல்லை.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="47"/>
        <source>This card has expired.</source>
        <translation>இந்த அட்டை காலாவதியாகிவிட்டது.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="48"/>
        <location filename="../payment_texts.py" line="52"/>
        <source>Your bank declined the payment.</source>
        <translation>உங்கள் வங்கி இந்தக் கட்டணத்தை நிராகரித்தது.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="49"/>
        <source>The PIN was not correct.</source>
        <translation>PIN தவறானது.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="59"/>
        <source>Payment declined</source>
        <translation>கட்டணம் நிராகரிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="61"/>
        <source>Payment cancelled</source>
        <translation>கட்டணம் ரத்து செய்யப்பட்டது</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="61"/>
        <source>Nothing was charged.</source>
        <translation>எந்தக் கட்டணமும் வசூலிக்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="65"/>
        <source>Time ran out</source>
        <translation>நேரம் முடிந்தது</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="65"/>
        <source>The payment was not completed in time. Nothing was charged.</source>
        <translation>கட்டணம் நேரத்திற்குள் முடிக்கப்படவில்லை. எந்தக் கட்டணமும் வசூலிக்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="69"/>
        <source>Payment not possible</source>
        <translation>பணம் செலுத்த முடியாது</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="70"/>
        <source>Payment failed</source>
        <translation>கட்டணம் தோல்வியடைந்தது</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="70"/>
        <source>Something went wrong. Nothing was charged.</source>
        <translation>ஏதோ தவறு நடந்தது. எந்தக் கட்டணமும் வசூலிக்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="78"/>
        <source>This is not a valid e-mail address.</source>
        <translation>இது சரியான மின்னஞ்சல் முகவரி அல்ல.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="80"/>
        <source>Receipts cannot be e-mailed from this station. Scan the code instead.</source>
        <translation>இந்த நிலையத்திலிருந்து ரசீதை மின்னஞ்சலில் அனுப்ப முடியாது. குறியீட்டை ஸ்கேன் செய்யவும்.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="83"/>
        <source>The receipt could not be sent. Please scan the code instead.</source>
        <translation>ரசீதை அனுப்ப முடியவில்லை. குறியீட்டை ஸ்கேன் செய்யவும்.</translation>
    </message>
</context>
<context>
    <name>PickConnectorScreen</name>
    <message>
        <location filename="../screens/pick_connector.py" line="77"/>
        <source>Start charging here?</source>
        <translation>இங்கே மின்னேற்றம் தொடங்கவா?</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="79"/>
        <source>Choose your connector: a car is plugged in where marked</source>
        <translation>உங்கள் இணைப்பியைத் தேர்வுசெய்யவும்: குறியிட்ட இடத்தில் கார் இணைக்கப்பட்டுள்ளது</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="81"/>
        <source>Choose a connector</source>
        <translation>இணைப்பியைத் தேர்வுசெய்யவும்</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="82"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="92"/>
        <source>Car plugged in</source>
        <translation>கார் இணைக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="96"/>
        <source>up to %1</source>
        <translation>%1 வரை</translation>
    </message>
</context>
<context>
    <name>PlugInScreen</name>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>OK</source>
        <translation>சரி</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="120"/>
        <source>No car was plugged in</source>
        <translation>கார் எதுவும் இணைக்கப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="121"/>
        <source>Nothing was charged. Tap your card to start again.</source>
        <translation>கட்டணம் எதுவும் இல்லை. மீண்டும் தொடங்க அட்டையைத் தட்டவும்.</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="126"/>
        <source>Plug in at connector %1</source>
        <translation>இணைப்பி %1 இல் கேபிளைச் செருகவும்</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="127"/>
        <source>Charging starts by itself when the cable is in the car.</source>
        <translation>கேபிள் காரில் செருகப்பட்டதும் மின்னேற்றம் தானாகத் தொடங்கும்.</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="128"/>
        <source>Time left to plug in:</source>
        <translation>செருக மீதமுள்ள நேரம்:</translation>
    </message>
</context>
<context>
    <name>ReceiptEmailScreen</name>
    <message>
        <location filename="../screens/receipt_email.py" line="103"/>
        <source>Receipt sent to %1</source>
        <translation>ரசீது %1-க்கு அனுப்பப்பட்டது</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="108"/>
        <source>Sending…</source>
        <translation>அனுப்புகிறது…</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="118"/>
        <source>Your e-mail address for the receipt:</source>
        <translation>ரசீதுக்கான உங்கள் மின்னஞ்சல் முகவரி:</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="119"/>
        <source>OK</source>
        <translation>சரி</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="120"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../screens/receipt.py" line="60"/>
        <source>Scan for your receipt</source>
        <translation>ரசீதுக்கு ஸ்கேன் செய்யவும்</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="62"/>
        <source>Receipt %1</source>
        <translation>ரசீது %1</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="64"/>
        <source>E-mail receipt</source>
        <translation>ரசீது மின்னஞ்சல்</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="65"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../screens/summary.py" line="142"/>
        <source>Session ended</source>
        <translation>அமர்வு முடிந்தது</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="143"/>
        <source>Done</source>
        <translation>முடிந்தது</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="155"/>
        <source>Reference %1</source>
        <translation>குறிப்பு எண் %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="157"/>
        <source>Energy: %1</source>
        <translation>மின்சக்தி: %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="159"/>
        <source>Duration: %1</source>
        <translation>கால அளவு: %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="201"/>
        <source>Paid: %1</source>
        <translation>செலுத்தியது: %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="196"/>
        <source>%1 refunded</source>
        <translation>%1 திருப்பித் தரப்பட்டது</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="208"/>
        <source>Receipt</source>
        <translation>ரசீது</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="200"/>
        <source>%1 released</source>
        <translation>%1 விடுவிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="208"/>
        <source>Receipt %1</source>
        <translation>ரசீது %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="223"/>
        <source>Please unplug and move your car.</source>
        <translation>கேபிளைக் கழற்றி காரை நகர்த்தவும்.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="72"/>
        <location filename="../texts.py" line="99"/>
        <source>Charging</source>
        <translation>மின்னேற்றம்</translation>
    </message>
    <message>
        <location filename="../texts.py" line="73"/>
        <source>Car plugged in</source>
        <translation>கார் இணைக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../texts.py" line="74"/>
        <source>Car paused</source>
        <translation>கார் இடைநிறுத்தியது</translation>
    </message>
    <message>
        <location filename="../texts.py" line="75"/>
        <source>Please unplug</source>
        <translation>கேபிளைக் கழற்றவும்</translation>
    </message>
    <message>
        <location filename="../texts.py" line="76"/>
        <source>Waiting</source>
        <translation>காத்திருப்பு</translation>
    </message>
    <message>
        <location filename="../texts.py" line="83"/>
        <source>Available</source>
        <translation>காலி</translation>
    </message>
    <message>
        <location filename="../texts.py" line="85"/>
        <source>Cannot start now</source>
        <translation>இப்போது தொடங்க முடியாது</translation>
    </message>
    <message>
        <location filename="../texts.py" line="90"/>
        <source>Car plugged in: tap card</source>
        <translation>கார் இணைக்கப்பட்டது: அட்டையைத் தட்டவும்</translation>
    </message>
    <message>
        <location filename="../texts.py" line="95"/>
        <source>Waiting for the car</source>
        <translation>காருக்காகக் காத்திருக்கிறது</translation>
    </message>
    <message>
        <location filename="../texts.py" line="101"/>
        <source>Charging, power shared</source>
        <translation>மின்னேற்றம், மின்திறன் பகிர்வு</translation>
    </message>
    <message>
        <location filename="../texts.py" line="106"/>
        <source>Car paused or full</source>
        <translation>கார் இடைநிறுத்தியது அல்லது நிரம்பியது</translation>
    </message>
    <message>
        <location filename="../texts.py" line="111"/>
        <source>Waiting for power</source>
        <translation>மின்சாரத்துக்குக் காத்திருக்கிறது</translation>
    </message>
    <message>
        <location filename="../texts.py" line="116"/>
        <source>Stopping</source>
        <translation>நிறுத்துகிறது</translation>
    </message>
    <message>
        <location filename="../texts.py" line="121"/>
        <source>Finished: please unplug</source>
        <translation>முடிந்தது: கேபிளைக் கழற்றவும்</translation>
    </message>
    <message>
        <location filename="../texts.py" line="125"/>
        <source>Reserved</source>
        <translation>முன்பதிவு</translation>
    </message>
    <message>
        <location filename="../texts.py" line="127"/>
        <source>Out of service</source>
        <translation>சேவையில் இல்லை</translation>
    </message>
    <message>
        <location filename="../texts.py" line="131"/>
        <source>Fault</source>
        <translation>கோளாறு</translation>
    </message>
    <message>
        <location filename="../texts.py" line="133"/>
        <source>Not responding</source>
        <translation>பதில் இல்லை</translation>
    </message>
    <message>
        <location filename="../texts.py" line="144"/>
        <source>The residual current protection tripped.</source>
        <translation>கசிவு மின்னோட்டப் பாதுகாப்பு இயங்கியது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="145"/>
        <source>The emergency stop was pressed.</source>
        <translation>அவசர நிறுத்தப் பொத்தான் அழுத்தப்பட்டது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="146"/>
        <source>The car drew more current than offered.</source>
        <translation>வழங்கியதைவிட அதிக மின்னோட்டத்தை கார் எடுத்தது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="147"/>
        <source>The mains voltage is out of range.</source>
        <translation>மின்வழங்கல் மின்னழுத்தம் வரம்புக்கு வெளியே உள்ளது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="148"/>
        <source>The charger is too hot.</source>
        <translation>மின்னேற்றி மிகவும் சூடாக உள்ளது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="149"/>
        <source>The earth connection is faulty.</source>
        <translation>நில இணைப்பில் கோளாறு உள்ளது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="150"/>
        <location filename="../texts.py" line="151"/>
        <source>The charger&apos;s switch is faulty.</source>
        <translation>மின்னேற்றியின் சுவிட்சில் கோளாறு உள்ளது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="152"/>
        <source>The car does not answer the charger correctly.</source>
        <translation>கார் மின்னேற்றிக்குச் சரியாகப் பதிலளிக்கவில்லை.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="155"/>
        <source>The cable is damaged or not supported.</source>
        <translation>கேபிள் சேதமடைந்துள்ளது அல்லது ஆதரிக்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="156"/>
        <source>The cable lock does not work.</source>
        <translation>கேபிள் பூட்டு வேலை செய்யவில்லை.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="157"/>
        <source>The car needs ventilation, which this charger lacks.</source>
        <translation>காருக்குக் காற்றோட்டம் தேவை; இந்த மின்னேற்றியில் அது இல்லை.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="160"/>
        <source>The charger failed its self-test.</source>
        <translation>மின்னேற்றி சுய சோதனையில் தோல்வியடைந்தது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="161"/>
        <source>The station lost contact with the charger.</source>
        <translation>நிலையத்துக்கு மின்னேற்றியுடன் தொடர்பு துண்டிக்கப்பட்டது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="163"/>
        <source>The charger detected a fault.</source>
        <translation>மின்னேற்றி ஒரு கோளாறைக் கண்டறிந்தது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="168"/>
        <source>This card is not known here.</source>
        <translation>இந்த அட்டை இங்கு பதிவில் இல்லை.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="169"/>
        <source>This card is blocked.</source>
        <translation>இந்த அட்டை முடக்கப்பட்டுள்ளது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="170"/>
        <source>This card has expired.</source>
        <translation>இந்த அட்டை காலாவதியாகிவிட்டது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="171"/>
        <source>This card is not valid.</source>
        <translation>இந்த அட்டை செல்லாது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="172"/>
        <source>This card is already charging elsewhere.</source>
        <translation>இந்த அட்டை ஏற்கெனவே வேறு இடத்தில் மின்னேற்றத்தில் உள்ளது.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="30"/>
        <location filename="../texts.py" line="173"/>
        <source>Every connector is in use. Please wait until one is free.</source>
        <translation>எல்லா இணைப்பிகளும் பயன்பாட்டில் உள்ளன. ஒன்று காலியாகும் வரை காத்திருக்கவும்.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="176"/>
        <location filename="../texts.py" line="194"/>
        <source>The card could not be read. Please try again.</source>
        <translation>அட்டையை வாசிக்க முடியவில்லை. மீண்டும் முயலவும்.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="177"/>
        <source>The card could not be checked. Please try again.</source>
        <translation>அட்டையைச் சரிபார்க்க முடியவில்லை. மீண்டும் முயலவும்.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="179"/>
        <source>The card was not accepted.</source>
        <translation>அட்டை ஏற்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="184"/>
        <source>The card reader is not working. Charging cannot start now.</source>
        <translation>அட்டை வாசிப்பான் வேலை செய்யவில்லை. இப்போது மின்னேற்றம் தொடங்க முடியாது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="188"/>
        <source>The card reader is not working: pay by card or by phone below.</source>
        <translation>அட்டை வாசிப்பான் வேலை செய்யவில்லை: கீழே அட்டை அல்லது QR மூலம் செலுத்தவும்.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="191"/>
        <source>The card was removed too soon. Hold it still and try again.</source>
        <translation>அட்டை மிக விரைவாக எடுக்கப்பட்டது. அசையாமல் வைத்து மீண்டும் முயலவும்.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="202"/>
        <source>You stopped charging.</source>
        <translation>நீங்கள் மின்னேற்றத்தை நிறுத்தினீர்கள்.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="203"/>
        <source>The cable was unplugged.</source>
        <translation>கேபிள் கழற்றப்பட்டது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="204"/>
        <source>The operator stopped charging.</source>
        <translation>இயக்குநர் மின்னேற்றத்தை நிறுத்தினார்.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="205"/>
        <source>Charging stopped because of a fault.</source>
        <translation>கோளாறு காரணமாக மின்னேற்றம் நின்றது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="206"/>
        <location filename="../texts.py" line="210"/>
        <source>Charging stopped.</source>
        <translation>மின்னேற்றம் நின்றது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="207"/>
        <source>Charging stopped after a power cut.</source>
        <translation>மின்தடைக்குப் பின் மின்னேற்றம் நின்றது.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="208"/>
        <source>The card was no longer accepted.</source>
        <translation>அட்டை இனி ஏற்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="217"/>
        <source>Helpline: %1</source>
        <translation>உதவி எண்: %1</translation>
    </message>
    <message>
        <location filename="../texts.py" line="227"/>
        <source>Connector %1</source>
        <translation>இணைப்பி %1</translation>
    </message>
</context>
</TS>
