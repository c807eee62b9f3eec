/* cmd_plot.c -- `dyad plot --db FILE --dyad SRC:TGT | --actor CODE [--by
 * day|week|month|year] [--dedup] [--from --to --code] -o FILE.svg|FILE.png`:
 * cooperation and conflict over time (plot/plot.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "io/writer.h"
#include "plot/plot.h"
#include "store_opts.h"

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcasecmp(s + n - m, suffix);
}

static int usage_error(const char *msg, const char *arg) {
    fprintf(stderr, "dyad: plot: %s%s%s\n", msg, arg ? arg : "", arg ? "'" : "");
    return EXIT_USAGE;
}

int cmd_plot(int argc, char **argv) {
    store_opts o;
    store_opts_init(&o);
    plot_opts po;
    plot_opts_init(&po);
    const char *outpath = NULL, *format = NULL;
    double scale = 1;
    for (int i = 1; i < argc; i++) {
        int r = store_opts_parse(&o, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        const char *a = argv[i];
        int has = i + 1 < argc;
        if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && has) {
            outpath = argv[++i];
        } else if (!strcmp(a, "--by") && has) {
            if (store_period_parse(argv[++i], &po.by) < 0)
                return usage_error("--by takes day, week, month or year, not '", argv[i]);
        } else if (!strcmp(a, "--format") && has) {
            format = argv[++i];
            if (strcmp(format, "svg") && strcmp(format, "png"))
                return usage_error("--format takes svg or png, not '", format);
        } else if (!strcmp(a, "--title") && has) {
            po.title = argv[++i];
        } else if (!strcmp(a, "--size") && has) {
            char *end;
            long w = strtol(argv[++i], &end, 10), h = 0;
            if (*end == 'x') h = strtol(end + 1, &end, 10);
            if (*end || w < 400 || w > 4000 || h < 300 || h > 4000)
                return usage_error("--size takes WIDTHxHEIGHT, 400x300 to 4000x4000, "
                                   "not '", argv[i]);
            po.width = (int)w;
            po.height = (int)h;
        } else if (!strcmp(a, "--scale") && has) {
            char *end;
            scale = strtod(argv[++i], &end);
            if (*end || !(scale >= 0.5 && scale <= 8))
                return usage_error("--scale takes 0.5 to 8 (PNG pixels per SVG "
                                   "unit), not '", argv[i]);
        } else {
            return usage_error("unknown option '", a);
        }
    }
    if (!outpath)
        return usage_error("-o FILE.svg or FILE.png is required (-o - writes "
                           "SVG to standard output)", NULL);
    if (!format)
        format = ends_with(outpath, ".png") ? "png"
                 : ends_with(outpath, ".svg") || !strcmp(outpath, "-") ? "svg"
                                                                       : NULL;
    if (!format)
        return usage_error("cannot tell the format of '", outpath);
    store *st = store_opts_open(&o, "plot");
    if (!st) return EXIT_USAGE;
    po.q = o.q;
    po.dedup = o.dedup;
    po.source_note = o.db;
    /* a password in a connection URI stays out of the chart */
    if (strstr(o.db, "://")) po.source_note = store_get_backend(st)->name;

    writer_buf svg = {0};
    store_error err;
    int rc = plot_query_svg(st, &po, &svg, &err);
    store_close(st);
    if (rc < 0) {
        fprintf(stderr, "dyad: plot: %s\n", err.msg);
        free(svg.p);
        return EXIT_REJECTED;
    }
    int to_stdout = !strcmp(outpath, "-");
    FILE *f = to_stdout ? stdout : fopen(outpath, "wb");
    if (!f) {
        fprintf(stderr, "dyad: plot: cannot write %s\n", outpath);
        free(svg.p);
        return EXIT_REJECTED;
    }
    writer_sink sink = writer_sink_file(f);
    char msg[512] = "";
    if (!strcmp(format, "png")) rc = plot_png(svg.p, svg.len, scale, &sink, msg, sizeof msg);
    else rc = fwrite(svg.p, 1, svg.len, f) == svg.len ? 0 : -1;
    free(svg.p);
    if (to_stdout) {
        if (fflush(f) != 0) rc = -1;
    } else if (fclose(f) != 0) {
        rc = -1;
    }
    if (rc < 0) {
        fprintf(stderr, "dyad: plot: %s: %s\n", outpath, msg[0] ? msg : "write error");
        if (!to_stdout) remove(outpath);
        return EXIT_REJECTED;
    }
    return EXIT_OK;
}
