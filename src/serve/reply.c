/* reply.c -- response bodies: JSON errors that name the problem, and the
 * JSON scalars handlers write. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "serve/server.h"

int reply_error(resp *r, int status, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->status = status;
    r->ctype = "application/json";
    r->body.len = 0;
    writer_buf_puts(&r->body, "{\"error\":");
    writer_json_string(&r->body, msg, strlen(msg));
    writer_buf_printf(&r->body, ",\"status\":%d}\n", status);
    return 0;
}

void reply_json_str(writer_buf *b, const char *s) {
    if (!s) writer_buf_puts(b, "null");
    else writer_json_string(b, s, strlen(s));
}

void reply_json_num(writer_buf *b, double v) {
    if (!isfinite(v)) {
        writer_buf_puts(b, "null");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        writer_buf_printf(b, "%lld", (long long)v);
        return;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.3f", v);
    /* "-0.000" is 0 */
    writer_buf_puts(b, tmp[0] == '-' && strspn(tmp + 1, "0.") == strlen(tmp + 1)
                           ? tmp + 1
                           : tmp);
}
