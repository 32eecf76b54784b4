<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms_MY">
<context>
    <name>AnalyticsScreen</name>
    <message>
        <location filename="../admin/analytics.py" line="149"/>
        <source>Analytics</source>
        <translation>Analitik</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="168"/>
        <source>Loading…</source>
        <translation>Memuatkan…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="203"/>
        <source>Writing the report to the USB drive…</source>
        <translation>Menulis laporan ke pemacu USB…</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="242"/>
        <source>%1 %2:00: %3 kW mean power, %4 sessions at a time</source>
        <translation>%1 %2:00: kuasa purata %3 kW, %4 sesi serentak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="255"/>
        <source>Written to %1: %2</source>
        <translation>Ditulis ke %1: %2</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="269"/>
        <source>Your role may not do this</source>
        <translation>Peranan anda tidak dibenarkan melakukan ini</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="272"/>
        <source>This station runs without its analytics</source>
        <translation>Stesen ini berjalan tanpa analitik</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="273"/>
        <source>No USB drive found: plug one in and try again</source>
        <translation>Tiada pemacu USB ditemui: pasangkan satu dan cuba lagi</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="274"/>
        <source>The export folder is missing: is the USB drive plugged in?</source>
        <translation>Folder eksport tiada: adakah pemacu USB dipasang?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="275"/>
        <source>The USB drive cannot be written: is it full or locked?</source>
        <translation>Pemacu USB tidak boleh ditulis: adakah ia penuh atau dikunci?</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="276"/>
        <source>Writing to the USB drive failed: try another drive</source>
        <translation>Gagal menulis ke pemacu USB: cuba pemacu lain</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="277"/>
        <source>That charger or connector is no longer known</source>
        <translation>Pengecas atau penyambung itu tidak lagi dikenali</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="279"/>
        <source>The figures could not be read: try again</source>
        <translation>Angka tidak dapat dibaca: cuba lagi</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="301"/>
        <source>Connector %1</source>
        <translation>Penyambung %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="303"/>
        <source>Charger %1</source>
        <translation>Pengecas %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="304"/>
        <source>Whole site</source>
        <translation>Seluruh tapak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="317"/>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="318"/>
        <source>Last month</source>
        <translation>Bulan lepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="319"/>
        <source>Last 12 months</source>
        <translation>12 bulan lepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="324"/>
        <source>Usage</source>
        <translation>Penggunaan</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="325"/>
        <source>Revenue</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="326"/>
        <source>Peak hours</source>
        <translation>Waktu puncak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="327"/>
        <source>Site peak</source>
        <translation>Puncak tapak</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="328"/>
        <location filename="../admin/analytics_pages.py" line="164"/>
        <source>Uptime</source>
        <translation>Masa operasi</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="329"/>
        <source>Alarms</source>
        <translation>Penggera</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="333"/>
        <source>Export to USB</source>
        <translation>Eksport ke USB</translation>
    </message>
    <message>
        <location filename="../admin/analytics.py" line="335"/>
        <source>State timeline</source>
        <translation>Garis masa keadaan</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="23"/>
        <source>RFID card</source>
        <translation>Kad RFID</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="24"/>
        <source>Card at the terminal</source>
        <translation>Kad di terminal</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="25"/>
        <source>Card on the QR page</source>
        <translation>Kad di halaman QR</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="34"/>
        <source>Contactor wear</source>
        <translation>Kehausan kontaktor</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="35"/>
        <source>Connector running hot</source>
        <translation>Penyambung terlalu panas</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="36"/>
        <source>More faults than usual</source>
        <translation>Lebih banyak kerosakan daripada biasa</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="37"/>
        <source>Meter reads off</source>
        <translation>Bacaan meter tersasar</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="38"/>
        <source>Charger link unreliable</source>
        <translation>Pautan pengecas tidak stabil</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="46"/>
        <source>life used %</source>
        <translation>hayat digunakan %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="47"/>
        <source>equivalent operations</source>
        <translation>operasi setara</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="48"/>
        <source>operations</source>
        <translation>operasi</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="49"/>
        <source>unseen operations</source>
        <translation>operasi tidak dilihat</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="50"/>
        <source>per day</source>
        <translation>sehari</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="51"/>
        <source>replace by</source>
        <translation>ganti sebelum</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="52"/>
        <source>baseline m°C/A²</source>
        <translation>asas m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="53"/>
        <source>recent m°C/A²</source>
        <translation>terkini m°C/A²</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="54"/>
        <source>ratio</source>
        <translation>nisbah</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="55"/>
        <source>fault</source>
        <translation>kerosakan</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="56"/>
        <source>last 30 days</source>
        <translation>30 hari lepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="57"/>
        <source>usual per 30 days</source>
        <translation>biasa setiap 30 hari</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="58"/>
        <source>metered Wh</source>
        <translation>Wh meter</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="59"/>
        <source>V x I Wh</source>
        <translation>V x I Wh</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="60"/>
        <source>drift %</source>
        <translation>sasaran %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="61"/>
        <source>polls</source>
        <translation>tinjauan</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="62"/>
        <source>missed polls</source>
        <translation>tinjauan terlepas</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="63"/>
        <source>missed %</source>
        <translation>terlepas %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="64"/>
        <source>reconnections</source>
        <translation>sambungan semula</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="65"/>
        <source>days</source>
        <translation>hari</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="85"/>
        <source>Energy per month (kWh)</source>
        <translation>Tenaga sebulan (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="88"/>
        <source>Energy per day (kWh)</source>
        <translation>Tenaga sehari (kWh)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="105"/>
        <source>Revenue is shown to operators only.</source>
        <translation>Hasil hanya ditunjukkan kepada pengendali.</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="108"/>
        <source>Gross by payment method (%1)</source>
        <translation>Kasar mengikut kaedah bayaran (%1)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="140"/>
        <source>Site peak per day against the limit (kW)</source>
        <translation>Puncak tapak sehari berbanding had (kW)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="142"/>
        <source>Peak</source>
        <translation>Puncak</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="144"/>
        <source>Limit</source>
        <translation>Had</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="163"/>
        <source>Uptime per month (%)</source>
        <translation>Masa operasi sebulan (%)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="208"/>
        <source>Raised %1</source>
        <translation>Dinaikkan %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="216"/>
        <source>No open alarms</source>
        <translation>Tiada penggera terbuka</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="219"/>
        <source>%1 % of its life used; replace by %2</source>
        <translation>%1 % hayat telah digunakan; ganti sebelum %2</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="222"/>
        <source>Contactor %1</source>
        <translation>Kontaktor %1</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="232"/>
        <source>%1 sessions, %2 kWh, occupied %3 %</source>
        <translation>%1 sesi, %2 kWh, diduduki %3 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="242"/>
        <source>Gross %1, net %2, refunds %3 (%4)</source>
        <translation>Kasar %1, bersih %2, bayaran balik %3 (%4)</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="250"/>
        <source>Mean power by weekday and hour (kW): tap a cell</source>
        <translation>Kuasa purata mengikut hari dan jam (kW): sentuh satu petak</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="258"/>
        <source>Highest %1 kW on %2: %3 % of the limit</source>
        <translation>Tertinggi %1 kW pada %2: %3 % daripada had</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="265"/>
        <source>Uptime %1 %, last 12 months %2 %</source>
        <translation>Masa operasi %1 %, 12 bulan lepas %2 %</translation>
    </message>
    <message>
        <location filename="../admin/analytics_pages.py" line="269"/>
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
        <location filename="../screens/idle.py" line="156"/>
        <source>Tap your card to start</source>
        <translation>Sentuh kad untuk bermula</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="157"/>
        <source>Pay by card</source>
        <translation>Bayar dengan kad</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="158"/>
        <source>Pay by phone (QR)</source>
        <translation>Bayar dengan telefon (QR)</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="190"/>
        <source>Card payments: %1 is held, you pay only what you use</source>
        <translation>Bayaran kad: %1 akan ditahan, anda bayar hanya apa yang digunakan</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../app.py" line="224"/>
        <source>EV charging</source>
        <translation>Pengecasan EV</translation>
    </message>
    <message>
        <location filename="../app.py" line="227"/>
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
