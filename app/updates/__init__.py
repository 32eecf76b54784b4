"""Software updates: the signed package format, station releases and ESP32 firmware."""
