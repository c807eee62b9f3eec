/* static.c -- the dashboard's files. A path is served only when it names a
 * regular file whose real path (symbolic links resolved) lies inside the
 * dashboard's folder: "..", hidden names and links that lead out are
 * refused before and after resolution. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "serve/server.h"

#define STATIC_MAX (4u << 20)

static char *root_if_dashboard(const char *dir) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/index.html", dir) >= (int)sizeof path)
        return NULL;
    if (access(path, R_OK) != 0) return NULL;
    return realpath(dir, NULL);
}

char *static_root(const char *dir) {
    if (dir) {
        char *r = root_if_dashboard(dir);
        if (!r)
            fprintf(stderr, "dyad: serve: %s: no dashboard there (index.html)\n",
                    dir);
        return r;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const rel[] = {"/../web", "/../share/dyad/web"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            char cand[PATH_MAX + 32];
            snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
            char *r = root_if_dashboard(cand);
            if (r) return r;
        }
    }
    fprintf(stderr, "dyad: serve: cannot find the dashboard's files (web/): "
                    "give --web DIR\n");
    return NULL;
}

static const char *content_type(const char *path) {
    static const struct {
        const char *ext, *type;
    } types[] = {{".html", "text/html; charset=utf-8"},
                 {".js", "text/javascript; charset=utf-8"},
                 {".css", "text/css; charset=utf-8"},
                 {".svg", "image/svg+xml"},
                 {".png", "image/png"},
                 {".json", "application/json"},
                 {".txt", "text/plain; charset=utf-8"},
                 {".ico", "image/x-icon"}};
    const char *dot = strrchr(path, '.');
    if (dot)
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (!strcmp(dot, types[i].ext)) return types[i].type;
    return "application/octet-stream";
}

/* The request path is a plain relative name: no "..", no hidden segment,
 * no backslash, no empty segment. */
static int plain_path(const char *p) {
    if (strchr(p, '\\')) return 0;
    for (const char *seg = p; *seg;) {
        size_t n = strcspn(seg, "/");
        if (n == 0 || seg[0] == '.') return 0;
        seg += n;
        if (*seg == '/') seg++;
    }
    return 1;
}

int static_get(const req *rq, resp *r) {
    const char *rel = rq->path[0] == '/' ? rq->path + 1 : rq->path;
    if (!*rel) rel = "index.html";
    if (!plain_path(rel))
        return reply_error(r, 403, "%s: not a path inside the dashboard's folder",
                           rq->path);
    const char *root = rq->srv->web_root;
    char joined[PATH_MAX];
    if (snprintf(joined, sizeof joined, "%s/%s", root, rel) >= (int)sizeof joined)
        return reply_error(r, 414, "path too long");
    char *real = realpath(joined, NULL);
    if (!real) return reply_error(r, 404, "%s: no such file", rq->path);
    size_t rn = strlen(root);
    int inside = !strncmp(real, root, rn) && real[rn] == '/';
    if (!inside) {
        free(real);
        return reply_error(r, 403, "%s: not a path inside the dashboard's folder",
                           rq->path);
    }
    int fd = open(real, O_RDONLY | O_CLOEXEC);
    free(real);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        if (fd >= 0) close(fd);
        return reply_error(r, 404, "%s: no such file", rq->path);
    }
    if ((uint64_t)sb.st_size > STATIC_MAX) {
        close(fd);
        return reply_error(r, 500, "%s: larger than %u bytes", rq->path, STATIC_MAX);
    }
    size_t size = (size_t)sb.st_size, got = 0;
    char *dst = writer_buf_reserve(&r->body, size + 1);
    while (dst && got < size) {
        ssize_t k = read(fd, dst + got, size - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        got += (size_t)k;
    }
    close(fd);
    if (!dst || got != size)
        return reply_error(r, 500, "%s: cannot read the file", rq->path);
    r->body.len += size;
    r->status = 200;
    r->ctype = content_type(rel);
    r->cache = 1;
    return 0;
}
