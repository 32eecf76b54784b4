// Hands host requests from the link tasks (I2C, TCP) to the control task, the only task that
// may call the core: ChargerCore is not re-entrant.
#pragma once

#include <evse/charger_core.hpp>
#include <freertos/FreeRTOS.h>
#include <freertos/semphr.h>

struct HostJob {
    enum class Kind : uint8_t { Bytes, Frame, Reject };
    Kind kind;
    // Bytes: a whole request as received over I2C.
    const uint8_t* bytes;
    size_t len;
    // Frame: a request the link's FrameParser accepted; payload stays valid while we wait.
    evse::wire::Frame frame;
    // Reject: a frame the parser refused, answered with ERROR by the core.
    evse::wire::DecodeResult why;
    uint16_t seq_hint;
    uint8_t detail;
    // Reply buffer owned by the submitting link; reply_len is set by the control task.
    uint8_t* reply;
    size_t reply_cap;
    size_t reply_len;
    SemaphoreHandle_t done;  // one binary semaphore per link, given when the reply is ready
};

bool host_requests_begin();
// Link side: queues the job and blocks until the control task answered it. Never times out:
// if the control task stops, the task watchdog restarts the chip (contactor drops out).
size_t host_requests_submit(HostJob* job);
// Control task side: answers every queued job; called once per tick.
void host_requests_serve(evse::ChargerCore& core);
