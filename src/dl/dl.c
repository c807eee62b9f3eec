/* dl.c -- loading the optional libraries (dl/dl.h). */
#include "dl/dl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Written once by main before any thread (dl.h); read when a load fails. */
static const char *command = "";

void dl_set_command(const char *name) { command = name ? name : ""; }

static void failed(dl_lib *l, const char *soname, const char *why) {
    char cmd[96] = "";
    if (command[0]) snprintf(cmd, sizeof cmd, "'dyad %s' ", command);
    snprintf(l->err, sizeof l->err,
             "%s cannot be loaded, and %sneeds it for %s (%s); install "
             "Debian's %s",
             soname, cmd, l->what, why ? why : "?", l->package);
    l->failed = 1;
}

void dl_open(dl_lib *l) {
    void *h[8];
    size_t nh = 0;
    for (const char *const *so = l->sonames; *so && nh < 8; so++) {
        /* RTLD_LOCAL: their symbols stay out of the global scope */
        if (!(h[nh] = dlopen(*so, RTLD_NOW | RTLD_LOCAL))) {
            failed(l, *so, dlerror());
            return;
        }
        nh++;
    }
    for (size_t i = 0; i < l->n; i++) {
        void *f = NULL;
        for (size_t k = 0; k < nh && !f; k++) f = dlsym(h[k], l->names[i]);
        if (!f) {
            char why[128];
            snprintf(why, sizeof why, "it has no %s", l->names[i]);
            failed(l, l->sonames[0], why);
            return;
        }
        l->fns[i] = f;
    }
}

int dl_load(dl_lib *l, void (*init)(void), char *msg, size_t size) {
    pthread_once(&l->once, init);
    if (!l->failed) return 0;
    if (msg && size) snprintf(msg, size, "%s", l->err);
    return -1;
}

void dl_need(dl_lib *l, void (*init)(void)) {
    pthread_once(&l->once, init);
    if (l->failed) {
        fprintf(stderr, "dyad: %s\n", l->err);
        abort();
    }
}
