// The control channel's commands: plant stimuli, faults, time and the read-outs tests assert on.
#include "control_commands.hpp"

#include <nlohmann/json.hpp>

#include "control_args.hpp"
#include "sim_options.hpp"
#include "simulation.hpp"

namespace evse::sim {

namespace {

using nlohmann::json;

constexpr int64_t kMaxStep_ms = 24LL * 3600 * 1000;

const char* iec_state_name(uint8_t state) {
    switch (static_cast<wire::IecState>(state)) {
        case wire::IecState::UNKNOWN: return "UNKNOWN";
        case wire::IecState::A: return "A";
        case wire::IecState::B1: return "B1";
        case wire::IecState::B2: return "B2";
        case wire::IecState::C1: return "C1";
        case wire::IecState::C2: return "C2";
        case wire::IecState::D1: return "D1";
        case wire::IecState::D2: return "D2";
        case wire::IecState::E: return "E";
        case wire::IecState::F: return "F";
    }
    return "UNKNOWN";
}

VirtualCharger& charger_arg(Simulation& sim, ControlArgs& args) {
    const int64_t max = static_cast<int64_t>(sim.charger_count()) - 1;
    return sim.charger(static_cast<size_t>(args.integer("charger", 0, max)));
}

// The cable's PP resistor: socket chargers need one (the driver's cable has it, IEC 61851-1
// Annex B); a tethered charger's fixed cable has none, so pp_ohm there may only be 0 or omitted.
uint32_t cable_pp_ohm(const VirtualCharger& c, ControlArgs& args) {
    const int64_t fallback = c.tethered() ? 0 : CarParams{}.pp_ohm;
    const auto pp_ohm = static_cast<uint32_t>(args.integer_or("pp_ohm", 0, 1000000, fallback));
    const std::string which = "charger " + std::to_string(c.index());
    if (c.tethered() && pp_ohm != 0) {
        throw CommandError(which + " is tethered: its fixed cable has no PP resistor, omit pp_ohm");
    }
    if (!c.tethered() && pp_ohm == 0) {
        throw CommandError(which + " is a socket charger: a cable has a PP resistor (pp_ohm > 0; "
                                   "start the simulator with --tethered for a fixed cable)");
    }
    return pp_ohm;
}

json cmd_plug(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    CarParams car;
    car.pp_ohm = cable_pp_ohm(c, args);
    car.battery_wh = static_cast<uint32_t>(args.integer_or("battery_wh", 1, 1000000, car.battery_wh));
    car.soc_pct = static_cast<uint32_t>(args.integer_or("soc_pct", 0, 100, car.soc_pct));
    car.max_current_mA =
        static_cast<uint32_t>(args.integer_or("car_max_current_mA", 0, 100000, car.max_current_mA));
    car.phases = static_cast<uint8_t>(args.integer_or("car_phases", 1, 3, car.phases));
    car.asks_without_pwm = args.boolean_or("asks_without_pwm", car.asks_without_pwm);
    args.finish();
    if (c.plant().plugged()) throw CommandError("charger " + std::to_string(c.index()) + " is already plugged");
    c.plug(car);
    return json::object();
}

json cmd_unplug(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    args.finish();
    if (c.plant().plugged()) c.unplug();
    return json::object();
}

json cmd_car(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    const std::string request = args.choice("request", {"charge", "pause", "ventilation"});
    args.finish();
    if (!c.plant().plugged()) throw CommandError("no car is plugged into charger " + std::to_string(c.index()));
    c.set_car_request(request == "charge"  ? CarRequest::Charge
                      : request == "pause" ? CarRequest::Pause
                                           : CarRequest::Ventilation);
    return json::object();
}

json cmd_misbehave(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    const std::string mode = args.choice("mode", {"none", "overdraw", "ignore_pwm", "no_diode", "slow_stop"});
    const auto factor = static_cast<uint32_t>(args.integer_or("factor_pct", 0, 1000, 130));
    args.finish();
    const Misbehaviour m = mode == "overdraw"     ? Misbehaviour::Overdraw
                           : mode == "ignore_pwm" ? Misbehaviour::IgnorePwm
                           : mode == "no_diode"   ? Misbehaviour::NoDiode
                           : mode == "slow_stop"  ? Misbehaviour::SlowStop
                                                  : Misbehaviour::None;
    c.set_misbehaviour(m, factor);
    return json::object();
}

json cmd_fault(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    const std::string name = args.choice(
        "kind", {"rcd", "estop", "overvoltage", "undervoltage", "overtemp", "ground", "welded",
                 "feedback_stuck_open", "pp_open", "pilot_short", "host_link"});
    const bool active = args.boolean("active");
    FaultKind kind = FaultKind::Rcd;
    for (int k = 0; k < static_cast<int>(FaultKind::Count); ++k) {
        if (name == fault_kind_name(static_cast<FaultKind>(k))) kind = static_cast<FaultKind>(k);
    }
    int64_t value = 0;
    if (kind == FaultKind::Overvoltage) {
        value = args.integer_or("value", 0, 1000000, plant::kDefaultOvervoltage_mV);
    } else if (kind == FaultKind::Undervoltage) {
        value = args.integer_or("value", 0, 1000000, plant::kDefaultUndervoltage_mV);
    } else if (kind == FaultKind::Overtemp) {
        value = args.integer_or("value", -400, 2000, plant::kDefaultOvertemp_dC);
    } else if (args.has("value")) {
        throw CommandError("fault \"" + name + "\" takes no value");
    } else {
        args.integer_or("value", 0, 0, 0);  // a null value is accepted
    }
    args.finish();
    c.set_fault(kind, active, static_cast<int32_t>(value));
    return json::object();
}

json cmd_grid(Simulation& sim, ControlArgs& args) {
    const auto mV = static_cast<uint32_t>(args.integer("voltage_mV", 0, 1000000));
    if (args.has("charger")) {
        VirtualCharger& c = charger_arg(sim, args);
        args.finish();
        c.set_grid_voltage(mV);
        return json::object();
    }
    args.integer_or("charger", 0, 0, 0);  // a null charger means all
    args.finish();
    for (size_t i = 0; i < sim.charger_count(); ++i) sim.charger(i).set_grid_voltage(mV);
    return json::object();
}

json cmd_step(Simulation& sim, ControlArgs& args) {
    const int64_t ms = args.integer("ms", 0, kMaxStep_ms);
    args.finish();
    if (!sim.stepped()) throw CommandError("step needs the simulator started with --stepped");
    return json{{"now_ms", sim.step(static_cast<uint64_t>(ms))}};
}

json cmd_time(Simulation& sim, ControlArgs& args) {
    args.finish();
    return json{{"now_ms", sim.now_ms()}};
}

std::string firmware_version(const VirtualCharger& c) {
    const Identity& id = c.identity();
    return std::to_string(id.firmware_major) + "." + std::to_string(id.firmware_minor) + "." +
           std::to_string(id.firmware_patch);
}

json charger_status(Simulation& sim, VirtualCharger& c) {
    const wire::StatusReply s = c.core().status();
    const HardwareOutputs& out = c.hardware().outputs();
    const Readings& r = c.plant().last_readings();
    return json{
        {"now_ms", sim.now_ms()},
        {"iec_state", iec_state_name(s.iec_state)},
        {"contactor", out.contactor_closed},
        {"contactor_feedback", r.contactor_feedback_closed},
        {"lock", r.lock_engaged},
        {"pwm_duty_permille", out.duty_permille},
        {"pilot_f", out.pilot_f},
        {"offered_mA", s.offered_mA},
        {"current_mA", {r.current_mA[0], r.current_mA[1], r.current_mA[2]}},
        {"voltage_mV", {r.voltage_mV[0], r.voltage_mV[1], r.voltage_mV[2]}},
        {"power_W", r.power_W},
        {"faults", s.faults},
        {"flags", s.flags},
        {"energy_Wh", s.energy_Wh},
        {"contactor_cycles", s.contactor_cycles},
        {"plugged", c.plant().plugged()},
        {"car_state", c.plant().car_state_name()},
        {"soc_pct", c.plant().soc_pct()},
        {"temperature_dC", r.temperature_dC},
        {"boot_count", c.core().boot_count()},
        {"lease_expired", (s.flags & wire::StatusFlag::LEASE_EXPIRED) != 0},
        {"firmware", firmware_version(c)},
    };
}

json cmd_status(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    args.finish();
    return charger_status(sim, c);
}

// Every charger at one simulated instant: the control channel answers between simulation steps, so
// a sum over this reply (the site's offered current) is what the chargers offered together.
json cmd_status_all(Simulation& sim, ControlArgs& args) {
    args.finish();
    json chargers = json::array();
    for (size_t i = 0; i < sim.charger_count(); ++i) {
        chargers.push_back(charger_status(sim, sim.charger(i)));
    }
    return json{{"now_ms", sim.now_ms()}, {"chargers", chargers}};
}

json event_json(const SimEvent& e) {
    json j{{"t_ms", e.t_ms}};
    switch (e.kind) {
        case EventKind::Contactor: j["kind"] = "contactor"; j["value"] = e.value; break;
        case EventKind::Pwm: j["kind"] = "pwm"; j["value"] = e.value; break;
        case EventKind::PilotF: j["kind"] = "pilot_f"; j["value"] = e.value; break;
        case EventKind::Lock: j["kind"] = "lock"; j["value"] = e.value; break;
        case EventKind::Plug: j["kind"] = "plug"; j["value"] = e.value; break;
        case EventKind::Unplug: j["kind"] = "unplug"; j["value"] = e.value; break;
        case EventKind::Car:
            j["kind"] = "car";
            j["value"] = car_request_name(static_cast<CarRequest>(e.aux));
            break;
        case EventKind::Fault:
            j["kind"] = "fault";
            j["value"] = std::string(fault_kind_name(static_cast<FaultKind>(e.aux))) + (e.value ? ":on" : ":off");
            break;
        case EventKind::PowerCycle: j["kind"] = "power_cycle"; j["value"] = e.value; break;
    }
    return j;
}

json cmd_events(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    const int64_t since = args.integer_or("since_ms", 0, INT64_MAX, 0);
    args.finish();
    json events = json::array();
    const EventLog& log = c.events();
    for (size_t i = 0; i < log.size(); ++i) {
        const SimEvent& e = log.at(i);
        if (static_cast<int64_t>(e.t_ms) >= since) events.push_back(event_json(e));
    }
    return json{{"events", std::move(events)}};
}

json cmd_power_cycle(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    args.finish();
    c.power_cycle(sim.now_ms());
    return json{{"boot_count", c.core().boot_count()}};
}

json cmd_stats(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    args.finish();
    const wire::DecodeStats s = sim.decode_stats(static_cast<size_t>(c.index()));
    return json{
        {"frames_ok", s.frames_ok},       {"bad_crc", s.bad_crc},
        {"bad_length", s.bad_length},     {"bad_version", s.bad_version},
        {"unknown_type", s.unknown_type}, {"bad_magic_bytes", s.bad_magic_bytes},
        {"rejected_frames", c.core().rejected_frames()},
        {"auth_failures", c.auth_failures()},
        {"evictions", sim.evictions(static_cast<size_t>(c.index()))},
    };
}

// A firmware image flashed over the charger's serial port (the host's esptool stand-in for simulated
// chargers sends it after its read-back): the charger restarts and identifies with the new version.
json cmd_flash(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    const auto major = static_cast<uint8_t>(args.integer("major", 0, 255));
    const auto minor = static_cast<uint8_t>(args.integer("minor", 0, 255));
    const auto patch = static_cast<uint8_t>(args.integer("patch", 0, 255));
    args.finish();
    c.flash_firmware(major, minor, patch, sim.now_ms());
    return json{{"firmware", firmware_version(c)}, {"boot_count", c.core().boot_count()}};
}

// Provisions (or, with "", removes) the charger's link key, as commissioning does; it applies to
// the next tagged request on every connection.
json cmd_link_key(Simulation& sim, ControlArgs& args) {
    VirtualCharger& c = charger_arg(sim, args);
    const std::string text = args.string("key");
    args.finish();
    wire::LinkKey key;
    if (!text.empty() && !parse_link_key(text, key)) throw CommandError("key must be 64 hex digits or \"\"");
    c.set_link_key(key);
    return json{{"auth_required", key.set}};
}

json dispatch(Simulation& sim, const json& request) {
    if (!request.is_object()) throw CommandError("a request must be a JSON object");
    if (!request.contains("cmd") || !request.at("cmd").is_string()) {
        throw CommandError("missing string field \"cmd\"");
    }
    const std::string cmd = request.at("cmd").get<std::string>();
    ControlArgs args(request);
    if (cmd == "plug") return cmd_plug(sim, args);
    if (cmd == "unplug") return cmd_unplug(sim, args);
    if (cmd == "car") return cmd_car(sim, args);
    if (cmd == "misbehave") return cmd_misbehave(sim, args);
    if (cmd == "fault") return cmd_fault(sim, args);
    if (cmd == "grid") return cmd_grid(sim, args);
    if (cmd == "step") return cmd_step(sim, args);
    if (cmd == "time") return cmd_time(sim, args);
    if (cmd == "status") return cmd_status(sim, args);
    if (cmd == "status_all") return cmd_status_all(sim, args);
    if (cmd == "events") return cmd_events(sim, args);
    if (cmd == "power_cycle") return cmd_power_cycle(sim, args);
    if (cmd == "stats") return cmd_stats(sim, args);
    if (cmd == "link_key") return cmd_link_key(sim, args);
    if (cmd == "flash") return cmd_flash(sim, args);
    throw CommandError("unknown command \"" + cmd + "\"");
}

}  // namespace

std::string run_control_command(Simulation& sim, const std::string& line) {
    json reply;
    try {
        const json request = json::parse(line);
        reply = dispatch(sim, request);
        reply["ok"] = true;
    } catch (const CommandError& e) {
        reply = json{{"ok", false}, {"error", e.what()}};
    } catch (const json::exception& e) {
        reply = json{{"ok", false}, {"error", std::string("bad JSON: ") + e.what()}};
    } catch (const std::exception& e) {
        reply = json{{"ok", false}, {"error", std::string("internal error: ") + e.what()}};
    }
    return reply.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace evse::sim
