// The world around one charger: car, grid, meter, contactor and lock mechanics, temperature.
#include "plant_model.hpp"

namespace evse::sim {

namespace {

constexpr int32_t kPilotHigh_mV[] = {12000, 9000, 6000, 3000};  // A, B, C, D (IEC 61851-1 Annex A)
constexpr int32_t kPilotNegative_mV = -12000;

int32_t ramp_towards(int32_t value, int32_t target, int32_t up_per_ms, int32_t down_per_ms,
                     uint32_t dt_ms) {
    const int64_t dt = dt_ms;
    if (value < target) {
        const int64_t next = value + up_per_ms * dt;
        return next > target ? target : static_cast<int32_t>(next);
    }
    const int64_t next = value - down_per_ms * dt;
    return next < target ? target : static_cast<int32_t>(next);
}

}  // namespace

const char* car_request_name(CarRequest request) {
    switch (request) {
        case CarRequest::Charge: return "charge";
        case CarRequest::Pause: return "pause";
        case CarRequest::Ventilation: return "ventilation";
    }
    return "?";
}

const char* fault_kind_name(FaultKind kind) {
    switch (kind) {
        case FaultKind::Rcd: return "rcd";
        case FaultKind::Estop: return "estop";
        case FaultKind::Overvoltage: return "overvoltage";
        case FaultKind::Undervoltage: return "undervoltage";
        case FaultKind::Overtemp: return "overtemp";
        case FaultKind::Ground: return "ground";
        case FaultKind::Welded: return "welded";
        case FaultKind::FeedbackStuckOpen: return "feedback_stuck_open";
        case FaultKind::PpOpen: return "pp_open";
        case FaultKind::PilotShort: return "pilot_short";
        case FaultKind::HostLink: return "host_link";
        case FaultKind::Count: break;
    }
    return "?";
}

// IEC 61851-1 Annex A: 10 %..85 % -> duty x 0.6 A; 85 %..96 % -> (duty - 64) x 2.5 A;
// 8 %..10 % is read as 6 A; anything else (incl. 5 % digital communication) offers nothing.
uint32_t offered_current_mA(uint16_t duty_permille) {
    if (duty_permille >= 80 && duty_permille < 100) return 6000;
    if (duty_permille >= 100 && duty_permille <= 850) return duty_permille * 60u;
    if (duty_permille > 850 && duty_permille <= 970) return (duty_permille - 640u) * 250u;
    return 0;
}

void PlantModel::plug(const CarParams& car) {
    car_ = car;
    plugged_ = true;
    request_ = CarRequest::Charge;
    pilot_ = Pilot::B;
    stopping_ = false;
    car_current_mA_ = 0;
    capacity_mJ_ = static_cast<int64_t>(car.battery_wh) * 3600 * 1000;
    if (capacity_mJ_ <= 0) capacity_mJ_ = 1;
    battery_mJ_ = capacity_mJ_ * car.soc_pct / 100;
}

void PlantModel::unplug() {
    plugged_ = false;
    pilot_ = Pilot::A;
    stopping_ = false;
    car_current_mA_ = 0;
    misbehaviour_ = Misbehaviour::None;
}

void PlantModel::set_fault(FaultKind kind, bool active, int32_t value) {
    faults_[static_cast<int>(kind)] = active;
    fault_values_[static_cast<int>(kind)] = value;
}

uint32_t PlantModel::phase_voltage_mV() const {
    if (fault_active(FaultKind::Overvoltage))
        return static_cast<uint32_t>(fault_values_[static_cast<int>(FaultKind::Overvoltage)]);
    if (fault_active(FaultKind::Undervoltage))
        return static_cast<uint32_t>(fault_values_[static_cast<int>(FaultKind::Undervoltage)]);
    return grid_mV_;
}

const char* PlantModel::car_state_name() const {
    if (!plugged_) return "none";
    if (request_ == CarRequest::Pause || battery_mJ_ >= capacity_mJ_) return "paused";
    if (request_ == CarRequest::Ventilation) return "ventilation";
    return "charging";
}

uint32_t PlantModel::soc_pct() const {
    if (!plugged_) return 0;
    return static_cast<uint32_t>(battery_mJ_ * 100 / capacity_mJ_);
}

void PlantModel::update_car(uint32_t now_ms, bool pwm_on) {
    if (!plugged_) {
        pilot_ = Pilot::A;
        return;
    }
    const bool full = battery_mJ_ >= capacity_mJ_;
    if (request_ == CarRequest::Pause || full) {
        // The car opens S2 itself (IEC 61851-1 Table A.6, EV stops charging): back to B at once.
        pilot_ = Pilot::B;
        stopping_ = false;
        return;
    }
    if (pwm_on) {
        pilot_ = request_ == CarRequest::Ventilation ? Pilot::D : Pilot::C;
        stopping_ = false;
        return;
    }
    if (pilot_ == Pilot::C || pilot_ == Pilot::D) {
        // PWM gone: a well-behaved car winds its current down and leaves C; a misbehaving one
        // stays in C (drawing nothing), so the EVSE's 6 s forced opening can be exercised.
        if (misbehaviour_ == Misbehaviour::IgnorePwm) return;
        if (!stopping_) {
            stopping_ = true;
            stopping_since_ms_ = now_ms;
        }
        const bool wound_down = car_current_mA_ == 0 && misbehaviour_ != Misbehaviour::SlowStop;
        if (wound_down || now_ms - stopping_since_ms_ >= plant::kStopTimeout_ms) {
            pilot_ = waiting_level();
            stopping_ = false;
        }
        return;
    }
    pilot_ = waiting_level();
}

PlantModel::Pilot PlantModel::waiting_level() const {
    // Waiting for the PWM: in B, or with S2 closed (C1/D1) if the car asks for energy that way.
    if (!car_.asks_without_pwm) return Pilot::B;
    return request_ == CarRequest::Ventilation ? Pilot::D : Pilot::C;
}

int32_t PlantModel::car_target_mA(bool pwm_on, uint32_t offered_mA, bool energised) const {
    if (!energised || !pwm_on || (pilot_ != Pilot::C && pilot_ != Pilot::D)) return 0;
    uint64_t limit = 0;
    if (misbehaviour_ == Misbehaviour::Overdraw) {
        limit = static_cast<uint64_t>(offered_mA) * overdraw_pct_ / 100;
    } else {
        limit = offered_mA < car_.max_current_mA ? offered_mA : car_.max_current_mA;
    }
    // The battery management tapers the charge above 80 % SoC, linearly down to 0 at 100 %.
    const int64_t soc_permille = battery_mJ_ * 1000 / capacity_mJ_;
    if (soc_permille > plant::kTaperStartPct * 10) {
        const int64_t left = 1000 - soc_permille;
        limit = left <= 0 ? 0 : limit * static_cast<uint64_t>(left) / ((100 - plant::kTaperStartPct) * 10);
    }
    return limit > 0x7FFFFFFF ? 0x7FFFFFFF : static_cast<int32_t>(limit);
}

void PlantModel::fill_pilot(const HardwareOutputs& out, bool pwm_on, Readings& r) const {
    if (fault_active(FaultKind::PilotShort)) {
        r.cp_high_mV = 0;  // state E
        r.cp_low_mV = 0;
        return;
    }
    if (out.pilot_f) {
        r.cp_high_mV = kPilotNegative_mV;
        r.cp_low_mV = kPilotNegative_mV;
        return;
    }
    const int32_t high = kPilotHigh_mV[static_cast<int>(pilot_)];
    r.cp_high_mV = high;
    if (!pwm_on) {
        r.cp_low_mV = high;  // constant level: both plateaus read the same
    } else if (plugged_ && misbehaviour_ == Misbehaviour::NoDiode) {
        r.cp_low_mV = -high;  // without the diode the car's resistor loads the negative half too
    } else {
        r.cp_low_mV = kPilotNegative_mV;
    }
}

void PlantModel::update(uint32_t now_ms, uint32_t dt_ms, const HardwareOutputs& out, Readings& r) {
    const bool pwm_on = !out.pilot_f && out.duty_permille > 0 && out.duty_permille < 1000;
    const uint32_t offered = pwm_on ? offered_current_mA(out.duty_permille) : 0;

    // Contactor and lock follow their command after their travel time.
    if (out.contactor_closed != contactor_cmd_) {
        contactor_cmd_ = out.contactor_closed;
        contactor_cmd_at_ms_ = now_ms;
    }
    if (contacts_closed_ != contactor_cmd_ && now_ms - contactor_cmd_at_ms_ >= plant::kContactorDelay_ms) {
        contacts_closed_ = contactor_cmd_;
    }
    if (out.lock_engaged != lock_cmd_) {
        lock_cmd_ = out.lock_engaged;
        lock_cmd_at_ms_ = now_ms;
    }
    if (lock_position_ != lock_cmd_ && now_ms - lock_cmd_at_ms_ >= plant::kLockDelay_ms) {
        lock_position_ = lock_cmd_;
    }
    const bool welded = fault_active(FaultKind::Welded);
    const bool closed = contacts_closed_ || welded;
    const uint32_t volts = phase_voltage_mV();
    const bool energised = closed && volts > 0;

    update_car(now_ms, pwm_on);
    int32_t target = car_target_mA(pwm_on, offered, energised);
    // A slow car keeps drawing what it drew until it leaves C, within the 3 s the standard allows
    // it after the PWM stops (IEC 61851-1 Table A.6): the energy of a stop's last seconds.
    if (stopping_ && misbehaviour_ == Misbehaviour::SlowStop) target = car_current_mA_;
    if (!energised || !plugged_ || pilot_ == Pilot::A || pilot_ == Pilot::B) {
        car_current_mA_ = 0;  // no load: the car's on-board charger is disconnected
    } else {
        car_current_mA_ = ramp_towards(car_current_mA_, target, plant::kRampUp_mA_per_ms,
                                       stopping_ ? plant::kStopRamp_mA_per_ms : plant::kRampDown_mA_per_ms,
                                       dt_ms);
    }

    const uint8_t car_phases = plugged_ ? car_.phases : 0;
    const uint8_t loaded = car_phases < charger_phases_ ? car_phases : charger_phases_;
    int64_t power_mW_x1000 = 0;  // mV x mA = uW
    for (int i = 0; i < 3; ++i) {
        const bool phase_present = i < charger_phases_;
        r.voltage_mV[i] = phase_present ? volts : 0;
        r.load_voltage_mV[i] = phase_present && closed ? volts : 0;
        r.current_mA[i] = i < loaded ? car_current_mA_ : 0;
        power_mW_x1000 += static_cast<int64_t>(r.voltage_mV[i]) * r.current_mA[i];
    }
    r.power_W = static_cast<int32_t>(power_mW_x1000 / 1000000);
    if (plugged_) {
        battery_mJ_ += static_cast<int64_t>(r.power_W) * dt_ms;  // W x ms = mJ
        if (battery_mJ_ > capacity_mJ_) battery_mJ_ = capacity_mJ_;
    }

    // First-order thermal model: the rise follows I^2 with a two-minute time constant.
    const double amps_ratio = car_current_mA_ / 32000.0;
    const double target_dC = plant::kAmbient_dC + (loaded > 0 ? plant::kRiseAt32A_dC * amps_ratio * amps_ratio : 0.0);
    temperature_dC_ += (target_dC - temperature_dC_) * dt_ms / plant::kThermalTau_ms;

    r.now_ms = now_ms;
    fill_pilot(out, pwm_on, r);
    // A fixed cable (pp_ohm 0) has no PP resistor: the line reads open, and the core of a
    // tethered charger does not read it anyway.
    const bool pp_open = !plugged_ || car_.pp_ohm == 0 || fault_active(FaultKind::PpOpen);
    r.pp_ohm = pp_open ? plant::kPpOpen : car_.pp_ohm;
    r.temperature_dC = fault_active(FaultKind::Overtemp)
                           ? static_cast<int16_t>(fault_values_[static_cast<int>(FaultKind::Overtemp)])
                           : static_cast<int16_t>(temperature_dC_);
    r.rcd_tripped = fault_active(FaultKind::Rcd);
    r.estop_pressed = fault_active(FaultKind::Estop);
    r.pe_ok = !fault_active(FaultKind::Ground);
    r.contactor_feedback_closed = fault_active(FaultKind::FeedbackStuckOpen) ? false : closed;
    r.lock_engaged = lock_position_;
    last_ = r;
}

}  // namespace evse::sim
