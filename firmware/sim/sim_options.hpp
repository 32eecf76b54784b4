// Command-line options of evse-sim and their parser.
#pragma once

#include <stdint.h>

#include <string>
#include <utility>
#include <vector>

#include "evse/wire_link.hpp"

namespace evse::sim {

struct SimOptions {
    int chargers = 1;
    std::string host = "127.0.0.1";
    int base_port = 0;     // 0 = every charger port chosen by the OS
    int control_port = 0;  // 0 = chosen by the OS
    int i2c_port = 0;      // 0 = chosen by the OS
    bool stepped = false;
    uint32_t tick_ms = 1;
    std::vector<uint8_t> phases = {3};  // cycled over the chargers
    double realtime_factor = 1.0;
    // Chargers with a fixed cable (no SOCKET_PP capability): 0-based indices, or all of them.
    std::vector<int> tethered;
    bool all_tethered = false;
    // Simulated ms the clock stands at after the chargers booted at 0 (tests of the 2^32 ms wrap).
    uint64_t clock_start_ms = 0;
    // --link-key I:HEX: the link key provisioned in charger I (docs/wire-protocol.md).
    std::vector<std::pair<int, wire::LinkKey>> link_keys;

    bool is_tethered(int index) const;
};

// Parses argv into options. Returns false with a message in error on any bad or unknown option;
// sets help when --help was asked.
bool parse_options(int argc, char** argv, SimOptions& options, std::string& error, bool& help);

const char* usage_text();

// 64 hex digits into a key; false if text is anything else.
bool parse_link_key(const std::string& text, wire::LinkKey& key);

}  // namespace evse::sim
