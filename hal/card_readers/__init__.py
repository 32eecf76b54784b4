"""RFID/NFC card readers: the reader interface, PC/SC and nfcpy readers."""
