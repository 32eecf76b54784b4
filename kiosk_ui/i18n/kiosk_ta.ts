<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ta">
<context>
    <name>AdminShell</name>
    <message>
        <location filename="../admin/shell.py" line="213"/>
        <source>Exit</source>
        <translation>வெளியேறு</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="214"/>
        <source>No admin screens are installed.</source>
        <translation>நிர்வாகத் திரைகள் எதுவும் நிறுவப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="225"/>
        <source>viewer</source>
        <translation>பார்வையாளர்</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="226"/>
        <source>technician</source>
        <translation>தொழில்நுட்பர்</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="227"/>
        <source>operator</source>
        <translation>இயக்குநர்</translation>
    </message>
</context>
<context>
    <name>AnalyticsScreen</name>
    <message>
        <location filename="../admin/analytics.py" line="213"/>
        <source>Analytics</source>
        <translation>பகுப்பாய்வு</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="235"/>
        <location filename="../admin/analytics.py" line="341"/>
        <source>Loading…</source>
        <translation>ஏற்றுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="286"/>
        <source>Writing the report to the USB drive…</source>
        <translation>அறிக்கையை USB இயக்ககத்தில் எழுதுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="351"/>
        <source>%1 %2:00: %3 kW mean power, %4 sessions at a time</source>
        <translation>%1 %2:00: சராசரி மின்திறன் %3 kW, ஒரே நேரத்தில் %4 அமர்வுகள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="364"/>
        <source>Written to %1: %2</source>
        <translation>%1 இல் எழுதப்பட்டது: %2</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="379"/>
        <source>Your role may not do this</source>
        <translation>உங்கள் பங்கிற்கு இதைச் செய்ய அனுமதி இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="382"/>
        <source>This station runs without its analytics</source>
        <translation>இந்த நிலையம் பகுப்பாய்வு இல்லாமல் இயங்குகிறது</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="383"/>
        <source>No USB drive found: plug one in and try again</source>
        <translation>USB இயக்ககம் இல்லை: ஒன்றைச் செருகி மீண்டும் முயலவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="384"/>
        <source>The export folder is missing: is the USB drive plugged in?</source>
        <translation>ஏற்றுமதி கோப்புறை இல்லை: USB இயக்ககம் செருகப்பட்டுள்ளதா?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="385"/>
        <source>The USB drive cannot be written: is it full or locked?</source>
        <translation>USB இயக்ககத்தில் எழுத முடியவில்லை: அது நிரம்பியதா அல்லது பூட்டப்பட்டதா?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="386"/>
        <source>Writing to the USB drive failed: try another drive</source>
        <translation>USB இயக்ககத்தில் எழுதுவது தோல்வி: வேறு இயக்ககத்தை முயலவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="387"/>
        <source>That charger or connector is no longer known</source>
        <translation>அந்த மின்னேற்றி அல்லது இணைப்பி இனி அறியப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="389"/>
        <source>The figures could not be read: try again</source>
        <translation>எண்ணிக்கைகளைப் படிக்க முடியவில்லை: மீண்டும் முயலவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="411"/>
        <source>Connector %1</source>
        <translation>இணைப்பி %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="413"/>
        <source>Charger %1</source>
        <translation>மின்னேற்றி %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="414"/>
        <source>Whole site</source>
        <translation>முழு தளம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="425"/>
        <source>This month</source>
        <translation>இந்த மாதம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="426"/>
        <source>Last month</source>
        <translation>கடந்த மாதம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="427"/>
        <source>Last 12 months</source>
        <translation>கடந்த 12 மாதங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="434"/>
        <source>Usage</source>
        <translation>பயன்பாடு</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="435"/>
        <source>Revenue</source>
        <translation>வருவாய்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="436"/>
        <source>Peak hours</source>
        <translation>உச்ச நேரங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="437"/>
        <source>Site peak</source>
        <translation>தள உச்சம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="438"/>
        <location filename="../admin/analytics_pages.py" line="193"/>
        <source>Uptime</source>
        <translation>இயக்க நேரம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="439"/>
        <source>Alarms</source>
        <translation>எச்சரிக்கை</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="443"/>
        <location filename="../admin/analytics.py" line="450"/>
        <source>Export to USB</source>
        <translation>USB க்கு ஏற்றுமதி</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="453"/>
        <source>State timeline</source>
        <translation>நிலை காலவரிசை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="29"/>
        <source>RFID card</source>
        <translation>RFID அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="30"/>
        <source>Card at the terminal</source>
        <translation>முனையத்தில் அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="31"/>
        <source>Card on the QR page</source>
        <translation>QR பக்கத்தில் அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="95"/>
        <source>Contactor wear</source>
        <translation>தொடர்பி தேய்மானம்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="96"/>
        <source>Connector running hot</source>
        <translation>இணைப்பி அதிக வெப்பம்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="97"/>
        <source>More faults than usual</source>
        <translation>வழக்கத்தை விட அதிக பிழைகள்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="98"/>
        <source>Meter reads off</source>
        <translation>மீட்டர் அளவீடு விலகுகிறது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="99"/>
        <source>Charger link unreliable</source>
        <translation>மின்னேற்றி இணைப்பு நம்பகமற்றது</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="41"/>
        <source>life used %</source>
        <translation>பயன்படுத்திய ஆயுள் %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="42"/>
        <source>equivalent operations</source>
        <translation>சமமான இயக்கங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="43"/>
        <source>operations</source>
        <translation>இயக்கங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="44"/>
        <source>unseen operations</source>
        <translation>காணப்படாத இயக்கங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="45"/>
        <source>per day</source>
        <translation>நாளுக்கு</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="46"/>
        <source>replace by</source>
        <translation>மாற்ற வேண்டிய நாள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="47"/>
        <source>baseline m°C/A²</source>
        <translation>அடிப்படை m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="48"/>
        <source>recent m°C/A²</source>
        <translation>சமீபத்திய m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="49"/>
        <source>ratio</source>
        <translation>விகிதம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="50"/>
        <source>fault</source>
        <translation>பிழை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="51"/>
        <source>last 30 days</source>
        <translation>கடந்த 30 நாட்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="52"/>
        <source>usual per 30 days</source>
        <translation>வழக்கமாக 30 நாட்களுக்கு</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="53"/>
        <source>metered Wh</source>
        <translation>மீட்டர் Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="54"/>
        <source>V x I Wh</source>
        <translation>V x I Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="55"/>
        <source>drift %</source>
        <translation>விலகல் %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="56"/>
        <source>polls</source>
        <translation>வினவல்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="57"/>
        <source>missed polls</source>
        <translation>தவறிய வினவல்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="58"/>
        <source>missed %</source>
        <translation>தவறியது %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="59"/>
        <source>reconnections</source>
        <translation>மறு இணைப்புகள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="60"/>
        <source>days</source>
        <translation>நாட்கள்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="105"/>
        <source>Energy per month (kWh)</source>
        <translation>மாதாந்திர ஆற்றல் (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="108"/>
        <source>Energy per day (kWh)</source>
        <translation>தினசரி ஆற்றல் (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="126"/>
        <source>Revenue is shown to operators only.</source>
        <translation>வருவாய் இயக்குநர்களுக்கு மட்டுமே காட்டப்படும்.</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="129"/>
        <source>Gross by payment method (%1)</source>
        <translation>கட்டண முறைப்படி மொத்தம் (%1)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="169"/>
        <source>Site peak per day against the limit (kW)</source>
        <translation>வரம்புக்கு எதிராக தினசரி தள உச்சம் (kW)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="171"/>
        <source>Peak</source>
        <translation>உச்சம்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="173"/>
        <source>Limit</source>
        <translation>வரம்பு</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="192"/>
        <source>Uptime per month (%)</source>
        <translation>மாதாந்திர இயக்க நேரம் (%)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="245"/>
        <source>Raised %1</source>
        <translation>எழுப்பப்பட்டது %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="258"/>
        <source>No open alarms</source>
        <translation>திறந்த எச்சரிக்கைகள் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="261"/>
        <source>%1 % of its life used; replace by %2</source>
        <translation>ஆயுளில் %1 % பயன்படுத்தப்பட்டது; %2 க்குள் மாற்றவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="264"/>
        <source>Contactor %1</source>
        <translation>தொடர்பி %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="277"/>
        <source>%1 sessions, %2 kWh, occupied %3 %</source>
        <translation>%1 அமர்வுகள், %2 kWh, பயன்பாட்டில் %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="287"/>
        <source>Gross %1, net %2, refunds %3 (%4)</source>
        <translation>மொத்தம் %1, நிகரம் %2, திருப்பியளிப்பு %3 (%4)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="295"/>
        <source>Mean power by weekday and hour (kW): tap a cell</source>
        <translation>வாரநாள், மணி வாரியாக சராசரி மின்திறன் (kW): ஒரு கட்டத்தைத் தொடவும்</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="303"/>
        <source>Highest %1 kW on %2: %3 % of the limit</source>
        <translation>அதிகபட்சம் %1 kW, %2 அன்று: வரம்பின் %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="310"/>
        <source>Uptime %1 %, last 12 months %2 %</source>
        <translation>இயக்க நேரம் %1 %, கடந்த 12 மாதங்கள் %2 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="316"/>
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
    <name>ConfigurationScreen</name>
    <message>
        <location filename="../admin/configuration.py" line="132"/>
        <source>Configuration</source>
        <translation>அமைப்புகள்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="136"/>
        <source>Site</source>
        <translation>தளம்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="137"/>
        <source>Chargers</source>
        <translation>சார்ஜர்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="138"/>
        <source>Prices</source>
        <translation>விலை</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="139"/>
        <source>Screen</source>
        <translation>திரை</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="140"/>
        <source>History</source>
        <translation>வரலாறு</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="144"/>
        <source>Preview</source>
        <translation>முன்னோட்டம்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="145"/>
        <source>Discard</source>
        <translation>கைவிடு</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="146"/>
        <source>Apply</source>
        <translation>செயல்படுத்து</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="147"/>
        <source>OK</source>
        <translation>சரி</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="147"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="153"/>
        <source>Site limit per phase</source>
        <translation>ஒவ்வொரு கட்டத்திற்கும் தள வரம்பு</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="154"/>
        <source>Maximum current</source>
        <translation>அதிகபட்ச மின்னோட்டம்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="155"/>
        <source>Phases</source>
        <translation>கட்டங்கள்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="156"/>
        <source>Tariff</source>
        <translation>கட்டண விகிதம்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="157"/>
        <source>Card hold amount</source>
        <translation>அட்டை முன்பதிவுத் தொகை</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="158"/>
        <source>Languages</source>
        <translation>மொழிகள்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="159"/>
        <source>Default language</source>
        <translation>இயல்பு மொழி</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="160"/>
        <source>Back to the idle screen after (s)</source>
        <translation>ஓய்வுத் திரைக்குத் திரும்பும் நேரம் (வி)</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="161"/>
        <source>Screen brightness (%)</source>
        <translation>திரை ஒளிர்வு (%)</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="162"/>
        <source>Energy price per kWh</source>
        <translation>ஒரு kWh ஆற்றல் விலை</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="163"/>
        <source>Price per minute</source>
        <translation>நிமிடத்திற்கான விலை</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="164"/>
        <source>Session fee</source>
        <translation>அமர்வுக் கட்டணம்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="165"/>
        <source>Idle fee per minute</source>
        <translation>நிமிடத்திற்கான காத்திருப்புக் கட்டணம்</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="178"/>
        <source>%1 A</source>
        <translation>%1 A</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="180"/>
        <source>%1 per kWh</source>
        <translation>ஒரு kWh-க்கு %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="235"/>
        <source>Waiting for %1 to be free: %2</source>
        <translation>%1 காலியாகும் வரை காத்திருக்கிறது: %2</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="275"/>
        <source>Only an operator may change this.</source>
        <translation>இயக்குநர் மட்டுமே இதை மாற்றலாம்.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="409"/>
        <source>Apply these changes?</source>
        <translation>இந்த மாற்றங்களைச் செயல்படுத்தவா?</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="411"/>
        <source>now</source>
        <translation>இப்போது</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="411"/>
        <source>when the charger is free</source>
        <translation>சார்ஜர் காலியாகும்போது</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="422"/>
        <source>Price screen: %1</source>
        <translation>விலைத் திரை: %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="428"/>
        <source>Checked: nothing has changed yet.</source>
        <translation>சரிபார்க்கப்பட்டது: இன்னும் எதுவும் மாறவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="443"/>
        <source>Applied now: %1. When the charger is free: %2.</source>
        <translation>இப்போது செயல்படுத்தப்பட்டது: %1. சார்ஜர் காலியாகும்போது: %2.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="457"/>
        <source>No changes yet.</source>
        <translation>இன்னும் மாற்றங்கள் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="465"/>
        <source>Undoes change %1</source>
        <translation>மாற்றம் %1-ஐ மீட்டமைக்கிறது</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="472"/>
        <source>Revert</source>
        <translation>மீட்டமை</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="493"/>
        <source>Your role may not change this setting.</source>
        <translation>உங்கள் பங்கு இந்த அமைப்பை மாற்ற அனுமதிக்காது.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="497"/>
        <source>Nothing to change.</source>
        <translation>மாற்ற எதுவும் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="499"/>
        <source>Not done: %1</source>
        <translation>செய்யப்படவில்லை: %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="505"/>
        <source>Some values cannot be used: see the marked settings.</source>
        <translation>சில மதிப்புகளைப் பயன்படுத்த முடியாது: குறிக்கப்பட்ட அமைப்புகளைப் பாருங்கள்.</translation>
    </message>
</context>
<context>
    <name>ControlScreen</name>
    <message>
        <location filename="../admin/control.py" line="183"/>
        <source>Control</source>
        <translation>கட்டுப்பாடு</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="247"/>
        <source>Out of service after this session</source>
        <translation>இந்த அமர்வுக்குப் பின் சேவையில் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="251"/>
        <source>No connector</source>
        <translation>இணைப்பி இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="253"/>
        <source>Put back in service</source>
        <translation>மீண்டும் சேவைக்கு</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="253"/>
        <source>Take out of service</source>
        <translation>சேவையை நிறுத்து</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="254"/>
        <location filename="../admin/control.py" line="411"/>
        <source>Stop session</source>
        <translation>அமர்வை நிறுத்து</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="255"/>
        <source>Unlock</source>
        <translation>பூட்டைத் திற</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="256"/>
        <source>Restart charger</source>
        <translation>மின்னேற்றியை மறுதொடக்கு</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="257"/>
        <source>Self-test</source>
        <translation>சுய சோதனை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="258"/>
        <source>Clear fault</source>
        <translation>பிழையை அழி</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="259"/>
        <location filename="../admin/control.py" line="260"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="261"/>
        <location filename="../admin/control.py" line="566"/>
        <source>Done</source>
        <translation>முடிந்தது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="269"/>
        <source>Connector %1</source>
        <translation>இணைப்பி %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="272"/>
        <source>Charger %1</source>
        <translation>மின்னேற்றி %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="275"/>
        <source>Out of service: %1</source>
        <translation>சேவையில் இல்லை: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="277"/>
        <source>Faults: %1</source>
        <translation>பிழைகள்: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="282"/>
        <source>Available</source>
        <translation>காலி</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="283"/>
        <source>Car plugged in</source>
        <translation>கார் இணைக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="284"/>
        <source>Starting</source>
        <translation>தொடங்குகிறது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="285"/>
        <source>Charging</source>
        <translation>மின்னேற்றம்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="286"/>
        <source>Paused by the car</source>
        <translation>கார் இடைநிறுத்தியது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="287"/>
        <source>Paused by the station</source>
        <translation>நிலையம் இடைநிறுத்தியது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="288"/>
        <source>Finishing</source>
        <translation>முடிகிறது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="289"/>
        <source>Out of service</source>
        <translation>சேவையில் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="290"/>
        <source>Reserved</source>
        <translation>முன்பதிவு</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="291"/>
        <source>Faulted</source>
        <translation>பழுது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="292"/>
        <source>No link</source>
        <translation>இணைப்பு இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="297"/>
        <source>Maintenance</source>
        <translation>பராமரிப்பு</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="298"/>
        <source>Fault</source>
        <translation>பழுது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="299"/>
        <source>Cleaning</source>
        <translation>சுத்தம்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="300"/>
        <source>Other</source>
        <translation>மற்றவை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="306"/>
        <source>a fault is latched</source>
        <translation>ஒரு பிழை பதிவாகியுள்ளது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="307"/>
        <source>not possible in its present state</source>
        <translation>தற்போதைய நிலையில் முடியாது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="308"/>
        <source>the fault&apos;s cause is still there</source>
        <translation>பிழையின் காரணம் இன்னும் உள்ளது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="309"/>
        <source>this charger cannot do it</source>
        <translation>இந்த மின்னேற்றியால் முடியாது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="310"/>
        <source>busy, try again</source>
        <translation>பணியில் உள்ளது, மீண்டும் முயல்க</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="311"/>
        <source>a value was refused</source>
        <translation>ஒரு மதிப்பு மறுக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="312"/>
        <source>no answer from the charger</source>
        <translation>மின்னேற்றியிடமிருந்து பதில் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="319"/>
        <source>Signed out: sign in again</source>
        <translation>வெளியேறிவிட்டீர்கள்: மீண்டும் உள்நுழைக</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="320"/>
        <source>Your role may not do this</source>
        <translation>உங்கள் பங்கிற்கு இதற்கு அனுமதி இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="323"/>
        <source>This connector is not known</source>
        <translation>இந்த இணைப்பி அறியப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="324"/>
        <source>This charger is not known</source>
        <translation>இந்த மின்னேற்றி அறியப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="325"/>
        <source>Pick a reason</source>
        <translation>ஒரு காரணத்தைத் தேர்ந்தெடுக்கவும்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="326"/>
        <source>No session on this connector</source>
        <translation>இந்த இணைப்பியில் அமர்வு இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="327"/>
        <source>Stop the session first</source>
        <translation>முதலில் அமர்வை நிறுத்தவும்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="328"/>
        <source>This fault is not in the catalogue</source>
        <translation>இந்தப் பிழை பட்டியலில் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="329"/>
        <source>This fault clears when the car is unplugged</source>
        <translation>காரைத் துண்டித்ததும் இந்தப் பிழை நீங்கும்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="330"/>
        <source>This fault is no longer latched</source>
        <translation>இந்தப் பிழை இனி பதிவில் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="331"/>
        <source>The charger cannot be reached</source>
        <translation>மின்னேற்றியை அணுக முடியவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="334"/>
        <source>The station could not do it</source>
        <translation>நிலையத்தால் செய்ய முடியவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="338"/>
        <source>Pilot +12 V</source>
        <translation>பைலட் +12 V</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="339"/>
        <source>Pilot -12 V</source>
        <translation>பைலட் -12 V</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="340"/>
        <source>RCD test</source>
        <translation>RCD சோதனை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="341"/>
        <source>Contactor feedback</source>
        <translation>தொடுவி பின்னூட்டம்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="342"/>
        <source>Lock</source>
        <translation>பூட்டு</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="343"/>
        <source>Meter</source>
        <translation>மீட்டர்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="344"/>
        <source>Temperature</source>
        <translation>வெப்பநிலை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="347"/>
        <source>Passed</source>
        <translation>தேறியது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="348"/>
        <source>Failed</source>
        <translation>தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="349"/>
        <source>Not run</source>
        <translation>இயக்கப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="357"/>
        <source>Self-test of %1: passed</source>
        <translation>%1 சுய சோதனை: தேறியது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="357"/>
        <source>Self-test of %1: failed</source>
        <translation>%1 சுய சோதனை: தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="394"/>
        <source>Why is connector %1 going out of service?</source>
        <translation>இணைப்பி %1 ஏன் சேவையிலிருந்து நீக்கப்படுகிறது?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="410"/>
        <source>Stop the session on connector %1?</source>
        <translation>இணைப்பி %1 இல் அமர்வை நிறுத்தவா?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="419"/>
        <source>Why stop the session on connector %1?</source>
        <translation>இணைப்பி %1 இல் அமர்வை ஏன் நிறுத்துகிறீர்கள்?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="435"/>
        <source>Restart charger %1? Its connectors stop for a few seconds.</source>
        <translation>மின்னேற்றி %1 ஐ மறுதொடக்கவா? அதன் இணைப்பிகள் சில விநாடிகள் நிற்கும்.</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="436"/>
        <source>Restart</source>
        <translation>மறுதொடக்கு</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="450"/>
        <source>Which fault of charger %1 to clear?</source>
        <translation>மின்னேற்றி %1 இன் எந்தப் பிழையை அழிக்க?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="513"/>
        <source>Working…</source>
        <translation>செயல்படுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="529"/>
        <source>Refused: %1</source>
        <translation>மறுக்கப்பட்டது: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="541"/>
        <source>Connector %1 is back in service</source>
        <translation>இணைப்பி %1 மீண்டும் சேவையில்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="543"/>
        <source>Connector %1 goes out of service when its session ends</source>
        <translation>இணைப்பி %1 அதன் அமர்வு முடிந்ததும் சேவையிலிருந்து நீங்கும்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="545"/>
        <source>Connector %1 is out of service</source>
        <translation>இணைப்பி %1 சேவையில் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="549"/>
        <source>Session %1 stopped</source>
        <translation>அமர்வு %1 நிறுத்தப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="552"/>
        <source>The charger did not confirm the stop yet; the station ends the session</source>
        <translation>மின்னேற்றி இன்னும் நிறுத்தத்தை உறுதிசெய்யவில்லை; நிலையம் அமர்வை முடிக்கும்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="558"/>
        <location filename="../admin/control.py" line="571"/>
        <source>The charger refused: %1</source>
        <translation>மின்னேற்றி மறுத்தது: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="562"/>
        <source>Unlocked: the cable may be taken out</source>
        <translation>பூட்டு திறந்தது: கேபிளை எடுக்கலாம்</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="563"/>
        <source>The charger is restarting</source>
        <translation>மின்னேற்றி மறுதொடக்கமாகிறது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="564"/>
        <source>Fault cleared</source>
        <translation>பிழை அழிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="577"/>
        <source>Self-test done</source>
        <translation>சுய சோதனை முடிந்தது</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../admin/diagnostics.py" line="127"/>
        <source>Diagnostics</source>
        <translation>கண்டறிதல்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="209"/>
        <source>Running the self-test…</source>
        <translation>சுய சோதனை இயங்குகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="224"/>
        <source>Writing the diagnostics archive…</source>
        <translation>கண்டறிதல் காப்பகம் எழுதப்படுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="231"/>
        <source>Written to %1 (%2).</source>
        <translation>%1 இல் எழுதப்பட்டது (%2).</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="238"/>
        <source>No USB stick found. Insert one and try again.</source>
        <translation>USB இயக்கி இல்லை. ஒன்றைச் செருகி மீண்டும் முயலவும்.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="239"/>
        <source>The USB folder is missing.</source>
        <translation>USB கோப்புறை இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="240"/>
        <source>The USB stick cannot be written to.</source>
        <translation>USB இயக்கியில் எழுத முடியாது.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="241"/>
        <source>Writing to the USB stick failed.</source>
        <translation>USB இயக்கியில் எழுதுவது தோல்வியடைந்தது.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="242"/>
        <source>Your role may not do this.</source>
        <translation>உங்கள் பங்கு இதைச் செய்ய அனுமதிக்காது.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="244"/>
        <source>The operation failed (%1).</source>
        <translation>செயல் தோல்வியடைந்தது (%1).</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="251"/>
        <source>Network</source>
        <translation>வலையமைப்பு</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="252"/>
        <source>Central system</source>
        <translation>மைய அமைப்பு</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="253"/>
        <source>Card reader</source>
        <translation>அட்டை வாசிப்பான்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="254"/>
        <source>Database</source>
        <translation>தரவுத்தளம்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="259"/>
        <source>info</source>
        <translation>தகவல்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="260"/>
        <source>warning</source>
        <translation>எச்சரிக்கை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="261"/>
        <source>error</source>
        <translation>பிழை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="262"/>
        <source>critical</source>
        <translation>கடுமையானது</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="270"/>
        <source>Central system: none configured</source>
        <translation>மைய அமைப்பு: அமைக்கப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="272"/>
        <source>Central system: not connected</source>
        <translation>மைய அமைப்பு: இணைக்கப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="275"/>
        <source>Central system: connected and registered</source>
        <translation>மைய அமைப்பு: இணைக்கப்பட்டு பதிவுசெய்யப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="277"/>
        <source>heartbeat %1 s ago</source>
        <translation>இதயத்துடிப்பு %1 வி முன்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="279"/>
        <source>Central system: connected, not registered</source>
        <translation>மைய அமைப்பு: இணைக்கப்பட்டது, பதிவுசெய்யப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="280"/>
        <source>%1 messages queued</source>
        <translation>%1 செய்திகள் வரிசையில்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last hour</source>
        <translation>1 மணி</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last day</source>
        <translation>24 மணி</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last week</source>
        <translation>7 நாள்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>All kinds</source>
        <translation>வகை: எல்லாம்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>Faults</source>
        <translation>கோளாறுகள்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>Events</source>
        <translation>நிகழ்வுகள்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="289"/>
        <source>All chargers</source>
        <translation>சார்ஜர்: எல்லாம்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="295"/>
        <source>station</source>
        <translation>நிலையம்</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="301"/>
        <source>No events.</source>
        <translation>நிகழ்வுகள் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="307"/>
        <source>Newer</source>
        <translation>புதியவை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="310"/>
        <source>Older</source>
        <translation>பழையவை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="313"/>
        <source>Run self-test</source>
        <translation>சுய சோதனை இயக்கு</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="314"/>
        <source>Export diagnostics</source>
        <translation>USB க்கு ஏற்றுமதி</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="319"/>
        <source>Self-test</source>
        <translation>சுய சோதனை</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="326"/>
        <source>pass</source>
        <translation>தேர்ச்சி</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="326"/>
        <source>FAIL</source>
        <translation>தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="329"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
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
    <name>FirmwareScreen</name>
    <message>
        <location filename="../admin/firmware.py" line="88"/>
        <source>Firmware</source>
        <translation>நிலைபொருள்</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="124"/>
        <source>Reading the USB stick…</source>
        <translation>USB இயக்கி படிக்கப்படுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="131"/>
        <source>No update packages on the USB stick.</source>
        <translation>USB இயக்கியில் புதுப்பிப்புத் தொகுப்புகள் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="147"/>
        <source>Updating %1 to %2…</source>
        <translation>%1 ஐ %2 க்குப் புதுப்பிக்கிறது…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="157"/>
        <source>Updating %1 from the station&apos;s source…</source>
        <translation>நிலையத்தின் மூலத்திலிருந்து %1 புதுப்பிக்கப்படுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="167"/>
        <source>Rolling %1 back…</source>
        <translation>%1 பின்னோக்கித் திருப்பப்படுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="185"/>
        <source>Downloading the package… %1 kB</source>
        <translation>தொகுப்பு பதிவிறக்கப்படுகிறது… %1 kB</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="193"/>
        <source>%1 flashed with %2; it has not reported back yet.</source>
        <translation>%1 இல் %2 எழுதப்பட்டது; இன்னும் பதில் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="195"/>
        <source>%1 now runs firmware %2.</source>
        <translation>%1 இப்போது நிலைபொருள் %2 இல் இயங்குகிறது.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="212"/>
        <source>Checking the package&apos;s signature…</source>
        <translation>தொகுப்பின் கையொப்பம் சரிபார்க்கப்படுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="213"/>
        <source>Writing the firmware…</source>
        <translation>நிலைபொருள் எழுதப்படுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="214"/>
        <source>Waiting for the charger to restart…</source>
        <translation>சார்ஜர் மறுதொடக்கத்திற்குக் காத்திருக்கிறது…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="215"/>
        <source>Done.</source>
        <translation>முடிந்தது.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="221"/>
        <source>Refused: the package is not signed by the vendor. Nothing was flashed.</source>
        <translation>மறுக்கப்பட்டது: தொகுப்பு விற்பனையாளரால் கையொப்பமிடப்படவில்லை. எதுவும் எழுதப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="223"/>
        <source>Refused: this package is not charger firmware.</source>
        <translation>மறுக்கப்பட்டது: இந்தத் தொகுப்பு சார்ஜர் நிலைபொருள் அல்ல.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="224"/>
        <source>The charger has a session. Update it when it is free.</source>
        <translation>சார்ஜரில் அமர்வு நடக்கிறது. அது இலவசமானதும் புதுப்பிக்கவும்.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="225"/>
        <source>No serial port is set up for this charger.</source>
        <translation>இந்த சார்ஜருக்குத் தொடர் முனையம் அமைக்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="226"/>
        <source>No vendor key is set up: packages cannot be checked.</source>
        <translation>விற்பனையாளர் விசை அமைக்கப்படவில்லை: தொகுப்புகளைச் சரிபார்க்க முடியாது.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="227"/>
        <source>Flashing failed; the previous firmware was restored.</source>
        <translation>எழுதுதல் தோல்வியடைந்தது; முந்தைய நிலைபொருள் மீட்டமைக்கப்பட்டது.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="228"/>
        <source>No earlier firmware is kept for this charger.</source>
        <translation>இந்த சார்ஜருக்கு முந்தைய நிலைபொருள் வைக்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="229"/>
        <source>Another firmware update is running.</source>
        <translation>வேறொரு நிலைபொருள் புதுப்பிப்பு நடக்கிறது.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="230"/>
        <source>No firmware source is set up for this station.</source>
        <translation>இந்த நிலையத்திற்கு நிலைபொருள் மூலம் அமைக்கப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="232"/>
        <source>The station&apos;s firmware source is not an http, https or ftp address.</source>
        <translation>நிலையத்தின் நிலைபொருள் மூலம் http, https அல்லது ftp முகவரி அல்ல.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="235"/>
        <source>The station&apos;s firmware source could not be reached or has no package. Nothing was flashed.</source>
        <translation>நிலையத்தின் நிலைபொருள் மூலத்தை அணுக முடியவில்லை அல்லது அதில் தொகுப்பு இல்லை. எதுவும் எழுதப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="237"/>
        <source>No USB stick found. Insert one and try again.</source>
        <translation>USB இயக்கி இல்லை. ஒன்றைச் செருகி மீண்டும் முயலவும்.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="238"/>
        <source>The USB folder is missing.</source>
        <translation>USB கோப்புறை இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="239"/>
        <source>Your role may not do this.</source>
        <translation>உங்கள் பங்கு இதைச் செய்ய அனுமதிக்காது.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="241"/>
        <source>The operation failed (%1).</source>
        <translation>செயல் தோல்வியடைந்தது (%1).</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="245"/>
        <source>Refused: %1 (%2)</source>
        <translation>மறுக்கப்பட்டது: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="247"/>
        <source>Station software %1: install it from the station&apos;s updater</source>
        <translation>நிலைய மென்பொருள் %1: நிலையத்தின் புதுப்பிப்பான் மூலம் நிறுவவும்</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="251"/>
        <source>Update to %1 (%2)</source>
        <translation>%1 க்குப் புதுப்பி (%2)</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="258"/>
        <source>Charger %1</source>
        <translation>சார்ஜர் %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="258"/>
        <source>Charger</source>
        <translation>சார்ஜர்</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="263"/>
        <source>unknown</source>
        <translation>தெரியாது</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="265"/>
        <source>Firmware %1, link %2</source>
        <translation>நிலைபொருள் %1, இணைப்பு %2</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="273"/>
        <source>Roll back to %1</source>
        <translation>%1 க்குத் திரும்பு</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="275"/>
        <source>Station software %1</source>
        <translation>நிலைய மென்பொருள் %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="277"/>
        <source>previous release %1</source>
        <translation>முந்தைய வெளியீடு %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="279"/>
        <source>Read the USB stick</source>
        <translation>USB இயக்கியைப் படி</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="281"/>
        <source>From the station&apos;s source</source>
        <translation>நிலைய மூலத்திலிருந்து</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="284"/>
        <source>More</source>
        <translation>மேலும்</translation>
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
        <location filename="../screens/idle.py" line="162"/>
        <source>Tap your card to start</source>
        <translation>தொடங்க அட்டையைத் தட்டவும்</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="163"/>
        <source>Pay by card</source>
        <translation>அட்டை மூலம் செலுத்தவும்</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="164"/>
        <source>Pay by phone (QR)</source>
        <translation>QR மூலம் செலுத்தவும்</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="196"/>
        <source>Card payments: %1 is held, you pay only what you use</source>
        <translation>அட்டை: %1 நிறுத்திவைப்பு; பயன்படுத்தியதற்கே கட்டணம்</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="296"/>
        <source>EV charging</source>
        <translation>EV மின்னேற்றம்</translation>
    </message>
    <message>
        <location filename="../app.py" line="299"/>
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
    <name>OverviewScreen</name>
    <message>
        <location filename="../admin/overview.py" line="186"/>
        <source>Overview</source>
        <translation>மேலோட்டம்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="212"/>
        <source>Site: current per phase against its limit</source>
        <translation>தளம்: ஒவ்வொரு கட்டத்தின் மின்னோட்டம் அதன் வரம்புடன்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="232"/>
        <source>The overview could not be read.</source>
        <translation>மேலோட்டத்தைப் படிக்க முடியவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="259"/>
        <source>%1: %2 of %3 A</source>
        <translation>%1: %3 A இல் %2</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="273"/>
        <source>Group %1: %2 A</source>
        <translation>குழு %1: %2 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="277"/>
        <source>Central system: none configured</source>
        <translation>மைய அமைப்பு: அமைக்கப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="281"/>
        <source>connected (%1)</source>
        <translation>இணைக்கப்பட்டது (%1)</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="283"/>
        <source>not connected</source>
        <translation>இணைக்கப்படவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="285"/>
        <source>Central system: %1</source>
        <translation>மைய அமைப்பு: %1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="290"/>
        <source>%1 for %2</source>
        <translation>%1, %2 ஆக</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="296"/>
        <source>unknown</source>
        <translation>தெரியவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="298"/>
        <source>Firmware %1 · polls %2, missed %3, bad frames %4, reconnects %5 · %6 ms (p99 %7 ms)</source>
        <translation>நிலைபொருள் %1 · வினவல்கள் %2, தவறியவை %3, பிழையான சட்டங்கள் %4, மீள்இணைப்புகள் %5 · %6 ms (p99 %7 ms)</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="315"/>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="319"/>
        <source>Connector %1</source>
        <translation>இணைப்பி %1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="330"/>
        <source>Offered %1 A · drawn %2 A</source>
        <translation>வழங்கப்பட்டது %1 A · எடுக்கப்பட்டது %2 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="333"/>
        <source>Faults: %1</source>
        <translation>பிழைகள்: %1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="342"/>
        <source>Online</source>
        <translation>இணைப்பில்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="343"/>
        <source>Degraded</source>
        <translation>தரம் குறைந்தது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="344"/>
        <source>Offline</source>
        <translation>இணைப்பில் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="345"/>
        <source>Connecting</source>
        <translation>இணைக்கிறது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="346"/>
        <source>Faulty link</source>
        <translation>பழுதான இணைப்பு</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="353"/>
        <source>A: no vehicle</source>
        <translation>A: வாகனம் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="354"/>
        <source>B: vehicle connected</source>
        <translation>B: வாகனம் இணைக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="355"/>
        <source>C: charging</source>
        <translation>C: சார்ஜ் ஆகிறது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="356"/>
        <source>D: charging, ventilated</source>
        <translation>D: சார்ஜ் ஆகிறது, காற்றோட்டத்துடன்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="357"/>
        <source>E: pilot shorted</source>
        <translation>E: பைலட் குறுக்குச்சுற்று</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="358"/>
        <source>F: not available</source>
        <translation>F: கிடைக்கவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="360"/>
        <source>pilot unknown</source>
        <translation>பைலட் நிலை தெரியவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="366"/>
        <source>Balancer: unreachable, its last offer stays reserved</source>
        <translation>சமநிலைப்படுத்தி: அணுக முடியவில்லை, அதன் கடைசி வழங்கல் ஒதுக்கப்பட்டுள்ளது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="367"/>
        <source>Balancer: nothing while a fault is latched</source>
        <translation>சமநிலைப்படுத்தி: பிழை பூட்டப்பட்டிருக்கும் வரை எதுவும் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="368"/>
        <source>Balancer: no vehicle</source>
        <translation>சமநிலைப்படுத்தி: வாகனம் இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="369"/>
        <source>Balancer: no session lets it charge</source>
        <translation>சமநிலைப்படுத்தி: சார்ஜ் செய்ய எந்த அமர்வும் அனுமதிக்கவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="370"/>
        <source>Balancer: the charger did not take the last command</source>
        <translation>சமநிலைப்படுத்தி: கடைசி கட்டளையை சார்ஜர் ஏற்கவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="371"/>
        <source>Balancer: no share now, waiting for its turn</source>
        <translation>சமநிலைப்படுத்தி: இப்போது பங்கு இல்லை, தன் முறைக்குக் காத்திருக்கிறது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="372"/>
        <source>Balancer: car idle, its share went to a waiting car</source>
        <translation>சமநிலைப்படுத்தி: கார் சும்மா உள்ளது, அதன் பங்கு காத்திருக்கும் காருக்குச் சென்றது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="373"/>
        <source>Balancer: rising to %1 A as headroom frees</source>
        <translation>சமநிலைப்படுத்தி: இடம் விடுபடும்போது %1 A வரை உயர்கிறது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="375"/>
        <source>Balancer: %1 A, capped by %2</source>
        <translation>சமநிலைப்படுத்தி: %1 A, %2 ஆல் வரம்பிடப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="377"/>
        <source>Balancer: %1 A, the most this car and cable take</source>
        <translation>சமநிலைப்படுத்தி: %1 A, இந்தக் காரும் கேபிளும் ஏற்கும் அதிகபட்சம்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="378"/>
        <source>Balancer: %1 A, its share of the site&apos;s limit</source>
        <translation>சமநிலைப்படுத்தி: %1 A, தளத்தின் வரம்பில் அதன் பங்கு</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="380"/>
        <source>Balancer: no cycle yet</source>
        <translation>சமநிலைப்படுத்தி: இன்னும் சுழற்சி இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="385"/>
        <source>safety</source>
        <translation>பாதுகாப்பு</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="386"/>
        <source>a technician</source>
        <translation>ஒரு தொழில்நுட்பர்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="387"/>
        <source>the central system</source>
        <translation>மைய அமைப்பு</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="388"/>
        <source>a charging profile</source>
        <translation>சார்ஜிங் சுயவிவரம்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="389"/>
        <source>the payment</source>
        <translation>கட்டணம்</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="390"/>
        <source>a schedule</source>
        <translation>அட்டவணை</translation>
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
    <name>PhoneLinkScreen</name>
    <message>
        <location filename="../screens/phone_link.py" line="48"/>
        <source>Charge from your phone</source>
        <translation>உங்கள் கைபேசியிலிருந்து மின்னேற்றம்</translation>
    </message>
    <message>
        <location filename="../screens/phone_link.py" line="50"/>
        <source>Scan with your phone camera: pay and start, follow and stop your charge on the phone.</source>
        <translation>கைபேசி கேமராவால் ஸ்கேன் செய்யவும்: செலுத்தித் தொடங்கவும், மின்னேற்றத்தைக் கைபேசியிலேயே பின்தொடர்ந்து நிறுத்தவும்.</translation>
    </message>
    <message>
        <location filename="../screens/phone_link.py" line="53"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
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
    <name>PinPad</name>
    <message>
        <location filename="../admin/pin_pad.py" line="235"/>
        <source>Checking…</source>
        <translation>சரிபார்க்கிறது…</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="237"/>
        <source>Wrong staff number or PIN.</source>
        <translation>பணியாளர் எண் அல்லது PIN தவறு.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="239"/>
        <source>Wrong PIN. Tries left before the lock: %1</source>
        <translation>PIN தவறு. பூட்டுக்கு முன் மீதமுள்ள முயற்சிகள்: %1</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="241"/>
        <source>Wait %1 s before the next try.</source>
        <translation>அடுத்த முயற்சிக்கு முன் %1 வி காத்திருக்கவும்.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="243"/>
        <source>Enter the PIN again.</source>
        <translation>PIN-ஐ மீண்டும் உள்ளிடவும்.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="246"/>
        <source>This account is locked for %1 min.</source>
        <translation>இந்தக் கணக்கு %1 நிமிடம் பூட்டப்பட்டுள்ளது.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="248"/>
        <source>Tap your staff card on the reader.</source>
        <translation>உங்கள் பணியாளர் அட்டையை வாசிப்பானில் தொடவும்.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="250"/>
        <source>Signing in is not possible now. Try again.</source>
        <translation>இப்போது உள்நுழைய முடியாது. மீண்டும் முயலவும்.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="258"/>
        <source>Staff number</source>
        <translation>பணியாளர் எண்</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="261"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="263"/>
        <source>Staff card read.</source>
        <translation>பணியாளர் அட்டை வாசிக்கப்பட்டது.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="267"/>
        <source>Staff sign-in</source>
        <translation>பணியாளர் உள்நுழைவு</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="268"/>
        <source>OK</source>
        <translation>சரி</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="269"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
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
    <name>SessionDetailPage</name>
    <message>
        <location filename="../admin/session_detail.py" line="342"/>
        <source>Back</source>
        <translation>பின்செல்</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="344"/>
        <source>Summary</source>
        <translation>சுருக்கம்</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="345"/>
        <source>Meter</source>
        <translation>மீட்டர்</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="346"/>
        <source>States</source>
        <translation>நிலைகள்</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="347"/>
        <source>Payment</source>
        <translation>கட்டணம்</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="357"/>
        <source>Loading…</source>
        <translation>ஏற்றுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="366"/>
        <source>Session %1 · %2</source>
        <translation>அமர்வு %1 · %2</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="373"/>
        <source>(%1 earlier not shown)</source>
        <translation>(முந்தைய %1 காட்டப்படவில்லை)</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="386"/>
        <source>Started: %1</source>
        <translation>தொடக்கம்: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="387"/>
        <source>Stopped: %1</source>
        <translation>நிறுத்தம்: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="391"/>
        <source>Duration: %1</source>
        <translation>நேரம்: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="405"/>
        <source>No meter values.</source>
        <translation>மீட்டர் அளவீடுகள் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="420"/>
        <source>Paid with a card on the station&apos;s list: nothing to refund here.</source>
        <translation>நிலையப் பட்டியலில் உள்ள அட்டையால் செலுத்தப்பட்டது: இங்கே திருப்பித் தர எதுவும் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="432"/>
        <source>Refunded: %1</source>
        <translation>திருப்பித் தரப்பட்டது: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="435"/>
        <source>Receipt %1</source>
        <translation>ரசீது %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="445"/>
        <source>Refund…</source>
        <translation>பணம் திருப்பு…</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="457"/>
        <source>Amount to refund (at most %1):</source>
        <translation>திருப்பித் தர வேண்டிய தொகை (அதிகபட்சம் %1):</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="460"/>
        <source>All</source>
        <translation>முழுவதும்</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="461"/>
        <location filename="../admin/session_detail.py" line="473"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="462"/>
        <source>Next</source>
        <translation>அடுத்து</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="468"/>
        <source>Refund %1 to %2? Reason: %3. A refund cannot be undone.</source>
        <translation>%1 தொகையை %2 க்குத் திருப்பித் தரவா? காரணம்: %3. இதை மாற்ற முடியாது.</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="474"/>
        <source>Refund</source>
        <translation>திருப்பித் தா</translation>
    </message>
</context>
<context>
    <name>SessionTexts</name>
    <message>
        <location filename="../admin/session_texts.py" line="18"/>
        <source>Any payment</source>
        <translation>எல்லா கட்டணங்களும்</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="19"/>
        <source>RFID card</source>
        <translation>RFID அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="20"/>
        <source>Card at the terminal</source>
        <translation>முனையத்தில் அட்டை</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="21"/>
        <source>Card by QR</source>
        <translation>QR மூலம் அட்டை</translation>
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
        <translation>எல்லா நிலைகளும்</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="32"/>
        <source>Open</source>
        <translation>திறந்தவை</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="33"/>
        <location filename="../admin/session_texts.py" line="36"/>
        <source>Charging</source>
        <translation>சார்ஜ் ஆகிறது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="34"/>
        <source>Authorised</source>
        <translation>அனுமதிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="35"/>
        <source>Waiting for the car</source>
        <translation>காருக்காகக் காத்திருக்கிறது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="37"/>
        <source>Paused by the car</source>
        <translation>கார் இடைநிறுத்தியது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="38"/>
        <source>Paused by the station</source>
        <translation>நிலையம் இடைநிறுத்தியது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="39"/>
        <source>Stopping</source>
        <translation>நிறுத்துகிறது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="40"/>
        <source>Charger not answering</source>
        <translation>சார்ஜர் பதிலளிக்கவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="41"/>
        <source>Ended</source>
        <translation>முடிந்தது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="48"/>
        <source>Held</source>
        <translation>நிறுத்திவைக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="49"/>
        <source>Paid</source>
        <translation>செலுத்தப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="50"/>
        <source>Released</source>
        <translation>விடுவிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="51"/>
        <source>Expired</source>
        <translation>காலாவதியானது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="52"/>
        <source>Failed</source>
        <translation>தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="54"/>
        <source>In progress</source>
        <translation>நடைபெறுகிறது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="60"/>
        <source>Refunded</source>
        <translation>திருப்பித் தரப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="61"/>
        <source>Refund pending at the bank</source>
        <translation>வங்கியில் நிலுவையில் உள்ள பணம் திருப்புதல்</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="62"/>
        <source>Refund not confirmed yet: the station will try again</source>
        <translation>பணம் திருப்புதல் இன்னும் உறுதியாகவில்லை: நிலையம் மீண்டும் முயலும்</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="65"/>
        <source>Refund failed</source>
        <translation>பணம் திருப்புதல் தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="73"/>
        <source>Customer asked</source>
        <translation>வாடிக்கையாளர் கேட்டார்</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="74"/>
        <source>Charged twice</source>
        <translation>இருமுறை வசூலிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="75"/>
        <source>Fraud</source>
        <translation>மோசடி</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="84"/>
        <source>You are signed out. Please sign in again.</source>
        <translation>நீங்கள் வெளியேற்றப்பட்டீர்கள். மீண்டும் உள்நுழையவும்.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="85"/>
        <source>Your role may not do this.</source>
        <translation>உங்கள் பங்கிற்கு இதற்கு அனுமதி இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="88"/>
        <source>That is more than what is left to refund.</source>
        <translation>அது திருப்பித் தர மீதமுள்ளதை விட அதிகம்.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="91"/>
        <source>Everything paid was refunded already.</source>
        <translation>செலுத்திய அனைத்தும் ஏற்கனவே திருப்பித் தரப்பட்டது.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="94"/>
        <source>The payment was not taken, so there is nothing to refund.</source>
        <translation>கட்டணம் எடுக்கப்படவில்லை, எனவே திருப்பித் தர எதுவும் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="97"/>
        <source>This session was not paid at the station.</source>
        <translation>இந்த அமர்வு நிலையத்தில் செலுத்தப்படவில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="98"/>
        <source>This station takes no payments.</source>
        <translation>இந்த நிலையம் கட்டணம் பெறுவதில்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="99"/>
        <source>Please type an amount above zero.</source>
        <translation>பூஜ்ஜியத்தை விட அதிகமான தொகையை உள்ளிடவும்.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="100"/>
        <source>This session is not in the records.</source>
        <translation>இந்த அமர்வு பதிவுகளில் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="101"/>
        <source>This session has no receipt.</source>
        <translation>இந்த அமர்வுக்கு ரசீது இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="103"/>
        <source>That did not work. Please try again.</source>
        <translation>அது வேலை செய்யவில்லை. மீண்டும் முயலவும்.</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <location filename="../admin/sessions.py" line="116"/>
        <source>Sessions</source>
        <translation>அமர்வுகள்</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>Today</source>
        <translation>இன்று</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>7 days</source>
        <translation>7 நாட்கள்</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>30 days</source>
        <translation>30 நாட்கள்</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="231"/>
        <source>Card…</source>
        <translation>அட்டை…</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="233"/>
        <source>All connectors</source>
        <translation>எல்லா இணைப்பிகளும்</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="241"/>
        <source>Newer</source>
        <translation>புதியவை</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="241"/>
        <source>Older</source>
        <translation>பழையவை</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="244"/>
        <source>Card number starts with:</source>
        <translation>அட்டை எண் இதில் தொடங்குகிறது:</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="246"/>
        <source>Clear</source>
        <translation>அழி</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="247"/>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="248"/>
        <source>Search</source>
        <translation>தேடு</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="264"/>
        <source>Loading…</source>
        <translation>ஏற்றுகிறது…</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="266"/>
        <source>No sessions match these filters.</source>
        <translation>இந்த வடிகட்டிகளுக்குப் பொருந்தும் அமர்வுகள் இல்லை.</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="269"/>
        <source>Sessions %1 to %2, newest first</source>
        <translation>அமர்வுகள் %1 முதல் %2 வரை, புதியவை முதலில்</translation>
    </message>
</context>
<context>
    <name>StationTexts</name>
    <message>
        <location filename="../admin/station_texts.py" line="16"/>
        <source>Residual current trip</source>
        <translation>மீதி மின்னோட்டக் காப்பு துண்டிப்பு</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="17"/>
        <source>Emergency stop</source>
        <translation>அவசர நிறுத்தம்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="18"/>
        <source>Overcurrent</source>
        <translation>மிகை மின்னோட்டம்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="19"/>
        <source>Severe overcurrent</source>
        <translation>கடும் மிகை மின்னோட்டம்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="20"/>
        <source>Overvoltage</source>
        <translation>மிகை மின்னழுத்தம்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="21"/>
        <source>Undervoltage</source>
        <translation>குறை மின்னழுத்தம்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="22"/>
        <source>Overtemperature</source>
        <translation>மிகை வெப்பநிலை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="23"/>
        <source>Protective earth missing</source>
        <translation>பாதுகாப்பு பூமி இணைப்பு இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="24"/>
        <source>Welded contactor</source>
        <translation>ஒட்டிய தொடர்பி</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="25"/>
        <source>Contactor feedback mismatch</source>
        <translation>தொடர்பி பின்னூட்டம் பொருந்தவில்லை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="26"/>
        <source>Vehicle diode fault</source>
        <translation>வாகன டையோடு பிழை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="27"/>
        <source>Cable coding (PP) fault</source>
        <translation>கேபிள் குறியீடு (PP) பிழை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="28"/>
        <source>Control pilot fault</source>
        <translation>கட்டுப்பாட்டு பைலட் பிழை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="29"/>
        <source>Ventilation asked, not allowed</source>
        <translation>காற்றோட்டம் கோரப்பட்டது, அனுமதி இல்லை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="30"/>
        <source>Connector lock fault</source>
        <translation>இணைப்பான் பூட்டு பிழை</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="31"/>
        <source>Self-test failed</source>
        <translation>சுய சோதனை தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="44"/>
        <source>Charger link online</source>
        <translation>சார்ஜர் இணைப்பு இயங்குகிறது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="45"/>
        <source>Charger link degraded</source>
        <translation>சார்ஜர் இணைப்பு தரம் குறைந்தது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="46"/>
        <source>Charger link lost</source>
        <translation>சார்ஜர் இணைப்பு துண்டிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="47"/>
        <source>Charger link faulty</source>
        <translation>சார்ஜர் இணைப்பு பழுது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="48"/>
        <source>Charger link connecting</source>
        <translation>சார்ஜர் இணைப்பு இணைக்கப்படுகிறது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="49"/>
        <source>Session interrupted</source>
        <translation>அமர்வு இடைநிறுத்தப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="50"/>
        <source>Session ended</source>
        <translation>அமர்வு முடிந்தது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="51"/>
        <source>Session refused</source>
        <translation>அமர்வு மறுக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="52"/>
        <source>Setting changed</source>
        <translation>அமைப்பு மாற்றப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="53"/>
        <source>Station started</source>
        <translation>நிலையம் தொடங்கியது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="54"/>
        <source>Station stopping</source>
        <translation>நிலையம் நிறுத்தப்படுகிறது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="55"/>
        <source>Self-test run</source>
        <translation>சுய சோதனை இயக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="56"/>
        <source>Payment hold lapsed</source>
        <translation>கட்டண நிறுத்திவைப்பு காலாவதியானது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="57"/>
        <source>Late payment given back</source>
        <translation>தாமதமான கட்டணம் திருப்பி அளிக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="64"/>
        <location filename="../admin/station_texts.py" line="73"/>
        <source>%1 cleared</source>
        <translation>%1 நீக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="69"/>
        <source>Update: %1</source>
        <translation>புதுப்பிப்பு: %1</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="81"/>
        <source>downloading</source>
        <translation>பதிவிறக்கப்படுகிறது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="82"/>
        <source>downloaded</source>
        <translation>பதிவிறக்கப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="83"/>
        <source>download failed</source>
        <translation>பதிவிறக்கம் தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="84"/>
        <source>installing</source>
        <translation>நிறுவப்படுகிறது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="85"/>
        <source>installed</source>
        <translation>நிறுவப்பட்டது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="86"/>
        <source>installation failed</source>
        <translation>நிறுவல் தோல்வி</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="119"/>
        <source>%1: contactor at %2 % of its rated life</source>
        <translation>%1: தொடர்பி அதன் மதிப்பிட்ட ஆயுளில் %2 % அடைந்துள்ளது</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="122"/>
        <source>%1: temperature rise per A² at %2 × its baseline (check the terminals&apos; torque)</source>
        <translation>%1: A² க்கு வெப்ப உயர்வு அடிப்படையின் %2 × (முனைகளின் முறுக்கைச் சரிபார்க்கவும்)</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="127"/>
        <source>%1: %2 × %3 in 30 days (usually %4)</source>
        <translation>%1: 30 நாட்களில் %2 × %3 (வழக்கமாக %4)</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="132"/>
        <source>%1: meter and V × I differ by %2 % over 30 days</source>
        <translation>%1: 30 நாட்களில் மீட்டரும் V × I உம் %2 % வேறுபடுகின்றன</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="137"/>
        <source>Charger %1: %2 % of polls missed, %3 reconnections a day over %4 days</source>
        <translation>சார்ஜர் %1: %2 % வினவல்கள் தவறின, %4 நாட்களில் நாளுக்கு %3 மறு இணைப்புகள்</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="158"/>
        <source>Maintenance alarm: %1</source>
        <translation>பராமரிப்பு எச்சரிக்கை: %1</translation>
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
