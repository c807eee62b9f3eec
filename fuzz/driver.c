/* driver.c -- runs a fuzz harness without libFuzzer: each argument is a
 * file or a folder of files, and each file is given once to
 * LLVMFuzzerTestOneInput. Linked with fuzz/NAME.c by `make test` (any C
 * compiler), so the committed regression inputs (fuzz/regress/NAME/) and
 * seeds (fuzz/seeds/NAME/) run in every build. Prints
 * "NAME: N inputs" and exits 0; a finding aborts (the harness's checks) or
 * is reported by the sanitizers the build has. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long ninputs;

static int run_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            fprintf(stderr, "%s: out of memory\n", path);
            return -1;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) break;
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb) free(buf);
        buf = nb;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        fprintf(stderr, "%s: read error\n", path);
        return -1;
    }
    /* an exact-size copy, so that ASan sees a read past the input */
    uint8_t *in = malloc(n ? n : 1);
    if (!in) {
        free(buf);
        return -1;
    }
    memcpy(in, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(in, n);
    free(in);
    ninputs++;
    return 0;
}

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) return run_file(path);
    DIR *d = opendir(path);
    if (!d) {
        perror(path);
        return -1;
    }
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *de;
    int rc = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        if (nn == cap) {
            cap = cap ? cap * 2 : 64;
            char **nv = realloc(names, cap * sizeof *names);
            if (!nv) {
                rc = -1;
                break;
            }
            names = nv;
        }
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        if (!(names[nn] = malloc(len))) {
            rc = -1;
            break;
        }
        snprintf(names[nn++], len, "%s/%s", path, de->d_name);
    }
    closedir(d);
    if (nn) qsort(names, nn, sizeof *names, cmp);
    for (size_t i = 0; i < nn; i++) {
        if (rc == 0 && run_path(names[i]) != 0) rc = -1;
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv) {
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (run_path(argv[i]) != 0) rc = 1;
    const char *name = strrchr(argv[0], '/');
    printf("%s: %ld inputs\n", name ? name + 1 : argv[0], ninputs);
    return rc;
}
