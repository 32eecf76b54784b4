// One simulated charger: wires the real ChargerCore to the simulated hardware and plant.
#include "virtual_charger.hpp"

#include <cstdio>
#include <new>  // placement new: a power cycle rebuilds the core in place

namespace evse::sim {

namespace {

constexpr uint32_t kHwMaxCurrent_mA = 32000;

uint32_t sim_capabilities(uint8_t phases, bool tethered) {
    uint32_t caps = wire::Capability::RDC_DD | wire::Capability::LOCK | wire::Capability::CONTACTOR_FEEDBACK |
                    wire::Capability::METER | wire::Capability::TEMPERATURE | wire::Capability::VENTILATION |
                    wire::Capability::ETHERNET | wire::Capability::I2C;
    if (phases == 3) caps |= wire::Capability::THREE_PHASE;
    // A socket outlet learns the cable's rating from PP (IEC 61851-1 Annex B); a fixed cable is
    // rated for the charger, so its core has no PP to read.
    if (!tethered) caps |= wire::Capability::SOCKET_PP;
    return caps;
}

}  // namespace

void add_decode_stats(wire::DecodeStats& total, const wire::DecodeStats& add) {
    total.frames_ok += add.frames_ok;
    total.bad_magic_bytes += add.bad_magic_bytes;
    total.bad_version += add.bad_version;
    total.bad_length += add.bad_length;
    total.bad_crc += add.bad_crc;
    total.unknown_type += add.unknown_type;
}

VirtualCharger::VirtualCharger(int index, uint8_t phases, bool tethered)
    : index_(index), hardware_(events_), plant_(phases) {
    identity_.firmware_major = 0;
    identity_.firmware_minor = 1;
    identity_.firmware_patch = 0;
    std::snprintf(identity_.serial, sizeof(identity_.serial), "SIM-%04d", index);
    identity_.capabilities = sim_capabilities(phases, tethered);
    identity_.phases = phases;
    identity_.hw_max_current_mA = kHwMaxCurrent_mA;
}

void VirtualCharger::begin(uint64_t now_ms) {
    now_ms_ = now_ms;
    hardware_.set_now(now_ms);
    plant_.update(static_cast<uint32_t>(now_ms), 0, hardware_.outputs(), readings_);
    core_.begin(hardware_, identity_, static_cast<uint32_t>(now_ms));
}

void VirtualCharger::tick(uint64_t now_ms, uint32_t dt_ms) {
    now_ms_ = now_ms;
    hardware_.set_now(now_ms);
    plant_.update(static_cast<uint32_t>(now_ms), dt_ms, hardware_.outputs(), readings_);
    core_.tick(readings_);
    if (core_.reset_requested()) power_cycle(now_ms);  // the platform restarts on the core's request
}

void VirtualCharger::power_cycle(uint64_t now_ms) {
    now_ms_ = now_ms;
    hardware_.set_now(now_ms);
    events_.record(now_ms, EventKind::PowerCycle, static_cast<int32_t>(core_.boot_count()));
    hardware_.reset_outputs();
    // A fresh core object, as after a real reset: only the storage behind hardware_ remains.
    core_.~ChargerCore();
    new (&core_) ChargerCore();
    core_.begin(hardware_, identity_, static_cast<uint32_t>(now_ms));
}

void VirtualCharger::flash_firmware(uint8_t major, uint8_t minor, uint8_t patch, uint64_t now_ms) {
    identity_.firmware_major = major;
    identity_.firmware_minor = minor;
    identity_.firmware_patch = patch;
    power_cycle(now_ms);
}

size_t VirtualCharger::answer(wire::DecodeResult decoded, const wire::Frame& frame, uint16_t seq_hint,
                              uint8_t detail, uint8_t* out, size_t cap) {
    if (decoded != wire::DecodeResult::Ok) return core_.reject_frame(decoded, seq_hint, detail, out, cap);
    hardware_.set_now(now_ms_);
    return core_.handle_request(frame, out, cap);
}

void VirtualCharger::count_i2c_decode(const uint8_t* buf, size_t len) {
    wire::Frame frame{};
    size_t used = 0;
    switch (wire::decode_frame(buf, len, &frame, &used)) {
        case wire::DecodeResult::Ok: ++decode_stats_.frames_ok; break;
        case wire::DecodeResult::Incomplete:  // a truncated write is a frame of the wrong length
        case wire::DecodeResult::BadLength: ++decode_stats_.bad_length; break;
        case wire::DecodeResult::BadMagic: {
            size_t skipped = 0;  // counted like the stream parser: bytes before a magic byte
            while (skipped < len && buf[skipped] != wire::kMagic) ++skipped;
            decode_stats_.bad_magic_bytes += static_cast<uint32_t>(skipped);
            break;
        }
        case wire::DecodeResult::UnsupportedVersion: ++decode_stats_.bad_version; break;
        case wire::DecodeResult::BadCrc: ++decode_stats_.bad_crc; break;
        case wire::DecodeResult::UnknownType: ++decode_stats_.unknown_type; break;
    }
}

size_t VirtualCharger::handle_i2c_write(const uint8_t* buf, size_t len, uint8_t* out, size_t cap) {
    count_i2c_decode(buf, len);
    hardware_.set_now(now_ms_);
    return core_.handle_bytes(buf, len, out, cap);
}

void VirtualCharger::plug(const CarParams& car) {
    events_.record(now_ms_, EventKind::Plug, static_cast<int32_t>(car.pp_ohm));
    plant_.plug(car);
}

void VirtualCharger::unplug() {
    events_.record(now_ms_, EventKind::Unplug, 0);
    plant_.unplug();
}

void VirtualCharger::set_car_request(CarRequest request) {
    events_.record(now_ms_, EventKind::Car, 0, static_cast<uint8_t>(request));
    plant_.set_car_request(request);
}

void VirtualCharger::set_fault(FaultKind kind, bool active, int32_t value) {
    events_.record(now_ms_, EventKind::Fault, active ? 1 : 0, static_cast<uint8_t>(kind));
    plant_.set_fault(kind, active, value);
    if (kind == FaultKind::Rcd) hardware_.set_rcd_healthy(!active);
}

void VirtualCharger::add_closed_stats(const wire::DecodeStats& s) { add_decode_stats(decode_stats_, s); }

}  // namespace evse::sim
