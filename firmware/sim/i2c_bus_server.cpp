// The virtual I2C bus: bus transactions over TCP, each answered by the addressed charger's core.
#include "i2c_bus_server.hpp"

#include <unistd.h>

namespace evse::sim {

namespace {

uint16_t le16(const std::string& s, size_t at) {
    return static_cast<uint16_t>(static_cast<uint8_t>(s[at]) | (static_cast<uint8_t>(s[at + 1]) << 8));
}

}  // namespace

I2cBusServer::I2cBusServer(std::vector<std::unique_ptr<VirtualCharger>>& chargers, int listen_fd)
    : chargers_(chargers), pending_(chargers.size()), listen_fd_(listen_fd) {}

I2cBusServer::~I2cBusServer() {
    connections_.clear();
    if (listen_fd_ >= 0) ::close(listen_fd_);
}

void I2cBusServer::add_fds(PollSet& set) {
    set.add(listen_fd_, POLLIN);
    for (const auto& c : connections_) set.add(c->stream.fd(), c->stream.poll_events());
}

void I2cBusServer::handle(const PollSet& set, size_t begin, size_t end) {
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

VirtualCharger* I2cBusServer::device_at(uint8_t address) {
    if (address < kBaseAddress || address > 0x7F) return nullptr;
    const size_t index = address - kBaseAddress;
    if (index >= chargers_.size()) return nullptr;
    VirtualCharger* charger = chargers_[index].get();
    // A charger whose host link is cut does not answer its address: the master sees a NACK.
    return charger->host_link_down() ? nullptr : charger;
}

void I2cBusServer::serve(Connection& c) {
    uint8_t input[4096];
    const size_t n = c.stream.read_some(input, sizeof(input));
    c.input.append(reinterpret_cast<const char*>(input), n);
    while (c.stream.open() && run_transaction(c)) {
    }
}

bool I2cBusServer::run_transaction(Connection& c) {
    if (c.input.size() < 3) return false;
    const uint8_t address = static_cast<uint8_t>(c.input[0]);
    const size_t write_len = le16(c.input, 1);
    const size_t total = 3 + write_len + 2;
    if (c.input.size() < total) return false;
    const size_t read_len = le16(c.input, 3 + write_len);
    const uint8_t* write = reinterpret_cast<const uint8_t*>(c.input.data() + 3);

    reply_.clear();
    VirtualCharger* charger = device_at(address);
    if (charger == nullptr) {
        reply_.push_back('\x01');  // NACK: nothing answers this address
    } else {
        PendingReply& pending = pending_[static_cast<size_t>(charger->index())];
        if (write_len > 0) {
            // A new request replaces whatever reply had not been read yet.
            pending.len = charger->handle_i2c_write(write, write_len, pending.bytes, sizeof(pending.bytes));
            pending.cursor = 0;
        }
        reply_.push_back('\x00');
        for (size_t i = 0; i < read_len; ++i) {
            // Successive reads continue through the reply; past its end the slave sends 0x00.
            if (pending.cursor < pending.len) {
                reply_.push_back(static_cast<char>(pending.bytes[pending.cursor++]));
            } else {
                reply_.push_back('\x00');
            }
        }
        if (pending.cursor >= pending.len) pending.len = pending.cursor = 0;
    }
    c.input.erase(0, total);
    c.stream.send(reinterpret_cast<const uint8_t*>(reply_.data()), reply_.size());
    return true;
}

}  // namespace evse::sim
