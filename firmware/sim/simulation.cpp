// The whole simulator: chargers, servers and the clock, run by one poll()-based loop.
#include "simulation.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>

#include <nlohmann/json.hpp>

namespace evse::sim {

namespace {

// In realtime mode, at most this many ticks run between two looks at the network, so a slow
// machine answers late rather than not at all.
constexpr int kMaxCatchUpTicks = 200;

}  // namespace

bool Simulation::start(std::string& error) {
    const size_t n = static_cast<size_t>(options_.chargers);
    for (size_t i = 0; i < n; ++i) {
        const uint8_t phases = options_.phases[i % options_.phases.size()];
        const int index = static_cast<int>(i);
        chargers_.push_back(std::make_unique<VirtualCharger>(index, phases, options_.is_tethered(index)));
    }
    for (const auto& [index, key] : options_.link_keys) chargers_[static_cast<size_t>(index)]->set_link_key(key);
    for (size_t i = 0; i < n; ++i) {
        const int port = options_.base_port == 0 ? 0 : options_.base_port + static_cast<int>(i);
        const int fd = open_listener(options_.host, port, error);
        if (fd < 0) return false;
        charger_ports_.push_back(bound_port(fd));
        wire_servers_.push_back(std::make_unique<WireServer>(*chargers_[i], fd));
    }
    const int i2c_fd = open_listener(options_.host, options_.i2c_port, error);
    if (i2c_fd < 0) return false;
    i2c_port_ = bound_port(i2c_fd);
    i2c_ = std::make_unique<I2cBusServer>(chargers_, i2c_fd);
    const int control_fd = open_listener(options_.host, options_.control_port, error);
    if (control_fd < 0) return false;
    control_port_ = bound_port(control_fd);
    control_ = std::make_unique<ControlChannel>(*this, control_fd);

    // The chargers boot at 0; with --clock-start-ms the clock then stands at N before the first
    // tick, as if they had run idle that long (their uptime starts there: a 49.7-day wrap is seconds away).
    now_ms_ = 0;
    for (auto& c : chargers_) c->begin(0);
    now_ms_ = options_.clock_start_ms;
    real_start_ = std::chrono::steady_clock::now();
    sim_at_real_start_ = now_ms_;
    return true;
}

std::string Simulation::ready_line() const {
    const nlohmann::json ready{
        {"ready", true},           {"control_port", control_port_},
        {"i2c_port", i2c_port_},   {"charger_ports", charger_ports_},
        {"stepped", options_.stepped},
    };
    return ready.dump();
}

uint32_t Simulation::evictions(size_t i) const { return wire_servers_[i]->evictions(); }

wire::DecodeStats Simulation::decode_stats(size_t i) const {
    wire::DecodeStats s = chargers_[i]->decode_stats();
    wire_servers_[i]->add_live_stats(s);
    return s;
}

void Simulation::tick_all(uint32_t dt_ms) {
    now_ms_ += dt_ms;
    for (auto& c : chargers_) c->tick(now_ms_, dt_ms);
}

uint64_t Simulation::step(uint64_t ms) {
    while (ms > 0 && !stop_requested_) {
        serve_charger_links(0);
        const uint32_t dt = ms < options_.tick_ms ? static_cast<uint32_t>(ms) : options_.tick_ms;
        tick_all(dt);
        ms -= dt;
    }
    serve_charger_links(0);
    return now_ms_;
}

void Simulation::gather_fds(PollSet& set, std::vector<size_t>& bounds, bool with_control) {
    set.fds.clear();
    // The stop signal's pipe first, so SIGTERM ends even a long step promptly (poll() skips -1).
    set.add(wake_fd_, POLLIN);
    bounds.clear();
    for (auto& w : wire_servers_) {
        bounds.push_back(set.fds.size());
        w->add_fds(set);
    }
    bounds.push_back(set.fds.size());
    i2c_->add_fds(set);
    bounds.push_back(set.fds.size());
    if (with_control) {
        control_->add_fds(set);
        bounds.push_back(set.fds.size());
    }
}

void Simulation::serve_fds(const PollSet& set, const std::vector<size_t>& bounds, bool with_control) {
    const size_t w = wire_servers_.size();
    for (size_t i = 0; i < w; ++i) wire_servers_[i]->handle(set, bounds[i], bounds[i + 1]);
    i2c_->handle(set, bounds[w], bounds[w + 1]);
    if (with_control) control_->handle(set, bounds[w + 1], bounds[w + 2]);
}

void Simulation::serve_charger_links(int timeout_ms) {
    gather_fds(step_set_, step_bounds_, false);
    const int rc = ::poll(step_set_.fds.data(), step_set_.fds.size(), timeout_ms);
    if (rc <= 0) return;
    if (step_set_.fds[0].revents != 0) {
        stop_requested_ = true;  // the byte stays in the pipe: the main loop sees it and returns
        return;
    }
    serve_fds(step_set_, step_bounds_, false);
}

void Simulation::advance_realtime() {
    const auto elapsed = std::chrono::steady_clock::now() - real_start_;
    const double elapsed_ms = std::chrono::duration<double, std::milli>(elapsed).count();
    const auto target = sim_at_real_start_ + static_cast<uint64_t>(elapsed_ms * options_.realtime_factor);
    int ticks = 0;
    while (now_ms_ + options_.tick_ms <= target && ticks < kMaxCatchUpTicks) {
        tick_all(options_.tick_ms);
        ++ticks;
    }
    if (ticks == kMaxCatchUpTicks && now_ms_ + options_.tick_ms <= target) {
        // Far behind (suspended, overloaded): let simulated time slip instead of bursting.
        real_start_ = std::chrono::steady_clock::now();
        sim_at_real_start_ = now_ms_;
    }
}

int Simulation::realtime_timeout_ns() const {
    const double next_sim = static_cast<double>(now_ms_ + options_.tick_ms - sim_at_real_start_);
    const auto due = real_start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                       std::chrono::duration<double, std::milli>(next_sim / options_.realtime_factor));
    const auto left = due - std::chrono::steady_clock::now();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
    if (ns <= 0) return 0;
    return ns > 1000000000 ? 1000000000 : static_cast<int>(ns);
}

void Simulation::run(int wake_fd) {
    wake_fd_ = wake_fd;
    while (!stop_requested_) {
        gather_fds(main_set_, main_bounds_, true);

        timespec timeout{};
        timespec* timeout_ptr = nullptr;  // stepped: sleep until something arrives
        if (!options_.stepped) {
            const int ns = realtime_timeout_ns();
            timeout.tv_sec = ns / 1000000000;
            timeout.tv_nsec = ns % 1000000000;
            timeout_ptr = &timeout;
        }
        const int rc = ::ppoll(main_set_.fds.data(), main_set_.fds.size(), timeout_ptr, nullptr);
        if (rc < 0 && errno != EINTR) return;
        if (rc > 0) {
            if (main_set_.fds[0].revents != 0) return;  // a stop signal arrived
            serve_fds(main_set_, main_bounds_, true);
        }
        if (!options_.stepped) advance_realtime();
    }
}

}  // namespace evse::sim
