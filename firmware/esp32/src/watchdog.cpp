// Task watchdog for the control task: a stuck control loop restarts the chip, and a restart
// leaves every output in its safe state (contactor open, pilot +12 V after begin()).
#include "watchdog.h"

#include <esp_err.h>
#include <esp_task_wdt.h>
#include <freertos/FreeRTOS.h>

bool watchdog_begin(uint32_t timeout_ms) {
    esp_task_wdt_config_t config = {};
    config.timeout_ms = timeout_ms;
    config.idle_core_mask = 0;  // watch our task only; idle tasks may starve under network load
    config.trigger_panic = true;  // panic -> reset, instead of only logging
    // Arduino-ESP32 3.x (ESP-IDF 5) already initialised the TWDT at boot, so reconfigure it;
    // esp_task_wdt_init() would return ESP_ERR_INVALID_STATE. Fall back to init if it was not.
    esp_err_t err = esp_task_wdt_reconfigure(&config);
    if (err == ESP_ERR_INVALID_STATE) err = esp_task_wdt_init(&config);
    if (err != ESP_OK) return false;
    return esp_task_wdt_add(nullptr) == ESP_OK;
}

void watchdog_feed() { esp_task_wdt_reset(); }
