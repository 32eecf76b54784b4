// Per-charger ring buffer of hardware-level events (outputs and plant stimuli) in simulated ms.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <array>

namespace evse::sim {

enum class EventKind : uint8_t {
    Contactor,    // value 0/1: contactor command
    Pwm,          // value: duty in 0.1 %
    PilotF,       // value 0/1: pilot held at -12 V (state F)
    Lock,         // value 0/1: lock command
    Plug,         // value: PP resistance in ohm (0 = tethered)
    Unplug,       // value 0
    Car,          // aux: CarRequest
    Fault,        // aux: FaultKind, value 0/1 (off/on)
    PowerCycle,   // value: boot count before the restart
};

struct SimEvent {
    uint64_t t_ms;  // simulated ms: 64 bits, so times after 2^32 ms (49.7 days) stay ordered
    EventKind kind;
    uint8_t aux;
    int32_t value;
};

// Fixed capacity, oldest overwritten first; no allocation after construction.
class EventLog {
public:
    static constexpr size_t kCapacity = 8192;

    void record(uint64_t t_ms, EventKind kind, int32_t value, uint8_t aux = 0) {
        events_[head_] = SimEvent{t_ms, kind, aux, value};
        head_ = (head_ + 1) % kCapacity;
        if (count_ < kCapacity) ++count_;
    }

    size_t size() const { return count_; }

    // i = 0 is the oldest event kept.
    const SimEvent& at(size_t i) const { return events_[(head_ + kCapacity - count_ + i) % kCapacity]; }

private:
    std::array<SimEvent, kCapacity> events_{};
    size_t head_ = 0;
    size_t count_ = 0;
};

}  // namespace evse::sim
