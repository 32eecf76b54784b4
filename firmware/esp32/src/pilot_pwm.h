// Control pilot output (LEDC, 1 kHz) and the ADC sampling synchronised with it.
#pragma once

#include <stdint.h>

// Raw ADC counts captured by the sampling interrupt since the last take_samples() call.
// The sampler owns ADC1 alone (adc_oneshot_read_isr is not safe against concurrent users),
// so the slow channels (PP, NTC) are converted in the same interrupt, round robin.
struct PilotSamples {
    uint32_t high_sum;  // CP readings taken on the positive plateau
    uint16_t high_count;
    uint32_t low_sum;   // CP readings taken on the negative plateau
    uint16_t low_count;
    int pp_raw;         // last proximity pilot reading (-1 if none yet or not fitted)
    int ntc_raw;        // last temperature sensor reading
};

// Attaches the LEDC channel, the edge interrupt, the sampling timer and the ADC unit.
bool pilot_pwm_begin();
// Duty in 0.1 % as the core gives it: 1000 = constant +12 V, 0 = constant -12 V (state F).
void pilot_pwm_set_duty_permille(uint16_t duty);
uint16_t pilot_pwm_duty_permille();
// Copies and clears the accumulated samples (called once per control tick).
void pilot_pwm_take_samples(PilotSamples* out);
// Raw ADC counts -> millivolts at the ADC pin, with the chip's eFuse calibration.
int pilot_adc_raw_to_mV(int raw);
