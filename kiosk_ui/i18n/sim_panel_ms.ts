<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms_MY" sourcelanguage="en">
<context>
    <name>SimPanel</name>
    <message>
        <location filename="../sim_panel.py" line="66"/>
        <source>Small city car, 40 kWh, 16 A single-phase</source>
        <translation>Kereta bandar kecil, 40 kWh, 16 A satu fasa</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="67"/>
        <source>Family car, 60 kWh, 32 A three-phase</source>
        <translation>Kereta keluarga, 60 kWh, 32 A tiga fasa</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="68"/>
        <source>Large SUV, 100 kWh, 32 A three-phase</source>
        <translation>SUV besar, 100 kWh, 32 A tiga fasa</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="88"/>
        <source>Ground fault</source>
        <translation>Kerosakan pembumian</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="89"/>
        <source>Over-temperature</source>
        <translation>Suhu terlampau tinggi</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="90"/>
        <source>Emergency stop</source>
        <translation>Henti kecemasan</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="91"/>
        <source>Link lost</source>
        <translation>Sambungan terputus</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="177"/>
        <source>Charger %1</source>
        <translation>Pengecas %1</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="182"/>
        <source>Car:</source>
        <translation>Kereta:</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="187"/>
        <source>Battery:</source>
        <translation>Bateri:</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="188"/>
        <source>Plug in</source>
        <translation>Sambungkan</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="189"/>
        <source>Unplug</source>
        <translation>Cabut</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="190"/>
        <source>Pause car</source>
        <translation>Jeda kereta</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="191"/>
        <source>Faults:</source>
        <translation>Kerosakan:</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="199"/>
        <source>No answer from the simulator</source>
        <translation>Tiada jawapan daripada simulator</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="202"/>
        <source>No car</source>
        <translation>Tiada kereta</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="205"/>
        <source>Car: state %1, battery %2 %, %3 kW</source>
        <translation>Kereta: keadaan %1, bateri %2 %, %3 kW</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="211"/>
        <source>(fault)</source>
        <translation>(rosak)</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="329"/>
        <source>Simulator panel</source>
        <translation>Panel simulator</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="330"/>
        <source>Simulated chargers and cards (demo only)</source>
        <translation>Pengecas dan kad simulasi (demo sahaja)</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="331"/>
        <source>Virtual card reader</source>
        <translation>Pembaca kad maya</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="332"/>
        <source>Tap this card</source>
        <translation>Ketik kad ini</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="333"/>
        <source>Tap a blocked card</source>
        <translation>Ketik kad yang disekat</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="334"/>
        <source>Tap an unknown card</source>
        <translation>Ketik kad yang tidak dikenali</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="354"/>
        <source>The simulator refused: %1</source>
        <translation>Simulator menolak: %1</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="368"/>
        <source>Card %1: %2</source>
        <translation>Kad %1: %2</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="427"/>
        <source>authorised</source>
        <translation>dibenarkan</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="428"/>
        <source>stops its session</source>
        <translation>menghentikan sesinya</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="429"/>
        <source>refused</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="430"/>
        <source>no connector free</source>
        <translation>tiada penyambung kosong</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="431"/>
        <source>could not be checked</source>
        <translation>tidak dapat disemak</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="432"/>
        <source>taken by the staff sign-in</source>
        <translation>diambil oleh log masuk kakitangan</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="335"/>
        <source>Simulated card terminal and phone</source>
        <translation>Terminal kad dan telefon simulasi</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="382"/>
        <source>Refused: %1</source>
        <translation>Ditolak: %1</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="384"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="417"/>
        <source>Present a test card at the terminal</source>
        <translation>Tunjukkan kad ujian pada terminal</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="418"/>
        <source>Present a card that is declined</source>
        <translation>Tunjukkan kad yang ditolak</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="419"/>
        <source>Pay the QR page by card</source>
        <translation>Bayar halaman QR dengan kad</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="420"/>
        <source>Pay the QR page by FPX</source>
        <translation>Bayar halaman QR dengan FPX</translation>
    </message>
</context>
</TS>
