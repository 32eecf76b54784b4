// The whole simulator: the virtual chargers, their servers, the control channel and the clock
// (stepped or realtime), run by one poll()-based loop on a single thread.
#pragma once

#include <stdint.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "control_channel.hpp"
#include "i2c_bus_server.hpp"
#include "net_util.hpp"
#include "sim_options.hpp"
#include "virtual_charger.hpp"
#include "wire_server.hpp"

namespace evse::sim {

class Simulation {
public:
    explicit Simulation(const SimOptions& options) : options_(options) {}
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    // Creates the chargers and opens every listener. False with a message on failure.
    bool start(std::string& error);
    // The JSON line announcing the ports (without the newline).
    std::string ready_line() const;
    // Serves until wake_fd becomes readable (the signal handler writes to it).
    void run(int wake_fd);

    bool stepped() const { return options_.stepped; }
    uint64_t now_ms() const { return now_ms_; }
    // Stepped mode: advances time by ms in tick increments, serving the chargers' TCP and I2C
    // input between ticks. Returns the new time.
    uint64_t step(uint64_t ms);

    size_t charger_count() const { return chargers_.size(); }
    VirtualCharger& charger(size_t i) { return *chargers_[i]; }
    // Decoder counters of charger i: closed and open TCP connections plus I2C writes.
    wire::DecodeStats decode_stats(size_t i) const;
    // TCP connections of charger i closed to let a newcomer in.
    uint32_t evictions(size_t i) const;

private:
    void tick_all(uint32_t dt_ms);
    void advance_realtime();
    int realtime_timeout_ns() const;
    // One poll() round over the chargers' servers only (not the control channel).
    void serve_charger_links(int timeout_ms);
    // Fills set with the stop pipe (index 0) and the servers' descriptors, noting where each
    // server's slice starts in bounds; the control channel's only with with_control (a step, run
    // from a control request, must not re-enter the control channel).
    void gather_fds(PollSet& set, std::vector<size_t>& bounds, bool with_control);
    // Lets every server handle its slice of set after poll().
    void serve_fds(const PollSet& set, const std::vector<size_t>& bounds, bool with_control);

    SimOptions options_;
    std::vector<std::unique_ptr<VirtualCharger>> chargers_;
    std::vector<std::unique_ptr<WireServer>> wire_servers_;
    std::vector<int> charger_ports_;
    std::unique_ptr<I2cBusServer> i2c_;
    int i2c_port_ = 0;
    std::unique_ptr<ControlChannel> control_;
    int control_port_ = 0;
    uint64_t now_ms_ = 0;
    int wake_fd_ = -1;
    bool stop_requested_ = false;
    std::chrono::steady_clock::time_point real_start_;
    uint64_t sim_at_real_start_ = 0;
    PollSet main_set_;
    PollSet step_set_;
    std::vector<size_t> main_bounds_;  // where each server's descriptors start in main_set_
    std::vector<size_t> step_bounds_;
};

}  // namespace evse::sim
