<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms_MY" sourcelanguage="en">
    <context>
        <name>SimPanel</name>
        <message>
            <source>Small city car, 40 kWh, 16 A single-phase</source>
            <translation>Kereta bandar kecil, 40 kWh, 16 A satu fasa</translation>
        </message>
        <message>
            <source>Family car, 60 kWh, 32 A three-phase</source>
            <translation>Kereta keluarga, 60 kWh, 32 A tiga fasa</translation>
        </message>
        <message>
            <source>Large SUV, 100 kWh, 32 A three-phase</source>
            <translation>SUV besar, 100 kWh, 32 A tiga fasa</translation>
        </message>
        <message>
            <source>Ground fault</source>
            <translation>Kerosakan pembumian</translation>
        </message>
        <message>
            <source>Over-temperature</source>
            <translation>Suhu terlampau tinggi</translation>
        </message>
        <message>
            <source>Emergency stop</source>
            <translation>Henti kecemasan</translation>
        </message>
        <message>
            <source>Link lost</source>
            <translation>Sambungan terputus</translation>
        </message>
        <message>
            <source>Charger %1</source>
            <translation>Pengecas %1</translation>
        </message>
        <message>
            <source>Car:</source>
            <translation>Kereta:</translation>
        </message>
        <message>
            <source>Battery:</source>
            <translation>Bateri:</translation>
        </message>
        <message>
            <source>Plug in</source>
            <translation>Sambungkan</translation>
        </message>
        <message>
            <source>Unplug</source>
            <translation>Cabut</translation>
        </message>
        <message>
            <source>Pause car</source>
            <translation>Jeda kereta</translation>
        </message>
        <message>
            <source>Faults:</source>
            <translation>Kerosakan:</translation>
        </message>
        <message>
            <source>No answer from the simulator</source>
            <translation>Tiada jawapan daripada simulator</translation>
        </message>
        <message>
            <source>No car</source>
            <translation>Tiada kereta</translation>
        </message>
        <message>
            <source>Car: state %1, battery %2 %, %3 kW</source>
            <translation>Kereta: keadaan %1, bateri %2 %, %3 kW</translation>
        </message>
        <message>
            <source>(fault)</source>
            <translation>(rosak)</translation>
        </message>
        <message>
            <source>Simulator panel</source>
            <translation>Panel simulator</translation>
        </message>
        <message>
            <source>Simulated chargers and cards (demo only)</source>
            <translation>Pengecas dan kad simulasi (demo sahaja)</translation>
        </message>
        <message>
            <source>Virtual card reader</source>
            <translation>Pembaca kad maya</translation>
        </message>
        <message>
            <source>Tap this card</source>
            <translation>Ketik kad ini</translation>
        </message>
        <message>
            <source>Tap a blocked card</source>
            <translation>Ketik kad yang disekat</translation>
        </message>
        <message>
            <source>Tap an unknown card</source>
            <translation>Ketik kad yang tidak dikenali</translation>
        </message>
        <message>
            <source>The simulator refused: %1</source>
            <translation>Simulator menolak: %1</translation>
        </message>
        <message>
            <source>Card %1: %2</source>
            <translation>Kad %1: %2</translation>
        </message>
        <message>
            <source>authorised</source>
            <translation>dibenarkan</translation>
        </message>
        <message>
            <source>stops its session</source>
            <translation>menghentikan sesinya</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>ditolak</translation>
        </message>
        <message>
            <source>no connector free</source>
            <translation>tiada penyambung kosong</translation>
        </message>
        <message>
            <source>could not be checked</source>
            <translation>tidak dapat disemak</translation>
        </message>
    </context>
</TS>