/* keep_qp.h -- copies of events' places and a result's quotations, for
 * cmd_code's worker threads, whose dyad_doc codes the next document
 * before this one is written (see keep_qp.c). */
#ifndef DYAD_KEEP_QP_H
#define DYAD_KEEP_QP_H

#include <stddef.h>

#include "dyad.h"

typedef struct keep_qp {
    char *buf;             /* one buffer for everything, reused */
    size_t cap;
} keep_qp;

/* Points r's quotations and the n events' places at copies in k (grown as
 * needed). Returns 0, or -1 when memory ran out. */
int keep_qp_result(keep_qp *k, dyad_result *r, dyad_event *ev, size_t n);
void keep_qp_free(keep_qp *k);

#endif
