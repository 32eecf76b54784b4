// Command-line options of evse-sim: strict parsing with bounds, so a typo refuses to start.
#include "sim_options.hpp"

#include <cerrno>
#include <cmath>
#include <algorithm>
#include <cstdlib>

namespace evse::sim {

namespace {

constexpr int kMaxChargers = 1024;
constexpr uint32_t kMaxTickMs = 10;  // the core must be ticked at least every 10 ms
constexpr long kMaxClockStartMs = 0xFFFFFF00L;

bool parse_long(const char* text, long min, long max, long& value) {
    if (text == nullptr || *text == '\0') return false;
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < min || v > max) return false;
    value = v;
    return true;
}

bool parse_phases(const char* text, std::vector<uint8_t>& phases) {
    phases.clear();
    const char* p = text;
    while (*p != '\0') {
        if (*p == '1' || *p == '3') {
            phases.push_back(static_cast<uint8_t>(*p - '0'));
        } else {
            return false;
        }
        ++p;
        if (*p == ',') {
            ++p;
            if (*p == '\0') return false;
        } else if (*p != '\0') {
            return false;
        }
    }
    return !phases.empty();
}

// "all", or a comma-separated list of distinct 0-based charger indices.
bool parse_tethered(const char* text, SimOptions& options) {
    options.tethered.clear();
    options.all_tethered = std::string(text) == "all";
    if (options.all_tethered) return true;
    const std::string list = text;
    size_t start = 0;
    for (;;) {
        const size_t comma = list.find(',', start);
        const size_t len = comma == std::string::npos ? std::string::npos : comma - start;
        long index = 0;
        if (!parse_long(list.substr(start, len).c_str(), 0, kMaxChargers - 1, index)) return false;
        if (options.is_tethered(static_cast<int>(index))) return false;  // named twice
        options.tethered.push_back(static_cast<int>(index));
        if (comma == std::string::npos) return true;
        start = comma + 1;
    }
}

}  // namespace

bool parse_link_key(const std::string& text, wire::LinkKey& key) {
    if (text.size() != 2 * wire::kLinkKeySize) return false;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (size_t i = 0; i < wire::kLinkKeySize; ++i) {
        const int hi = nibble(text[2 * i]);
        const int lo = nibble(text[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        key.bytes[i] = static_cast<uint8_t>(hi << 4 | lo);
    }
    key.set = true;
    return true;
}

bool SimOptions::is_tethered(int index) const {
    return all_tethered || std::find(tethered.begin(), tethered.end(), index) != tethered.end();
}

const char* usage_text() {
    return "usage: evse-sim --chargers N [--host 127.0.0.1] [--base-port P|0] [--control-port C|0]\n"
           "                [--i2c-port I|0] [--stepped] [--tick-ms 1] [--phases 3,1,...]\n"
           "                [--realtime-factor 1] [--tethered 0,2,...|all] [--clock-start-ms 0]\n"
           "                [--link-key I:HEX64 ...]\n"
           "Prints one JSON ready line on stdout; see docs/simulator.md.\n";
}

bool parse_options(int argc, char** argv, SimOptions& options, std::string& error, bool& help) {
    help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--help" || name == "-h") {
            help = true;
            return true;
        }
        if (name == "--stepped") {
            options.stepped = true;
            continue;
        }
        if (i + 1 >= argc) {
            error = "option " + name + " needs a value";
            return false;
        }
        const char* value = argv[++i];
        long v = 0;
        if (name == "--chargers") {
            if (!parse_long(value, 1, kMaxChargers, v)) {
                error = "--chargers must be 1.." + std::to_string(kMaxChargers);
                return false;
            }
            options.chargers = static_cast<int>(v);
        } else if (name == "--host") {
            options.host = value;
        } else if (name == "--base-port" || name == "--control-port" || name == "--i2c-port") {
            if (!parse_long(value, 0, 65535, v)) {
                error = name + " must be 0..65535";
                return false;
            }
            int& port = name == "--base-port"      ? options.base_port
                        : name == "--control-port" ? options.control_port
                                                   : options.i2c_port;
            port = static_cast<int>(v);
        } else if (name == "--tick-ms") {
            if (!parse_long(value, 1, kMaxTickMs, v)) {
                error = "--tick-ms must be 1.." + std::to_string(kMaxTickMs);
                return false;
            }
            options.tick_ms = static_cast<uint32_t>(v);
        } else if (name == "--phases") {
            if (!parse_phases(value, options.phases)) {
                error = "--phases must be a comma-separated list of 1 and 3";
                return false;
            }
        } else if (name == "--realtime-factor") {
            char* end = nullptr;
            const double f = std::strtod(value, &end);
            if (end == value || *end != '\0' || !std::isfinite(f) || f <= 0.0 || f > 1000.0) {
                error = "--realtime-factor must be a number in (0, 1000]";
                return false;
            }
            options.realtime_factor = f;
        } else if (name == "--clock-start-ms") {
            // Below 2^32: the jump happens before the first tick, where the core sees it as one
            // 32-bit step (see docs/simulator.md).
            if (!parse_long(value, 0, kMaxClockStartMs, v)) {
                error = "--clock-start-ms must be 0.." + std::to_string(kMaxClockStartMs);
                return false;
            }
            options.clock_start_ms = static_cast<uint64_t>(v);
        } else if (name == "--link-key") {
            const std::string text = value;
            const size_t colon = text.find(':');
            wire::LinkKey key;
            if (colon == std::string::npos || !parse_long(text.substr(0, colon).c_str(), 0, kMaxChargers - 1, v) ||
                !parse_link_key(text.substr(colon + 1), key)) {
                error = "--link-key must be CHARGER:KEY, KEY 64 hex digits (32 bytes)";
                return false;
            }
            options.link_keys.emplace_back(static_cast<int>(v), key);
        } else if (name == "--tethered") {
            if (!parse_tethered(value, options)) {
                error = "--tethered must be \"all\" or a comma-separated list of distinct charger indices";
                return false;
            }
        } else {
            error = "unknown option " + name;
            return false;
        }
    }
    if (options.base_port != 0 && options.base_port + options.chargers - 1 > 65535) {
        error = "--base-port + --chargers exceeds 65535";
        return false;
    }
    for (const auto& [index, key] : options.link_keys) {
        if (index >= options.chargers) {
            error = "--link-key names charger " + std::to_string(index) + " but chargers are 0.." +
                    std::to_string(options.chargers - 1);
            return false;
        }
    }
    for (const int index : options.tethered) {
        if (index >= options.chargers) {
            error = "--tethered names charger " + std::to_string(index) + " but chargers are 0.." +
                    std::to_string(options.chargers - 1);
            return false;
        }
    }
    return true;
}

}  // namespace evse::sim
