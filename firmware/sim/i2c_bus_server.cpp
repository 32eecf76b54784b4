// The virtual I2C bus: bus transactions over TCP, each answered by the addressed charger's core.
#include "i2c_bus_server.hpp"

namespace evse::sim {

namespace {

uint16_t le16(const std::string& s, size_t at) {
    return static_cast<uint16_t>(static_cast<uint8_t>(s[at]) | (static_cast<uint8_t>(s[at + 1]) << 8));
}

}  // namespace

I2cBusServer::I2cBusServer(std::vector<std::unique_ptr<VirtualCharger>>& chargers, int listen_fd)
    : chargers_(chargers), pending_(chargers.size()), connections_(listen_fd) {}

void I2cBusServer::handle(const PollSet& set, size_t begin, size_t end) {
    connections_.handle(set, begin, end, [this](BufferedConnection& c) { serve(c); });
}

VirtualCharger* I2cBusServer::device_at(uint8_t address) {
    if (address < kBaseAddress || address > 0x7F) return nullptr;
    const size_t index = address - kBaseAddress;
    if (index >= chargers_.size()) return nullptr;
    VirtualCharger* charger = chargers_[index].get();
    // A charger whose host link is cut does not answer its address: the master sees a NACK.
    return charger->host_link_down() ? nullptr : charger;
}

void I2cBusServer::serve(BufferedConnection& c) {
    c.read_available();
    while (c.stream.open() && run_transaction(c)) {
    }
}

bool I2cBusServer::run_transaction(BufferedConnection& c) {
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
    c.stream.send(reply_);
    return true;
}

}  // namespace evse::sim
