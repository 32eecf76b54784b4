// The virtual I2C bus on one TCP port: each request is one bus transaction addressed to a charger
// (7-bit address 0x10 + index); a write carries a request frame, a read fetches the reply.
// Byte format (docs/simulator.md): [addr u8][write_len u16 LE][write bytes][read_len u16 LE]
// -> [status u8: 0 ACK, 1 NACK][read_len bytes when ACK].
#pragma once

#include <stdint.h>

#include <memory>
#include <string>
#include <vector>

#include "connection_set.hpp"
#include "evse/wire_frame.hpp"
#include "net_util.hpp"
#include "virtual_charger.hpp"

namespace evse::sim {

class I2cBusServer {
public:
    static constexpr uint8_t kBaseAddress = 0x10;

    I2cBusServer(std::vector<std::unique_ptr<VirtualCharger>>& chargers, int listen_fd);

    void add_fds(PollSet& set) const { connections_.add_fds(set); }
    void handle(const PollSet& set, size_t begin, size_t end);

private:
    // What the slave will clock out next, as the ESP32's I2C transmit buffer would.
    struct PendingReply {
        uint8_t bytes[wire::kMaxFrame] = {};
        size_t len = 0;
        size_t cursor = 0;
    };
    void serve(BufferedConnection& c);
    // Runs one complete transaction at the front of input; false when more bytes are needed.
    bool run_transaction(BufferedConnection& c);
    VirtualCharger* device_at(uint8_t address);

    std::vector<std::unique_ptr<VirtualCharger>>& chargers_;
    std::vector<PendingReply> pending_;
    ConnectionSet<BufferedConnection> connections_;
    std::string reply_;
};

}  // namespace evse::sim
