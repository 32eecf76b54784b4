// Serves one virtual charger's wire protocol on its TCP port: one FrameParser per connection,
// every frame answered by the charger's core (bad frames with ERROR, as the core decides).
#pragma once

#include <memory>
#include <vector>

#include "evse/wire_frame.hpp"
#include "net_util.hpp"
#include "virtual_charger.hpp"

namespace evse::sim {

class WireServer {
public:
    WireServer(VirtualCharger& charger, int listen_fd) : charger_(charger), listen_fd_(listen_fd) {}
    ~WireServer();
    WireServer(const WireServer&) = delete;
    WireServer& operator=(const WireServer&) = delete;

    // Appends this server's descriptors. While the charger's host link is cut, its connections are
    // closed and the listener is not served (new connections wait unanswered in the backlog).
    void add_fds(PollSet& set);
    // Serves the descriptors of set[begin, end) that belong to this server.
    void handle(const PollSet& set, size_t begin, size_t end);
    // Adds the decoder counters of the open connections.
    void add_live_stats(wire::DecodeStats& total) const;

private:
    struct Connection {
        explicit Connection(int fd) : stream(fd) {}
        StreamConnection stream;
        wire::FrameParser parser;
    };
    static constexpr size_t kMaxConnections = 16;

    void accept_all();
    void serve(Connection& c);
    void drop_all();
    void drop_closed();

    VirtualCharger& charger_;
    int listen_fd_;
    std::vector<std::unique_ptr<Connection>> connections_;
};

}  // namespace evse::sim
