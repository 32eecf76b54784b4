// Converts the pilot sampler's raw ADC counts into the core's units: CP mV, PP ohm, 0.1 degC.
#pragma once

#include <stdint.h>

struct AnalogReadings {
    int32_t cp_high_mV;
    int32_t cp_low_mV;
    uint32_t pp_ohm;         // 0xFFFFFFFF = open, 0 = tethered cable (no PP to read)
    int16_t temperature_dC;
};

// Takes this tick's samples from the pilot sampler and updates the light filter.
void analog_inputs_update(AnalogReadings* out);
