// Small non-blocking socket helpers shared by the simulator's servers: listeners, buffered
// connections and the poll() descriptor set.
#pragma once

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

namespace evse::sim {

// The descriptors of one poll() round. Servers append theirs and later read back their slice.
struct PollSet {
    std::vector<pollfd> fds;
    size_t add(int fd, short events) {
        fds.push_back(pollfd{fd, events, 0});
        return fds.size() - 1;
    }
};

// Opens a non-blocking TCP listener on host:port (port 0 = the OS chooses). Returns -1 and a
// message on failure.
int open_listener(const std::string& host, int port, std::string& error);
int bound_port(int fd);
// Accepts one pending connection as a non-blocking socket with TCP_NODELAY, or -1.
int accept_connection(int listen_fd);
// Closes a descriptor; -1 is ignored.
void close_socket(int fd);

// A connected stream with an output buffer for what the socket did not take at once.
class StreamConnection {
public:
    explicit StreamConnection(int fd) : fd_(fd) {}
    ~StreamConnection();
    StreamConnection(const StreamConnection&) = delete;
    StreamConnection& operator=(const StreamConnection&) = delete;

    int fd() const { return fd_; }
    bool open() const { return fd_ >= 0; }
    void close();

    // Reads what is available into buf. Returns bytes read; 0 with open() false on EOF/error.
    size_t read_some(uint8_t* buf, size_t cap);
    // Queues bytes and tries to send them now.
    void send(const uint8_t* data, size_t len);
    void send(const std::string& text) { send(reinterpret_cast<const uint8_t*>(text.data()), text.size()); }
    // Sends queued bytes; call when poll() reports POLLOUT.
    void flush();
    short poll_events() const { return static_cast<short>(POLLIN | (pending_.empty() ? 0 : POLLOUT)); }

private:
    static constexpr size_t kMaxPending = 4 * 1024 * 1024;
    int fd_;
    std::string pending_;
};

}  // namespace evse::sim
