/* A headless cage that stands in for the station's panel in tests: preloaded into cage
 * (LD_PRELOAD, built by tests/support/cage_session.py), it changes two things of wlroots 0.15
 * (Debian 12's libwlroots10, under cage 0.1.4) and nothing else:
 *
 * 1. The headless output's size. wlroots 0.15 makes every WLR_HEADLESS_OUTPUTS output 1280x720
 *    (backend/backend.c, attempt_headless_backend), and cage 0.1.4 offers no output-management
 *    protocol through which a tool such as wlr-randr could change it. HEADLESS_OUTPUT_SIZE=WxH
 *    gives the output the size of the panel under test instead, as a DRM panel's preferred mode
 *    would on the Pi.
 *
 * 2. What a screenshot sees. A full-screen client is scanned out directly (its own buffer is the
 *    frame). A screencopy client (grim) then locks direct scan-out, and cage renders one frame into
 *    its swapchain buffer with only the damage since that buffer's last use; scan-out frames are not
 *    counted in the buffer's age, so that damage is empty and the capture shows whatever the buffer
 *    held before the client mapped (black). While a capture holds the lock, the buffer's age is
 *    reported as unknown (0), which makes wlroots repaint the whole output (wlr_output_damage).
 *
 * Both functions are called through the PLT, also from inside libwlroots, so the preloaded
 * definitions win and call the real ones with dlsym(RTLD_NEXT). The library removes itself from
 * the environment once it is inside cage, so the kiosk that cage starts does not inherit it.
 * HEADLESS_OUTPUT_DEBUG=1 raises wlroots' log level to debug (cage 0.1.4 has no option for it).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

struct wlr_backend;
struct wlr_output;

static int capture_locks;

__attribute__((constructor)) static void leave_no_trace_in_children(void) {
	/* Only in a process linked with wlroots (cage); the shell that execs cage keeps the variable. */
	if (dlsym(RTLD_DEFAULT, "wlr_backend_autocreate") != NULL) {
		unsetenv("LD_PRELOAD");
	}
}

struct wlr_output *wlr_headless_add_output(struct wlr_backend *backend, unsigned int width,
		unsigned int height) {
	struct wlr_output *(*real)(struct wlr_backend *, unsigned int, unsigned int) =
		(struct wlr_output * (*)(struct wlr_backend *, unsigned int, unsigned int))
			dlsym(RTLD_NEXT, "wlr_headless_add_output");
	const char *size = getenv("HEADLESS_OUTPUT_SIZE");
	unsigned int w, h;
	if (size != NULL && sscanf(size, "%ux%u", &w, &h) == 2 && w > 0 && h > 0) {
		width = w;
		height = h;
	}
	return real(backend, width, height);
}

void wlr_output_lock_attach_render(struct wlr_output *output, bool lock) {
	void (*real)(struct wlr_output *, bool) =
		(void (*)(struct wlr_output *, bool))dlsym(RTLD_NEXT, "wlr_output_lock_attach_render");
	capture_locks += lock ? 1 : -1;
	real(output, lock);
}

bool wlr_output_attach_render(struct wlr_output *output, int *buffer_age) {
	bool (*real)(struct wlr_output *, int *) =
		(bool (*)(struct wlr_output *, int *))dlsym(RTLD_NEXT, "wlr_output_attach_render");
	bool attached = real(output, buffer_age);
	if (attached && capture_locks > 0 && buffer_age != NULL) {
		*buffer_age = 0;
	}
	return attached;
}

void wlr_log_init(int verbosity, void *callback) {
	void (*real)(int, void *) = (void (*)(int, void *))dlsym(RTLD_NEXT, "wlr_log_init");
	real(getenv("HEADLESS_OUTPUT_DEBUG") != NULL ? 3 /* WLR_DEBUG */ : verbosity, callback);
}
