// evse::Hardware on an ESP32: pilot via LEDC, contactor and lock GPIOs, NVS records, RCD test.
#include "esp32_hardware.h"

#include <Arduino.h>
#include <Preferences.h>
#include <esp_timer.h>
#include <stdio.h>

#include "analog_inputs.h"
#include "board_pins.h"
#include "meter_atm90e32.h"
#include "pilot_pwm.h"

namespace {

Preferences records;  // NVS namespace "evse": one blob per core record key
MeterReadings meter = {};

// The RDC-DD module answers its test winding within its trip time (a few tens of ms for the
// test current); 100 ms bounds the wait. Only called by SELF_TEST, which the core refuses
// while charging, so the control tick may stall this long with the contactor open.
constexpr uint32_t kRcdTestTimeoutMs = 100;

bool read_input(int pin, bool active_high, bool absent_value) {
    if (pin < 0) return absent_value;
    return (digitalRead(static_cast<uint8_t>(pin)) == HIGH) == active_high;
}

void write_output(int pin, bool high) {
    if (pin >= 0) digitalWrite(static_cast<uint8_t>(pin), high ? HIGH : LOW);
}

void output_pin(int pin) {
    if (pin < 0) return;
    write_output(pin, false);  // level before enabling the driver: contactor open, lock released
    pinMode(static_cast<uint8_t>(pin), OUTPUT);
}

void input_pin(int pin) {
    if (pin >= 0) pinMode(static_cast<uint8_t>(pin), INPUT);  // pulls are on the interface board
}

void key_name(uint16_t key, char* name) { snprintf(name, 8, "r%04x", key); }

}  // namespace

bool Esp32Hardware::begin() {
    output_pin(PIN_CONTACTOR);
    output_pin(PIN_LOCK);
    output_pin(PIN_RCD_TEST);
    input_pin(PIN_CONTACTOR_FB);
    input_pin(PIN_LOCK_FB);
    input_pin(PIN_RCD_FAULT);
    input_pin(PIN_ESTOP);
    input_pin(PIN_PE_OK);
    input_pin(PIN_LOAD_VOLTAGE);
    meter_begin();
    bool ok = pilot_pwm_begin();
    ok = records.begin("evse", false) && ok;
    return ok;
}

void Esp32Hardware::sample(evse::Readings* r) {
    AnalogReadings analog;
    analog_inputs_update(&analog);
    meter_poll(&meter);
    // The clock is esp_timer's 64-bit microseconds since boot; the core takes the low 32 bits of its
    // milliseconds (wrapping after 49.7 days, its timers subtract modulo 2^32) and keeps its own
    // 64-bit uptime from their steps.
    r->now_ms = static_cast<uint32_t>(esp_timer_get_time() / 1000);
    r->cp_high_mV = analog.cp_high_mV;
    r->cp_low_mV = analog.cp_low_mV;
    r->pp_ohm = analog.pp_ohm;
    r->temperature_dC = analog.temperature_dC;
    // The load-side detector is one input for all phases: live on any phase is what welding
    // detection needs; report it as the grid voltage on each phase.
    const bool load_live = read_input(PIN_LOAD_VOLTAGE, !LOAD_VOLTAGE_ACTIVE_LOW, false);
    for (int phase = 0; phase < 3; phase++) {
        r->voltage_mV[phase] = meter.voltage_mV[phase];
        r->load_voltage_mV[phase] = load_live ? meter.voltage_mV[phase] : 0;
        r->current_mA[phase] = meter.current_mA[phase];
    }
    r->power_W = meter.power_W;
    r->rcd_tripped = read_input(PIN_RCD_FAULT, RCD_FAULT_ACTIVE_HIGH, false);
    r->estop_pressed = read_input(PIN_ESTOP, ESTOP_ACTIVE_HIGH, false);
    r->contactor_feedback_closed = read_input(PIN_CONTACTOR_FB, true, false);
    // Not fitted on some development boards (docs/esp32.md): PE is then assumed present and
    // the lock is assumed to follow its command.
    r->pe_ok = read_input(PIN_PE_OK, true, true);
    r->lock_engaged = read_input(PIN_LOCK_FB, true, lock_commanded_);
}

void Esp32Hardware::set_pwm_duty_permille(uint16_t duty) {
    duty_permille_ = duty;
    if (!state_f_) pilot_pwm_set_duty_permille(duty);
}

// State F is a constant -12 V: duty 0 on the LEDC drives the pilot amplifier to its negative rail.
void Esp32Hardware::set_pilot_state_f(bool on) {
    state_f_ = on;
    pilot_pwm_set_duty_permille(on ? 0 : duty_permille_);
}

void Esp32Hardware::set_contactor(bool closed) {
    write_output(PIN_CONTACTOR, closed);
}

void Esp32Hardware::set_lock(bool locked) {
    lock_commanded_ = locked;
    write_output(PIN_LOCK, locked);
}

bool Esp32Hardware::storage_read(uint16_t key, uint8_t* data, size_t len) {
    char name[8];
    key_name(key, name);
    if (records.getBytesLength(name) != len) return false;  // absent, or an older layout
    return records.getBytes(name, data, len) == len;
}

// NVS writes can stall both cores while a flash page is erased (tens of ms); the core writes
// its counters rarely for that reason (docs/esp32.md).
bool Esp32Hardware::storage_write(uint16_t key, const uint8_t* data, size_t len) {
    char name[8];
    key_name(key, name);
    return records.putBytes(name, data, len) == len;
}

bool Esp32Hardware::rcd_self_test() {
    if (PIN_RCD_TEST < 0 || PIN_RCD_FAULT < 0) return false;
    write_output(PIN_RCD_TEST, true);
    const uint32_t start = static_cast<uint32_t>(millis());
    bool tripped = false;
    while (!tripped && millis() - start < kRcdTestTimeoutMs) {
        tripped = read_input(PIN_RCD_FAULT, RCD_FAULT_ACTIVE_HIGH, false);
        delay(1);
    }
    write_output(PIN_RCD_TEST, false);
    return tripped;
}
