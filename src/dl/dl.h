/* dl.h -- the libraries only some commands use, loaded when first needed.
 *
 * Why: `dyad code` without --db never calls libpq (PostgreSQL),
 * libmicrohttpd (dyad serve), librsvg or cairo (dyad plot's PNG), yet
 * linked into the command they and their ~60 dependencies were mapped,
 * relocated and initialised in every run: 13 MB of peak memory before the
 * first document. Instead each back end's few calls into such a library
 * are defined here under the library's own names (pq.c, mhd.c, rsvg.c),
 * checked against its header, and forward to the function that dlsym found
 * when the library was first needed. The back ends' code is unchanged;
 * their entry points (pg_open, serve_run, plot_png) call pq_load,
 * mhd_load or rsvg_load first, for an error that names the library, the
 * command and the package to install when the library is missing.
 *
 * Not part of libdyad (include/dyad.h), which links none of these; built
 * into the command's and the tests' libdyad_internal.a only. The shims
 * are hidden, so the libraries' own calls never resolve to them.
 *
 * Process-wide state, thread-safe: each library's handles and function
 * table are written once under pthread_once and only read after; they are
 * never unloaded. The command's name (dl_set_command) is written once by
 * main before any thread starts. */
#ifndef DYAD_DL_DL_H
#define DYAD_DL_DL_H

#include <pthread.h>
#include <stddef.h>

typedef struct dl_lib {
    const char *what;              /* what it is for, "PostgreSQL" */
    const char *package;           /* the Debian package that has it */
    const char *const *sonames;    /* dlopened in order, NULL-terminated */
    const char *const *names;      /* the functions, n of them */
    void **fns;                    /* their addresses, filled once */
    size_t n;
    pthread_once_t once;
    int failed;
    char err[512];
} dl_lib;

/* The command the libraries are loaded for, named in the error ("code"). */
void dl_set_command(const char *name);

/* Loads l once (init calls dl_open(l) under l->once); 0, or -1 with l's
 * error in msg. */
int dl_load(dl_lib *l, void (*init)(void), char *msg, size_t size);
void dl_open(dl_lib *l);
/* For a shim called before its entry point loaded the library: loads it,
 * or says why not and aborts (a back end that skipped its _load). */
void dl_need(dl_lib *l, void (*init)(void));

/* The shims from a list F(ret, name, (params), (args)) and
 * V(name, (params), (args)) for functions returning void. */
#define DL_INDEX(r, n, p, a) DL_I_##n,
#define DL_INDEXV(n, p, a) DL_I_##n,
#define DL_NAME(r, n, p, a) #n,
#define DL_NAMEV(n, p, a) #n,
#define DL_SHIM(r, n, p, a)                                                    \
    r n p {                                                                    \
        dl_need(&lib, init);                                                   \
        return ((r (*) p)fns[DL_I_##n]) a;                                     \
    }
#define DL_SHIMV(n, p, a)                                                      \
    void n p {                                                                 \
        dl_need(&lib, init);                                                   \
        ((void (*) p)fns[DL_I_##n]) a;                                         \
    }

/* Each library's entry: 0, or -1 with why in msg. */
int pq_load(char *msg, size_t size);
int mhd_load(char *msg, size_t size);
int rsvg_load(char *msg, size_t size);

#endif
