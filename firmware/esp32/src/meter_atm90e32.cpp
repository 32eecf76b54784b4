// Per-phase voltage, current and total active power from an ATM90E32 metering IC over SPI.
#include "meter_atm90e32.h"

#include <Arduino.h>
#include <SPI.h>

#include "board_pins.h"

namespace {

// Register addresses and scales from the ATM90E32AS datasheet (measurement registers).
constexpr uint16_t kRegSoftReset = 0x70;   // write 0x789A
constexpr uint16_t kRegCfgAccess = 0x7F;   // 0x55AA unlocks configuration registers
constexpr uint16_t kRegMeterEn = 0x00;     // 0x0001 enables metering
constexpr uint16_t kRegPmeanT = 0xB0;      // total active power, high word
constexpr uint16_t kRegPmeanTLsb = 0xC0;   // total active power, low word
constexpr uint16_t kRegUrms[3] = {0xD9, 0xDA, 0xDB};  // 0.01 V per LSB
constexpr uint16_t kRegIrms[3] = {0xDD, 0xDE, 0xDF};  // 0.001 A per LSB

// Mode 3, MSB first; the chip accepts up to 2 MHz, 1 MHz leaves margin on long traces.
const SPISettings kSpi(1000000, MSBFIRST, SPI_MODE3);
bool fitted = false;
uint8_t turn = 0;
uint16_t power_high = 0;

uint16_t transfer(uint16_t address_word, uint16_t value) {
    SPI.beginTransaction(kSpi);  // takes the bus lock: the W5500 may share this bus
    digitalWrite(PIN_METER_CS, LOW);
    SPI.transfer16(address_word);
    const uint16_t result = SPI.transfer16(value);
    digitalWrite(PIN_METER_CS, HIGH);
    SPI.endTransaction();
    return result;
}

uint16_t read_register(uint16_t reg) { return transfer(static_cast<uint16_t>(0x8000 | reg), 0xFFFF); }
void write_register(uint16_t reg, uint16_t value) { transfer(reg & 0x7FFF, value); }

}  // namespace

bool meter_begin() {
    if (PIN_METER_CS < 0) return false;
    pinMode(PIN_METER_CS, OUTPUT);
    digitalWrite(PIN_METER_CS, HIGH);
    SPI.begin(PIN_METER_SCK, PIN_METER_MISO, PIN_METER_MOSI, -1);
    write_register(kRegSoftReset, 0x789A);
    delay(10);
    // Gains and offsets are factory calibration, written by the production test through the
    // same registers; here only metering is switched on.
    write_register(kRegCfgAccess, 0x55AA);
    write_register(kRegMeterEn, 0x0001);
    fitted = true;
    return true;
}

void meter_poll(MeterReadings* out) {
    if (!fitted) return;
    const uint8_t step = turn++ % 8;
    if (step < 3) {
        out->voltage_mV[step] = static_cast<uint32_t>(read_register(kRegUrms[step])) * 10;
    } else if (step < 6) {
        out->current_mA[step - 3] = read_register(kRegIrms[step - 3]);
    } else if (step == 6) {
        power_high = read_register(kRegPmeanT);
    } else {
        // 32-bit signed total power, 0.00032 W per LSB: W = raw * 32 / 100000.
        const int32_t raw = static_cast<int32_t>((static_cast<uint32_t>(power_high) << 16) | read_register(kRegPmeanTLsb));
        out->power_W = static_cast<int32_t>(static_cast<int64_t>(raw) * 32 / 100000);
    }
}
