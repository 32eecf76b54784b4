// Serves one virtual charger's wire protocol over TCP, frame by frame, through its core.
#include "wire_server.hpp"

#include <unistd.h>

namespace evse::sim {

WireServer::~WireServer() {
    drop_all();
    if (listen_fd_ >= 0) ::close(listen_fd_);
}

void WireServer::add_fds(PollSet& set) {
    if (charger_.host_link_down()) {
        drop_all();
        return;
    }
    set.add(listen_fd_, POLLIN);
    for (const auto& c : connections_) set.add(c->stream.fd(), c->stream.poll_events());
}

void WireServer::handle(const PollSet& set, size_t begin, size_t end) {
    if (charger_.host_link_down()) {
        drop_all();
        return;
    }
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
    drop_closed();
}

void WireServer::add_live_stats(wire::DecodeStats& total) const {
    for (const auto& c : connections_) {
        const wire::DecodeStats& s = c->parser.stats();
        total.frames_ok += s.frames_ok;
        total.bad_magic_bytes += s.bad_magic_bytes;
        total.bad_version += s.bad_version;
        total.bad_length += s.bad_length;
        total.bad_crc += s.bad_crc;
        total.unknown_type += s.unknown_type;
    }
}

void WireServer::accept_all() {
    for (;;) {
        const int fd = accept_connection(listen_fd_);
        if (fd < 0) return;
        if (connections_.size() >= kMaxConnections) {
            ::close(fd);
            continue;
        }
        connections_.push_back(std::make_unique<Connection>(fd));
    }
}

void WireServer::serve(Connection& c) {
    uint8_t input[2048];
    uint8_t reply[wire::kMaxFrame];
    const size_t n = c.stream.read_some(input, sizeof(input));
    size_t offset = 0;
    while (offset < n) {
        const size_t taken = c.parser.feed(input + offset, n - offset);
        offset += taken;
        bool progressed = false;
        for (;;) {
            wire::Frame frame{};
            uint16_t seq_hint = 0;
            uint8_t detail = 0;
            const wire::DecodeResult r = c.parser.next(&frame, &seq_hint, &detail);
            if (r == wire::DecodeResult::Incomplete) break;
            progressed = true;
            const size_t len = r == wire::DecodeResult::Ok
                                   ? charger_.handle_frame(frame, reply, sizeof(reply))
                                   : charger_.reject_frame(r, seq_hint, detail, reply, sizeof(reply));
            c.stream.send(reply, len);
        }
        if (taken == 0 && !progressed) {  // parser wedged: cannot happen with a sane parser
            c.stream.close();
            return;
        }
    }
}

void WireServer::drop_all() {
    for (auto& c : connections_) {
        charger_.add_closed_stats(c->parser.stats());
        c->stream.close();
    }
    connections_.clear();
}

void WireServer::drop_closed() {
    for (size_t i = 0; i < connections_.size();) {
        if (connections_[i]->stream.open()) {
            ++i;
            continue;
        }
        charger_.add_closed_stats(connections_[i]->parser.stats());
        connections_.erase(connections_.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

}  // namespace evse::sim
