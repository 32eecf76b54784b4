// Pin map and analogue front-end constants per board, chosen by a -DEVSE_BOARD_* build flag.
#pragma once

// -1 marks an input or output that the board does not have; docs/esp32.md says what the glue
// reports instead. Input-only GPIOs (34..39 on the ESP32) are used for inputs only.

#if defined(EVSE_BOARD_ESP32_POE)
// Olimex ESP32-POE: RMII uses 18, 19, 21, 22, 23, 25, 26, 27, clock out 17, PHY power 12.
#define PIN_CP_PWM 4
#define PIN_CP_ADC 36
#define PIN_PP_ADC 39
#define PIN_NTC_ADC 35
#define PIN_CONTACTOR 16
#define PIN_CONTACTOR_FB 32
#define PIN_LOCK 13
#define PIN_LOCK_FB -1
#define PIN_RCD_FAULT 33
#define PIN_RCD_TEST 2
#define PIN_ESTOP 3
#define PIN_PE_OK -1
#define PIN_LOAD_VOLTAGE 0
#define PIN_METER_SCK 14
#define PIN_METER_MOSI 15
#define PIN_METER_MISO 34
#define PIN_METER_CS 5
#define PIN_I2C_SDA -1
#define PIN_I2C_SCL -1
#define ETH_PHY_ADDR_LAN8720 0
#define ETH_PIN_MDC 23
#define ETH_PIN_MDIO 18
#define ETH_PIN_POWER 12
#define ETH_CLOCK ETH_CLOCK_GPIO17_OUT

#elif defined(EVSE_BOARD_WT32_ETH01)
// WT32-ETH01: RMII as above, clock in on GPIO0, PHY power 16. Tethered cable: no PP, no lock.
#define PIN_CP_PWM 4
#define PIN_CP_ADC 36
#define PIN_PP_ADC -1
#define PIN_NTC_ADC 35
#define PIN_CONTACTOR 2
#define PIN_CONTACTOR_FB 32
#define PIN_LOCK -1
#define PIN_LOCK_FB -1
#define PIN_RCD_FAULT 3
#define PIN_RCD_TEST 12
#define PIN_ESTOP 1
#define PIN_PE_OK 39
#define PIN_LOAD_VOLTAGE 5
#define PIN_METER_SCK 14
#define PIN_METER_MOSI 15
#define PIN_METER_MISO 33
#define PIN_METER_CS 17
#define PIN_I2C_SDA -1
#define PIN_I2C_SCL -1
#define ETH_PHY_ADDR_LAN8720 1
#define ETH_PIN_MDC 23
#define ETH_PIN_MDIO 18
#define ETH_PIN_POWER 16
#define ETH_CLOCK ETH_CLOCK_GPIO0_IN

#elif defined(EVSE_BOARD_ESP32_W5500)
// ESP32-DevKitC + W5500 on VSPI; the ATM90E32 meter shares the bus with its own chip select.
#define PIN_CP_PWM 25
#define PIN_CP_ADC 36
#define PIN_PP_ADC 39
#define PIN_NTC_ADC 34
#define PIN_CONTACTOR 16
#define PIN_CONTACTOR_FB 35
#define PIN_LOCK 17
#define PIN_LOCK_FB 32
#define PIN_RCD_FAULT 33
#define PIN_RCD_TEST 13
#define PIN_ESTOP 14
#define PIN_PE_OK 21
#define PIN_LOAD_VOLTAGE 22
#define PIN_METER_SCK 18
#define PIN_METER_MOSI 23
#define PIN_METER_MISO 19
#define PIN_METER_CS 27
#define PIN_I2C_SDA -1
#define PIN_I2C_SCL -1
#define ETH_W5500_CS 5
#define ETH_W5500_IRQ 4
#define ETH_W5500_RST 26

#elif defined(EVSE_BOARD_ESP32C6_I2C)
// ESP32-C6-DevKitC-1: ADC1 is on GPIO0..6; 12/13 are USB, 16/17 the console UART.
#define PIN_CP_PWM 4
#define PIN_CP_ADC 0
#define PIN_PP_ADC 1
#define PIN_NTC_ADC 2
#define PIN_CONTACTOR 10
#define PIN_CONTACTOR_FB 11
#define PIN_LOCK 18
#define PIN_LOCK_FB 19
#define PIN_RCD_FAULT 23
#define PIN_RCD_TEST 15
#define PIN_ESTOP 9
#define PIN_PE_OK 8
#define PIN_LOAD_VOLTAGE 22
#define PIN_METER_SCK 6
#define PIN_METER_MOSI 7
#define PIN_METER_MISO 3
#define PIN_METER_CS 5
#define PIN_I2C_SDA 20
#define PIN_I2C_SCL 21

#else
#error "Select a board with -DEVSE_BOARD_... (see platformio.ini)"
#endif

#ifndef EVSE_PHASES
#define EVSE_PHASES 3
#endif
#ifndef EVSE_TETHERED
#define EVSE_TETHERED 0
#endif
#ifndef EVSE_SERIAL_LOG
#define EVSE_SERIAL_LOG 1
#endif
#ifndef EVSE_I2C_DEFAULT_ADDRESS
#define EVSE_I2C_DEFAULT_ADDRESS 0x10  // 7-bit; the site's address is stored in NVS ("i2c_addr")
#endif
#ifndef EVSE_TCP_PORT
#define EVSE_TCP_PORT 7700
#endif

// Control pilot sense: the front end shifts and divides +-12 V into the ADC range:
// adc_mV = CP_ADC_ZERO_MV + cp_mV * CP_ADC_SPAN_MV / 12000, i.e. +12 V -> 2950 mV, -12 V -> 350 mV.
// Calibrate per board (two points: state A +12 V and state F -12 V).
#ifndef CP_ADC_ZERO_MV
#define CP_ADC_ZERO_MV 1650
#endif
#ifndef CP_ADC_SPAN_MV
#define CP_ADC_SPAN_MV 1300
#endif

// Proximity pilot: PP pulled up to PP_REF_MV through PP_PULLUP_OHM; the cable's resistor to PE
// forms the lower leg (IEC 61851-1 Annex B: 1.5 k / 680 / 220 / 100 ohm).
#ifndef PP_PULLUP_OHM
#define PP_PULLUP_OHM 1000
#endif
#ifndef PP_REF_MV
#define PP_REF_MV 3300
#endif

// Inputs whose active level depends on the interface board; 1 = active high.
#ifndef RCD_FAULT_ACTIVE_HIGH
#define RCD_FAULT_ACTIVE_HIGH 1
#endif
#ifndef ESTOP_ACTIVE_HIGH
#define ESTOP_ACTIVE_HIGH 1  // normally-closed button to GND with pull-up: open (pressed) reads high
#endif
#ifndef LOAD_VOLTAGE_ACTIVE_LOW
#define LOAD_VOLTAGE_ACTIVE_LOW 1  // optocoupler pulls low while the load side is live
#endif
