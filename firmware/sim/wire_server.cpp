// Serves one virtual charger's wire protocol over TCP, frame by frame, through its core.
#include "wire_server.hpp"

namespace evse::sim {

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
