/* test_dl.c -- the optional libraries' loader (src/dl/dl.h): a library
 * that is not there gives an error naming it, the command and the package
 * to install; the real ones load and their shims call through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dl/dl.h"

static const char *const missing_so[] = {"libdyad-test-missing.so.0", NULL};
static const char *const libc_so[] = {"libc.so.6", NULL};
static const char *const names_ok[] = {"strlen"};
static const char *const names_bad[] = {"dyad_no_such_function"};
static void *fns1[1], *fns2[1], *fns3[1];
static dl_lib missing = {"testing", "dyad-test-package", missing_so, names_ok,
                         fns1, 1, PTHREAD_ONCE_INIT, 0, ""};
static dl_lib nosym = {"testing", "libc6", libc_so, names_bad, fns2, 1,
                       PTHREAD_ONCE_INIT, 0, ""};
static dl_lib fine = {"testing", "libc6", libc_so, names_ok, fns3, 1,
                      PTHREAD_ONCE_INIT, 0, ""};
static void init_missing(void) { dl_open(&missing); }
static void init_nosym(void) { dl_open(&nosym); }
static void init_fine(void) { dl_open(&fine); }

static void test_missing_library(void **state) {
    (void)state;
    char msg[512];
    dl_set_command("code");
    assert_int_equal(dl_load(&missing, init_missing, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "libdyad-test-missing.so.0 cannot be loaded"));
    assert_non_null(strstr(msg, "'dyad code' needs it for testing"));
    assert_non_null(strstr(msg, "install Debian's dyad-test-package"));
    /* the second call gives the same answer without trying again */
    msg[0] = '\0';
    assert_int_equal(dl_load(&missing, init_missing, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "cannot be loaded"));
    dl_set_command(NULL);
}

static void test_missing_function(void **state) {
    (void)state;
    char msg[512];
    assert_int_equal(dl_load(&nosym, init_nosym, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "it has no dyad_no_such_function"));
}

static void test_loads(void **state) {
    (void)state;
    char msg[512] = "";
    assert_int_equal(dl_load(&fine, init_fine, msg, sizeof msg), 0);
    size_t (*len)(const char *) = (size_t (*)(const char *))fns3[0];
    assert_int_equal(len("dyad"), 4);
}

/* The back ends' libraries, as this machine has them (CI installs all). */
static void test_backends(void **state) {
    (void)state;
    char msg[512] = "";
#ifdef DYAD_HAVE_LIBPQ
    assert_int_equal(pq_load(msg, sizeof msg), 0);
#endif
    assert_int_equal(mhd_load(msg, sizeof msg), 0);
#ifdef DYAD_HAVE_RSVG
    assert_int_equal(rsvg_load(msg, sizeof msg), 0);
#endif
    (void)msg;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_library),
        cmocka_unit_test(test_missing_function),
        cmocka_unit_test(test_loads),
        cmocka_unit_test(test_backends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
