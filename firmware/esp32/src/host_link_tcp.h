// The host link over Ethernet: a TCP server, one FrameParser and LinkSession per connected client.
#pragma once

#include <stdint.h>

#include <evse/wire_link.hpp>

// Brings up the Ethernet interface (LAN8720 or W5500 per board) and starts listening. key is the
// link key provisioned at commissioning (unset: an open link, bench only); docs/wire-protocol.md.
bool host_link_tcp_begin(uint16_t port, const evse::wire::LinkKey& key);
// Accepts clients, feeds their bytes to their parsers and writes the replies. Non-blocking
// except while the control task answers a request; called from the Arduino loop task.
void host_link_tcp_poll();
