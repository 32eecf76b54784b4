// Benchmark: cost of ChargerCore::tick while charging in C2, as one line core_tick_ns_per_tick=<ns>.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "charger_rig.hpp"

int main(int argc, char** argv) {
    const long ticks = argc > 1 ? std::atol(argv[1]) : 10000000L;
    rig::Rig r;
    if (!r.start_charging(16000)) {
        std::fprintf(stderr, "bench: the core did not start charging\n");
        return 1;
    }
    evse::Readings in = r.readings();
    uint32_t sink = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < ticks; ++i) {
        ++in.now_ms;
        // Realistic noise on the meter so nothing is constant-folded.
        in.current_mA[i % 3] = 15900 + static_cast<int32_t>(i & 63);
        r.core.tick(in);
        // The host's heartbeat once a simulated second keeps the lease, as in service.
        if ((i % 1000) == 0) {
            r.now = in.now_ms;
            r.heartbeat();
        }
        if ((i & 1023) == 0) sink += r.core.status().energy_Wh;
    }
    const auto t1 = std::chrono::steady_clock::now();
    const double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(ticks);
    // The status() snapshot is part of the loop as a poll would be; report tick plus snapshot.
    std::printf("core_tick_ns_per_tick=%.1f\n", ns);
    std::fprintf(stderr, "ticks=%ld contactor=%d energy_Wh=%u sink=%u\n", ticks, r.hw.contactor ? 1 : 0,
                 r.core.status().energy_Wh, sink);
    return r.hw.contactor ? 0 : 1;
}
