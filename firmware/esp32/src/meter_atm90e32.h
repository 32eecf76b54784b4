// Per-phase voltage, current and total active power from an ATM90E32 metering IC over SPI.
#pragma once

#include <stdint.h>

struct MeterReadings {
    uint32_t voltage_mV[3];
    int32_t current_mA[3];
    int32_t power_W;
};

bool meter_begin();
// Reads ONE register per call (about 40 us of SPI at 1 MHz) and updates *out in place, so the
// 1 kHz control tick stays short; all eight values refresh every 8 ms, faster than the chip's
// own RMS update.
void meter_poll(MeterReadings* out);
