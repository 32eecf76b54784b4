// Wire-protocol request handling of the charger core: validation, effects and replies.
#include "evse/charger_core.hpp"
#include "evse/config_limits.hpp"
#include "evse/proximity.hpp"

namespace evse {

namespace FB = wire::FaultBit;
using wire::ErrorCode;
using wire::MsgType;
using wire::ResultCode;

namespace {
// Self-test bits (SelfTestReply.failed_mask / tests_run).
constexpr uint32_t kTestPilotHigh = 1u << 0;
constexpr uint32_t kTestPilotLow = 1u << 1;
constexpr uint32_t kTestRcd = 1u << 2;
constexpr uint32_t kTestFeedback = 1u << 3;
constexpr uint32_t kTestLock = 1u << 4;
constexpr uint32_t kTestMeter = 1u << 5;
constexpr uint32_t kTestTemperature = 1u << 6;

constexpr uint8_t kResetHard = 1;  // RESET kinds: 0 soft, 1 hard

bool has(uint32_t caps, uint32_t bit) { return (caps & bit) != 0; }

// The connector byte is the first payload byte of every per-connector request.
bool bad_connector(const wire::Frame& f) { return f.payload_len > 0 && f.payload[0] != 0; }
}  // namespace

size_t ChargerCore::reply_ack(const wire::Frame& request, ResultCode result, uint8_t* out, size_t cap) {
    // last_ack_seq names the last command the charger answered with an ACK, whatever the result:
    // the host uses it to tell a lost command from a refused one.
    last_ack_seq_ = request.seq;
    wire::Ack ack{};
    ack.acked_type = request.type;
    ack.result = static_cast<uint8_t>(result);
    return wire::encode_message(ack, request.seq, out, cap);
}

size_t ChargerCore::reply_error(ErrorCode code, uint8_t detail, uint16_t seq, uint8_t* out, size_t cap) {
    wire::Error err{};
    err.error = static_cast<uint8_t>(code);
    err.detail = detail;
    return wire::encode_message(err, seq, out, cap);
}

size_t ChargerCore::handle_request(const wire::Frame& request, uint8_t* out, size_t cap) {
    const int need = wire::payload_size(request.type);
    if (need < 0 || (request.type & 0x80) != 0) {
        // Replies and unknown types are not requests.
        ++rejected_frames_;
        return reply_error(ErrorCode::UNKNOWN_TYPE, request.type, request.seq, out, cap);
    }
    if (request.payload_len < need) {
        ++rejected_frames_;
        return reply_error(ErrorCode::BAD_LENGTH, request.payload_len, request.seq, out, cap);
    }
    const uint8_t* p = request.payload;
    switch (static_cast<MsgType>(request.type)) {
        case MsgType::IDENTIFY_REQ: {
            wire::IdentifyReply m{};
            m.firmware_major = identity_.firmware_major;
            m.firmware_minor = identity_.firmware_minor;
            m.firmware_patch = identity_.firmware_patch;
            m.protocol_version = wire::kVersion;
            for (int i = 0; i < 16; ++i) m.serial[i] = static_cast<uint8_t>(identity_.serial[i]);
            m.capabilities = identity_.capabilities;
            m.connector_count = 1;
            m.phases = identity_.phases;
            m.max_current_mA = identity_.hw_max_current_mA;
            m.boot_count = boot_count_;
            return wire::encode_message(m, request.seq, out, cap);
        }
        case MsgType::STATUS_REQ:
            if (bad_connector(request)) return reply_error(ErrorCode::BAD_CONNECTOR, p[0], request.seq, out, cap);
            return wire::encode_message(status(), request.seq, out, cap);
        case MsgType::PERMIT:
            if (bad_connector(request)) return reply_error(ErrorCode::BAD_CONNECTOR, p[0], request.seq, out, cap);
            return reply_ack(request, do_permit(wire::Permit::decode(p)), out, cap);
        case MsgType::STOP:
            if (bad_connector(request)) return reply_error(ErrorCode::BAD_CONNECTOR, p[0], request.seq, out, cap);
            drop_permission();
            tick_outputs_now();
            return reply_ack(request, ResultCode::OK, out, cap);
        case MsgType::SET_CURRENT: {
            if (bad_connector(request)) return reply_error(ErrorCode::BAD_CONNECTOR, p[0], request.seq, out, cap);
            if (!permitted_) return reply_ack(request, ResultCode::REFUSED_STATE, out, cap);
            host_limit_mA_ = wire::SetCurrent::decode(p).current_limit_mA;
            tick_outputs_now();
            return reply_ack(request, ResultCode::OK, out, cap);
        }
        case MsgType::HEARTBEAT: {
            const wire::Heartbeat m = wire::Heartbeat::decode(p);
            if (m.flags & 0x01) lease_.acknowledge(now_ms_);
            else lease_.renew(now_ms_);
            return reply_ack(request, ResultCode::OK, out, cap);
        }
        case MsgType::CONFIGURE:
            return reply_ack(request, do_configure(wire::Configure::decode(p)), out, cap);
        case MsgType::CLEAR_FAULT:
            return reply_ack(request, do_clear_fault(wire::ClearFault::decode(p).fault_mask), out, cap);
        case MsgType::UNLOCK:
            if (bad_connector(request)) return reply_error(ErrorCode::BAD_CONNECTOR, p[0], request.seq, out, cap);
            if (!has(identity_.capabilities, wire::Capability::LOCK))
                return reply_ack(request, ResultCode::NOT_SUPPORTED, out, cap);
            if (contactor_) return reply_ack(request, ResultCode::REFUSED_STATE, out, cap);
            // The driver wants the cable: no new offer until the vehicle has gone (state A).
            unlock_requested_ = true;
            tick_outputs_now();
            return reply_ack(request, ResultCode::OK, out, cap);
        case MsgType::RESET:
            // Only the documented kinds: an unknown kind may be a newer host's request this firmware
            // cannot honour, and a reset interrupts a session.
            if (wire::Reset::decode(p).kind > kResetHard)
                return reply_ack(request, ResultCode::INVALID_ARGUMENT, out, cap);
            reset_requested_ = true;
            tick_outputs_now();  // contactor open and PWM off before the platform restarts
            return reply_ack(request, ResultCode::OK, out, cap);
        case MsgType::SELF_TEST:
            return do_self_test(request, out, cap);
        default:
            break;
    }
    ++rejected_frames_;
    return reply_error(ErrorCode::UNKNOWN_TYPE, request.type, request.seq, out, cap);
}

ResultCode ChargerCore::do_permit(const wire::Permit& m) {
    if (m.transaction_ref == 0) return ResultCode::INVALID_ARGUMENT;
    if (supervisor_.latched() != 0) return ResultCode::REFUSED_FAULT;
    if (!permitted_ || m.transaction_ref != transaction_ref_) vehicle_seen_ = false;
    permitted_ = true;
    transaction_ref_ = m.transaction_ref;
    host_limit_mA_ = m.current_limit_mA;
    lease_.start(now_ms_);
    tick_outputs_now();
    return ResultCode::OK;
}

ResultCode ChargerCore::do_configure(const wire::Configure& m) {
    ChargerConfig c{};
    c.max_current_mA = m.max_current_mA;
    c.failsafe_current_mA = m.failsafe_current_mA;
    c.lease_ms = m.lease_ms;
    c.overvoltage_mV = m.overvoltage_mV;
    c.undervoltage_mV = m.undervoltage_mV;
    c.derate_temperature_dC = m.derate_temperature_dC;
    c.stop_temperature_dC = m.stop_temperature_dC;
    c.temperature_hysteresis_dC = m.temperature_hysteresis_dC;
    c.allow_ventilation = m.allow_ventilation;
    c.fault_retry_limit = m.fault_retry_limit;
    // All or nothing: a frame with one field out of bounds changes nothing, in RAM or in flash.
    if (!limits::config_within_limits(c, identity_)) return ResultCode::INVALID_ARGUMENT;
    config_ = c;
    supervisor_.configure(config_);
    store_.save_config(config_);  // a failed write is counted; the new limits apply anyway
    tick_outputs_now();
    return ResultCode::OK;
}

ResultCode ChargerCore::do_clear_fault(uint32_t mask) {
    const uint32_t target = mask & supervisor_.latched();
    uint32_t present = supervisor_.conditions_present(last_, contactor_);
    if (has(identity_.capabilities, wire::Capability::LOCK) && last_.lock_engaged != lock_) present |= FB::LOCK_FAULT;
    if (level_ == PilotLevel::E || level_ == PilotLevel::Invalid) present |= FB::PILOT_FAULT;
    present |= vehicle_conditions_present();
    // All or nothing: a technician sees exactly which request failed.
    if (target & present) return ResultCode::CONDITION_PRESENT;
    if (target == 0) return ResultCode::OK;  // nothing latched was asked for: nothing changes
    supervisor_.clear(target);
    if (target & FB::LOCK_FAULT) lock_mismatch_.reset();
    // A clear ends the session the fault interrupted: charging resumes only on a new PERMIT, so a
    // reset protection never restarts the supply by itself (docs/fault-catalogue.md, "After a clear").
    drop_permission();
    tick_outputs_now();
    return ResultCode::OK;
}

uint32_t ChargerCore::vehicle_conditions_present() const {
    // Until the pilot has been read again (state F, or just after it) the vehicle is assumed unchanged.
    const bool unknown = level_ == PilotLevel::Unknown;
    const bool connected = unknown || vehicle_present(level_);
    uint32_t present = 0;
    // The diode can only be seen with the PWM running, which the fault stops: it is missing until the
    // vehicle that lacked it has gone (state A clears the fault anyway).
    if (connected) present |= FB::DIODE_FAULT;
    if (connected && has(identity_.capabilities, wire::Capability::SOCKET_PP) &&
        pp_ampacity_A(last_.pp_ohm, identity_.phases) == 0)
        present |= FB::PP_FAULT;
    // A vehicle asks for ventilation (state D) only while offered current, which the fault stops: it
    // still needs it until it has gone, unless the site now allows state D.
    if (connected && !config_.allow_ventilation) present |= FB::VENTILATION_REFUSED;
    return present;
}

size_t ChargerCore::do_self_test(const wire::Frame& request, uint8_t* out, size_t cap) {
    if (contactor_ || charging_level()) return reply_ack(request, ResultCode::REFUSED_STATE, out, cap);
    const uint32_t caps = identity_.capabilities;
    const Readings& r = last_;
    uint32_t run = 0;
    uint32_t failed = 0;
    if (!state_f_ && duty_ == kDutyOff && level_ != PilotLevel::Unknown) {
        // The source must hold its +12 V plateau (or a vehicle's 9 V) with no PWM running.
        run |= kTestPilotHigh;
        if (level_ != PilotLevel::A && level_ != PilotLevel::B) failed |= kTestPilotHigh;
    }
    if (!state_f_ && duty_ != kDutyOff && vehicle_present(level_)) {
        run |= kTestPilotLow;
        if (r.cp_low_mV > kDiodeMaxLow_mV) failed |= kTestPilotLow;
    }
    if (has(caps, wire::Capability::RDC_DD)) {
        run |= kTestRcd;
        rcd_test_done_ = true;
        rcd_test_ms_ = now_ms_;  // its own trip must not latch RCD_TRIP
        if (!hw_->rcd_self_test()) failed |= kTestRcd;
    }
    if (has(caps, wire::Capability::CONTACTOR_FEEDBACK)) {
        run |= kTestFeedback;
        if (r.contactor_feedback_closed) failed |= kTestFeedback;
    }
    if (has(caps, wire::Capability::LOCK)) {
        run |= kTestLock;
        if (r.lock_engaged != lock_) failed |= kTestLock;
    }
    if (has(caps, wire::Capability::METER)) {
        run |= kTestMeter;
        const uint8_t phases = identity_.phases == 1 ? 1 : 3;
        for (uint8_t i = 0; i < phases; ++i)
            if (r.voltage_mV[i] < 150000 || r.voltage_mV[i] > 300000) failed |= kTestMeter;
    }
    if (has(caps, wire::Capability::TEMPERATURE)) {
        run |= kTestTemperature;
        if (r.temperature_dC < -400 || r.temperature_dC > 1200) failed |= kTestTemperature;
    }
    if (failed != 0) supervisor_.latch(FB::SELF_TEST_FAILED, now_ms_);
    wire::SelfTestReply m{};
    m.failed_mask = failed;
    m.tests_run = run;
    return wire::encode_message(m, request.seq, out, cap);
}

size_t ChargerCore::reject_frame(wire::DecodeResult why, uint16_t seq_hint, uint8_t detail, uint8_t* out,
                                 size_t cap) {
    ErrorCode code = ErrorCode::BAD_CRC;
    switch (why) {
        case wire::DecodeResult::Ok:
        case wire::DecodeResult::Incomplete:
        case wire::DecodeResult::BadMagic:  // line noise: skipped and counted by the parser, not answered
            return 0;
        case wire::DecodeResult::UnsupportedVersion:
            code = ErrorCode::UNSUPPORTED_VERSION;
            seq_hint = 0xFFFF;
            break;
        case wire::DecodeResult::BadLength: code = ErrorCode::BAD_LENGTH; break;
        case wire::DecodeResult::BadCrc:
            code = ErrorCode::BAD_CRC;
            seq_hint = 0xFFFF;  // the header cannot be trusted
            break;
        case wire::DecodeResult::UnknownType: code = ErrorCode::UNKNOWN_TYPE; break;
    }
    ++rejected_frames_;
    return reply_error(code, detail, seq_hint, out, cap);
}

size_t ChargerCore::handle_bytes(const uint8_t* buf, size_t len, uint8_t* out, size_t cap) {
    wire::Frame frame{};
    size_t used = 0;
    const wire::DecodeResult r = wire::decode_frame(buf, len, &frame, &used);
    if (r == wire::DecodeResult::Ok) return handle_request(frame, out, cap);
    // One buffer is one whole request (an I2C write): anything else is answered and counted.
    ++rejected_frames_;
    const uint16_t seq = len >= wire::kHeaderSize ? wire::get_u16(buf + 3) : 0xFFFF;
    switch (r) {
        case wire::DecodeResult::BadMagic:
            return reply_error(ErrorCode::BAD_MAGIC, len > 0 ? buf[0] : 0, 0xFFFF, out, cap);
        case wire::DecodeResult::UnsupportedVersion:
            return reply_error(ErrorCode::UNSUPPORTED_VERSION, buf[1], 0xFFFF, out, cap);
        case wire::DecodeResult::BadCrc: return reply_error(ErrorCode::BAD_CRC, 0, 0xFFFF, out, cap);
        case wire::DecodeResult::UnknownType: return reply_error(ErrorCode::UNKNOWN_TYPE, buf[2], seq, out, cap);
        case wire::DecodeResult::Incomplete:  // truncated: the length byte promised more
        case wire::DecodeResult::BadLength:
        case wire::DecodeResult::Ok: break;
    }
    return reply_error(ErrorCode::BAD_LENGTH, 0, seq, out, cap);
}

}  // namespace evse
