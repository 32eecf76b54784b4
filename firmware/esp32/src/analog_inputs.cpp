// Converts the pilot sampler's raw ADC counts into the core's units: CP mV, PP ohm, 0.1 degC.
#include "analog_inputs.h"

#include "board_pins.h"
#include "pilot_pwm.h"

namespace {

// Light filter: mean of the last 4 plateau readings (4 PWM periods = 4 ms). State detection
// stays far inside the ~50 ms detection budget of IEC 61851-1 Table A.6 (C->B: 100 ms in all).
constexpr int kFilterLength = 4;

struct PlateauFilter {
    int32_t values[kFilterLength] = {};
    int count = 0;
    int next = 0;
    void add(int32_t v) {
        values[next] = v;
        next = (next + 1) % kFilterLength;
        if (count < kFilterLength) count++;
    }
    int32_t mean() const {
        if (count == 0) return 0;
        int32_t sum = 0;
        for (int i = 0; i < count; i++) sum += values[i];
        return sum / count;
    }
};

PlateauFilter high_filter, low_filter;

int32_t cp_mV_from_adc_mV(int adc_mV) {
    return static_cast<int32_t>(adc_mV - CP_ADC_ZERO_MV) * 12000 / CP_ADC_SPAN_MV;
}

// PP divider: R_pp = R_pullup * V / (Vref - V). Near Vref the cable is absent (open).
uint32_t pp_ohm_from_adc_mV(int adc_mV) {
    if (adc_mV >= PP_REF_MV * 97 / 100) return 0xFFFFFFFFu;
    if (adc_mV <= 0) return 0;
    return static_cast<uint32_t>(PP_PULLUP_OHM) * static_cast<uint32_t>(adc_mV) /
           static_cast<uint32_t>(PP_REF_MV - adc_mV);
}

// 10 k NTC (B 3950) to GND with a 10 k pull-up to 3.3 V: ADC mV at -20..130 degC in 10 degC
// steps, from R = R25 * exp(B * (1/T - 1/298.15)). Linear interpolation between points is
// within +-1 degC over 20..100 degC, good enough for derating thresholds.
constexpr int kNtcFirst_dC = -200;
constexpr int kNtcStep_dC = 100;
constexpr int kNtcTable_mV[] = {3014, 2816, 2543, 2206, 1836, 1470, 1143, 871,
                                657,  494,  372,  282,  215,  166,  129,  101};
constexpr int kNtcPoints = sizeof(kNtcTable_mV) / sizeof(kNtcTable_mV[0]);

int16_t temperature_dC_from_adc_mV(int adc_mV) {
    if (adc_mV >= kNtcTable_mV[0]) return kNtcFirst_dC;  // open sensor reads cold: see docs
    for (int i = 1; i < kNtcPoints; i++) {
        if (adc_mV >= kNtcTable_mV[i]) {
            const int span = kNtcTable_mV[i - 1] - kNtcTable_mV[i];
            const int into = kNtcTable_mV[i - 1] - adc_mV;
            return static_cast<int16_t>(kNtcFirst_dC + (i - 1) * kNtcStep_dC + into * kNtcStep_dC / span);
        }
    }
    // Shorted sensor or above 130 degC: report the hottest value so the core stops charging.
    return static_cast<int16_t>(kNtcFirst_dC + (kNtcPoints - 1) * kNtcStep_dC);
}

}  // namespace

void analog_inputs_update(AnalogReadings* out) {
    PilotSamples s;
    pilot_pwm_take_samples(&s);
    if (s.high_count > 0) high_filter.add(cp_mV_from_adc_mV(pilot_adc_raw_to_mV(static_cast<int>(s.high_sum / s.high_count))));
    if (s.low_count > 0) low_filter.add(cp_mV_from_adc_mV(pilot_adc_raw_to_mV(static_cast<int>(s.low_sum / s.low_count))));

    const uint16_t duty = pilot_pwm_duty_permille();
    out->cp_high_mV = high_filter.mean();
    out->cp_low_mV = low_filter.mean();
    // Without PWM there is only one plateau; report it for both, as the simulator does.
    if (duty >= 1000) out->cp_low_mV = out->cp_high_mV;
    if (duty == 0) out->cp_high_mV = out->cp_low_mV;

    if (EVSE_TETHERED) {
        out->pp_ohm = 0;
    } else {
        out->pp_ohm = s.pp_raw < 0 ? 0xFFFFFFFFu : pp_ohm_from_adc_mV(pilot_adc_raw_to_mV(s.pp_raw));
    }
    out->temperature_dC = s.ntc_raw < 0 ? int16_t{250} : temperature_dC_from_adc_mV(pilot_adc_raw_to_mV(s.ntc_raw));
}
