// The charger core's IEC 61851-1 state machine: pilot, lock, offer pacing, contactor and state F.
#include "evse/charger_core.hpp"

#include "evse/config_limits.hpp"
#include "evse/proximity.hpp"

namespace evse {

namespace FB = wire::FaultBit;

namespace {
constexpr uint32_t kStateFMinMs = 300;         // IEC 61851-1: state F for at least 300 ms on a fault
constexpr uint32_t kPacingMs = 5000;           // Table A.6: duty changes at most every 5 s
constexpr uint32_t kFollowMs = 5000;           // Table A.6: the vehicle has 5 s to follow a decrease
constexpr uint32_t kForceOpenMs = 6000;        // Table A.6: PWM off but vehicle stays in C
constexpr uint32_t kReclosePauseMs = 1000;     // lets the weld check see a dead load side first
constexpr uint32_t kDiodeSettleMs = 2;         // first samples after the PWM starts are not judged
constexpr uint32_t kPpFilterMs = 20;
constexpr uint32_t kLockTravelMs = 1000;       // lock must reach its position within 1 s
constexpr uint32_t kLiveLoad_mV = 50000;
constexpr uint32_t kEnergySaveStepWh = 100;    // flash wear: persist at most every 100 Wh
constexpr uint32_t kRcdTestBlankMs = 1000;     // the self-test's own trip is not a fault
constexpr uint32_t kMaxStampAgeMs = 1UL << 30;  // far beyond every window, far below the 2^32 wrap

bool has(uint32_t caps, uint32_t bit) { return (caps & bit) != 0; }
}  // namespace

void ChargerCore::begin(Hardware& hw, const Identity& identity, uint32_t now_ms) {
    hw_ = &hw;
    identity_ = identity;
    store_.begin(hw);
    config_ = ChargerConfig{};
    store_.load_config(&config_);
    // A record written by an older firmware may hold values this one refuses: defaults instead.
    if (!limits::config_within_limits(config_, identity_)) config_ = ChargerConfig{};
    PersistedCounters counters{};
    store_.load_counters(&counters);
    boot_count_ = counters.boot_count + 1;
    contactor_cycles_ = counters.contactor_cycles;
    meter_.begin(counters.energy_Wh, now_ms);
    energy_saved_Wh_ = counters.energy_Wh;
    supervisor_.begin(config_, identity_);
    lease_ = HostLease{};
    pilot_.reset();
    uptime_ms_ = 0;
    now_ms_ = now_ms;
    last_ = Readings{};
    last_.now_ms = now_ms;
    last_.pe_ok = true;
    level_ = PilotLevel::Unknown;
    state_f_ = false;
    faults_known_ = 0;
    diode_missing_.reset();
    diode_seen_.reset();
    diode_checked_ = false;
    pp_out_of_range_.reset();
    pp_ampacity_A_ = 0;
    vehicle_seen_ = false;
    duty_ = kDutyOff;
    duty_changed_ = false;
    pacing_ = false;
    held_offer_mA_ = 0;
    pwm_off_since_ms_ = now_ms;
    contactor_ = false;
    contactor_changed_ms_ = now_ms - kReclosePauseMs;  // no pause owed at start-up
    lock_ = false;
    unlock_requested_ = false;
    lock_mismatch_.reset();
    permitted_ = false;
    transaction_ref_ = 0;
    host_limit_mA_ = 0;
    last_ack_seq_ = 0;
    rcd_test_done_ = false;
    reset_requested_ = false;
    rejected_frames_ = 0;
    // Safe start: contactor open, pilot +12 V without PWM (state A/x1), connector unlocked.
    hw_->set_contactor(false);
    hw_->set_pilot_state_f(false);
    hw_->set_pwm_duty_permille(kDutyOff);
    hw_->set_lock(false);
    save_counters();
}

void ChargerCore::tick(const Readings& readings) {
    if (hw_ == nullptr) return;
    const uint32_t now = readings.now_ms;
    uptime_ms_ += now - now_ms_;  // modulo 2^32: right across the clock's wrap
    now_ms_ = now;
    last_ = readings;
    meter_.integrate(readings.power_W, now);
    // A 32-bit time stamp 2^32 ms (49.7 days) old reads as fresh again; kept at most 2^30 ms old,
    // it stays "long ago" and the clock's wrap cannot reopen a window that ran out (a real RCD trip
    // blanked as the self-test's own, a weld check held off as if the contactor had just moved).
    uint32_t* const stamps[] = {&rcd_test_ms_,      &decreased_ms_,   &contactor_changed_ms_, &pwm_off_since_ms_,
                                &pwm_on_since_ms_, &duty_changed_ms_, &state_f_since_ms_};
    for (uint32_t* stamp : stamps) {
        if (now - *stamp > kMaxStampAgeMs) *stamp = now - kMaxStampAgeMs;
    }

    SupervisorInputs in{};
    in.contactor_closed = contactor_;
    in.contactor_changed_ms = contactor_changed_ms_;
    in.judged_offer_mA = current_from_duty(duty_);
    if (now - decreased_ms_ < kFollowMs && held_offer_mA_ > in.judged_offer_mA) in.judged_offer_mA = held_offer_mA_;
    in.rcd_blanked = rcd_test_done_ && now - rcd_test_ms_ < kRcdTestBlankMs;
    uint32_t fresh = supervisor_.check(readings, in);
    // A fault opens the contactor first; everything else (reporting, F) follows.
    if (fresh != 0 && contactor_) open_contactor(now);

    update_pilot(readings);
    update_lock(readings);
    lease_.update(now, config_.lease_ms);
    update_offer(readings);
    update_contactor(readings);
    update_state_f(now);

    if (meter_.energy_Wh() - energy_saved_Wh_ >= kEnergySaveStepWh) save_counters();
}

void ChargerCore::tick_outputs_now() {
    if (hw_ == nullptr) return;
    Readings r = last_;
    r.now_ms = now_ms_;
    update_offer(r);
    update_contactor(r);
}

void ChargerCore::update_pilot(const Readings& r) {
    const uint32_t now = r.now_ms;
    // While we drive -12 V (state F) the line says nothing about the vehicle.
    if (state_f_) return;
    const PilotLevel previous = level_;
    level_ = pilot_.update(classify_pilot(r.cp_high_mV), now);
    uint32_t found = 0;
    if (level_ == PilotLevel::E || level_ == PilotLevel::Invalid) found |= FB::PILOT_FAULT;
    if (level_ == PilotLevel::D && !config_.allow_ventilation) found |= FB::VENTILATION_REFUSED;
    if (vehicle_present(level_)) {
        if (permitted_) vehicle_seen_ = true;
        if (has(identity_.capabilities, wire::Capability::SOCKET_PP)) {
            // IEC 61851-1 Annex B: the cable's rating is monitored for the whole session.
            const uint8_t amp = pp_ampacity_A(r.pp_ohm, identity_.phases);
            if (amp != 0) pp_ampacity_A_ = amp;
            if (pp_out_of_range_.update(amp == 0, now, kPpFilterMs)) {
                found |= FB::PP_FAULT;
                pp_ampacity_A_ = 0;
            }
        } else {
            pp_ampacity_A_ = 0;  // tethered cable: rated by the hardware maximum
        }
        // Diode check (IEC 61851-1 Annex A): only with the PWM on, after the first samples. The
        // contactor waits until it has passed (diode_checked_), not just until it has not failed.
        const bool judge = duty_ != kDutyOff && now - pwm_on_since_ms_ >= kDiodeSettleMs;
        const bool low_missing = r.cp_low_mV > kDiodeMaxLow_mV;
        if (diode_missing_.update(judge && low_missing, now, kPilotDebounceMs)) found |= FB::DIODE_FAULT;
        if (diode_seen_.update(judge && !low_missing, now, kPilotDebounceMs)) diode_checked_ = true;
    } else {
        diode_missing_.reset();
        diode_seen_.reset();
        diode_checked_ = false;
        pp_out_of_range_.reset();
        if (level_ != PilotLevel::Unknown) pp_ampacity_A_ = 0;
    }
    if (found != 0) {
        if (supervisor_.latch(found, now) != 0 && contactor_) open_contactor(now);
    }
    if (level_ == PilotLevel::A) {
        const bool arrived = previous != PilotLevel::A;
        supervisor_.connector_idle(r, arrived);
        unlock_requested_ = false;
        if (arrived) duty_changed_ = false;  // no vehicle left to follow a duty: pacing restarts
        if (vehicle_seen_) drop_permission();  // the vehicle left: the permission was for its session
    }
}

void ChargerCore::update_lock(const Readings& r) {
    if (!has(identity_.capabilities, wire::Capability::LOCK)) return;
    bool want = lock_;
    // Unknown level (start-up, just after state F): keep the lock where it is.
    if (level_ != PilotLevel::Unknown) want = vehicle_present(level_) && !unlock_requested_;
    if (contactor_) want = true;  // never release a connector under load
    if (want != lock_) {
        lock_ = want;
        hw_->set_lock(want);
    }
    if (lock_mismatch_.update(r.lock_engaged != lock_, r.now_ms, kLockTravelMs)) {
        if (supervisor_.latch(FB::LOCK_FAULT, r.now_ms) != 0 && contactor_) open_contactor(r.now_ms);
    }
}

uint32_t ChargerCore::effective_limit_mA() const {
    uint32_t limit = permitted_ ? host_limit_mA_ : 0;
    if (lease_.expired() && config_.failsafe_current_mA < limit) limit = config_.failsafe_current_mA;
    if (config_.max_current_mA < limit) limit = config_.max_current_mA;
    if (identity_.hw_max_current_mA < limit) limit = identity_.hw_max_current_mA;
    if (pp_ampacity_A_ != 0 && static_cast<uint32_t>(pp_ampacity_A_) * 1000 < limit)
        limit = static_cast<uint32_t>(pp_ampacity_A_) * 1000;
    if (supervisor_.derating()) limit /= 2;
    return limit;
}

bool ChargerCore::charging_level() const {
    return level_ == PilotLevel::C || (level_ == PilotLevel::D && config_.allow_ventilation);
}

void ChargerCore::update_offer(const Readings& r) {
    const uint32_t now = r.now_ms;
    const bool vehicle_ok = level_ == PilotLevel::B || charging_level();
    const bool lock_ok = !has(identity_.capabilities, wire::Capability::LOCK) || (lock_ && r.lock_engaged);
    const bool may_offer = permitted_ && supervisor_.latched() == 0 && !reset_requested_ && !unlock_requested_ &&
                           !state_f_ && vehicle_ok && lock_ok;
    const uint16_t target = may_offer ? duty_from_current(effective_limit_mA()) : kDutyOff;
    const uint32_t offered_now = current_from_duty(duty_);
    const uint32_t offered_target = current_from_duty(target);
    if (target == duty_) {
        pacing_ = false;
    } else if (offered_target <= offered_now) {
        // Decreases and stops apply at once; the over-current check keeps the higher offer for the
        // 5 s the vehicle has to follow (IEC 61851-1 Table A.6).
        if (now - decreased_ms_ >= kFollowMs || offered_now > held_offer_mA_) held_offer_mA_ = offered_now;
        decreased_ms_ = now;
        set_duty(target, now);
        pacing_ = false;
    } else if (!duty_changed_ || now - duty_changed_ms_ >= kPacingMs) {
        set_duty(target, now);
        pacing_ = false;
    } else {
        pacing_ = true;  // an increase waits for the 5 s pacing interval
    }
}

void ChargerCore::update_contactor(const Readings& r) {
    const uint32_t now = r.now_ms;
    const bool pwm_stopped_too_long = duty_ == kDutyOff && now - pwm_off_since_ms_ >= kForceOpenMs;
    // Table A.6: open on C->B, C->A, any fault, and 6 s after the PWM stopped if the vehicle stays in C.
    const bool must_open = supervisor_.latched() != 0 || !charging_level() || reset_requested_ || state_f_ ||
                           pwm_stopped_too_long;
    if (contactor_) {
        if (must_open) open_contactor(now);
        return;
    }
    // IEC 61851-1 Annex A: the diode check comes before energising, so a vehicle without one never
    // sees the contactor move.
    if (must_open || duty_ == kDutyOff || !permitted_ || !diode_checked_) return;
    if (now - contactor_changed_ms_ < kReclosePauseMs) return;
    for (int i = 0; i < 3; ++i)
        if (r.load_voltage_mV[i] > kLiveLoad_mV) return;  // welded or back-fed: never close onto it
    if (has(identity_.capabilities, wire::Capability::CONTACTOR_FEEDBACK) && r.contactor_feedback_closed) return;
    if (has(identity_.capabilities, wire::Capability::LOCK) && !(lock_ && r.lock_engaged)) return;
    if (rcd_test_done_ && now - rcd_test_ms_ < kRcdTestBlankMs) return;
    close_contactor(now);
}

void ChargerCore::update_state_f(uint32_t now_ms) {
    const uint32_t latched = supervisor_.latched();
    const uint32_t fresh = latched & ~faults_known_;
    faults_known_ = latched;
    // Vehicle faults must see the unplug (state A), a released e-stop the return to A: for them
    // F lasts the minimum 300 ms, then the pilot goes back to +12 V without PWM (x1).
    uint32_t hold = latched & ~kVehicleFaults;
    if (!last_.estop_pressed) hold &= ~FB::EMERGENCY_STOP;
    if (!state_f_) {
        if (fresh == 0 && hold == 0) return;
        state_f_ = true;
        state_f_since_ms_ = now_ms;
        set_duty(kDutyOff, now_ms);
        hw_->set_pilot_state_f(true);
        return;
    }
    if (fresh != 0) state_f_since_ms_ = now_ms;  // each new fault gets its full 300 ms of F
    if (hold != 0 || now_ms - state_f_since_ms_ < kStateFMinMs) return;
    state_f_ = false;
    hw_->set_pilot_state_f(false);
    pilot_.reset();
    level_ = PilotLevel::Unknown;
}

void ChargerCore::set_duty(uint16_t duty, uint32_t now_ms) {
    if (duty == duty_) return;
    if (duty_ == kDutyOff) pwm_on_since_ms_ = now_ms;
    if (duty == kDutyOff) {
        pwm_off_since_ms_ = now_ms;
        diode_checked_ = false;  // checked again with the next PWM
    }
    duty_ = duty;
    // Pacing (IEC 61851-1 Table A.6) gives a vehicle time to follow a duty change; a change made
    // with no vehicle connected (the PWM stopping as one leaves) has no one to follow it, so the
    // next vehicle is offered current at once.
    duty_changed_ = level_ != PilotLevel::A;
    duty_changed_ms_ = now_ms;
    hw_->set_pwm_duty_permille(duty);
}

void ChargerCore::drop_permission() {
    permitted_ = false;
    transaction_ref_ = 0;
    vehicle_seen_ = false;
    lease_.stop();
}

void ChargerCore::open_contactor(uint32_t now_ms) {
    if (!contactor_) return;
    hw_->set_contactor(false);
    contactor_ = false;
    contactor_changed_ms_ = now_ms;
    save_counters();  // the session's energy is safe once the contactor is open
}

void ChargerCore::close_contactor(uint32_t now_ms) {
    hw_->set_contactor(true);
    contactor_ = true;
    contactor_changed_ms_ = now_ms;
    ++contactor_cycles_;
    save_counters();
}

void ChargerCore::save_counters() {
    PersistedCounters c{boot_count_, meter_.energy_Wh(), contactor_cycles_};
    store_.save_counters(c);
    // Even a failed write moves the mark on: retrying every tick would hammer a dying flash.
    energy_saved_Wh_ = c.energy_Wh;
}

wire::StatusReply ChargerCore::status() const {
    namespace SF = wire::StatusFlag;
    wire::StatusReply s{};
    s.connector = 0;
    wire::IecState st = wire::IecState::UNKNOWN;
    const bool pwm = duty_ != kDutyOff && !state_f_;
    switch (level_) {
        case PilotLevel::Unknown: st = wire::IecState::UNKNOWN; break;
        case PilotLevel::A: st = wire::IecState::A; break;
        case PilotLevel::B: st = pwm ? wire::IecState::B2 : wire::IecState::B1; break;
        case PilotLevel::C: st = pwm ? wire::IecState::C2 : wire::IecState::C1; break;
        case PilotLevel::D: st = pwm ? wire::IecState::D2 : wire::IecState::D1; break;
        case PilotLevel::E:
        case PilotLevel::Invalid: st = wire::IecState::E; break;
    }
    if (state_f_) st = wire::IecState::F;
    s.iec_state = static_cast<uint8_t>(st);
    uint32_t flags = 0;
    if (contactor_) flags |= SF::CONTACTOR_CLOSED;
    if (last_.contactor_feedback_closed) flags |= SF::CONTACTOR_FEEDBACK;
    if (last_.lock_engaged) flags |= SF::LOCKED;
    if (pwm) flags |= SF::PWM_ON;
    if (permitted_) flags |= SF::PERMITTED;
    if (lease_.expired()) flags |= SF::LEASE_EXPIRED;
    if (supervisor_.derating()) flags |= SF::DERATING;
    if (pacing_) flags |= SF::PACING;
    if (supervisor_.retry_pending()) flags |= SF::FAULT_RETRY;
    s.flags = static_cast<uint16_t>(flags);
    s.faults = supervisor_.latched();
    for (int i = 0; i < 3; ++i) {
        s.voltage_mV[i] = last_.voltage_mV[i];
        s.current_mA[i] = last_.current_mA[i];
    }
    s.power_W = last_.power_W;
    s.energy_Wh = meter_.energy_Wh();
    s.temperature_dC = last_.temperature_dC;
    s.duty_permille = state_f_ ? kDutyOff : duty_;
    s.offered_mA = pwm ? current_from_duty(duty_) : 0;
    s.pp_ampacity_A = pp_ampacity_A_;
    s.uptime_s = static_cast<uint32_t>(uptime_ms_ / 1000);
    s.contactor_cycles = contactor_cycles_;
    s.last_ack_seq = last_ack_seq_;
    s.transaction_ref = transaction_ref_;
    return s;
}

}  // namespace evse
