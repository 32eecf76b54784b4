// Task watchdog for the control task: a stuck control loop restarts the chip, and a restart
// leaves every output in its safe state (contactor open, pilot +12 V after begin()).
#pragma once

#include <stdint.h>

bool watchdog_begin(uint32_t timeout_ms);  // subscribes the calling task
void watchdog_feed();
