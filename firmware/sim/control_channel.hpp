// The control channel's transport: line-based JSON over TCP, one request object per line, one
// reply line each. The commands themselves are in control_commands.
#pragma once

#include <string>

#include "connection_set.hpp"
#include "net_util.hpp"

namespace evse::sim {

class Simulation;

class ControlChannel {
public:
    ControlChannel(Simulation& sim, int listen_fd) : sim_(sim), connections_(listen_fd) {}

    void add_fds(PollSet& set) const { connections_.add_fds(set); }
    void handle(const PollSet& set, size_t begin, size_t end);

private:
    static constexpr size_t kMaxLine = 64 * 1024;

    void serve(BufferedConnection& c);

    Simulation& sim_;
    ConnectionSet<BufferedConnection> connections_;
};

}  // namespace evse::sim
