// Command-line options of evse-sim: strict parsing with bounds, so a typo refuses to start.
#include "sim_options.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace evse::sim {

namespace {

constexpr int kMaxChargers = 1024;
constexpr uint32_t kMaxTickMs = 10;  // the core must be ticked at least every 10 ms

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

}  // namespace

const char* usage_text() {
    return "usage: evse-sim --chargers N [--host 127.0.0.1] [--base-port P|0] [--control-port C|0]\n"
           "                [--i2c-port I|0] [--stepped] [--tick-ms 1] [--phases 3,1,...]\n"
           "                [--realtime-factor 1]\n"
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
        } else {
            error = "unknown option " + name;
            return false;
        }
    }
    if (options.base_port != 0 && options.base_port + options.chargers - 1 > 65535) {
        error = "--base-port + --chargers exceeds 65535";
        return false;
    }
    return true;
}

}  // namespace evse::sim
