<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms_MY" sourcelanguage="en">
<context>
    <name>SimPanel</name>
    <message>
        <location filename="../sim_panel.py" line="60"/>
        <source>Small city car, 40 kWh, 16 A single-phase</source>
        <translation>Kereta bandar kecil, 40 kWh, 16 A satu fasa</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="61"/>
        <source>Family car, 60 kWh, 32 A three-phase</source>
        <translation>Kereta keluarga, 60 kWh, 32 A tiga fasa</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="62"/>
        <source>Large SUV, 100 kWh, 32 A three-phase</source>
        <translation>SUV besar, 100 kWh, 32 A tiga fasa</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="82"/>
        <source>Ground fault</source>
        <translation>Kerosakan pembumian</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="83"/>
        <source>Over-temperature</source>
        <translation>Suhu terlampau tinggi</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="84"/>
        <source>Emergency stop</source>
        <translation>Henti kecemasan</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="85"/>
        <source>Link lost</source>
        <translation>Sambungan terputus</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="171"/>
        <source>Charger %1</source>
        <translation>Pengecas %1</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="176"/>
        <source>Car:</source>
        <translation>Kereta:</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="181"/>
        <source>Battery:</source>
        <translation>Bateri:</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="182"/>
        <source>Plug in</source>
        <translation>Sambungkan</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="183"/>
        <source>Unplug</source>
        <translation>Cabut</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="184"/>
        <source>Pause car</source>
        <translation>Jeda kereta</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="185"/>
        <source>Faults:</source>
        <translation>Kerosakan:</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="193"/>
        <source>No answer from the simulator</source>
        <translation>Tiada jawapan daripada simulator</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="196"/>
        <source>No car</source>
        <translation>Tiada kereta</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="199"/>
        <source>Car: state %1, battery %2 %, %3 kW</source>
        <translation>Kereta: keadaan %1, bateri %2 %, %3 kW</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="205"/>
        <source>(fault)</source>
        <translation>(rosak)</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="306"/>
        <source>Simulator panel</source>
        <translation>Panel simulator</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="307"/>
        <source>Simulated chargers and cards (demo only)</source>
        <translation>Pengecas dan kad simulasi (demo sahaja)</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="308"/>
        <source>Virtual card reader</source>
        <translation>Pembaca kad maya</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="309"/>
        <source>Tap this card</source>
        <translation>Ketik kad ini</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="310"/>
        <source>Tap a blocked card</source>
        <translation>Ketik kad yang disekat</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="311"/>
        <source>Tap an unknown card</source>
        <translation>Ketik kad yang tidak dikenali</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="331"/>
        <source>The simulator refused: %1</source>
        <translation>Simulator menolak: %1</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="345"/>
        <source>Card %1: %2</source>
        <translation>Kad %1: %2</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="380"/>
        <source>authorised</source>
        <translation>dibenarkan</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="381"/>
        <source>stops its session</source>
        <translation>menghentikan sesinya</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="382"/>
        <source>refused</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="383"/>
        <source>no connector free</source>
        <translation>tiada penyambung kosong</translation>
    </message>
    <message>
        <location filename="../sim_panel.py" line="384"/>
        <source>could not be checked</source>
        <translation>tidak dapat disemak</translation>
    </message>
</context>
</TS>
