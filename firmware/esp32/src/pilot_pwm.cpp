// Control pilot output (LEDC, 1 kHz) and the ADC sampling synchronised with it.
#include "pilot_pwm.h"

#include <Arduino.h>
#include <driver/gpio.h>
#include <esp_adc/adc_cali.h>
#include <esp_adc/adc_cali_scheme.h>
#include <esp_adc/adc_oneshot.h>

#include "board_pins.h"

namespace {

constexpr uint32_t kPwmHz = 1000;      // IEC 61851-1 Annex A: 1 kHz +-2 %
constexpr uint8_t kPwmBits = 12;       // 0.025 % steps, finer than the 0.1 % the core asks for
constexpr uint32_t kPeriodUs = 1000000 / kPwmHz;
constexpr uint32_t kSettleUs = 15;     // IEC 61851-1 Annex A: never sample in the first 10 us
constexpr uint32_t kTimerHz = 1000000; // 1 us resolution for the sample instants

hw_timer_t* sample_timer = nullptr;
adc_oneshot_unit_handle_t adc_unit = nullptr;
adc_cali_handle_t adc_cali = nullptr;
adc_channel_t cp_channel, pp_channel, ntc_channel;
bool pp_fitted = false, ntc_fitted = false;

volatile uint16_t duty_permille = 1000;
volatile uint32_t high_sample_us = kPeriodUs / 2;  // middle of the positive plateau
volatile uint32_t low_sample_us = kPeriodUs / 2;   // middle of the negative plateau
volatile bool low_sample_pending = false;
volatile uint8_t slow_channel_turn = 0;

portMUX_TYPE samples_lock = portMUX_INITIALIZER_UNLOCKED;
PilotSamples samples = {0, 0, 0, 0, -1, -1};

// Samples the CP sense and files the reading under the plateau the output is on right now,
// so a reading is never attributed to the wrong half even if an edge interrupt was late.
void IRAM_ATTR sample_cp() {
    int raw = 0;
    if (adc_oneshot_read_isr(adc_unit, cp_channel, &raw) != ESP_OK) return;
    const bool output_high = gpio_get_level(static_cast<gpio_num_t>(PIN_CP_PWM)) != 0;
    portENTER_CRITICAL_ISR(&samples_lock);
    if (output_high) {
        samples.high_sum += static_cast<uint32_t>(raw);
        samples.high_count++;
    } else {
        samples.low_sum += static_cast<uint32_t>(raw);
        samples.low_count++;
    }
    portEXIT_CRITICAL_ISR(&samples_lock);
}

void IRAM_ATTR sample_slow_channel() {
    int raw = 0;
    const bool pp_turn = (slow_channel_turn++ & 1) == 0;
    if (pp_turn && pp_fitted && adc_oneshot_read_isr(adc_unit, pp_channel, &raw) == ESP_OK) {
        samples.pp_raw = raw;
    } else if (!pp_turn && ntc_fitted && adc_oneshot_read_isr(adc_unit, ntc_channel, &raw) == ESP_OK) {
        samples.ntc_raw = raw;
    }
}

// Rising edge of the pilot output (read back through the GPIO matrix): restart the timer so
// the sample instants are aligned to this PWM period.
void IRAM_ATTR on_pwm_rising_edge() {
    timerWrite(sample_timer, 0);
    low_sample_pending = true;
    timerAlarm(sample_timer, high_sample_us, false, 0);
}

// Timer alarm: first the positive plateau, then the negative one. With no PWM (constant +12 V
// or -12 V) no edge comes, so the alarm re-arms itself one period later and keeps sampling.
void IRAM_ATTR on_sample_timer() {
    sample_cp();
    if (low_sample_pending) {
        low_sample_pending = false;
        timerAlarm(sample_timer, low_sample_us, false, 0);
    } else {
        sample_slow_channel();
        timerWrite(sample_timer, 0);
        timerAlarm(sample_timer, kPeriodUs, false, 0);
    }
}

bool channel_of(int pin, adc_channel_t* channel) {
    adc_unit_t unit;
    if (pin < 0 || adc_oneshot_io_to_channel(pin, &unit, channel) != ESP_OK) return false;
    return unit == ADC_UNIT_1;  // ADC2 is shared with the radio; the board maps all to ADC1
}

bool adc_begin() {
    adc_oneshot_unit_init_cfg_t unit_cfg = {};
    unit_cfg.unit_id = ADC_UNIT_1;
    if (adc_oneshot_new_unit(&unit_cfg, &adc_unit) != ESP_OK) return false;
    adc_oneshot_chan_cfg_t chan_cfg = {};
    chan_cfg.atten = ADC_ATTEN_DB_12;  // full 0..~3.1 V range
    chan_cfg.bitwidth = ADC_BITWIDTH_DEFAULT;
    if (!channel_of(PIN_CP_ADC, &cp_channel)) return false;
    adc_oneshot_config_channel(adc_unit, cp_channel, &chan_cfg);
    pp_fitted = channel_of(PIN_PP_ADC, &pp_channel);
    if (pp_fitted) adc_oneshot_config_channel(adc_unit, pp_channel, &chan_cfg);
    ntc_fitted = channel_of(PIN_NTC_ADC, &ntc_channel);
    if (ntc_fitted) adc_oneshot_config_channel(adc_unit, ntc_channel, &chan_cfg);
#if ADC_CALI_SCHEME_CURVE_FITTING_SUPPORTED
    adc_cali_curve_fitting_config_t cali_cfg = {};
    cali_cfg.unit_id = ADC_UNIT_1;
    cali_cfg.atten = ADC_ATTEN_DB_12;
    cali_cfg.bitwidth = ADC_BITWIDTH_DEFAULT;
    adc_cali_create_scheme_curve_fitting(&cali_cfg, &adc_cali);
#elif ADC_CALI_SCHEME_LINE_FITTING_SUPPORTED
    adc_cali_line_fitting_config_t cali_cfg = {};
    cali_cfg.unit_id = ADC_UNIT_1;
    cali_cfg.atten = ADC_ATTEN_DB_12;
    cali_cfg.bitwidth = ADC_BITWIDTH_DEFAULT;
    adc_cali_create_scheme_line_fitting(&cali_cfg, &adc_cali);
#endif
    return true;
}

}  // namespace

bool pilot_pwm_begin() {
    if (!adc_begin()) return false;
    // Arduino-ESP32 3.x: ledcAttach picks a channel and timer itself (ledcSetup/ledcAttachPin
    // were removed in 3.0). Start at +12 V (state A, no PWM).
    if (!ledcAttach(PIN_CP_PWM, kPwmHz, kPwmBits)) return false;
    pilot_pwm_set_duty_permille(1000);
    sample_timer = timerBegin(kTimerHz);
    if (sample_timer == nullptr) return false;
    timerAttachInterrupt(sample_timer, on_sample_timer);
    timerAlarm(sample_timer, kPeriodUs, false, 0);
    // attachInterrupt also enables the pin's input buffer, so the LEDC output routed to this
    // pin can be read back and can raise the edge interrupt.
    attachInterrupt(PIN_CP_PWM, on_pwm_rising_edge, RISING);
    return true;
}

void pilot_pwm_set_duty_permille(uint16_t duty) {
    static bool written = false;
    if (duty > 1000) duty = 1000;
    if (written && duty == duty_permille) return;  // the core sets the duty every tick
    written = true;
    const uint32_t high_us = kPeriodUs * duty / 1000;
    // Middle of each plateau, but never closer than kSettleUs to an edge.
    uint32_t high_at = high_us / 2;
    if (high_at < kSettleUs) high_at = kSettleUs;
    const uint32_t low_at = high_us + (kPeriodUs - high_us) / 2;
    high_sample_us = high_at;
    low_sample_us = low_at < high_at + kSettleUs ? high_at + kSettleUs : low_at;
    duty_permille = duty;
    // ledcWrite with the maximum count (2^bits - 1) gives a constant high level in 3.x.
    const uint32_t max_count = (1u << kPwmBits) - 1;
    const uint32_t count = duty >= 1000 ? max_count : (static_cast<uint32_t>(duty) << kPwmBits) / 1000;
    ledcWrite(PIN_CP_PWM, count);
}

uint16_t pilot_pwm_duty_permille() { return duty_permille; }

void pilot_pwm_take_samples(PilotSamples* out) {
    portENTER_CRITICAL(&samples_lock);
    *out = samples;
    samples.high_sum = samples.low_sum = 0;
    samples.high_count = samples.low_count = 0;
    portEXIT_CRITICAL(&samples_lock);
}

int pilot_adc_raw_to_mV(int raw) {
    int mV = 0;
    if (adc_cali != nullptr && adc_cali_raw_to_voltage(adc_cali, raw, &mV) == ESP_OK) return mV;
    return raw * 3100 / 4095;  // uncalibrated fallback for the 12 dB range
}
