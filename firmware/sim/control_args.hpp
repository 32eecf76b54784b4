// Strict reading of a control request's fields: types, bounds, and no unknown keys.
#pragma once

#include <stdint.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>

namespace evse::sim {

// A request the simulator refuses; its message goes back as {"ok":false,"error":...}.
struct CommandError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ControlArgs {
public:
    explicit ControlArgs(const nlohmann::json& request) : request_(request) { used_.insert("cmd"); }

    bool has(const std::string& key) const {
        return request_.contains(key) && !request_.at(key).is_null();
    }

    int64_t integer(const std::string& key, int64_t min, int64_t max) {
        used_.insert(key);
        if (!request_.contains(key)) throw CommandError("missing field \"" + key + "\"");
        const nlohmann::json& v = request_.at(key);
        if (!v.is_number_integer()) throw CommandError("field \"" + key + "\" must be an integer");
        if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
            throw CommandError("field \"" + key + "\" out of range");
        }
        const int64_t x = v.get<int64_t>();
        if (x < min || x > max) {
            throw CommandError("field \"" + key + "\" must be " + std::to_string(min) + ".." +
                               std::to_string(max));
        }
        return x;
    }

    // Absent or null gives fallback.
    int64_t integer_or(const std::string& key, int64_t min, int64_t max, int64_t fallback) {
        used_.insert(key);
        return has(key) ? integer(key, min, max) : fallback;
    }

    std::string string(const std::string& key) {
        used_.insert(key);
        if (!request_.contains(key)) throw CommandError("missing field \"" + key + "\"");
        const nlohmann::json& v = request_.at(key);
        if (!v.is_string()) throw CommandError("field \"" + key + "\" must be a string");
        return v.get<std::string>();
    }

    bool boolean(const std::string& key) {
        used_.insert(key);
        if (!request_.contains(key)) throw CommandError("missing field \"" + key + "\"");
        const nlohmann::json& v = request_.at(key);
        if (!v.is_boolean()) throw CommandError("field \"" + key + "\" must be true or false");
        return v.get<bool>();
    }

    // Absent or null gives fallback.
    bool boolean_or(const std::string& key, bool fallback) {
        used_.insert(key);
        return has(key) ? boolean(key) : fallback;
    }

    std::string choice(const std::string& key, std::initializer_list<const char*> allowed) {
        used_.insert(key);
        if (!request_.contains(key)) throw CommandError("missing field \"" + key + "\"");
        const nlohmann::json& v = request_.at(key);
        std::string names;
        for (const char* a : allowed) {
            if (v.is_string() && v.get<std::string>() == a) return a;
            names += names.empty() ? "" : ", ";
            names += a;
        }
        throw CommandError("field \"" + key + "\" must be one of: " + names);
    }

    // Call after reading every field: a key the command does not know is a typo, not ignored.
    void finish() const {
        for (auto it = request_.begin(); it != request_.end(); ++it) {
            if (used_.count(it.key()) == 0) throw CommandError("unknown field \"" + it.key() + "\"");
        }
    }

private:
    const nlohmann::json& request_;
    std::set<std::string> used_;
};

}  // namespace evse::sim
