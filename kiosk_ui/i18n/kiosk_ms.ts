<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms_MY">
<context>
    <name>AdminShell</name>
    <message>
        <location filename="../admin/shell.py" line="213"/>
        <source>Exit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="214"/>
        <source>No admin screens are installed.</source>
        <translation>Tiada skrin pentadbir dipasang.</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="225"/>
        <source>viewer</source>
        <translation>pemerhati</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="226"/>
        <source>technician</source>
        <translation>juruteknik</translation>
    </message>
    <message>
        <location filename="../admin/shell.py" line="227"/>
        <source>operator</source>
        <translation>pengendali</translation>
    </message>
</context>
<context>
    <name>AnalyticsScreen</name>
    <message>
        <location filename="../admin/analytics.py" line="213"/>
        <source>Analytics</source>
        <translation>Analitik</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="235"/>
        <location filename="../admin/analytics.py" line="341"/>
        <source>Loading…</source>
        <translation>Memuatkan…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="286"/>
        <source>Writing the report to the USB drive…</source>
        <translation>Menulis laporan ke pemacu USB…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="351"/>
        <source>%1 %2:00: %3 kW mean power, %4 sessions at a time</source>
        <translation>%1 %2:00: kuasa purata %3 kW, %4 sesi serentak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="364"/>
        <source>Written to %1: %2</source>
        <translation>Ditulis ke %1: %2</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="379"/>
        <source>Your role may not do this</source>
        <translation>Peranan anda tidak dibenarkan melakukan ini</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="382"/>
        <source>This station runs without its analytics</source>
        <translation>Stesen ini berjalan tanpa analitik</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="383"/>
        <source>No USB drive found: plug one in and try again</source>
        <translation>Tiada pemacu USB ditemui: pasangkan satu dan cuba lagi</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="384"/>
        <source>The export folder is missing: is the USB drive plugged in?</source>
        <translation>Folder eksport tiada: adakah pemacu USB dipasang?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="385"/>
        <source>The USB drive cannot be written: is it full or locked?</source>
        <translation>Pemacu USB tidak boleh ditulis: adakah ia penuh atau dikunci?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="386"/>
        <source>Writing to the USB drive failed: try another drive</source>
        <translation>Gagal menulis ke pemacu USB: cuba pemacu lain</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="387"/>
        <source>That charger or connector is no longer known</source>
        <translation>Pengecas atau penyambung itu tidak lagi dikenali</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="389"/>
        <source>The figures could not be read: try again</source>
        <translation>Angka tidak dapat dibaca: cuba lagi</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="411"/>
        <source>Connector %1</source>
        <translation>Penyambung %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="413"/>
        <source>Charger %1</source>
        <translation>Pengecas %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="414"/>
        <source>Whole site</source>
        <translation>Seluruh tapak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="425"/>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="426"/>
        <source>Last month</source>
        <translation>Bulan lepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="427"/>
        <source>Last 12 months</source>
        <translation>12 bulan lepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="434"/>
        <source>Usage</source>
        <translation>Penggunaan</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="435"/>
        <source>Revenue</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="436"/>
        <source>Peak hours</source>
        <translation>Waktu puncak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="437"/>
        <source>Site peak</source>
        <translation>Puncak tapak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="438"/>
        <location filename="../admin/analytics_pages.py" line="193"/>
        <source>Uptime</source>
        <translation>Masa operasi</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="439"/>
        <source>Alarms</source>
        <translation>Penggera</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="443"/>
        <location filename="../admin/analytics.py" line="450"/>
        <source>Export to USB</source>
        <translation>Eksport ke USB</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="453"/>
        <source>State timeline</source>
        <translation>Garis masa keadaan</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="29"/>
        <source>RFID card</source>
        <translation>Kad RFID</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="30"/>
        <source>Card at the terminal</source>
        <translation>Kad di terminal</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="31"/>
        <source>Card on the QR page</source>
        <translation>Kad di halaman QR</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="95"/>
        <source>Contactor wear</source>
        <translation>Kehausan kontaktor</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="96"/>
        <source>Connector running hot</source>
        <translation>Penyambung terlalu panas</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="97"/>
        <source>More faults than usual</source>
        <translation>Lebih banyak kerosakan daripada biasa</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="98"/>
        <source>Meter reads off</source>
        <translation>Bacaan meter tersasar</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="99"/>
        <source>Charger link unreliable</source>
        <translation>Pautan pengecas tidak stabil</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="41"/>
        <source>life used %</source>
        <translation>hayat digunakan %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="42"/>
        <source>equivalent operations</source>
        <translation>operasi setara</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="43"/>
        <source>operations</source>
        <translation>operasi</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="44"/>
        <source>unseen operations</source>
        <translation>operasi tidak dilihat</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="45"/>
        <source>per day</source>
        <translation>sehari</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="46"/>
        <source>replace by</source>
        <translation>ganti sebelum</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="47"/>
        <source>baseline m°C/A²</source>
        <translation>asas m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="48"/>
        <source>recent m°C/A²</source>
        <translation>terkini m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="49"/>
        <source>ratio</source>
        <translation>nisbah</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="50"/>
        <source>fault</source>
        <translation>kerosakan</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="51"/>
        <source>last 30 days</source>
        <translation>30 hari lepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="52"/>
        <source>usual per 30 days</source>
        <translation>biasa setiap 30 hari</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="53"/>
        <source>metered Wh</source>
        <translation>Wh meter</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="54"/>
        <source>V x I Wh</source>
        <translation>V x I Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="55"/>
        <source>drift %</source>
        <translation>sasaran %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="56"/>
        <source>polls</source>
        <translation>tinjauan</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="57"/>
        <source>missed polls</source>
        <translation>tinjauan terlepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="58"/>
        <source>missed %</source>
        <translation>terlepas %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="59"/>
        <source>reconnections</source>
        <translation>sambungan semula</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="60"/>
        <source>days</source>
        <translation>hari</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="105"/>
        <source>Energy per month (kWh)</source>
        <translation>Tenaga sebulan (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="108"/>
        <source>Energy per day (kWh)</source>
        <translation>Tenaga sehari (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="126"/>
        <source>Revenue is shown to operators only.</source>
        <translation>Hasil hanya ditunjukkan kepada pengendali.</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="129"/>
        <source>Gross by payment method (%1)</source>
        <translation>Kasar mengikut kaedah bayaran (%1)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="169"/>
        <source>Site peak per day against the limit (kW)</source>
        <translation>Puncak tapak sehari berbanding had (kW)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="171"/>
        <source>Peak</source>
        <translation>Puncak</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="173"/>
        <source>Limit</source>
        <translation>Had</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="192"/>
        <source>Uptime per month (%)</source>
        <translation>Masa operasi sebulan (%)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="245"/>
        <source>Raised %1</source>
        <translation>Dinaikkan %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="258"/>
        <source>No open alarms</source>
        <translation>Tiada penggera terbuka</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="261"/>
        <source>%1 % of its life used; replace by %2</source>
        <translation>%1 % hayat telah digunakan; ganti sebelum %2</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="264"/>
        <source>Contactor %1</source>
        <translation>Kontaktor %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="277"/>
        <source>%1 sessions, %2 kWh, occupied %3 %</source>
        <translation>%1 sesi, %2 kWh, diduduki %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="287"/>
        <source>Gross %1, net %2, refunds %3 (%4)</source>
        <translation>Kasar %1, bersih %2, bayaran balik %3 (%4)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="295"/>
        <source>Mean power by weekday and hour (kW): tap a cell</source>
        <translation>Kuasa purata mengikut hari dan jam (kW): sentuh satu petak</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="303"/>
        <source>Highest %1 kW on %2: %3 % of the limit</source>
        <translation>Tertinggi %1 kW pada %2: %3 % daripada had</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="310"/>
        <source>Uptime %1 %, last 12 months %2 %</source>
        <translation>Masa operasi %1 %, 12 bulan lepas %2 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="316"/>
        <source>%1 open alarms</source>
        <translation>%1 penggera terbuka</translation>
    </message>
</context>
<context>
    <name>AuthoriseScreen</name>
    <message>
        <location filename="../screens/authorise.py" line="68"/>
        <source>No connector is free</source>
        <translation>Tiada penyambung yang kosong</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="73"/>
        <source>Card not accepted</source>
        <translation>Kad tidak diterima</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="75"/>
        <source>Try another card.</source>
        <translation>Cuba kad lain.</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="78"/>
        <source>Card not read</source>
        <translation>Kad tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="83"/>
        <source>Charging could not start</source>
        <translation>Pengecasan tidak dapat dimulakan</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="84"/>
        <source>This connector is no longer free. Tap your card again to choose another.</source>
        <translation>Penyambung ini tidak lagi kosong. Sentuh kad anda sekali lagi untuk memilih yang lain.</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="91"/>
        <source>Hold your card to the reader</source>
        <translation>Sentuh kad anda pada pembaca</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="61"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="92"/>
        <source>The reader is below the screen, marked with the card symbol.</source>
        <translation>Pembaca terletak di bawah skrin, bertanda simbol kad.</translation>
    </message>
</context>
<context>
    <name>ChargingScreen</name>
    <message>
        <location filename="../screens/charging.py" line="228"/>
        <location filename="../screens/charging.py" line="247"/>
        <source>Stopping...</source>
        <translation>Sedang menghentikan...</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="203"/>
        <source>Your car is not taking power: the idle fee starts in %1 min. Please unplug when done.</source>
        <translation>Kereta anda tidak lagi mengecas: caj menunggu bermula dalam %1 minit. Sila cabut palam apabila selesai.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="163"/>
        <source>%1 of %2 prepaid</source>
        <translation>%1 daripada %2 prabayar</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="165"/>
        <source>%1 of %2 held</source>
        <translation>%1 daripada %2 yang ditahan</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="183"/>
        <source>Charging stopped: the %1 limit was reached</source>
        <translation>Pengecasan dihentikan: had %1 telah dicapai</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="185"/>
        <source>Nearly at your %1 limit: charging will stop at the limit</source>
        <translation>Hampir mencapai had %1 anda: pengecasan akan berhenti pada had itu</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="208"/>
        <source>Your car is not taking power: the idle fee is running. Please unplug and move.</source>
        <translation>Kereta anda tidak lagi mengecas: caj menunggu sedang dikenakan. Sila cabut palam dan alihkan kereta.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="241"/>
        <source>Energy</source>
        <translation>Tenaga</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="242"/>
        <source>Power</source>
        <translation>Kuasa</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="243"/>
        <source>Time</source>
        <translation>Masa</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="247"/>
        <source>Stop charging</source>
        <translation>Hentikan pengecasan</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="250"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="255"/>
        <source>To stop: press Stop, tap your card or unplug. You may leave: charging goes on.</source>
        <translation>Untuk berhenti: tekan Henti, sentuh kad anda atau cabut palam. Anda boleh pergi: pengecasan diteruskan.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="258"/>
        <source>To stop: press Stop or unplug. You may leave: charging goes on.</source>
        <translation>Untuk berhenti: tekan Henti atau cabut palam. Anda boleh pergi: pengecasan diteruskan.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="260"/>
        <source>To stop, tap the card that started this session.</source>
        <translation>Untuk berhenti, sentuh kad yang memulakan sesi ini.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="263"/>
        <source>The card reader is not working. Unplugging the car ends this session.</source>
        <translation>Pembaca kad tidak berfungsi. Mencabut kabel kenderaan menamatkan sesi ini.</translation>
    </message>
</context>
<context>
    <name>ConfigurationScreen</name>
    <message>
        <location filename="../admin/configuration.py" line="132"/>
        <source>Configuration</source>
        <translation>Konfigurasi</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="136"/>
        <source>Site</source>
        <translation>Tapak</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="137"/>
        <source>Chargers</source>
        <translation>Pengecas</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="138"/>
        <source>Prices</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="139"/>
        <source>Screen</source>
        <translation>Skrin</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="140"/>
        <source>History</source>
        <translation>Sejarah</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="144"/>
        <source>Preview</source>
        <translation>Pratonton</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="145"/>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="146"/>
        <source>Apply</source>
        <translation>Guna</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="147"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="147"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="153"/>
        <source>Site limit per phase</source>
        <translation>Had tapak setiap fasa</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="154"/>
        <source>Maximum current</source>
        <translation>Arus maksimum</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="155"/>
        <source>Phases</source>
        <translation>Fasa</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="156"/>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="157"/>
        <source>Card hold amount</source>
        <translation>Amaun sekatan kad</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="158"/>
        <source>Languages</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="159"/>
        <source>Default language</source>
        <translation>Bahasa lalai</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="160"/>
        <source>Back to the idle screen after (s)</source>
        <translation>Kembali ke skrin rehat selepas (s)</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="161"/>
        <source>Screen brightness (%)</source>
        <translation>Kecerahan skrin (%)</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="162"/>
        <source>Energy price per kWh</source>
        <translation>Harga tenaga setiap kWj</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="163"/>
        <source>Price per minute</source>
        <translation>Harga setiap minit</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="164"/>
        <source>Session fee</source>
        <translation>Yuran sesi</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="165"/>
        <source>Idle fee per minute</source>
        <translation>Yuran melahu setiap minit</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="178"/>
        <source>%1 A</source>
        <translation>%1 A</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="180"/>
        <source>%1 per kWh</source>
        <translation>%1 setiap kWj</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="235"/>
        <source>Waiting for %1 to be free: %2</source>
        <translation>Menunggu %1 bebas: %2</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="275"/>
        <source>Only an operator may change this.</source>
        <translation>Hanya pengendali boleh mengubah ini.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="409"/>
        <source>Apply these changes?</source>
        <translation>Guna perubahan ini?</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="411"/>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="411"/>
        <source>when the charger is free</source>
        <translation>apabila pengecas bebas</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="422"/>
        <source>Price screen: %1</source>
        <translation>Skrin harga: %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="428"/>
        <source>Checked: nothing has changed yet.</source>
        <translation>Disemak: belum ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="443"/>
        <source>Applied now: %1. When the charger is free: %2.</source>
        <translation>Diguna sekarang: %1. Apabila pengecas bebas: %2.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="457"/>
        <source>No changes yet.</source>
        <translation>Belum ada perubahan.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="465"/>
        <source>Undoes change %1</source>
        <translation>Membatalkan perubahan %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="472"/>
        <source>Revert</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="493"/>
        <source>Your role may not change this setting.</source>
        <translation>Peranan anda tidak boleh mengubah tetapan ini.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="497"/>
        <source>Nothing to change.</source>
        <translation>Tiada apa untuk diubah.</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="499"/>
        <source>Not done: %1</source>
        <translation>Tidak dilakukan: %1</translation>
    </message>
    <message>
        <location filename="../admin/configuration.py" line="505"/>
        <source>Some values cannot be used: see the marked settings.</source>
        <translation>Sesetengah nilai tidak boleh digunakan: lihat tetapan yang ditanda.</translation>
    </message>
</context>
<context>
    <name>ControlScreen</name>
    <message>
        <location filename="../admin/control.py" line="183"/>
        <source>Control</source>
        <translation>Kawalan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="247"/>
        <source>Out of service after this session</source>
        <translation>Tidak berfungsi selepas sesi ini</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="251"/>
        <source>No connector</source>
        <translation>Tiada penyambung</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="253"/>
        <source>Put back in service</source>
        <translation>Kembalikan ke servis</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="253"/>
        <source>Take out of service</source>
        <translation>Hentikan servis</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="254"/>
        <location filename="../admin/control.py" line="411"/>
        <source>Stop session</source>
        <translation>Hentikan sesi</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="255"/>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="256"/>
        <source>Restart charger</source>
        <translation>Mulakan semula pengecas</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="257"/>
        <source>Self-test</source>
        <translation>Ujian kendiri</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="258"/>
        <source>Clear fault</source>
        <translation>Kosongkan kerosakan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="259"/>
        <location filename="../admin/control.py" line="260"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="261"/>
        <location filename="../admin/control.py" line="566"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="269"/>
        <source>Connector %1</source>
        <translation>Penyambung %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="272"/>
        <source>Charger %1</source>
        <translation>Pengecas %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="275"/>
        <source>Out of service: %1</source>
        <translation>Tidak berfungsi: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="277"/>
        <source>Faults: %1</source>
        <translation>Kerosakan: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="282"/>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="283"/>
        <source>Car plugged in</source>
        <translation>Kereta dipasang</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="284"/>
        <source>Starting</source>
        <translation>Bermula</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="285"/>
        <source>Charging</source>
        <translation>Mengecas</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="286"/>
        <source>Paused by the car</source>
        <translation>Dijeda oleh kereta</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="287"/>
        <source>Paused by the station</source>
        <translation>Dijeda oleh stesen</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="288"/>
        <source>Finishing</source>
        <translation>Sedang tamat</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="289"/>
        <source>Out of service</source>
        <translation>Tidak berfungsi</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="290"/>
        <source>Reserved</source>
        <translation>Ditempah</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="291"/>
        <source>Faulted</source>
        <translation>Rosak</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="292"/>
        <source>No link</source>
        <translation>Tiada sambungan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="297"/>
        <source>Maintenance</source>
        <translation>Penyelenggaraan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="298"/>
        <source>Fault</source>
        <translation>Kerosakan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="299"/>
        <source>Cleaning</source>
        <translation>Pembersihan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="300"/>
        <source>Other</source>
        <translation>Lain-lain</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="306"/>
        <source>a fault is latched</source>
        <translation>ada kerosakan yang terkunci</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="307"/>
        <source>not possible in its present state</source>
        <translation>tidak boleh dalam keadaan sekarang</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="308"/>
        <source>the fault&apos;s cause is still there</source>
        <translation>punca kerosakan masih ada</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="309"/>
        <source>this charger cannot do it</source>
        <translation>pengecas ini tidak boleh melakukannya</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="310"/>
        <source>busy, try again</source>
        <translation>sibuk, cuba lagi</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="311"/>
        <source>a value was refused</source>
        <translation>satu nilai ditolak</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="312"/>
        <source>no answer from the charger</source>
        <translation>tiada jawapan daripada pengecas</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="319"/>
        <source>Signed out: sign in again</source>
        <translation>Telah log keluar: log masuk semula</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="320"/>
        <source>Your role may not do this</source>
        <translation>Peranan anda tidak dibenarkan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="323"/>
        <source>This connector is not known</source>
        <translation>Penyambung ini tidak dikenali</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="324"/>
        <source>This charger is not known</source>
        <translation>Pengecas ini tidak dikenali</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="325"/>
        <source>Pick a reason</source>
        <translation>Pilih sebab</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="326"/>
        <source>No session on this connector</source>
        <translation>Tiada sesi pada penyambung ini</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="327"/>
        <source>Stop the session first</source>
        <translation>Hentikan sesi dahulu</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="328"/>
        <source>This fault is not in the catalogue</source>
        <translation>Kerosakan ini tiada dalam katalog</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="329"/>
        <source>This fault clears when the car is unplugged</source>
        <translation>Kerosakan ini hilang apabila kereta dicabut</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="330"/>
        <source>This fault is no longer latched</source>
        <translation>Kerosakan ini tidak lagi terkunci</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="331"/>
        <source>The charger cannot be reached</source>
        <translation>Pengecas tidak dapat dihubungi</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="334"/>
        <source>The station could not do it</source>
        <translation>Stesen tidak dapat melakukannya</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="338"/>
        <source>Pilot +12 V</source>
        <translation>Pilot +12 V</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="339"/>
        <source>Pilot -12 V</source>
        <translation>Pilot -12 V</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="340"/>
        <source>RCD test</source>
        <translation>Ujian RCD</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="341"/>
        <source>Contactor feedback</source>
        <translation>Maklum balas kontaktor</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="342"/>
        <source>Lock</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="343"/>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="344"/>
        <source>Temperature</source>
        <translation>Suhu</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="347"/>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="348"/>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="349"/>
        <source>Not run</source>
        <translation>Tidak dijalankan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="357"/>
        <source>Self-test of %1: passed</source>
        <translation>Ujian kendiri %1: lulus</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="357"/>
        <source>Self-test of %1: failed</source>
        <translation>Ujian kendiri %1: gagal</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="394"/>
        <source>Why is connector %1 going out of service?</source>
        <translation>Mengapa penyambung %1 dihentikan servis?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="410"/>
        <source>Stop the session on connector %1?</source>
        <translation>Hentikan sesi pada penyambung %1?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="419"/>
        <source>Why stop the session on connector %1?</source>
        <translation>Mengapa hentikan sesi pada penyambung %1?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="435"/>
        <source>Restart charger %1? Its connectors stop for a few seconds.</source>
        <translation>Mulakan semula pengecas %1? Penyambungnya berhenti beberapa saat.</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="436"/>
        <source>Restart</source>
        <translation>Mulakan semula</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="450"/>
        <source>Which fault of charger %1 to clear?</source>
        <translation>Kerosakan pengecas %1 yang mana untuk dikosongkan?</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="513"/>
        <source>Working…</source>
        <translation>Sedang diproses…</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="529"/>
        <source>Refused: %1</source>
        <translation>Ditolak: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="541"/>
        <source>Connector %1 is back in service</source>
        <translation>Penyambung %1 kembali berfungsi</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="543"/>
        <source>Connector %1 goes out of service when its session ends</source>
        <translation>Penyambung %1 berhenti servis apabila sesinya tamat</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="545"/>
        <source>Connector %1 is out of service</source>
        <translation>Penyambung %1 tidak berfungsi</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="549"/>
        <source>Session %1 stopped</source>
        <translation>Sesi %1 dihentikan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="552"/>
        <source>The charger did not confirm the stop yet; the station ends the session</source>
        <translation>Pengecas belum mengesahkan hentian; stesen akan menamatkan sesi</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="558"/>
        <location filename="../admin/control.py" line="571"/>
        <source>The charger refused: %1</source>
        <translation>Pengecas menolak: %1</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="562"/>
        <source>Unlocked: the cable may be taken out</source>
        <translation>Kunci dibuka: kabel boleh dicabut</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="563"/>
        <source>The charger is restarting</source>
        <translation>Pengecas sedang dimulakan semula</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="564"/>
        <source>Fault cleared</source>
        <translation>Kerosakan dikosongkan</translation>
    </message>
    <message>
        <location filename="../admin/control.py" line="577"/>
        <source>Self-test done</source>
        <translation>Ujian kendiri selesai</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../admin/diagnostics.py" line="127"/>
        <source>Diagnostics</source>
        <translation>Diagnostik</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="209"/>
        <source>Running the self-test…</source>
        <translation>Menjalankan ujian kendiri…</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="224"/>
        <source>Writing the diagnostics archive…</source>
        <translation>Menulis arkib diagnostik…</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="231"/>
        <source>Written to %1 (%2).</source>
        <translation>Ditulis ke %1 (%2).</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="238"/>
        <source>No USB stick found. Insert one and try again.</source>
        <translation>Tiada pemacu USB ditemui. Masukkan satu dan cuba lagi.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="239"/>
        <source>The USB folder is missing.</source>
        <translation>Folder USB tiada.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="240"/>
        <source>The USB stick cannot be written to.</source>
        <translation>Pemacu USB tidak boleh ditulis.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="241"/>
        <source>Writing to the USB stick failed.</source>
        <translation>Gagal menulis ke pemacu USB.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="242"/>
        <source>Your role may not do this.</source>
        <translation>Peranan anda tidak membenarkan tindakan ini.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="244"/>
        <source>The operation failed (%1).</source>
        <translation>Operasi gagal (%1).</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="251"/>
        <source>Network</source>
        <translation>Rangkaian</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="252"/>
        <source>Central system</source>
        <translation>Sistem pusat</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="253"/>
        <source>Card reader</source>
        <translation>Pembaca kad</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="254"/>
        <source>Database</source>
        <translation>Pangkalan data</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="259"/>
        <source>info</source>
        <translation>maklumat</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="260"/>
        <source>warning</source>
        <translation>amaran</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="261"/>
        <source>error</source>
        <translation>ralat</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="262"/>
        <source>critical</source>
        <translation>kritikal</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="270"/>
        <source>Central system: none configured</source>
        <translation>Sistem pusat: tiada dikonfigurasi</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="272"/>
        <source>Central system: not connected</source>
        <translation>Sistem pusat: tidak bersambung</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="275"/>
        <source>Central system: connected and registered</source>
        <translation>Sistem pusat: bersambung dan berdaftar</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="277"/>
        <source>heartbeat %1 s ago</source>
        <translation>degupan %1 s lalu</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="279"/>
        <source>Central system: connected, not registered</source>
        <translation>Sistem pusat: bersambung, belum berdaftar</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="280"/>
        <source>%1 messages queued</source>
        <translation>%1 mesej dalam giliran</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last hour</source>
        <translation>Sejam lalu</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last day</source>
        <translation>Sehari lalu</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="284"/>
        <source>Last week</source>
        <translation>Seminggu lalu</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>All kinds</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>Faults</source>
        <translation>Kerosakan</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="286"/>
        <source>Events</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="289"/>
        <source>All chargers</source>
        <translation>Semua pengecas</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="295"/>
        <source>station</source>
        <translation>stesen</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="301"/>
        <source>No events.</source>
        <translation>Tiada peristiwa.</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="307"/>
        <source>Newer</source>
        <translation>Lebih baharu</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="310"/>
        <source>Older</source>
        <translation>Lebih lama</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="313"/>
        <source>Run self-test</source>
        <translation>Ujian kendiri</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="314"/>
        <source>Export diagnostics</source>
        <translation>Eksport diagnostik</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="319"/>
        <source>Self-test</source>
        <translation>Ujian kendiri</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="326"/>
        <source>pass</source>
        <translation>lulus</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="326"/>
        <source>FAIL</source>
        <translation>GAGAL</translation>
    </message>
    <message>
        <location filename="../admin/diagnostics.py" line="329"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>FaultScreen</name>
    <message>
        <location filename="../screens/fault.py" line="102"/>
        <source>Connector %1 has a fault</source>
        <translation>Penyambung %1 rosak</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="109"/>
        <source>Your session has ended. Delivered before the fault: %1.</source>
        <translation>Sesi anda telah tamat. Dihantar sebelum kerosakan: %1.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="114"/>
        <source>Your session has ended.</source>
        <translation>Sesi anda telah tamat.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="121"/>
        <source>No other connector is free now.</source>
        <translation>Tiada penyambung lain yang kosong sekarang.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="119"/>
        <source>Please use another connector.</source>
        <translation>Sila gunakan penyambung lain.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="125"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>FirmwareScreen</name>
    <message>
        <location filename="../admin/firmware.py" line="88"/>
        <source>Firmware</source>
        <translation>Perisian tegar</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="124"/>
        <source>Reading the USB stick…</source>
        <translation>Membaca pemacu USB…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="131"/>
        <source>No update packages on the USB stick.</source>
        <translation>Tiada pakej kemas kini dalam pemacu USB.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="147"/>
        <source>Updating %1 to %2…</source>
        <translation>Mengemas kini %1 ke %2…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="157"/>
        <source>Updating %1 from the station&apos;s source…</source>
        <translation>Mengemas kini %1 daripada sumber stesen…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="167"/>
        <source>Rolling %1 back…</source>
        <translation>Mengembalikan %1…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="185"/>
        <source>Downloading the package… %1 kB</source>
        <translation>Memuat turun pakej… %1 kB</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="193"/>
        <source>%1 flashed with %2; it has not reported back yet.</source>
        <translation>%1 dipasang dengan %2; belum melapor semula.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="195"/>
        <source>%1 now runs firmware %2.</source>
        <translation>%1 kini menjalankan perisian tegar %2.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="212"/>
        <source>Checking the package&apos;s signature…</source>
        <translation>Menyemak tandatangan pakej…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="213"/>
        <source>Writing the firmware…</source>
        <translation>Menulis perisian tegar…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="214"/>
        <source>Waiting for the charger to restart…</source>
        <translation>Menunggu pengecas dimulakan semula…</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="215"/>
        <source>Done.</source>
        <translation>Selesai.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="221"/>
        <source>Refused: the package is not signed by the vendor. Nothing was flashed.</source>
        <translation>Ditolak: pakej tidak ditandatangani oleh pembekal. Tiada apa-apa dipasang.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="223"/>
        <source>Refused: this package is not charger firmware.</source>
        <translation>Ditolak: pakej ini bukan perisian tegar pengecas.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="224"/>
        <source>The charger has a session. Update it when it is free.</source>
        <translation>Pengecas sedang digunakan. Kemas kini apabila ia bebas.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="225"/>
        <source>No serial port is set up for this charger.</source>
        <translation>Tiada port bersiri disediakan untuk pengecas ini.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="226"/>
        <source>No vendor key is set up: packages cannot be checked.</source>
        <translation>Tiada kunci pembekal disediakan: pakej tidak dapat disemak.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="227"/>
        <source>Flashing failed; the previous firmware was restored.</source>
        <translation>Pemasangan gagal; perisian tegar sebelumnya dipulihkan.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="228"/>
        <source>No earlier firmware is kept for this charger.</source>
        <translation>Tiada perisian tegar terdahulu disimpan untuk pengecas ini.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="229"/>
        <source>Another firmware update is running.</source>
        <translation>Kemas kini perisian tegar lain sedang berjalan.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="230"/>
        <source>No firmware source is set up for this station.</source>
        <translation>Tiada sumber perisian tegar ditetapkan untuk stesen ini.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="232"/>
        <source>The station&apos;s firmware source is not an http, https or ftp address.</source>
        <translation>Sumber perisian tegar stesen bukan alamat http, https atau ftp.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="235"/>
        <source>The station&apos;s firmware source could not be reached or has no package. Nothing was flashed.</source>
        <translation>Sumber perisian tegar stesen tidak dapat dicapai atau tiada pakej. Tiada apa-apa dipasang.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="237"/>
        <source>No USB stick found. Insert one and try again.</source>
        <translation>Tiada pemacu USB ditemui. Masukkan satu dan cuba lagi.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="238"/>
        <source>The USB folder is missing.</source>
        <translation>Folder USB tiada.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="239"/>
        <source>Your role may not do this.</source>
        <translation>Peranan anda tidak membenarkan tindakan ini.</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="241"/>
        <source>The operation failed (%1).</source>
        <translation>Operasi gagal (%1).</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="245"/>
        <source>Refused: %1 (%2)</source>
        <translation>Ditolak: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="247"/>
        <source>Station software %1: install it from the station&apos;s updater</source>
        <translation>Perisian stesen %1: pasang melalui pengemas kini stesen</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="251"/>
        <source>Update to %1 (%2)</source>
        <translation>Kemas kini ke %1 (%2)</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="258"/>
        <source>Charger %1</source>
        <translation>Pengecas %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="258"/>
        <source>Charger</source>
        <translation>Pengecas</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="263"/>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="265"/>
        <source>Firmware %1, link %2</source>
        <translation>Perisian tegar %1, pautan %2</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="273"/>
        <source>Roll back to %1</source>
        <translation>Kembali ke %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="275"/>
        <source>Station software %1</source>
        <translation>Perisian stesen %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="277"/>
        <source>previous release %1</source>
        <translation>keluaran sebelumnya %1</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="279"/>
        <source>Read the USB stick</source>
        <translation>Baca pemacu USB</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="281"/>
        <source>From the station&apos;s source</source>
        <translation>Daripada sumber stesen</translation>
    </message>
    <message>
        <location filename="../admin/firmware.py" line="284"/>
        <source>More</source>
        <translation>Lagi</translation>
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
        <translation>%1 j %2 min</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="145"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../screens/idle.py" line="162"/>
        <source>Tap your card to start</source>
        <translation>Sentuh kad untuk bermula</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="163"/>
        <source>Pay by card</source>
        <translation>Bayar dengan kad</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="164"/>
        <source>Pay by phone (QR)</source>
        <translation>Bayar dengan telefon (QR)</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="196"/>
        <source>Card payments: %1 is held, you pay only what you use</source>
        <translation>Bayaran kad: %1 akan ditahan, anda bayar hanya apa yang digunakan</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="296"/>
        <source>EV charging</source>
        <translation>Pengecasan EV</translation>
    </message>
    <message>
        <location filename="../app.py" line="299"/>
        <source>Station %1</source>
        <translation>Stesen %1</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../screens/out_of_service.py" line="41"/>
        <source>Out of service</source>
        <translation>Tidak berfungsi</translation>
    </message>
    <message>
        <location filename="../screens/out_of_service.py" line="42"/>
        <source>This station cannot charge right now. We are sorry.</source>
        <translation>Stesen ini tidak dapat mengecas sekarang. Kami mohon maaf.</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../admin/overview.py" line="186"/>
        <source>Overview</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="212"/>
        <source>Site: current per phase against its limit</source>
        <translation>Tapak: arus setiap fasa berbanding hadnya</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="232"/>
        <source>The overview could not be read.</source>
        <translation>Ringkasan tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="259"/>
        <source>%1: %2 of %3 A</source>
        <translation>%1: %2 daripada %3 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="273"/>
        <source>Group %1: %2 A</source>
        <translation>Kumpulan %1: %2 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="277"/>
        <source>Central system: none configured</source>
        <translation>Sistem pusat: tiada dikonfigurasi</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="281"/>
        <source>connected (%1)</source>
        <translation>bersambung (%1)</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="283"/>
        <source>not connected</source>
        <translation>tidak bersambung</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="285"/>
        <source>Central system: %1</source>
        <translation>Sistem pusat: %1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="290"/>
        <source>%1 for %2</source>
        <translation>%1 selama %2</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="296"/>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="298"/>
        <source>Firmware %1 · polls %2, missed %3, bad frames %4, reconnects %5 · %6 ms (p99 %7 ms)</source>
        <translation>Perisian tegar %1 · tinjauan %2, terlepas %3, bingkai rosak %4, sambung semula %5 · %6 ms (p99 %7 ms)</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="315"/>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="319"/>
        <source>Connector %1</source>
        <translation>Penyambung %1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="330"/>
        <source>Offered %1 A · drawn %2 A</source>
        <translation>Ditawarkan %1 A · ditarik %2 A</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="333"/>
        <source>Faults: %1</source>
        <translation>Kerosakan: %1</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="342"/>
        <source>Online</source>
        <translation>Dalam talian</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="343"/>
        <source>Degraded</source>
        <translation>Merosot</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="344"/>
        <source>Offline</source>
        <translation>Luar talian</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="345"/>
        <source>Connecting</source>
        <translation>Menyambung</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="346"/>
        <source>Faulty link</source>
        <translation>Pautan rosak</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="353"/>
        <source>A: no vehicle</source>
        <translation>A: tiada kenderaan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="354"/>
        <source>B: vehicle connected</source>
        <translation>B: kenderaan disambung</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="355"/>
        <source>C: charging</source>
        <translation>C: mengecas</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="356"/>
        <source>D: charging, ventilated</source>
        <translation>D: mengecas, berpengudaraan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="357"/>
        <source>E: pilot shorted</source>
        <translation>E: pilot terpintas</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="358"/>
        <source>F: not available</source>
        <translation>F: tidak tersedia</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="360"/>
        <source>pilot unknown</source>
        <translation>pilot tidak diketahui</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="366"/>
        <source>Balancer: unreachable, its last offer stays reserved</source>
        <translation>Pengimbang: tidak dapat dihubungi, tawaran terakhirnya kekal dikhaskan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="367"/>
        <source>Balancer: nothing while a fault is latched</source>
        <translation>Pengimbang: tiada arus selagi kerosakan terkunci</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="368"/>
        <source>Balancer: no vehicle</source>
        <translation>Pengimbang: tiada kenderaan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="369"/>
        <source>Balancer: no session lets it charge</source>
        <translation>Pengimbang: tiada sesi yang membenarkan pengecasan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="370"/>
        <source>Balancer: the charger did not take the last command</source>
        <translation>Pengimbang: pengecas tidak menerima arahan terakhir</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="371"/>
        <source>Balancer: no share now, waiting for its turn</source>
        <translation>Pengimbang: tiada bahagian sekarang, menunggu giliran</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="372"/>
        <source>Balancer: car idle, its share went to a waiting car</source>
        <translation>Pengimbang: kereta melahu, bahagiannya diberi kepada kereta yang menunggu</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="373"/>
        <source>Balancer: rising to %1 A as headroom frees</source>
        <translation>Pengimbang: naik ke %1 A apabila ruang dibebaskan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="375"/>
        <source>Balancer: %1 A, capped by %2</source>
        <translation>Pengimbang: %1 A, dihadkan oleh %2</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="377"/>
        <source>Balancer: %1 A, the most this car and cable take</source>
        <translation>Pengimbang: %1 A, maksimum kereta dan kabel ini</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="378"/>
        <source>Balancer: %1 A, its share of the site&apos;s limit</source>
        <translation>Pengimbang: %1 A, bahagiannya daripada had tapak</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="380"/>
        <source>Balancer: no cycle yet</source>
        <translation>Pengimbang: belum ada kitaran</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="385"/>
        <source>safety</source>
        <translation>keselamatan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="386"/>
        <source>a technician</source>
        <translation>juruteknik</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="387"/>
        <source>the central system</source>
        <translation>sistem pusat</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="388"/>
        <source>a charging profile</source>
        <translation>profil pengecasan</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="389"/>
        <source>the payment</source>
        <translation>pembayaran</translation>
    </message>
    <message>
        <location filename="../admin/overview.py" line="390"/>
        <source>a schedule</source>
        <translation>jadual</translation>
    </message>
</context>
<context>
    <name>PayCardScreen</name>
    <message>
        <location filename="../screens/pay_card.py" line="64"/>
        <source>Pay by card</source>
        <translation>Bayar dengan kad</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="66"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>%1 akan ditahan; anda bayar hanya apa yang digunakan.</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="67"/>
        <source>Time left:</source>
        <translation>Masa yang tinggal:</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="68"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="73"/>
        <source>Preparing the card terminal…</source>
        <translation>Menyediakan terminal kad…</translation>
    </message>
    <message>
        <location filename="../screens/pay_card.py" line="75"/>
        <source>Tap or insert your card on the reader</source>
        <translation>Sentuh atau masukkan kad anda pada terminal</translation>
    </message>
</context>
<context>
    <name>PayPhoneScreen</name>
    <message>
        <location filename="../screens/pay_phone.py" line="76"/>
        <source>Pay by phone: choose how</source>
        <translation>Bayar dengan telefon: pilih cara</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="77"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="79"/>
        <source>Card (hold %1)</source>
        <translation>Kad (tahan %1)</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="80"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>%1 akan ditahan; anda bayar hanya apa yang digunakan.</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="82"/>
        <source>Online banking</source>
        <translation>Perbankan dalam talian</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="84"/>
        <source>%1 (prepay)</source>
        <translation>%1 (prabayar)</translation>
    </message>
    <message>
        <location filename="../screens/pay_phone.py" line="85"/>
        <source>Unused credit is refunded automatically.</source>
        <translation>Baki yang tidak digunakan dikembalikan secara automatik.</translation>
    </message>
</context>
<context>
    <name>PayQrScreen</name>
    <message>
        <location filename="../screens/pay_qr.py" line="93"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="94"/>
        <source>Time left:</source>
        <translation>Masa yang tinggal:</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="97"/>
        <source>Pay by phone</source>
        <translation>Bayar dengan telefon</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="102"/>
        <source>Preparing the payment page…</source>
        <translation>Menyediakan halaman pembayaran…</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="106"/>
        <source>Scan with your phone camera and pay. Charging starts when payment is received.</source>
        <translation>Imbas dengan kamera telefon anda dan bayar. Pengecasan bermula apabila bayaran diterima.</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="111"/>
        <source>Unused credit is refunded automatically.</source>
        <translation>Baki yang tidak digunakan dikembalikan secara automatik.</translation>
    </message>
    <message>
        <location filename="../screens/pay_qr.py" line="113"/>
        <source>%1 is held; you pay only what you use.</source>
        <translation>%1 akan ditahan; anda bayar hanya apa yang digunakan.</translation>
    </message>
</context>
<context>
    <name>PaymentResultScreen</name>
    <message>
        <location filename="../screens/payment_result.py" line="61"/>
        <source>Try another card or pay by phone.</source>
        <translation>Cuba kad lain atau bayar dengan telefon.</translation>
    </message>
    <message>
        <location filename="../screens/payment_result.py" line="65"/>
        <source>Try again</source>
        <translation>Cuba lagi</translation>
    </message>
    <message>
        <location filename="../screens/payment_result.py" line="66"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>PaymentTexts</name>
    <message>
        <location filename="../payment_texts.py" line="23"/>
        <source>Card and phone payments are not working at the moment.</source>
        <translation>Bayaran dengan kad dan telefon tidak berfungsi buat masa ini.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="26"/>
        <source>The card terminal is not working.</source>
        <translation>Terminal kad tidak berfungsi.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="27"/>
        <source>The card terminal is busy. Please try again in a moment.</source>
        <translation>Terminal kad sedang sibuk. Sila cuba sebentar lagi.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="33"/>
        <source>This way to pay is not offered here.</source>
        <translation>Cara bayaran ini tidak ditawarkan di sini.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="36"/>
        <source>Payment is not possible at the moment.</source>
        <translation>Pembayaran tidak dapat dibuat buat masa ini.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="44"/>
        <source>Your bank declined the payment: not enough funds.</source>
        <translation>Bank anda menolak pembayaran ini: baki tidak mencukupi.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="47"/>
        <source>This card has expired.</source>
        <translation>Kad ini telah tamat tempoh.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="48"/>
        <location filename="../payment_texts.py" line="52"/>
        <source>Your bank declined the payment.</source>
        <translation>Bank anda menolak pembayaran ini.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="49"/>
        <source>The PIN was not correct.</source>
        <translation>PIN tidak betul.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="59"/>
        <source>Payment declined</source>
        <translation>Pembayaran ditolak</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="61"/>
        <source>Payment cancelled</source>
        <translation>Pembayaran dibatalkan</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="61"/>
        <source>Nothing was charged.</source>
        <translation>Tiada caj dikenakan.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="65"/>
        <source>Time ran out</source>
        <translation>Masa sudah tamat</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="65"/>
        <source>The payment was not completed in time. Nothing was charged.</source>
        <translation>Pembayaran tidak selesai dalam masa yang ditetapkan. Tiada caj dikenakan.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="69"/>
        <source>Payment not possible</source>
        <translation>Pembayaran tidak dapat dibuat</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="70"/>
        <source>Payment failed</source>
        <translation>Pembayaran gagal</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="70"/>
        <source>Something went wrong. Nothing was charged.</source>
        <translation>Berlaku masalah. Tiada caj dikenakan.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="78"/>
        <source>This is not a valid e-mail address.</source>
        <translation>Ini bukan alamat e-mel yang sah.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="80"/>
        <source>Receipts cannot be e-mailed from this station. Scan the code instead.</source>
        <translation>Resit tidak boleh dihantar melalui e-mel dari stesen ini. Sila imbas kod.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="83"/>
        <source>The receipt could not be sent. Please scan the code instead.</source>
        <translation>Resit tidak dapat dihantar. Sila imbas kod.</translation>
    </message>
</context>
<context>
    <name>PhoneLinkScreen</name>
    <message>
        <location filename="../screens/phone_link.py" line="48"/>
        <source>Charge from your phone</source>
        <translation>Cas dari telefon anda</translation>
    </message>
    <message>
        <location filename="../screens/phone_link.py" line="50"/>
        <source>Scan with your phone camera: pay and start, follow and stop your charge on the phone.</source>
        <translation>Imbas dengan kamera telefon anda: bayar dan mula, ikuti dan hentikan pengecasan di telefon.</translation>
    </message>
    <message>
        <location filename="../screens/phone_link.py" line="53"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>PickConnectorScreen</name>
    <message>
        <location filename="../screens/pick_connector.py" line="77"/>
        <source>Start charging here?</source>
        <translation>Mula mengecas di sini?</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="79"/>
        <source>Choose your connector: a car is plugged in where marked</source>
        <translation>Pilih penyambung anda: kereta telah disambung di tempat yang bertanda</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="81"/>
        <source>Choose a connector</source>
        <translation>Pilih penyambung</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="82"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="92"/>
        <source>Car plugged in</source>
        <translation>Kereta disambung</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="96"/>
        <source>up to %1</source>
        <translation>sehingga %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../admin/pin_pad.py" line="235"/>
        <source>Checking…</source>
        <translation>Menyemak…</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="237"/>
        <source>Wrong staff number or PIN.</source>
        <translation>Nombor kakitangan atau PIN salah.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="239"/>
        <source>Wrong PIN. Tries left before the lock: %1</source>
        <translation>PIN salah. Cubaan berbaki sebelum dikunci: %1</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="241"/>
        <source>Wait %1 s before the next try.</source>
        <translation>Tunggu %1 s sebelum cubaan seterusnya.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="243"/>
        <source>Enter the PIN again.</source>
        <translation>Masukkan PIN sekali lagi.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="246"/>
        <source>This account is locked for %1 min.</source>
        <translation>Akaun ini dikunci selama %1 min.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="248"/>
        <source>Tap your staff card on the reader.</source>
        <translation>Sentuh kad kakitangan anda pada pembaca.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="250"/>
        <source>Signing in is not possible now. Try again.</source>
        <translation>Log masuk tidak dapat dibuat sekarang. Cuba lagi.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="258"/>
        <source>Staff number</source>
        <translation>Nombor kakitangan</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="261"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="263"/>
        <source>Staff card read.</source>
        <translation>Kad kakitangan dibaca.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="267"/>
        <source>Staff sign-in</source>
        <translation>Log masuk kakitangan</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="268"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="269"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PlugInScreen</name>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="117"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="120"/>
        <source>No car was plugged in</source>
        <translation>Tiada kereta disambungkan</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="121"/>
        <source>Nothing was charged. Tap your card to start again.</source>
        <translation>Tiada bayaran dikenakan. Sentuh kad anda untuk bermula semula.</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="128"/>
        <source>Time left to plug in:</source>
        <translation>Masa untuk menyambung:</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="126"/>
        <source>Plug in at connector %1</source>
        <translation>Sambungkan kabel pada penyambung %1</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="127"/>
        <source>Charging starts by itself when the cable is in the car.</source>
        <translation>Pengecasan bermula sendiri apabila kabel disambung ke kereta.</translation>
    </message>
</context>
<context>
    <name>ReceiptEmailScreen</name>
    <message>
        <location filename="../screens/receipt_email.py" line="103"/>
        <source>Receipt sent to %1</source>
        <translation>Resit dihantar ke %1</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="108"/>
        <source>Sending…</source>
        <translation>Menghantar…</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="118"/>
        <source>Your e-mail address for the receipt:</source>
        <translation>Alamat e-mel anda untuk resit:</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="119"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../screens/receipt_email.py" line="120"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../screens/receipt.py" line="60"/>
        <source>Scan for your receipt</source>
        <translation>Imbas untuk resit anda</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="62"/>
        <source>Receipt %1</source>
        <translation>Resit %1</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="64"/>
        <source>E-mail receipt</source>
        <translation>E-mel resit</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="65"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>SessionDetailPage</name>
    <message>
        <location filename="../admin/session_detail.py" line="342"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="344"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="345"/>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="346"/>
        <source>States</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="347"/>
        <source>Payment</source>
        <translation>Bayaran</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="357"/>
        <source>Loading…</source>
        <translation>Memuatkan…</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="366"/>
        <source>Session %1 · %2</source>
        <translation>Sesi %1 · %2</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="373"/>
        <source>(%1 earlier not shown)</source>
        <translation>(%1 terdahulu tidak ditunjukkan)</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="386"/>
        <source>Started: %1</source>
        <translation>Mula: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="387"/>
        <source>Stopped: %1</source>
        <translation>Berhenti: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="391"/>
        <source>Duration: %1</source>
        <translation>Tempoh: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="405"/>
        <source>No meter values.</source>
        <translation>Tiada bacaan meter.</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="420"/>
        <source>Paid with a card on the station&apos;s list: nothing to refund here.</source>
        <translation>Dibayar dengan kad dalam senarai stesen: tiada apa untuk dipulangkan di sini.</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="432"/>
        <source>Refunded: %1</source>
        <translation>Dipulangkan: %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="435"/>
        <source>Receipt %1</source>
        <translation>Resit %1</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="445"/>
        <source>Refund…</source>
        <translation>Bayaran balik…</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="457"/>
        <source>Amount to refund (at most %1):</source>
        <translation>Amaun untuk dipulangkan (paling banyak %1):</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="460"/>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="461"/>
        <location filename="../admin/session_detail.py" line="473"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="462"/>
        <source>Next</source>
        <translation>Seterusnya</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="468"/>
        <source>Refund %1 to %2? Reason: %3. A refund cannot be undone.</source>
        <translation>Pulangkan %1 kepada %2? Sebab: %3. Bayaran balik tidak boleh dibatalkan.</translation>
    </message>
    <message>
        <location filename="../admin/session_detail.py" line="474"/>
        <source>Refund</source>
        <translation>Pulangkan</translation>
    </message>
</context>
<context>
    <name>SessionTexts</name>
    <message>
        <location filename="../admin/session_texts.py" line="18"/>
        <source>Any payment</source>
        <translation>Semua bayaran</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="19"/>
        <source>RFID card</source>
        <translation>Kad RFID</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="20"/>
        <source>Card at the terminal</source>
        <translation>Kad di terminal</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="21"/>
        <source>Card by QR</source>
        <translation>Kad melalui QR</translation>
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
        <translation>Semua keadaan</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="32"/>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="33"/>
        <location filename="../admin/session_texts.py" line="36"/>
        <source>Charging</source>
        <translation>Mengecas</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="34"/>
        <source>Authorised</source>
        <translation>Dibenarkan</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="35"/>
        <source>Waiting for the car</source>
        <translation>Menunggu kereta</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="37"/>
        <source>Paused by the car</source>
        <translation>Dijeda oleh kereta</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="38"/>
        <source>Paused by the station</source>
        <translation>Dijeda oleh stesen</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="39"/>
        <source>Stopping</source>
        <translation>Sedang berhenti</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="40"/>
        <source>Charger not answering</source>
        <translation>Pengecas tidak menjawab</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="41"/>
        <source>Ended</source>
        <translation>Tamat</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="48"/>
        <source>Held</source>
        <translation>Ditahan</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="49"/>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="50"/>
        <source>Released</source>
        <translation>Dilepaskan</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="51"/>
        <source>Expired</source>
        <translation>Tamat tempoh</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="52"/>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="54"/>
        <source>In progress</source>
        <translation>Sedang diproses</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="60"/>
        <source>Refunded</source>
        <translation>Dipulangkan</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="61"/>
        <source>Refund pending at the bank</source>
        <translation>Bayaran balik menunggu di bank</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="62"/>
        <source>Refund not confirmed yet: the station will try again</source>
        <translation>Bayaran balik belum disahkan: stesen akan cuba lagi</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="65"/>
        <source>Refund failed</source>
        <translation>Bayaran balik gagal</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="73"/>
        <source>Customer asked</source>
        <translation>Permintaan pelanggan</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="74"/>
        <source>Charged twice</source>
        <translation>Dicaj dua kali</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="75"/>
        <source>Fraud</source>
        <translation>Penipuan</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="84"/>
        <source>You are signed out. Please sign in again.</source>
        <translation>Anda telah log keluar. Sila log masuk semula.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="85"/>
        <source>Your role may not do this.</source>
        <translation>Peranan anda tidak dibenarkan melakukan ini.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="88"/>
        <source>That is more than what is left to refund.</source>
        <translation>Itu melebihi baki yang boleh dipulangkan.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="91"/>
        <source>Everything paid was refunded already.</source>
        <translation>Semua bayaran telah dipulangkan.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="94"/>
        <source>The payment was not taken, so there is nothing to refund.</source>
        <translation>Bayaran tidak diambil, jadi tiada apa untuk dipulangkan.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="97"/>
        <source>This session was not paid at the station.</source>
        <translation>Sesi ini tidak dibayar di stesen.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="98"/>
        <source>This station takes no payments.</source>
        <translation>Stesen ini tidak menerima bayaran.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="99"/>
        <source>Please type an amount above zero.</source>
        <translation>Sila taip amaun melebihi sifar.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="100"/>
        <source>This session is not in the records.</source>
        <translation>Sesi ini tiada dalam rekod.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="101"/>
        <source>This session has no receipt.</source>
        <translation>Sesi ini tiada resit.</translation>
    </message>
    <message>
        <location filename="../admin/session_texts.py" line="103"/>
        <source>That did not work. Please try again.</source>
        <translation>Itu tidak berjaya. Sila cuba lagi.</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <location filename="../admin/sessions.py" line="116"/>
        <source>Sessions</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>7 days</source>
        <translation>7 hari</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="227"/>
        <source>30 days</source>
        <translation>30 hari</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="231"/>
        <source>Card…</source>
        <translation>Kad…</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="233"/>
        <source>All connectors</source>
        <translation>Semua penyambung</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="241"/>
        <source>Newer</source>
        <translation>Lebih baharu</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="241"/>
        <source>Older</source>
        <translation>Lebih lama</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="244"/>
        <source>Card number starts with:</source>
        <translation>Nombor kad bermula dengan:</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="246"/>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="247"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="248"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="264"/>
        <source>Loading…</source>
        <translation>Memuatkan…</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="266"/>
        <source>No sessions match these filters.</source>
        <translation>Tiada sesi sepadan dengan penapis ini.</translation>
    </message>
    <message>
        <location filename="../admin/sessions.py" line="269"/>
        <source>Sessions %1 to %2, newest first</source>
        <translation>Sesi %1 hingga %2, terbaharu dahulu</translation>
    </message>
</context>
<context>
    <name>StationTexts</name>
    <message>
        <location filename="../admin/station_texts.py" line="16"/>
        <source>Residual current trip</source>
        <translation>Pemutus arus baki terpelantik</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="17"/>
        <source>Emergency stop</source>
        <translation>Henti kecemasan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="18"/>
        <source>Overcurrent</source>
        <translation>Arus lebih</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="19"/>
        <source>Severe overcurrent</source>
        <translation>Arus lebih teruk</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="20"/>
        <source>Overvoltage</source>
        <translation>Voltan lebih</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="21"/>
        <source>Undervoltage</source>
        <translation>Voltan kurang</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="22"/>
        <source>Overtemperature</source>
        <translation>Suhu lampau</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="23"/>
        <source>Protective earth missing</source>
        <translation>Bumi pelindung tiada</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="24"/>
        <source>Welded contactor</source>
        <translation>Kontaktor terkimpal</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="25"/>
        <source>Contactor feedback mismatch</source>
        <translation>Maklum balas kontaktor tidak sepadan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="26"/>
        <source>Vehicle diode fault</source>
        <translation>Kerosakan diod kenderaan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="27"/>
        <source>Cable coding (PP) fault</source>
        <translation>Kerosakan pengekodan kabel (PP)</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="28"/>
        <source>Control pilot fault</source>
        <translation>Kerosakan pilot kawalan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="29"/>
        <source>Ventilation asked, not allowed</source>
        <translation>Pengudaraan diminta, tidak dibenarkan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="30"/>
        <source>Connector lock fault</source>
        <translation>Kerosakan kunci penyambung</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="31"/>
        <source>Self-test failed</source>
        <translation>Ujian kendiri gagal</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="44"/>
        <source>Charger link online</source>
        <translation>Pautan pengecas dalam talian</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="45"/>
        <source>Charger link degraded</source>
        <translation>Pautan pengecas merosot</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="46"/>
        <source>Charger link lost</source>
        <translation>Pautan pengecas terputus</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="47"/>
        <source>Charger link faulty</source>
        <translation>Pautan pengecas rosak</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="48"/>
        <source>Charger link connecting</source>
        <translation>Pautan pengecas sedang disambung</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="49"/>
        <source>Session interrupted</source>
        <translation>Sesi terganggu</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="50"/>
        <source>Session ended</source>
        <translation>Sesi tamat</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="51"/>
        <source>Session refused</source>
        <translation>Sesi ditolak</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="52"/>
        <source>Setting changed</source>
        <translation>Tetapan diubah</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="53"/>
        <source>Station started</source>
        <translation>Stesen dimulakan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="54"/>
        <source>Station stopping</source>
        <translation>Stesen sedang berhenti</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="55"/>
        <source>Self-test run</source>
        <translation>Ujian kendiri dijalankan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="56"/>
        <source>Payment hold lapsed</source>
        <translation>Tahanan bayaran luput</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="57"/>
        <source>Late payment given back</source>
        <translation>Bayaran lewat dipulangkan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="64"/>
        <location filename="../admin/station_texts.py" line="73"/>
        <source>%1 cleared</source>
        <translation>%1 dipulihkan</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="69"/>
        <source>Update: %1</source>
        <translation>Kemas kini: %1</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="81"/>
        <source>downloading</source>
        <translation>memuat turun</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="82"/>
        <source>downloaded</source>
        <translation>dimuat turun</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="83"/>
        <source>download failed</source>
        <translation>muat turun gagal</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="84"/>
        <source>installing</source>
        <translation>memasang</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="85"/>
        <source>installed</source>
        <translation>dipasang</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="86"/>
        <source>installation failed</source>
        <translation>pemasangan gagal</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="119"/>
        <source>%1: contactor at %2 % of its rated life</source>
        <translation>%1: kontaktor pada %2 % hayat kadarannya</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="122"/>
        <source>%1: temperature rise per A² at %2 × its baseline (check the terminals&apos; torque)</source>
        <translation>%1: kenaikan suhu setiap A² pada %2 × garis asasnya (periksa tork terminal)</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="127"/>
        <source>%1: %2 × %3 in 30 days (usually %4)</source>
        <translation>%1: %2 × %3 dalam 30 hari (biasanya %4)</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="132"/>
        <source>%1: meter and V × I differ by %2 % over 30 days</source>
        <translation>%1: meter dan V × I berbeza %2 % dalam 30 hari</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="137"/>
        <source>Charger %1: %2 % of polls missed, %3 reconnections a day over %4 days</source>
        <translation>Pengecas %1: %2 % tinjauan terlepas, %3 sambungan semula sehari dalam %4 hari</translation>
    </message>
    <message>
        <location filename="../admin/station_texts.py" line="158"/>
        <source>Maintenance alarm: %1</source>
        <translation>Penggera penyelenggaraan: %1</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../screens/summary.py" line="142"/>
        <source>Session ended</source>
        <translation>Sesi tamat</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="143"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="155"/>
        <source>Reference %1</source>
        <translation>Rujukan %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="157"/>
        <source>Energy: %1</source>
        <translation>Tenaga: %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="159"/>
        <source>Duration: %1</source>
        <translation>Tempoh: %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="201"/>
        <source>Paid: %1</source>
        <translation>Dibayar: %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="196"/>
        <source>%1 refunded</source>
        <translation>%1 dikembalikan</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="208"/>
        <source>Receipt</source>
        <translation>Resit</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="200"/>
        <source>%1 released</source>
        <translation>%1 dilepaskan</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="208"/>
        <source>Receipt %1</source>
        <translation>Resit %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="223"/>
        <source>Please unplug and move your car.</source>
        <translation>Sila cabut palam dan alihkan kereta anda.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="83"/>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <location filename="../texts.py" line="95"/>
        <source>Waiting for the car</source>
        <translation>Menunggu kereta</translation>
    </message>
    <message>
        <location filename="../texts.py" line="72"/>
        <location filename="../texts.py" line="99"/>
        <source>Charging</source>
        <translation>Mengecas</translation>
    </message>
    <message>
        <location filename="../texts.py" line="125"/>
        <source>Reserved</source>
        <translation>Ditempah</translation>
    </message>
    <message>
        <location filename="../texts.py" line="127"/>
        <source>Out of service</source>
        <translation>Tidak berfungsi</translation>
    </message>
    <message>
        <location filename="../texts.py" line="131"/>
        <source>Fault</source>
        <translation>Rosak</translation>
    </message>
    <message>
        <location filename="../texts.py" line="133"/>
        <source>Not responding</source>
        <translation>Tidak bertindak balas</translation>
    </message>
    <message>
        <location filename="../texts.py" line="144"/>
        <source>The residual current protection tripped.</source>
        <translation>Pemutus litar arus baki (RCD) telah terputus.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="145"/>
        <source>The emergency stop was pressed.</source>
        <translation>Butang henti kecemasan telah ditekan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="146"/>
        <source>The car drew more current than offered.</source>
        <translation>Kereta menarik arus lebih daripada yang ditawarkan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="73"/>
        <source>Car plugged in</source>
        <translation>Kereta disambung</translation>
    </message>
    <message>
        <location filename="../texts.py" line="74"/>
        <source>Car paused</source>
        <translation>Kereta berhenti seketika</translation>
    </message>
    <message>
        <location filename="../texts.py" line="75"/>
        <source>Please unplug</source>
        <translation>Sila cabut palam</translation>
    </message>
    <message>
        <location filename="../texts.py" line="76"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../texts.py" line="85"/>
        <source>Cannot start now</source>
        <translation>Tidak boleh mula sekarang</translation>
    </message>
    <message>
        <location filename="../texts.py" line="90"/>
        <source>Car plugged in: tap card</source>
        <translation>Kereta disambung: sentuh kad</translation>
    </message>
    <message>
        <location filename="../texts.py" line="101"/>
        <source>Charging, power shared</source>
        <translation>Mengecas, kuasa dikongsi</translation>
    </message>
    <message>
        <location filename="../texts.py" line="106"/>
        <source>Car paused or full</source>
        <translation>Kereta berhenti atau penuh</translation>
    </message>
    <message>
        <location filename="../texts.py" line="111"/>
        <source>Waiting for power</source>
        <translation>Menunggu kuasa</translation>
    </message>
    <message>
        <location filename="../texts.py" line="116"/>
        <source>Stopping</source>
        <translation>Sedang berhenti</translation>
    </message>
    <message>
        <location filename="../texts.py" line="121"/>
        <source>Finished: please unplug</source>
        <translation>Selesai: sila cabut palam</translation>
    </message>
    <message>
        <location filename="../texts.py" line="147"/>
        <source>The mains voltage is out of range.</source>
        <translation>Voltan bekalan elektrik di luar julat.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="148"/>
        <source>The charger is too hot.</source>
        <translation>Pengecas terlalu panas.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="149"/>
        <source>The earth connection is faulty.</source>
        <translation>Sambungan bumi rosak.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="150"/>
        <location filename="../texts.py" line="151"/>
        <source>The charger&apos;s switch is faulty.</source>
        <translation>Suis pengecas rosak.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="152"/>
        <source>The car does not answer the charger correctly.</source>
        <translation>Kereta tidak membalas pengecas dengan betul.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="155"/>
        <source>The cable is damaged or not supported.</source>
        <translation>Kabel rosak atau tidak disokong.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="156"/>
        <source>The cable lock does not work.</source>
        <translation>Kunci kabel tidak berfungsi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="157"/>
        <source>The car needs ventilation, which this charger lacks.</source>
        <translation>Kereta memerlukan pengudaraan, yang tiada pada pengecas ini.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="160"/>
        <source>The charger failed its self-test.</source>
        <translation>Pengecas gagal ujian kendiri.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="161"/>
        <source>The station lost contact with the charger.</source>
        <translation>Stesen terputus hubungan dengan pengecas.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="163"/>
        <source>The charger detected a fault.</source>
        <translation>Pengecas mengesan kerosakan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="168"/>
        <source>This card is not known here.</source>
        <translation>Kad ini tidak dikenali di sini.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="169"/>
        <source>This card is blocked.</source>
        <translation>Kad ini telah disekat.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="170"/>
        <source>This card has expired.</source>
        <translation>Kad ini telah tamat tempoh.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="171"/>
        <source>This card is not valid.</source>
        <translation>Kad ini tidak sah.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="172"/>
        <source>This card is already charging elsewhere.</source>
        <translation>Kad ini sedang digunakan untuk mengecas di tempat lain.</translation>
    </message>
    <message>
        <location filename="../payment_texts.py" line="30"/>
        <location filename="../texts.py" line="173"/>
        <source>Every connector is in use. Please wait until one is free.</source>
        <translation>Semua penyambung sedang digunakan. Sila tunggu sehingga ada yang kosong.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="184"/>
        <source>The card reader is not working. Charging cannot start now.</source>
        <translation>Pembaca kad tidak berfungsi. Pengecasan tidak boleh dimulakan sekarang.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="217"/>
        <source>Helpline: %1</source>
        <translation>Talian bantuan: %1</translation>
    </message>
    <message>
        <location filename="../texts.py" line="227"/>
        <source>Connector %1</source>
        <translation>Penyambung %1</translation>
    </message>
    <message>
        <location filename="../texts.py" line="176"/>
        <location filename="../texts.py" line="194"/>
        <source>The card could not be read. Please try again.</source>
        <translation>Kad tidak dapat dibaca. Sila cuba lagi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="177"/>
        <source>The card could not be checked. Please try again.</source>
        <translation>Kad tidak dapat disemak. Sila cuba lagi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="179"/>
        <source>The card was not accepted.</source>
        <translation>Kad tidak diterima.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="188"/>
        <source>The card reader is not working: pay by card or by phone below.</source>
        <translation>Pembaca kad tidak berfungsi: bayar dengan kad atau telefon di bawah.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="191"/>
        <source>The card was removed too soon. Hold it still and try again.</source>
        <translation>Kad dialihkan terlalu awal. Pegang kad dengan tetap dan cuba lagi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="202"/>
        <source>You stopped charging.</source>
        <translation>Anda telah menghentikan pengecasan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="203"/>
        <source>The cable was unplugged.</source>
        <translation>Kabel telah dicabut.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="204"/>
        <source>The operator stopped charging.</source>
        <translation>Pengendali telah menghentikan pengecasan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="205"/>
        <source>Charging stopped because of a fault.</source>
        <translation>Pengecasan terhenti kerana kerosakan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="206"/>
        <location filename="../texts.py" line="210"/>
        <source>Charging stopped.</source>
        <translation>Pengecasan terhenti.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="207"/>
        <source>Charging stopped after a power cut.</source>
        <translation>Pengecasan terhenti selepas gangguan bekalan elektrik.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="208"/>
        <source>The card was no longer accepted.</source>
        <translation>Kad tidak lagi diterima.</translation>
    </message>
</context>
</TS>
