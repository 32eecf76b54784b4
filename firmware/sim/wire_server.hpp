// Serves one virtual charger's wire protocol on its TCP port: one FrameParser and LinkSession per
// connection, every frame screened for its link tag and answered by the charger's core (bad frames
// with ERROR, as the core decides). A newcomer always gets in (docs/wire-protocol.md, "Connections").
#pragma once

#include "connection_set.hpp"
#include "evse/wire_frame.hpp"
#include "evse/wire_link.hpp"
#include "net_util.hpp"
#include "virtual_charger.hpp"

namespace evse::sim {

class WireServer {
public:
    WireServer(VirtualCharger& charger, int listen_fd);
    ~WireServer() { drop_all(); }
    WireServer(const WireServer&) = delete;
    WireServer& operator=(const WireServer&) = delete;

    // Appends this server's descriptors. While the charger's host link is cut, its connections are
    // closed and the listener is not served (new connections wait unanswered in the backlog).
    void add_fds(PollSet& set);
    // Serves the descriptors of set[begin, end) that belong to this server.
    void handle(const PollSet& set, size_t begin, size_t end);
    // Adds the decoder counters of the open connections.
    void add_live_stats(wire::DecodeStats& total) const;
    uint32_t evictions() const { return connections_.evictions(); }

private:
    struct Connection {
        explicit Connection(int fd) : stream(fd) {}
        StreamConnection stream;
        wire::FrameParser parser;
        wire::LinkSession session;
    };

    void serve(Connection& c);
    void drop_all();
    // A connection's counters outlive it in the charger's totals.
    void keep_stats(const Connection& c) { charger_.add_closed_stats(c.parser.stats()); }

    VirtualCharger& charger_;
    ConnectionSet<Connection> connections_;
};

}  // namespace evse::sim
