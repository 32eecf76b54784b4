// The world around one charger: the car on the cable, the grid, the meter, the contactor and lock
// mechanics and the temperature. Turns the core's outputs into the Readings of the next tick.
#pragma once

#include <stdint.h>

#include "evse/hardware.hpp"
#include "sim_hardware.hpp"

namespace evse::sim {

enum class CarRequest : uint8_t { Charge, Pause, Ventilation };
enum class Misbehaviour : uint8_t { None, Overdraw, IgnorePwm, NoDiode, SlowStop };
enum class FaultKind : uint8_t {
    Rcd,
    Estop,
    Overvoltage,
    Undervoltage,
    Overtemp,
    Ground,
    Welded,
    FeedbackStuckOpen,
    PpOpen,
    PilotShort,
    HostLink,
    Count,
};

const char* car_request_name(CarRequest request);
const char* fault_kind_name(FaultKind kind);

struct CarParams {
    uint32_t pp_ohm = 220;  // 32 A cable (IEC 61851-1 Annex B); 0 = the charger's fixed cable, no PP resistor
    uint32_t battery_wh = 60000;
    uint32_t soc_pct = 20;
    uint32_t max_current_mA = 32000;
    uint8_t phases = 3;
    // Closes S2 to ask for energy while no PWM is offered (state C1, IEC 61851-1 Annex A), instead of
    // waiting in B1 until the PWM appears.
    bool asks_without_pwm = false;
};

// Plant constants, documented in docs/simulator.md.
namespace plant {
constexpr uint32_t kGridVoltage_mV = 230000;
constexpr uint32_t kContactorDelay_ms = 20;    // coil pull-in / drop-out
constexpr uint32_t kLockDelay_ms = 50;         // actuator travel
constexpr int32_t kRampUp_mA_per_ms = 20;      // 2 A per 100 ms
constexpr int32_t kRampDown_mA_per_ms = 20;    // following a lower duty cycle
constexpr int32_t kStopRamp_mA_per_ms = 100;   // PWM gone: the car winds down quickly
constexpr uint32_t kStopTimeout_ms = 3000;     // then leaves state C at the latest
constexpr uint32_t kTaperStartPct = 80;
constexpr int32_t kAmbient_dC = 250;
constexpr double kRiseAt32A_dC = 150.0;        // steady-state rise at 32 A per phase
constexpr double kThermalTau_ms = 120000.0;
constexpr uint32_t kPpOpen = 0xFFFFFFFFu;
constexpr int16_t kDefaultOvertemp_dC = 900;
constexpr uint32_t kDefaultOvervoltage_mV = 265000;
constexpr uint32_t kDefaultUndervoltage_mV = 180000;
}  // namespace plant

// Current the vehicle may draw for a PWM duty (IEC 61851-1 Annex A, duty <-> current); 0 = none.
uint32_t offered_current_mA(uint16_t duty_permille);

class PlantModel {
public:
    explicit PlantModel(uint8_t charger_phases) : charger_phases_(charger_phases) {}

    void plug(const CarParams& car);
    void unplug();
    void set_car_request(CarRequest request) { request_ = request; }
    void set_misbehaviour(Misbehaviour m, uint32_t factor_pct) {
        misbehaviour_ = m;
        overdraw_pct_ = factor_pct;
    }
    void set_fault(FaultKind kind, bool active, int32_t value);
    void set_grid_voltage(uint32_t mV) { grid_mV_ = mV; }

    // Advances the plant by dt_ms under the given outputs and fills the readings for now_ms.
    void update(uint32_t now_ms, uint32_t dt_ms, const HardwareOutputs& out, Readings& r);

    bool plugged() const { return plugged_; }
    bool fault_active(FaultKind kind) const { return faults_[static_cast<int>(kind)]; }
    const char* car_state_name() const;
    uint32_t soc_pct() const;
    const Readings& last_readings() const { return last_; }

private:
    enum class Pilot : uint8_t { A, B, C, D };

    void update_car(uint32_t now_ms, bool pwm_on);
    Pilot waiting_level() const;
    int32_t car_target_mA(bool pwm_on, uint32_t offered_mA, bool energised) const;
    void fill_pilot(const HardwareOutputs& out, bool pwm_on, Readings& r) const;
    uint32_t phase_voltage_mV() const;

    uint8_t charger_phases_;
    // Car
    bool plugged_ = false;
    CarParams car_;
    CarRequest request_ = CarRequest::Charge;
    Misbehaviour misbehaviour_ = Misbehaviour::None;
    uint32_t overdraw_pct_ = 130;
    Pilot pilot_ = Pilot::A;
    bool stopping_ = false;         // PWM went away while in C/D: winding down
    uint32_t stopping_since_ms_ = 0;
    int32_t car_current_mA_ = 0;    // per active phase
    int64_t battery_mJ_ = 0;
    int64_t capacity_mJ_ = 1;
    // Grid, mechanics, sensors
    uint32_t grid_mV_ = plant::kGridVoltage_mV;
    bool contacts_closed_ = false;
    bool contactor_cmd_ = false;
    uint32_t contactor_cmd_at_ms_ = 0;
    bool lock_position_ = false;
    bool lock_cmd_ = false;
    uint32_t lock_cmd_at_ms_ = 0;
    double temperature_dC_ = plant::kAmbient_dC;
    bool faults_[static_cast<int>(FaultKind::Count)] = {};
    int32_t fault_values_[static_cast<int>(FaultKind::Count)] = {};
    Readings last_ = {};
};

}  // namespace evse::sim
