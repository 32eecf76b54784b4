// evse::Hardware on an ESP32: pilot via LEDC, contactor and lock GPIOs, NVS records, RCD test.
#pragma once

#include <evse/hardware.hpp>

class Esp32Hardware final : public evse::Hardware {
public:
    // Configures the GPIOs (contactor open, lock released) and opens the NVS namespace.
    bool begin();

    // Samples every input of one tick; the CP plateaus come from the synchronised sampler.
    void sample(evse::Readings* readings);

    void set_pwm_duty_permille(uint16_t duty) override;
    void set_pilot_state_f(bool on) override;
    void set_contactor(bool closed) override;
    void set_lock(bool locked) override;
    bool storage_read(uint16_t key, uint8_t* data, size_t len) override;
    bool storage_write(uint16_t key, const uint8_t* data, size_t len) override;
    bool rcd_self_test() override;

private:
    uint16_t duty_permille_ = 1000;
    bool state_f_ = false;
    bool lock_commanded_ = false;
};
