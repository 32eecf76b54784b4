// ESP32 entry point: a 1 kHz control task runs the charger core; the links feed it requests.
#include <Arduino.h>
#include <Preferences.h>
#include <esp_mac.h>
#include <esp_timer.h>
#include <stdio.h>

#include <evse/charger_core.hpp>

#include "board_pins.h"
#include "esp32_hardware.h"
#include "host_link_i2c.h"
#include "host_link_tcp.h"
#include "host_requests.h"
#include "watchdog.h"

namespace {

// 1 ms tick: the core needs at least 10 ms; 1 ms keeps the C->B reaction (IEC 61851-1
// Table A.6, 100 ms) dominated by the relay, not by software.
constexpr TickType_t kTickPeriod = pdMS_TO_TICKS(1);
// Long enough for an NVS page erase (which stalls the caches), short against a hung loop.
constexpr uint32_t kWatchdogMs = 250;
constexpr uint32_t kControlStack = 6144;
constexpr UBaseType_t kControlPriority = configMAX_PRIORITIES - 2;  // above lwIP and the links
#if CONFIG_FREERTOS_UNICORE
constexpr BaseType_t kControlCore = 0;
#else
constexpr BaseType_t kControlCore = 1;  // Wi-Fi/Ethernet stacks run on core 0
#endif

Esp32Hardware hardware;
evse::ChargerCore core;
SemaphoreHandle_t core_ready = nullptr;

evse::Identity make_identity() {
    evse::Identity id = {};
    id.firmware_major = EVSE_FIRMWARE_MAJOR;
    id.firmware_minor = EVSE_FIRMWARE_MINOR;
    id.firmware_patch = EVSE_FIRMWARE_PATCH;
    uint8_t mac[6] = {};
    esp_read_mac(mac, ESP_MAC_BASE);  // factory-unique: the serial until a provisioning step sets one
    snprintf(id.serial, sizeof(id.serial), "E%02X%02X%02X%02X%02X%02X", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
    namespace cap = evse::wire::Capability;
    id.capabilities = cap::RDC_DD | cap::CONTACTOR_FEEDBACK | cap::METER | cap::TEMPERATURE;
    if (EVSE_PHASES == 3) id.capabilities |= cap::THREE_PHASE;
    if (!EVSE_TETHERED) id.capabilities |= cap::SOCKET_PP;
    if (PIN_LOCK >= 0) id.capabilities |= cap::LOCK;
#if defined(EVSE_LINK_ETH_LAN8720) || defined(EVSE_LINK_ETH_W5500)
    id.capabilities |= cap::ETHERNET;
#endif
#if defined(EVSE_LINK_I2C)
    id.capabilities |= cap::I2C;
#endif
    id.phases = EVSE_PHASES;
    id.hw_max_current_mA = EVSE_HW_MAX_CURRENT_MA;
    return id;
}

// All core calls happen in this task. Order per tick: sample inputs, answer queued host
// requests (commands act at once), then tick the state machine, which drives the outputs.
void control_task(void*) {
    const bool hardware_ok = hardware.begin();  // here, so the sampler's interrupts run on this core
    core.begin(hardware, make_identity(), static_cast<uint32_t>(esp_timer_get_time() / 1000));
    if (!hardware_ok && EVSE_SERIAL_LOG) Serial.println("evse: hardware init incomplete");
    watchdog_begin(kWatchdogMs);
    xSemaphoreGive(core_ready);
    evse::Readings readings = {};
    TickType_t last_wake = xTaskGetTickCount();
    for (;;) {
        vTaskDelayUntil(&last_wake, kTickPeriod);
        hardware.sample(&readings);
        host_requests_serve(core);
        core.tick(readings);
        watchdog_feed();
        if (core.reset_requested()) {
            vTaskDelay(pdMS_TO_TICKS(20));  // let the link tasks send the ACK
            esp_restart();
        }
    }
}

// The link key commissioning wrote to the site namespace (32 bytes); absent: an open link.
evse::wire::LinkKey site_link_key() {
    evse::wire::LinkKey key;
    Preferences site;
    site.begin("evse-site", true);
    key.set = site.getBytes("link_key", key.bytes, sizeof(key.bytes)) == sizeof(key.bytes);
    site.end();
    if (!key.set && EVSE_SERIAL_LOG) Serial.println("evse: no link key provisioned: the TCP link is open");
    return key;
}

uint8_t site_i2c_address() {
    Preferences site;
    site.begin("evse-site", true);
    const uint8_t address = site.getUChar("i2c_addr", EVSE_I2C_DEFAULT_ADDRESS);
    site.end();
    return address;
}

}  // namespace

void setup() {
    if (EVSE_SERIAL_LOG) Serial.begin(115200);
    host_requests_begin();
    core_ready = xSemaphoreCreateBinary();
    xTaskCreatePinnedToCore(control_task, "evse-control", kControlStack, nullptr, kControlPriority, nullptr,
                            kControlCore);
    xSemaphoreTake(core_ready, portMAX_DELAY);
#if defined(EVSE_LINK_I2C)
    host_link_i2c_begin(site_i2c_address());
#endif
#if defined(EVSE_LINK_ETH_LAN8720) || defined(EVSE_LINK_ETH_W5500)
    host_link_tcp_begin(EVSE_TCP_PORT, site_link_key());
#endif
}

// The Arduino loop task serves TCP clients; the I2C slave runs in the Wire library's task.
void loop() {
#if defined(EVSE_LINK_ETH_LAN8720) || defined(EVSE_LINK_ETH_W5500)
    host_link_tcp_poll();
#endif
    delay(1);
}
