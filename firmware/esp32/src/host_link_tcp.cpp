// The host link over Ethernet: a TCP server, one FrameParser and LinkSession per connected client.
// Tagged requests are screened here before they reach the core; a newcomer always gets a slot
// (docs/wire-protocol.md, "Connections"), so idle clients cannot lock the station out.
#include "host_link_tcp.h"

#include <Arduino.h>
#include <ETH.h>
#include <Network.h>
#include <esp_random.h>
#include <esp_timer.h>

#include "board_pins.h"
#include "host_requests.h"

#if defined(EVSE_LINK_ETH_W5500)
#include <SPI.h>
#endif

namespace {

constexpr int kMaxClients = 4;  // the station, plus a technician's laptop or a test rig

struct ClientSlot {
    NetworkClient client;
    evse::wire::FrameParser parser;
    evse::wire::LinkSession session;
    bool active = false;
};

NetworkServer* server = nullptr;
ClientSlot slots[kMaxClients];
uint8_t reply[evse::wire::kMaxFrame];
HostJob job = {};
evse::wire::LinkKey link_key = {};

uint32_t now_ms() { return static_cast<uint32_t>(esp_timer_get_time() / 1000); }

void answer(ClientSlot& slot) {
    evse::wire::Frame frame;
    uint16_t seq_hint = 0xFFFF;
    uint8_t detail = 0;
    for (;;) {
        const evse::wire::DecodeResult result = slot.parser.next(&frame, &seq_hint, &detail);
        if (result == evse::wire::DecodeResult::Incomplete) return;
        if (result == evse::wire::DecodeResult::Ok) {
            evse::wire::Frame pass{};
            // SESSION_REQ and refused tags are answered here: the core never sees them.
            const size_t screened = slot.session.screen(frame, link_key, now_ms(), &pass, reply, sizeof(reply));
            if (screened > 0) {
                slot.client.write(reply, screened);
                continue;
            }
            job.kind = HostJob::Kind::Frame;
            job.frame = pass;
        } else {
            job.kind = HostJob::Kind::Reject;
            job.why = result;
            job.seq_hint = seq_hint;
            job.detail = detail;
        }
        const size_t len = host_requests_submit(&job);
        if (len > 0) slot.client.write(reply, len);
    }
}

void serve(ClientSlot& slot) {
    if (!slot.client.connected()) {
        slot.client.stop();
        slot.active = false;
        return;
    }
    uint8_t chunk[64];
    int available = slot.client.available();
    while (available > 0) {
        const int got = slot.client.read(chunk, sizeof(chunk));
        if (got <= 0) break;
        size_t offset = 0;
        while (offset < static_cast<size_t>(got)) {
            const size_t taken = slot.parser.feed(chunk + offset, static_cast<size_t>(got) - offset);
            answer(slot);  // drains complete frames, which frees parser space for the rest
            if (taken == 0) slot.parser.reset();  // full without a frame: cannot happen; never spin
            offset += taken;
        }
        available = slot.client.available();
    }
}

void accept_new_clients() {
    NetworkClient incoming = server->accept();
    if (!incoming) return;
    ClientSlot* free_slot = nullptr;
    for (ClientSlot& slot : slots) {
        if (!slot.active) {
            free_slot = &slot;
            break;
        }
    }
    if (free_slot == nullptr) {
        // All taken: the longest-idle client without the key makes room, never the station's
        // authenticated link, so a host reconnecting after a cut always gets in.
        const uint32_t now = now_ms();
        free_slot = &slots[evse::wire::pick_eviction(
            kMaxClients, now, [](size_t i) -> const evse::wire::LinkSession& { return slots[i].session; })];
        free_slot->client.stop();
    }
    free_slot->client = incoming;
    free_slot->client.setNoDelay(true);  // replies are single small frames: no Nagle delay
    free_slot->parser.reset();
    uint8_t nonce[evse::wire::kNonceSize];
    esp_fill_random(nonce, sizeof(nonce));  // hardware RNG; its entropy source: docs/esp32.md
    free_slot->session.begin(nonce, now_ms());
    free_slot->active = true;
}

bool ethernet_begin() {
#if defined(EVSE_LINK_ETH_LAN8720)
    // Arduino-ESP32 3.x argument order: type, PHY address, MDC, MDIO, power pin, clock mode
    // (2.x had the PHY address first and the type fifth).
    return ETH.begin(ETH_PHY_LAN8720, ETH_PHY_ADDR_LAN8720, ETH_PIN_MDC, ETH_PIN_MDIO, ETH_PIN_POWER, ETH_CLOCK);
#elif defined(EVSE_LINK_ETH_W5500)
    // SPI Ethernet is new in 3.x. Passing the Arduino SPI object lets the meter share the bus
    // (SPIClass serialises transactions with its own lock).
    SPI.begin(PIN_METER_SCK, PIN_METER_MISO, PIN_METER_MOSI, -1);
    return ETH.begin(ETH_PHY_W5500, 1, ETH_W5500_CS, ETH_W5500_IRQ, ETH_W5500_RST, SPI);
#else
    return false;
#endif
}

}  // namespace

bool host_link_tcp_begin(uint16_t port, const evse::wire::LinkKey& key) {
    link_key = key;
    job.reply = reply;
    job.reply_cap = sizeof(reply);
    job.done = xSemaphoreCreateBinary();
    if (job.done == nullptr || !ethernet_begin()) return false;
    // DHCP by default; the site's fixed address, if any, is applied with ETH.config() by the
    // provisioning step. The server listens on every interface as soon as one is up.
    static NetworkServer instance(port);
    server = &instance;
    server->begin();
    server->setNoDelay(true);
    return true;
}

void host_link_tcp_poll() {
    if (server == nullptr) return;
    accept_new_clients();
    for (ClientSlot& slot : slots) {
        if (slot.active) serve(slot);
    }
}
