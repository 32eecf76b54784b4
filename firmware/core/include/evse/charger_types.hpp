// Identity and site configuration of one charger, shared by the core and its parts.
#pragma once

#include <stdint.h>

namespace evse {

// Fixed facts about the hardware, from the build or the factory partition.
struct Identity {
    uint8_t firmware_major;
    uint8_t firmware_minor;
    uint8_t firmware_patch;
    char serial[16];            // ASCII, NUL padded
    uint32_t capabilities;      // wire::Capability bits
    uint8_t phases;             // 1 or 3
    uint32_t hw_max_current_mA; // rating of the contactor, cable and terminals
};

// Site settings sent by the host with CONFIGURE and persisted by the core.
struct ChargerConfig {
    uint32_t max_current_mA = 32000;
    uint32_t failsafe_current_mA = 0;   // 0 = stop when the host lease expires
    uint32_t lease_ms = 5000;
    uint32_t overvoltage_mV = 253000;   // +10 % of 230 V
    uint32_t undervoltage_mV = 196000;  // -15 % of 230 V
    int16_t derate_temperature_dC = 700;
    int16_t stop_temperature_dC = 850;
    int16_t temperature_hysteresis_dC = 50;
    uint8_t allow_ventilation = 0;
    uint8_t fault_retry_limit = 3;
};

}  // namespace evse
