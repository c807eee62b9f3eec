/* cmd_export.c -- `dyad export --db FILE [--format F] [filters]`: stored
 * events to standard output (store/export.h). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "io/writer.h"
#include "store/export.h"
#include "store_opts.h"

int cmd_export(int argc, char **argv) {
    store_opts o;
    store_opts_init(&o);
    const char *format = "jsonl";
    for (int i = 1; i < argc; i++) {
        int r = store_opts_parse(&o, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            format = argv[++i];
            if (!export_format_known(format)) {
                char names[256];
                fprintf(stderr, "dyad: export: unknown format '%s' (valid: %s)\n",
                        format, export_format_names(names, sizeof names));
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "dyad: export: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    store *st = store_opts_open(&o, "export");
    if (!st) return EXIT_USAGE;
    if (cli_output_open() < 0) {
        store_close(st);
        return EXIT_OUTPUT;
    }
    writer_sink out = {cli_out_write, cli_out_flush, stdout};
    store_error err;
    int rc = store_export(st, &o.q, format, o.dedup, &out, NULL, &err);
    /* a write error is reported by cli_finish, with its reason */
    int write_error = ferror(stdout) || cli_out_errno();
    if (rc < 0 && !write_error) fprintf(stderr, "dyad: export: %s\n", err.msg);
    store_close(st);
    return write_error ? EXIT_OUTPUT : rc < 0 ? EXIT_REJECTED : EXIT_OK;
}
