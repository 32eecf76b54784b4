// The control channel's transport: line-based JSON over TCP, one request object per line, one
// reply line each. The commands themselves are in control_commands.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "net_util.hpp"

namespace evse::sim {

class Simulation;

class ControlChannel {
public:
    ControlChannel(Simulation& sim, int listen_fd) : sim_(sim), listen_fd_(listen_fd) {}
    ~ControlChannel();
    ControlChannel(const ControlChannel&) = delete;
    ControlChannel& operator=(const ControlChannel&) = delete;

    void add_fds(PollSet& set);
    void handle(const PollSet& set, size_t begin, size_t end);

private:
    struct Connection {
        explicit Connection(int fd) : stream(fd) {}
        StreamConnection stream;
        std::string input;
    };
    static constexpr size_t kMaxLine = 64 * 1024;
    static constexpr size_t kMaxConnections = 16;

    void serve(Connection& c);

    Simulation& sim_;
    int listen_fd_;
    std::vector<std::unique_ptr<Connection>> connections_;
};

}  // namespace evse::sim
