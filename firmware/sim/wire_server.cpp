// Serves one virtual charger's wire protocol over TCP, frame by frame, through its core.
#include "wire_server.hpp"

#include <random>

namespace evse::sim {

WireServer::WireServer(VirtualCharger& charger, int listen_fd) : charger_(charger), connections_(listen_fd) {
    connections_.set_on_accepted([this](Connection& c) {
        // A fresh nonce per connection binds its tags to it (std::random_device reads the OS's
        // random source, as the ESP32 reads its hardware RNG).
        std::random_device rng;
        uint8_t nonce[wire::kNonceSize];
        for (uint8_t& b : nonce) b = static_cast<uint8_t>(rng());
        c.session.begin(nonce, static_cast<uint32_t>(charger_.now_ms()));
    });
    connections_.set_eviction(
        [this](const ConnectionSet<Connection>::Connections& all) {
            return wire::pick_eviction(all.size(), static_cast<uint32_t>(charger_.now_ms()),
                                       [&all](size_t i) -> const wire::LinkSession& { return all[i]->session; });
        },
        [this](const Connection& c) { keep_stats(c); });
}

void WireServer::add_fds(PollSet& set) {
    if (charger_.host_link_down()) {
        drop_all();
        return;
    }
    connections_.add_fds(set);
}

void WireServer::handle(const PollSet& set, size_t begin, size_t end) {
    if (charger_.host_link_down()) {
        drop_all();
        return;
    }
    connections_.handle(
        set, begin, end, [this](Connection& c) { serve(c); }, [this](const Connection& c) { keep_stats(c); });
}

void WireServer::add_live_stats(wire::DecodeStats& total) const {
    for (const auto& c : connections_.connections()) add_decode_stats(total, c->parser.stats());
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
            if (r == wire::DecodeResult::Ok) {
                wire::Frame pass{};
                const size_t screened = c.session.screen(frame, charger_.link_key(),
                                                         static_cast<uint32_t>(charger_.now_ms()), &pass, reply,
                                                         sizeof(reply));
                if (screened > 0) {
                    charger_.count_link_reply(reply);
                    c.stream.send(reply, screened);
                    continue;
                }
                frame = pass;
            }
            c.stream.send(reply, charger_.answer(r, frame, seq_hint, detail, reply, sizeof(reply)));
        }
        if (taken == 0 && !progressed) {  // parser wedged: cannot happen with a sane parser
            c.stream.close();
            return;
        }
    }
}

void WireServer::drop_all() {
    connections_.drop_all([this](const Connection& c) { keep_stats(c); });
}

}  // namespace evse::sim
