// The control channel's transport: accepts clients, splits lines, writes one reply per line.
#include "control_channel.hpp"

#include "control_commands.hpp"

namespace evse::sim {

void ControlChannel::handle(const PollSet& set, size_t begin, size_t end) {
    connections_.handle(set, begin, end, [this](BufferedConnection& c) { serve(c); });
}

void ControlChannel::serve(BufferedConnection& c) {
    c.read_available();
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
        c.stream.send(reply);
    }
    c.input.erase(0, start);
    if (c.input.size() > kMaxLine) {
        const std::string reply = "{\"ok\":false,\"error\":\"line longer than 65536 bytes\"}\n";
        c.stream.send(reply);
        c.stream.close();
    }
}

}  // namespace evse::sim
