/* main.c -- the dyad command: finds the subcommand (commands.c) and runs
 * it through cli_run (args.c), which checks its options, and standard
 * output at the end. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cli.h"
#include "dl/dl.h"

/* Standard input, output and error that the caller closed (`dyad code
 * >&-`) are opened on /dev/null, so that no file dyad opens later takes
 * their number: output then fails with "Bad file descriptor" (it is opened
 * for reading only) instead of landing in an input file, and reading a
 * closed standard input fails likewise. Standard error opened for writing
 * loses the messages, which is all a closed one allows. */
static void guard_std_fds(void) {
    static const int mode[3] = {O_WRONLY, O_RDONLY, O_WRONLY};
    for (int fd = 0; fd < 3; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int got = open("/dev/null", mode[fd]);
            if (got >= 0 && got != fd) close(got); /* taken meanwhile */
        }
}

static int unknown_command(const char *cmd) {
    const char *names[32];
    size_t n = 0;
    for (const cli_cmd *c = cli_commands; c->name && n < 32; c++)
        if (!strchr(c->name, ' ')) names[n++] = c->name;
    names[n++] = "help";
    const char *s = cli_suggest(cmd, names, n);
    fprintf(stderr, "dyad: unknown command '%s'", cmd);
    if (s) fprintf(stderr, " (did you mean '%s'?)", s);
    fprintf(stderr, "\ncommands:");
    for (size_t i = 0; i < n; i++) fprintf(stderr, " %s", names[i]);
    fprintf(stderr, "; 'dyad help' says more\n");
    return EXIT_USAGE;
}

/* The command argv[1] (and "dict check" from argv[1..2]); *shift is how
 * many words its name took. */
static const cli_cmd *command_of(int argc, char **argv, int *shift) {
    *shift = 1;
    if (argc > 2 && !strcmp(argv[1], "dict") && !strcmp(argv[2], "check")) {
        *shift = 2;
        return cli_find("dict check");
    }
    return cli_find(argv[1]);
}

static int dispatch(int argc, char **argv) {
    cli_cmd_name = "";
    if (argc < 2) {
        cli_usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        if (!strcmp(cmd, "help") && argc > 2) {
            int shift;
            const cli_cmd *c = command_of(argc - 1, argv + 1, &shift);
            if (!c) return unknown_command(argv[2]);
            cli_help(c, stdout);
        } else {
            cli_usage(stdout);
        }
        return cli_finish(EXIT_OK);
    }
    if (!strcmp(cmd, "--version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return cli_finish(EXIT_OK);
    }
    int shift;
    const cli_cmd *c = command_of(argc, argv, &shift);
    if (!c) {
        if (cmd[0] == '-') {
            fprintf(stderr, "dyad: '%s' before a command; usage: dyad COMMAND "
                            "[options] ('dyad help')\n", cmd);
            return EXIT_USAGE;
        }
        return unknown_command(cmd);
    }
    dl_set_command(c->name); /* before any thread: for dl/dl.h's errors */
    return cli_run(c, argc - shift, argv + shift);
}

int main(int argc, char **argv) {
    guard_std_fds();
    /* libxml2 must be initialised before any thread might use it */
    xmlInitParser();
    int rc = dispatch(argc, argv);
    xmlCleanupParser();
    return rc;
}
