// evse-sim: N virtual chargers running the real charger core, served over TCP, with a virtual
// I2C bus and a JSON control channel. Prints one ready line, exits cleanly on SIGTERM/SIGINT.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "sim_options.hpp"
#include "simulation.hpp"

namespace {

int g_wake_write_fd = -1;

void on_stop_signal(int) {
    const char byte = 1;
    if (g_wake_write_fd >= 0) (void)!::write(g_wake_write_fd, &byte, 1);
}

bool install_signal_handlers(int& wake_read_fd) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return false;
    wake_read_fd = fds[0];
    g_wake_write_fd = fds[1];
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGTERM, &sa, nullptr) != 0 || sigaction(SIGINT, &sa, nullptr) != 0) return false;
    ::signal(SIGPIPE, SIG_IGN);  // a client that vanished must not kill the simulator
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    evse::sim::SimOptions options;
    std::string error;
    bool help = false;
    if (!evse::sim::parse_options(argc, argv, options, error, help)) {
        std::fprintf(stderr, "evse-sim: %s\n%s", error.c_str(), evse::sim::usage_text());
        return 2;
    }
    if (help) {
        std::fputs(evse::sim::usage_text(), stdout);
        return 0;
    }
    int wake_fd = -1;
    if (!install_signal_handlers(wake_fd)) {
        std::perror("evse-sim: signal set-up");
        return 1;
    }
    evse::sim::Simulation sim(options);
    if (!sim.start(error)) {
        std::fprintf(stderr, "evse-sim: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s\n", sim.ready_line().c_str());
    std::fflush(stdout);
    sim.run(wake_fd);
    return 0;
}
