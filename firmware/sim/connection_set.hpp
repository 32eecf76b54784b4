// One listener and the client connections it accepted: the accept / dispatch / prune loop that every
// server of the simulator (charger ports, I2C bus, control channel) shares.
#pragma once

#include <stddef.h>

#include <stdint.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "net_util.hpp"

namespace evse::sim {

// A connection whose input accumulates until a whole request (a line, a bus transaction) is there.
struct BufferedConnection {
    explicit BufferedConnection(int fd) : stream(fd) {}
    StreamConnection stream;
    std::string input;

    // Appends what the socket has now to input; EOF or an error leaves stream.open() false.
    void read_available() {
        uint8_t buf[4096];
        const size_t n = stream.read_some(buf, sizeof(buf));
        input.append(reinterpret_cast<const char*>(buf), n);
    }
};

// Conn is a server's per-connection state: constructible from a descriptor, with a public
// `StreamConnection stream` member. Beyond kMaxConnections, a new client is closed at once unless
// the server set an eviction rule, which names the connection that makes room for it.
template <typename Conn>
class ConnectionSet {
public:
    static constexpr size_t kMaxConnections = 16;
    using Connections = std::vector<std::unique_ptr<Conn>>;
    // Given the full set, the index of the connection to close for a newcomer.
    using PickEviction = std::function<size_t(const Connections&)>;
    using OnAccepted = std::function<void(Conn&)>;

    explicit ConnectionSet(int listen_fd) : listen_fd_(listen_fd) {}
    ~ConnectionSet() {
        connections_.clear();
        close_socket(listen_fd_);
    }
    ConnectionSet(const ConnectionSet&) = delete;
    ConnectionSet& operator=(const ConnectionSet&) = delete;

    // Appends the listener and every connection (POLLOUT too while output is queued).
    void add_fds(PollSet& set) const {
        set.add(listen_fd_, POLLIN);
        for (const auto& c : connections_) set.add(c->stream.fd(), c->stream.poll_events());
    }

    // Serves the descriptors of set[begin, end): accepts new clients, flushes queued output, calls
    // serve(Conn&) on input or hang-up, then removes the closed connections, passing each to
    // on_closed(const Conn&) first.
    template <typename Serve, typename OnClosed>
    void handle(const PollSet& set, size_t begin, size_t end, Serve&& serve, OnClosed&& on_closed) {
        for (size_t i = begin; i < end; ++i) {
            const pollfd& p = set.fds[i];
            if (p.revents == 0) continue;
            if (p.fd == listen_fd_) {
                accept_all();
                continue;
            }
            // Match by descriptor: a nested step may have closed or added connections meanwhile.
            for (auto& c : connections_) {
                if (c->stream.fd() != p.fd) continue;
                if (p.revents & POLLOUT) c->stream.flush();
                if (p.revents & (POLLIN | POLLHUP | POLLERR)) serve(*c);
                break;
            }
        }
        drop_closed(std::forward<OnClosed>(on_closed));
    }

    template <typename Serve>
    void handle(const PollSet& set, size_t begin, size_t end, Serve&& serve) {
        handle(set, begin, end, std::forward<Serve>(serve), [](const Conn&) {});
    }

    // Closes every connection (the listener stays open), passing each to on_closed first.
    template <typename OnClosed>
    void drop_all(OnClosed&& on_closed) {
        for (auto& c : connections_) {
            on_closed(static_cast<const Conn&>(*c));
            c->stream.close();
        }
        connections_.clear();
    }

    const std::vector<std::unique_ptr<Conn>>& connections() const { return connections_; }

    // pick names the connection to close when the set is full; on_evicted sees it before it goes.
    void set_eviction(PickEviction pick, std::function<void(const Conn&)> on_evicted) {
        pick_eviction_ = std::move(pick);
        on_evicted_ = std::move(on_evicted);
    }
    void set_on_accepted(OnAccepted on_accepted) { on_accepted_ = std::move(on_accepted); }
    // Connections closed to make room for a newcomer, since start.
    uint32_t evictions() const { return evictions_; }

private:
    void accept_all() {
        for (int fd = accept_connection(listen_fd_); fd >= 0; fd = accept_connection(listen_fd_)) {
            if (connections_.size() >= kMaxConnections) {
                if (!pick_eviction_) {
                    close_socket(fd);
                    continue;
                }
                connections_[pick_eviction_(connections_)]->stream.close();
                ++evictions_;
                drop_closed(on_evicted_);
            }
            connections_.push_back(std::make_unique<Conn>(fd));
            if (on_accepted_) on_accepted_(*connections_.back());
        }
    }

    template <typename OnClosed>
    void drop_closed(OnClosed&& on_closed) {
        for (size_t i = 0; i < connections_.size();) {
            if (connections_[i]->stream.open()) {
                ++i;
                continue;
            }
            on_closed(static_cast<const Conn&>(*connections_[i]));
            connections_.erase(connections_.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }

    int listen_fd_;
    std::vector<std::unique_ptr<Conn>> connections_;
    PickEviction pick_eviction_;
    OnAccepted on_accepted_;
    std::function<void(const Conn&)> on_evicted_ = [](const Conn&) {};
    uint32_t evictions_ = 0;
};

}  // namespace evse::sim
