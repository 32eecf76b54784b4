<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms_MY">
<context>
    <name>AuthoriseScreen</name>
    <message>
        <location filename="../screens/authorise.py" line="57"/>
        <source>Hold your card to the reader</source>
        <translation>Letakkan kad anda pada pembaca</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="58"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="65"/>
        <source>Try another card, or call the helpline: %1</source>
        <translation>Cuba kad lain, atau hubungi talian bantuan: %1</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="69"/>
        <location filename="../screens/authorise.py" line="72"/>
        <source>Helpline: %1</source>
        <translation>Talian bantuan: %1</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="71"/>
        <source>Charging could not start on this connector.</source>
        <translation>Pengecasan tidak dapat dimulakan pada penyambung ini.</translation>
    </message>
    <message>
        <location filename="../screens/authorise.py" line="75"/>
        <source>The reader is below the screen, marked with the card symbol.</source>
        <translation>Pembaca terletak di bawah skrin, bertanda simbol kad.</translation>
    </message>
</context>
<context>
    <name>ChargingScreen</name>
    <message>
        <location filename="../screens/charging.py" line="121"/>
        <location filename="../screens/charging.py" line="141"/>
        <source>Stopping...</source>
        <translation>Sedang menghentikan...</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="134"/>
        <source>Connector %1</source>
        <translation>Penyambung %1</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="135"/>
        <source>Energy</source>
        <translation>Tenaga</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="136"/>
        <source>Power</source>
        <translation>Kuasa</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="137"/>
        <source>Time</source>
        <translation>Masa</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="141"/>
        <source>Stop charging</source>
        <translation>Hentikan pengecasan</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="142"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="146"/>
        <source>Tap the same card or press Stop to end. Unplugging also ends it.</source>
        <translation>Ketik kad yang sama atau tekan Hentikan untuk tamat. Mencabut kabel juga menamatkannya.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="150"/>
        <source>To stop, tap the card that started this session.</source>
        <translation>Untuk berhenti, ketik kad yang memulakan sesi ini.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="148"/>
        <source>Press Stop to end. Unplugging also ends it.</source>
        <translation>Tekan Hentikan untuk tamat. Mencabut kabel juga menamatkannya.</translation>
    </message>
    <message>
        <location filename="../screens/charging.py" line="153"/>
        <source>The card reader is not working. Unplugging the car ends this session.</source>
        <translation>Pembaca kad tidak berfungsi. Mencabut kabel kenderaan menamatkan sesi ini.</translation>
    </message>
</context>
<context>
    <name>FaultScreen</name>
    <message>
        <location filename="../screens/fault.py" line="46"/>
        <source>Connector %1 has a fault</source>
        <translation>Penyambung %1 rosak</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="52"/>
        <source>Your session has ended. You pay only for the energy delivered: %1.</source>
        <translation>Sesi anda telah tamat. Anda hanya membayar tenaga yang dibekalkan: %1.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="59"/>
        <source>Your session has ended. You pay only for the energy delivered.</source>
        <translation>Sesi anda telah tamat. Anda hanya membayar tenaga yang dibekalkan.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="61"/>
        <source>Please use another connector.</source>
        <translation>Sila gunakan penyambung lain.</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="62"/>
        <source>Helpline: %1</source>
        <translation>Talian bantuan: %1</translation>
    </message>
    <message>
        <location filename="../screens/fault.py" line="63"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../i18n.py" line="94"/>
        <source>%1 kWh</source>
        <translation>%1 kWh</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="100"/>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="111"/>
        <source>%1 h %2 min</source>
        <translation>%1 j %2 min</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="113"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../screens/idle.py" line="91"/>
        <source>Connectors</source>
        <translation>Penyambung</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="92"/>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="104"/>
        <source>Tap your card on the reader to start</source>
        <translation>Ketik kad anda pada pembaca untuk bermula</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="105"/>
        <source>Start with a card</source>
        <translation>Mula dengan kad</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="102"/>
        <source>Helpline: %1</source>
        <translation>Talian bantuan: %1</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="108"/>
        <source>not available now</source>
        <translation>tidak tersedia buat masa ini</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="110"/>
        <source>Other ways to pay</source>
        <translation>Cara bayaran lain</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="113"/>
        <source>coming soon</source>
        <translation>akan datang</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="115"/>
        <source>Bank card</source>
        <translation>Kad bank</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="117"/>
        <source>QR code</source>
        <translation>Kod QR</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="129"/>
        <source>Connector %1</source>
        <translation>Penyambung %1</translation>
    </message>
    <message>
        <location filename="../screens/idle.py" line="136"/>
        <source>up to %1</source>
        <translation>sehingga %1</translation>
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
    <message>
        <location filename="../screens/out_of_service.py" line="43"/>
        <source>Helpline: %1</source>
        <translation>Talian bantuan: %1</translation>
    </message>
</context>
<context>
    <name>PickConnectorScreen</name>
    <message>
        <location filename="../screens/pick_connector.py" line="52"/>
        <source>Choose a connector</source>
        <translation>Pilih penyambung</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="53"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../screens/pick_connector.py" line="60"/>
        <source>Connector %1, up to %2</source>
        <translation>Penyambung %1, sehingga %2</translation>
    </message>
</context>
<context>
    <name>PlugInScreen</name>
    <message>
        <location filename="../screens/plug_in.py" line="93"/>
        <source>Time left to plug in: %1 s</source>
        <translation>Masa untuk menyambung kabel: %1 s</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="104"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="106"/>
        <source>No car was plugged in</source>
        <translation>Tiada kereta disambungkan</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="107"/>
        <source>The authorisation has lapsed. Tap your card to start again.</source>
        <translation>Kebenaran telah tamat. Ketik kad anda untuk bermula semula.</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="110"/>
        <source>Plug in at connector %1</source>
        <translation>Sambungkan kabel pada penyambung %1</translation>
    </message>
    <message>
        <location filename="../screens/plug_in.py" line="111"/>
        <source>Charging starts by itself when the cable is in the car.</source>
        <translation>Pengecasan bermula sendiri apabila kabel disambung ke kereta.</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../screens/summary.py" line="85"/>
        <source>Charging complete</source>
        <translation>Pengecasan selesai</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="86"/>
        <source>Receipt: coming soon</source>
        <translation>Resit: akan datang</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="87"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="94"/>
        <source>Energy: %1</source>
        <translation>Tenaga: %1</translation>
    </message>
    <message>
        <location filename="../screens/summary.py" line="96"/>
        <source>Duration: %1</source>
        <translation>Tempoh: %1</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="18"/>
        <source>Car plugged in: tap your card</source>
        <translation>Kereta disambungkan: ketik kad anda</translation>
    </message>
    <message>
        <location filename="../texts.py" line="20"/>
        <source>Charging, limited by the site</source>
        <translation>Sedang mengecas, dihadkan oleh tapak</translation>
    </message>
    <message>
        <location filename="../texts.py" line="22"/>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <location filename="../texts.py" line="23"/>
        <source>Waiting for the car</source>
        <translation>Menunggu kereta</translation>
    </message>
    <message>
        <location filename="../texts.py" line="24"/>
        <source>Charging</source>
        <translation>Sedang mengecas</translation>
    </message>
    <message>
        <location filename="../texts.py" line="25"/>
        <source>Paused by the car</source>
        <translation>Dijeda oleh kereta</translation>
    </message>
    <message>
        <location filename="../texts.py" line="26"/>
        <source>Paused by the station</source>
        <translation>Dijeda oleh stesen</translation>
    </message>
    <message>
        <location filename="../texts.py" line="27"/>
        <source>Finishing</source>
        <translation>Sedang menamatkan</translation>
    </message>
    <message>
        <location filename="../texts.py" line="28"/>
        <source>Reserved</source>
        <translation>Ditempah</translation>
    </message>
    <message>
        <location filename="../texts.py" line="29"/>
        <source>Out of service</source>
        <translation>Tidak berfungsi</translation>
    </message>
    <message>
        <location filename="../texts.py" line="30"/>
        <source>Fault</source>
        <translation>Rosak</translation>
    </message>
    <message>
        <location filename="../texts.py" line="31"/>
        <source>Not responding</source>
        <translation>Tidak bertindak balas</translation>
    </message>
    <message>
        <location filename="../texts.py" line="50"/>
        <source>The residual current protection tripped.</source>
        <translation>Perlindungan arus baki telah terpelantik.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="51"/>
        <source>The emergency stop was pressed.</source>
        <translation>Butang henti kecemasan telah ditekan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="52"/>
        <location filename="../texts.py" line="53"/>
        <source>The car drew more current than offered.</source>
        <translation>Kereta menarik arus lebih daripada yang ditawarkan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="54"/>
        <source>The grid voltage is too high.</source>
        <translation>Voltan grid terlalu tinggi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="55"/>
        <source>The grid voltage is too low.</source>
        <translation>Voltan grid terlalu rendah.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="56"/>
        <source>The charger is too hot.</source>
        <translation>Pengecas terlalu panas.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="57"/>
        <source>The earth connection is faulty.</source>
        <translation>Sambungan bumi rosak.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="58"/>
        <location filename="../texts.py" line="59"/>
        <source>The charger&apos;s switch is faulty.</source>
        <translation>Suis pengecas rosak.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="60"/>
        <location filename="../texts.py" line="61"/>
        <source>The car does not answer the charger correctly.</source>
        <translation>Kereta tidak membalas pengecas dengan betul.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="62"/>
        <source>The cable is damaged or not supported.</source>
        <translation>Kabel rosak atau tidak disokong.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="63"/>
        <source>The cable lock does not work.</source>
        <translation>Kunci kabel tidak berfungsi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="64"/>
        <source>The car needs ventilation, which this charger lacks.</source>
        <translation>Kereta memerlukan pengudaraan, yang tiada pada pengecas ini.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="67"/>
        <source>The charger failed its self-test.</source>
        <translation>Pengecas gagal ujian kendiri.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="68"/>
        <source>The station lost contact with the charger.</source>
        <translation>Stesen terputus hubungan dengan pengecas.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="70"/>
        <source>The charger detected a fault.</source>
        <translation>Pengecas mengesan kerosakan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="75"/>
        <source>This card is not known here.</source>
        <translation>Kad ini tidak dikenali di sini.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="76"/>
        <source>This card is blocked.</source>
        <translation>Kad ini telah disekat.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="77"/>
        <source>This card has expired.</source>
        <translation>Kad ini telah tamat tempoh.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="78"/>
        <source>This card is not valid.</source>
        <translation>Kad ini tidak sah.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="79"/>
        <source>This card is already charging elsewhere.</source>
        <translation>Kad ini sedang digunakan untuk mengecas di tempat lain.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="80"/>
        <source>No connector is free right now.</source>
        <translation>Tiada penyambung yang kosong sekarang.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="81"/>
        <location filename="../texts.py" line="95"/>
        <source>The card could not be read. Please try again.</source>
        <translation>Kad tidak dapat dibaca. Sila cuba lagi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="82"/>
        <source>The card could not be checked. Please try again.</source>
        <translation>Kad tidak dapat disemak. Sila cuba lagi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="84"/>
        <source>The card was not accepted.</source>
        <translation>Kad tidak diterima.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="89"/>
        <source>The card reader is not working. Please call the helpline.</source>
        <translation>Pembaca kad tidak berfungsi. Sila hubungi talian bantuan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="92"/>
        <source>The card was removed too soon. Hold it still and try again.</source>
        <translation>Kad dialihkan terlalu awal. Pegang kad dengan tetap dan cuba lagi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="103"/>
        <source>You stopped charging.</source>
        <translation>Anda telah menghentikan pengecasan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="104"/>
        <source>The cable was unplugged.</source>
        <translation>Kabel telah dicabut.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="105"/>
        <source>The operator stopped charging.</source>
        <translation>Pengendali telah menghentikan pengecasan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="106"/>
        <source>Charging stopped because of a fault.</source>
        <translation>Pengecasan terhenti kerana kerosakan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="107"/>
        <location filename="../texts.py" line="111"/>
        <source>Charging stopped.</source>
        <translation>Pengecasan terhenti.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="108"/>
        <source>Charging stopped after a power cut.</source>
        <translation>Pengecasan terhenti selepas gangguan bekalan elektrik.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="109"/>
        <source>The card was no longer accepted.</source>
        <translation>Kad tidak lagi diterima.</translation>
    </message>
</context>
</TS>
