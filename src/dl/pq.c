/* pq.c -- libpq, loaded when a PostgreSQL store is first opened (dl/dl.h):
 * the functions store/postgres.c and store/pg_schema.c call. */
#ifdef DYAD_HAVE_LIBPQ
#include <libpq-fe.h>

#include "dl/dl.h"

#define PQ_FNS(F, V)                                                           \
    F(int, PQcancel, (PGcancel *c, char *buf, int size), (c, buf, size))        \
    V(PQclear, (PGresult *r), (r))                                             \
    F(PGconn *, PQconnectdbParams,                                             \
      (const char *const *k, const char *const *v, int expand), (k, v, expand)) \
    F(int, PQconsumeInput, (PGconn *c), (c))                                   \
    F(char *, PQerrorMessage, (const PGconn *c), (c))                          \
    F(PGresult *, PQexec, (PGconn *c, const char *q), (c, q))                   \
    F(PGresult *, PQexecParams,                                                \
      (PGconn *c, const char *q, int n, const Oid *t, const char *const *v,    \
       const int *l, const int *f, int rf),                                    \
      (c, q, n, t, v, l, f, rf))                                               \
    V(PQfinish, (PGconn *c), (c))                                              \
    V(PQfreeCancel, (PGcancel *c), (c))                                        \
    F(PGcancel *, PQgetCancel, (PGconn *c), (c))                               \
    F(PGresult *, PQgetResult, (PGconn *c), (c))                               \
    F(int, PQgetisnull, (const PGresult *r, int t, int f), (r, t, f))           \
    F(char *, PQgetvalue, (const PGresult *r, int t, int f), (r, t, f))         \
    F(int, PQisBusy, (PGconn *c), (c))                                         \
    F(int, PQntuples, (const PGresult *r), (r))                                \
    F(int, PQputCopyData, (PGconn *c, const char *b, int n), (c, b, n))         \
    F(int, PQputCopyEnd, (PGconn *c, const char *e), (c, e))                    \
    F(ExecStatusType, PQresultStatus, (const PGresult *r), (r))                \
    F(int, PQsendQueryParams,                                                  \
      (PGconn *c, const char *q, int n, const Oid *t, const char *const *v,    \
       const int *l, const int *f, int rf),                                    \
      (c, q, n, t, v, l, f, rf))                                               \
    F(int, PQsetSingleRowMode, (PGconn *c), (c))                               \
    F(int, PQsocket, (const PGconn *c), (c))                                   \
    F(ConnStatusType, PQstatus, (const PGconn *c), (c))

enum { PQ_FNS(DL_INDEX, DL_INDEXV) NFNS };
static const char *const names[] = {PQ_FNS(DL_NAME, DL_NAMEV)};
static void *fns[NFNS];
static const char *const sonames[] = {"libpq.so.5", NULL};
static dl_lib lib = {"a PostgreSQL store", "libpq5", sonames, names, fns,
                     NFNS, PTHREAD_ONCE_INIT, 0, ""};

static void init(void) { dl_open(&lib); }

int pq_load(char *msg, size_t size) { return dl_load(&lib, init, msg, size); }

PQ_FNS(DL_SHIM, DL_SHIMV)
#else
/* (without libpq's headers the store is a stub that never loads it) */
typedef int dl_pq_unused;
#endif
