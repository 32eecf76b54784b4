// Safety supervisor checks and the fault latch (clearing rules: docs/fault-catalogue.md).
#include "evse/supervisor.hpp"

namespace evse {

namespace FB = wire::FaultBit;

namespace {
// Filters: long enough to ignore a single bad sample, short enough for the 100 ms budget of
// IEC 61851-1 Table A.6 (detection + relay).
constexpr uint32_t kPeLostMs = 20;
constexpr uint32_t kGrossOvercurrentMs = 20;
constexpr uint32_t kOvercurrentMs = 6000;      // Table A.6: tolerate +10 % for at least 6 s
constexpr uint32_t kVoltageFilterMs = 50;
// The platform already averages the sensor; a longer filter would break the 100 ms budget.
constexpr uint32_t kTemperatureFilterMs = 50;
constexpr uint32_t kWeldSettleMs = 500;        // relay release and load-side decay after opening
constexpr uint32_t kWeldFilterMs = 20;
constexpr uint32_t kFeedbackTravelMs = 150;    // aux contact may lag a new command this long
constexpr uint32_t kFeedbackSettledMs = 20;    // once settled, a disagreement is a fault at once
constexpr uint32_t kLiveLoad_mV = 50000;       // above 50 V the load side counts as energised
constexpr uint32_t kOvercurrentRetryMs = 60000;
constexpr uint32_t kVoltageRecoveryMs = 10000;

int32_t magnitude(int32_t v) { return v < 0 ? -v : v; }
}  // namespace

void Supervisor::begin(const ChargerConfig& config, const Identity& identity) {
    config_ = config;
    capabilities_ = identity.capabilities;
    phases_ = identity.phases == 1 ? 1 : 3;
    hw_max_mA_ = identity.hw_max_current_mA;
    latched_ = 0;
    derating_ = false;
}

bool Supervisor::over_voltage(const Readings& r) const {
    for (uint8_t i = 0; i < phases_; ++i)
        if (r.voltage_mV[i] > config_.overvoltage_mV) return true;
    return false;
}

bool Supervisor::under_voltage(const Readings& r) const {
    for (uint8_t i = 0; i < phases_; ++i)
        if (r.voltage_mV[i] < config_.undervoltage_mV) return true;
    return false;
}

bool Supervisor::welded_condition(const Readings& r, bool contactor_closed) const {
    if (contactor_closed) return false;
    for (int i = 0; i < 3; ++i)
        if (r.load_voltage_mV[i] > kLiveLoad_mV) return true;
    return false;
}

uint32_t Supervisor::check(const Readings& r, const SupervisorInputs& in) {
    const uint32_t now = r.now_ms;
    uint32_t found = 0;
    // The RDC-DD output also opens the contactor in hardware (IEC 62955); software follows at once.
    if (r.rcd_tripped && !in.rcd_blanked) found |= FB::RCD_TRIP;
    if (r.estop_pressed) found |= FB::EMERGENCY_STOP;
    if (pe_lost_.update(!r.pe_ok, now, kPeLostMs)) found |= FB::GROUND_FAULT;

    int32_t peak_mA = 0;
    for (int i = 0; i < 3; ++i) {
        const int32_t m = magnitude(r.current_mA[i]);
        if (m > peak_mA) peak_mA = m;
    }
    const uint32_t peak = static_cast<uint32_t>(peak_mA);
    const uint32_t judged = in.judged_offer_mA;
    const bool over = in.contactor_closed && peak > judged + judged / 10;
    const bool gross = in.contactor_closed && (peak > judged + judged / 2 + 2000 || peak > hw_max_mA_ + hw_max_mA_ / 4);
    if (overcurrent_.update(over, now, kOvercurrentMs)) found |= FB::OVERCURRENT;
    if (gross_overcurrent_.update(gross, now, kGrossOvercurrentMs)) found |= FB::GROSS_OVERCURRENT;

    if (overvoltage_.update(over_voltage(r), now, kVoltageFilterMs)) found |= FB::OVERVOLTAGE;
    // Under-voltage matters only under load: an idle charger on a weak grid is not at fault.
    if (undervoltage_.update(in.contactor_closed && under_voltage(r), now, kVoltageFilterMs))
        found |= FB::UNDERVOLTAGE;

    const int16_t t = r.temperature_dC;
    if (overtemp_.update(t > config_.stop_temperature_dC, now, kTemperatureFilterMs)) found |= FB::OVERTEMPERATURE;
    if (t > config_.derate_temperature_dC) derating_ = true;
    else if (t < config_.derate_temperature_dC - config_.temperature_hysteresis_dC) derating_ = false;

    const bool weld = welded_condition(r, in.contactor_closed) && now - in.contactor_changed_ms >= kWeldSettleMs;
    if (welded_.update(weld, now, kWeldFilterMs)) found |= FB::WELDED_CONTACTOR;
    if (capabilities_ & wire::Capability::CONTACTOR_FEEDBACK) {
        // Only a mechanical transition excuses a disagreement; a contact that drops out while the
        // contactor is held closed is caught within the Table A.6 budget.
        const bool mismatch = r.contactor_feedback_closed != in.contactor_closed;
        const bool travelling = now - in.contactor_changed_ms < kFeedbackTravelMs;
        const uint32_t hold = travelling ? kFeedbackTravelMs : kFeedbackSettledMs;
        if (feedback_mismatch_.update(mismatch, now, hold)) found |= FB::CONTACTOR_FEEDBACK;
    }

    auto_clear(r);
    return latch(found, now);
}

uint32_t Supervisor::latch(uint32_t bits, uint32_t now_ms) {
    const uint32_t fresh = bits & ~latched_;
    if (fresh == 0) return 0;
    const uint8_t limit = config_.fault_retry_limit;
    Retry* retries[4] = {&retry_overcurrent_, &retry_overvoltage_, &retry_undervoltage_, &retry_overtemp_};
    const uint32_t retry_bits[4] = {FB::OVERCURRENT, FB::OVERVOLTAGE, FB::UNDERVOLTAGE, FB::OVERTEMPERATURE};
    for (int i = 0; i < 4; ++i) {
        if (!(fresh & retry_bits[i])) continue;
        retries[i]->tripped_ms = now_ms;
        retries[i]->exhausted = retries[i]->used >= limit;
        retries[i]->recovered.reset();
    }
    latched_ |= fresh;
    return fresh;
}

void Supervisor::retry_tick(Retry& retry, uint32_t bit, bool recovered) {
    if (!(latched_ & bit) || retry.exhausted || !recovered) return;
    latched_ &= ~bit;
    if (retry.used < 255) ++retry.used;
}

void Supervisor::auto_clear(const Readings& r) {
    const uint32_t now = r.now_ms;
    retry_tick(retry_overcurrent_, FB::OVERCURRENT, now - retry_overcurrent_.tripped_ms >= kOvercurrentRetryMs);
    retry_tick(retry_overvoltage_, FB::OVERVOLTAGE,
               retry_overvoltage_.recovered.update(!over_voltage(r), now, kVoltageRecoveryMs));
    retry_tick(retry_undervoltage_, FB::UNDERVOLTAGE,
               retry_undervoltage_.recovered.update(!under_voltage(r), now, kVoltageRecoveryMs));
    const int32_t resume_below = config_.stop_temperature_dC - config_.temperature_hysteresis_dC;
    retry_tick(retry_overtemp_, FB::OVERTEMPERATURE, r.temperature_dC < resume_below);
}

void Supervisor::connector_idle(const Readings& r, bool just_entered) {
    latched_ &= ~kVehicleFaults;
    if (!r.estop_pressed) latched_ &= ~FB::EMERGENCY_STOP;
    if (just_entered) {
        // A new session gets a fresh retry budget; an exhausted fault stays for the technician.
        retry_overcurrent_.used = 0;
        retry_overvoltage_.used = 0;
        retry_undervoltage_.used = 0;
        retry_overtemp_.used = 0;
    }
}

uint32_t Supervisor::conditions_present(const Readings& r, bool contactor_closed) const {
    uint32_t present = 0;
    if (r.rcd_tripped) present |= FB::RCD_TRIP;
    if (r.estop_pressed) present |= FB::EMERGENCY_STOP;
    if (!r.pe_ok) present |= FB::GROUND_FAULT;
    if (over_voltage(r)) present |= FB::OVERVOLTAGE;
    if (under_voltage(r)) present |= FB::UNDERVOLTAGE;
    if (r.temperature_dC >= config_.stop_temperature_dC - config_.temperature_hysteresis_dC)
        present |= FB::OVERTEMPERATURE;
    if (welded_condition(r, contactor_closed)) present |= FB::WELDED_CONTACTOR;
    if ((capabilities_ & wire::Capability::CONTACTOR_FEEDBACK) && r.contactor_feedback_closed != contactor_closed)
        present |= FB::CONTACTOR_FEEDBACK;
    return present;
}

void Supervisor::clear(uint32_t mask) {
    latched_ &= ~mask;
    Retry* retries[4] = {&retry_overcurrent_, &retry_overvoltage_, &retry_undervoltage_, &retry_overtemp_};
    const uint32_t retry_bits[4] = {FB::OVERCURRENT, FB::OVERVOLTAGE, FB::UNDERVOLTAGE, FB::OVERTEMPERATURE};
    for (int i = 0; i < 4; ++i) {
        if (!(mask & retry_bits[i])) continue;
        retries[i]->used = 0;
        retries[i]->exhausted = false;
    }
}

bool Supervisor::retry_pending() const {
    return ((latched_ & FB::OVERCURRENT) && !retry_overcurrent_.exhausted) ||
           ((latched_ & FB::OVERVOLTAGE) && !retry_overvoltage_.exhausted) ||
           ((latched_ & FB::UNDERVOLTAGE) && !retry_undervoltage_.exhausted) ||
           ((latched_ & FB::OVERTEMPERATURE) && !retry_overtemp_.exhausted);
}

}  // namespace evse
