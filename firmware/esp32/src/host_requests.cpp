// Hands host requests from the link tasks (I2C, TCP) to the control task, the only task that
// may call the core: ChargerCore is not re-entrant.
#include "host_requests.h"

#include <freertos/queue.h>

namespace {
QueueHandle_t jobs = nullptr;
constexpr UBaseType_t kQueueDepth = 8;  // one I2C plus a few TCP clients in flight
}  // namespace

bool host_requests_begin() {
    jobs = xQueueCreate(kQueueDepth, sizeof(HostJob*));
    return jobs != nullptr;
}

size_t host_requests_submit(HostJob* job) {
    job->reply_len = 0;
    if (xQueueSend(jobs, &job, portMAX_DELAY) != pdTRUE) return 0;
    xSemaphoreTake(job->done, portMAX_DELAY);
    return job->reply_len;
}

void host_requests_serve(evse::ChargerCore& core) {
    HostJob* job = nullptr;
    while (xQueueReceive(jobs, &job, 0) == pdTRUE) {
        switch (job->kind) {
            case HostJob::Kind::Bytes:
                job->reply_len = core.handle_bytes(job->bytes, job->len, job->reply, job->reply_cap);
                break;
            case HostJob::Kind::Frame:
                job->reply_len = core.handle_request(job->frame, job->reply, job->reply_cap);
                break;
            case HostJob::Kind::Reject:
                job->reply_len = core.reject_frame(job->why, job->seq_hint, job->detail, job->reply, job->reply_cap);
                break;
        }
        xSemaphoreGive(job->done);
    }
}
