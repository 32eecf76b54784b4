// The bounds the firmware puts on every CONFIGURE field, whatever the host sends: a wrong or
// compromised host must not be able to switch a protection off or take a charger off a normal grid.
// The table with its reasons is in docs/fault-catalogue.md ("Configuration bounds").
#pragma once

#include <stdint.h>

#include "evse/charger_types.hpp"
#include "evse/wire_messages.hpp"

namespace evse::limits {

// IEC 61851-1 Annex A: the PWM signals 6..80 A; below 6 A there is no offer.
constexpr uint32_t kMinCurrent_mA = 6000;
constexpr uint32_t kMaxCurrent_mA = 80000;
// Host lease: shorter than a few heartbeats cannot be held; longer leaves a lost host in charge.
constexpr uint32_t kMinLease_ms = 500;
constexpr uint32_t kMaxLease_ms = 600000;
// Grid voltage around 230 V nominal (IEC 60038, EN 50160: +10 % / -10 % in normal operation). A trip
// inside that band would stop a charger on a healthy grid; beyond +15 % / -20 % the protection no
// longer protects the equipment rated for that grid.
constexpr uint32_t kMinOvervoltage_mV = 253000;   // 230 V + 10 %
constexpr uint32_t kMaxOvervoltage_mV = 264500;   // 230 V + 15 %
constexpr uint32_t kMinUndervoltage_mV = 184000;  // 230 V - 20 %
constexpr uint32_t kMaxUndervoltage_mV = 207000;  // 230 V - 10 %
// Temperatures in 0.1 degC. IEC 61851-1 rates an EVSE for ambient up to +40 degC, and IEC 62196-1
// allows terminals 50 K above it: 90 degC is the hottest stop the hardware tolerates. A stop below
// 50 degC, or derating below 40 degC, would act at a normal ambient.
constexpr int16_t kMinStopTemperature_dC = 500;
constexpr int16_t kMaxStopTemperature_dC = 900;
constexpr int16_t kMinDerateTemperature_dC = 400;
// Hysteresis: at least 1 degC so a sensor's noise does not chatter the contactor, at most 20 degC.
constexpr int16_t kMinHysteresis_dC = 10;
constexpr int16_t kMaxHysteresis_dC = 200;
// Automatic reclosures after a self-clearing fault before it latches for a technician.
constexpr uint8_t kMaxFaultRetries = 3;

// True when every field of c is inside its bound for this hardware.
inline bool config_within_limits(const ChargerConfig& c, const Identity& id) {
    const uint32_t max_allowed = id.hw_max_current_mA < kMaxCurrent_mA ? id.hw_max_current_mA : kMaxCurrent_mA;
    if (c.max_current_mA < kMinCurrent_mA || c.max_current_mA > max_allowed) return false;
    if (c.failsafe_current_mA != 0 &&
        (c.failsafe_current_mA < kMinCurrent_mA || c.failsafe_current_mA > c.max_current_mA))
        return false;
    if (c.lease_ms < kMinLease_ms || c.lease_ms > kMaxLease_ms) return false;
    if (c.overvoltage_mV < kMinOvervoltage_mV || c.overvoltage_mV > kMaxOvervoltage_mV) return false;
    if (c.undervoltage_mV < kMinUndervoltage_mV || c.undervoltage_mV > kMaxUndervoltage_mV) return false;
    if (c.stop_temperature_dC < kMinStopTemperature_dC || c.stop_temperature_dC > kMaxStopTemperature_dC)
        return false;
    if (c.derate_temperature_dC < kMinDerateTemperature_dC || c.derate_temperature_dC >= c.stop_temperature_dC)
        return false;
    if (c.temperature_hysteresis_dC < kMinHysteresis_dC || c.temperature_hysteresis_dC > kMaxHysteresis_dC)
        return false;
    // State D needs the site's ventilation (IEC 61851-1 Annex A): only hardware that has it may allow D.
    if (c.allow_ventilation > 1) return false;
    if (c.allow_ventilation == 1 && (id.capabilities & wire::Capability::VENTILATION) == 0) return false;
    return c.fault_retry_limit <= kMaxFaultRetries;
}

}  // namespace evse::limits
