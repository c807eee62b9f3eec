/* mhd.c -- libmicrohttpd, loaded when dyad serve starts (dl/dl.h): the
 * functions serve/ calls. */
#include <stdarg.h>
#include <stdint.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "dl/dl.h"

#define MHD_FNS(F, V)                                                          \
    F(enum MHD_Result, MHD_add_response_header,                                \
      (struct MHD_Response *r, const char *h, const char *c), (r, h, c))        \
    F(struct MHD_Response *, MHD_create_response_from_buffer,                  \
      (size_t n, void *b, enum MHD_ResponseMemoryMode m), (n, b, m))            \
    V(MHD_destroy_response, (struct MHD_Response *r), (r))                     \
    F(int, MHD_get_connection_values,                                          \
      (struct MHD_Connection *c, enum MHD_ValueKind k, MHD_KeyValueIterator i, \
       void *cls),                                                             \
      (c, k, i, cls))                                                          \
    F(const char *, MHD_lookup_connection_value,                               \
      (struct MHD_Connection *c, enum MHD_ValueKind k, const char *key),       \
      (c, k, key))                                                             \
    F(enum MHD_Result, MHD_lookup_connection_value_n,                          \
      (struct MHD_Connection *c, enum MHD_ValueKind k, const char *key,        \
       size_t ks, const char **v, size_t *vs),                                 \
      (c, k, key, ks, v, vs))                                                  \
    F(enum MHD_Result, MHD_queue_response,                                     \
      (struct MHD_Connection *c, unsigned int st, struct MHD_Response *r),     \
      (c, st, r))                                                              \
    V(MHD_stop_daemon, (struct MHD_Daemon *d), (d))                            \
    /* the variadic two: start through its va_list form (below); daemon  */    \
    /* info passes no more than the type (BIND_PORT is all serve asks)   */    \
    F(struct MHD_Daemon *, MHD_start_daemon_va,                                \
      (unsigned int fl, uint16_t port, MHD_AcceptPolicyCallback apc,           \
       void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, va_list ap), \
      (fl, port, apc, apc_cls, dh, dh_cls, ap))                                \
    F(const union MHD_DaemonInfo *, MHD_get_daemon_info,                       \
      (struct MHD_Daemon *d, enum MHD_DaemonInfoType t, ...), (d, t))

enum { MHD_FNS(DL_INDEX, DL_INDEXV) NFNS };
static const char *const names[] = {MHD_FNS(DL_NAME, DL_NAMEV)};
static void *fns[NFNS];
static const char *const sonames[] = {"libmicrohttpd.so.12", NULL};
static dl_lib lib = {"its HTTP server", "libmicrohttpd12", sonames, names,
                     fns, NFNS, PTHREAD_ONCE_INIT, 0, ""};

static void init(void) { dl_open(&lib); }

int mhd_load(char *msg, size_t size) { return dl_load(&lib, init, msg, size); }

MHD_FNS(DL_SHIM, DL_SHIMV)

struct MHD_Daemon *MHD_start_daemon(unsigned int fl, uint16_t port,
                                    MHD_AcceptPolicyCallback apc, void *apc_cls,
                                    MHD_AccessHandlerCallback dh, void *dh_cls,
                                    ...) {
    va_list ap;
    va_start(ap, dh_cls);
    struct MHD_Daemon *d =
        MHD_start_daemon_va(fl, port, apc, apc_cls, dh, dh_cls, ap);
    va_end(ap);
    return d;
}
