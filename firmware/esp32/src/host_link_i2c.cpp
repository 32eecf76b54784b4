// The host link over I2C: the ESP32 is a slave; the host writes a request frame, then reads.
#include "host_link_i2c.h"

#include <Arduino.h>
#include <Wire.h>

#include "board_pins.h"
#include "host_requests.h"

namespace {

constexpr uint32_t kBusHz = 400000;  // fast mode; the host may run the bus at 100 kHz too
uint8_t request[evse::wire::kMaxFrame];
uint8_t reply[evse::wire::kMaxFrame];
HostJob job = {};

// Runs in the Arduino I2C slave task after the host's STOP. The reply is computed now and
// preloaded with slaveWrite, because the classic ESP32 cannot stretch SCL while a reply is
// being computed: the host waits ~2 ms (docs/wire-protocol.md) before it reads.
void on_receive(int count) {
    size_t len = 0;
    while (Wire.available() > 0 && len < sizeof(request)) request[len++] = static_cast<uint8_t>(Wire.read());
    while (Wire.available() > 0) Wire.read();  // longer than any frame: the core rejects it
    if (count <= 0 || len == 0) return;
    job.kind = HostJob::Kind::Bytes;
    job.bytes = request;
    job.len = len;
    const size_t reply_len = host_requests_submit(&job);
    if (reply_len > 0) Wire.slaveWrite(reply, reply_len);
}

// The reply is already in the slave's transmit buffer; a read with nothing pending returns
// what the peripheral sends when empty, which the host's frame parser skips.
void on_request() {}

}  // namespace

bool host_link_i2c_begin(uint8_t address) {
    if (PIN_I2C_SDA < 0 || PIN_I2C_SCL < 0) return false;
    job.reply = reply;
    job.reply_cap = sizeof(reply);
    job.done = xSemaphoreCreateBinary();
    if (job.done == nullptr) return false;
    Wire.onReceive(on_receive);
    Wire.onRequest(on_request);
    // Arduino-ESP32 3.x slave mode: begin(address, sda, scl, frequency).
    return Wire.begin(address, PIN_I2C_SDA, PIN_I2C_SCL, kBusHz);
}
