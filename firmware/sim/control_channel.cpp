// The control channel's transport: accepts clients, splits lines, writes one reply per line.
#include "control_channel.hpp"

#include <unistd.h>

#include "control_commands.hpp"

namespace evse::sim {

ControlChannel::~ControlChannel() {
    connections_.clear();
    if (listen_fd_ >= 0) ::close(listen_fd_);
}

void ControlChannel::add_fds(PollSet& set) {
    set.add(listen_fd_, POLLIN);
    for (const auto& c : connections_) set.add(c->stream.fd(), c->stream.poll_events());
}

void ControlChannel::handle(const PollSet& set, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
        const pollfd& p = set.fds[i];
        if (p.revents == 0) continue;
        if (p.fd == listen_fd_) {
            for (int fd = accept_connection(listen_fd_); fd >= 0; fd = accept_connection(listen_fd_)) {
                if (connections_.size() >= kMaxConnections) {
                    ::close(fd);
                } else {
                    connections_.push_back(std::make_unique<Connection>(fd));
                }
            }
            continue;
        }
        for (auto& c : connections_) {
            if (c->stream.fd() != p.fd) continue;
            if (p.revents & POLLOUT) c->stream.flush();
            if (p.revents & (POLLIN | POLLHUP | POLLERR)) serve(*c);
            break;
        }
    }
    for (size_t i = 0; i < connections_.size();) {
        if (connections_[i]->stream.open()) {
            ++i;
        } else {
            connections_.erase(connections_.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
}

void ControlChannel::serve(Connection& c) {
    uint8_t input[4096];
    const size_t n = c.stream.read_some(input, sizeof(input));
    c.input.append(reinterpret_cast<const char*>(input), n);
    size_t start = 0;
    for (;;) {
        const size_t newline = c.input.find('\n', start);
        if (newline == std::string::npos) break;
        std::string line = c.input.substr(start, newline - start);
        start = newline + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines are ignored
        std::string reply = run_control_command(sim_, line);
        reply.push_back('\n');
        c.stream.send(reinterpret_cast<const uint8_t*>(reply.data()), reply.size());
    }
    c.input.erase(0, start);
    if (c.input.size() > kMaxLine) {
        const std::string reply = "{\"ok\":false,\"error\":\"line longer than 65536 bytes\"}\n";
        c.stream.send(reinterpret_cast<const uint8_t*>(reply.data()), reply.size());
        c.stream.close();
    }
}

}  // namespace evse::sim
