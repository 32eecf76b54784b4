// The host link over Ethernet: a TCP server, one FrameParser per connected host.
#pragma once

#include <stdint.h>

// Brings up the Ethernet interface (LAN8720 or W5500 per board) and starts listening.
bool host_link_tcp_begin(uint16_t port);
// Accepts clients, feeds their bytes to their parsers and writes the replies. Non-blocking
// except while the control task answers a request; called from the Arduino loop task.
void host_link_tcp_poll();
