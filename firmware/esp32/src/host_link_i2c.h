// The host link over I2C: the ESP32 is a slave; the host writes a request frame, then reads.
#pragma once

#include <stdint.h>

// Starts the slave at a 7-bit address (from NVS, see main.cpp). Requests go to the control task.
bool host_link_i2c_begin(uint8_t address);
