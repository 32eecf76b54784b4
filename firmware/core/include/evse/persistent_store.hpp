// Persisted records (config, counters) with a CRC each; counters in two alternating slots so a
// write torn by a power loss never loses the last good value.
#pragma once

#include <stdint.h>

#include "evse/charger_types.hpp"
#include "evse/hardware.hpp"

namespace evse {

// Storage keys (Hardware::storage_read/write). Layout in docs/firmware-core.md.
constexpr uint16_t kKeyConfig = 0x0101;
constexpr uint16_t kKeyCountersA = 0x0102;
constexpr uint16_t kKeyCountersB = 0x0103;

struct PersistedCounters {
    uint32_t boot_count;
    uint32_t energy_Wh;
    uint32_t contactor_cycles;
};

class PersistentStore {
public:
    void begin(Hardware& hw) { hw_ = &hw; }
    // Loads the newest valid counters slot; false (and zeros) when none is valid.
    bool load_counters(PersistedCounters* counters);
    bool save_counters(const PersistedCounters& counters);
    // Loads a CRC-checked config; false (config untouched) when absent or corrupt.
    bool load_config(ChargerConfig* config);
    bool save_config(const ChargerConfig& config);
    // Failed or corrupt reads and writes since begin (charging goes on; this is for diagnostics).
    uint32_t failures() const { return failures_; }

private:
    Hardware* hw_ = nullptr;
    uint32_t sequence_ = 0;  // write counter of the counters slots; the higher valid one wins
    uint32_t failures_ = 0;
};

}  // namespace evse
