/* centroid.c -- the middle of each country from its cities; see centroid.h. */
#include "geo/centroid.h"

#include <stdlib.h>
#include <string.h>

struct geo_centroids {
    mem m;               /* the caller's, without its unwind point */
    uint32_t n;          /* countries */
    int32_t *lat, *lon;  /* 1e-5 degrees, GAZ_GEN_NOCOORD: no city */
};

static int cmp_i32(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The middle of the sorted values v[0..n) without the outermost 1%. */
static int32_t mid_range(const int32_t *v, uint32_t n, int64_t *span) {
    uint32_t cut = n / 100;
    int32_t lo = v[cut], hi = v[n - 1 - cut];
    *span = (int64_t)hi - lo;
    return (int32_t)(((int64_t)lo + hi) / 2);
}

/* Longitudes: the narrower of the plain range and the range with western
 * longitudes moved past 180 degrees (a country across the antimeridian). */
static int32_t mid_lon(int32_t *v, uint32_t n) {
    int64_t span1, span2;
    qsort(v, n, sizeof *v, cmp_i32);
    int32_t m1 = mid_range(v, n, &span1);
    for (uint32_t i = 0; i < n; i++)
        if (v[i] < 0) v[i] += 36000000;
    qsort(v, n, sizeof *v, cmp_i32);
    int32_t m2 = mid_range(v, n, &span2);
    if (span2 + 100000 >= span1) return m1; /* (1 degree of hysteresis) */
    return m2 > 18000000 ? m2 - 36000000 : m2;
}

geo_centroids *geo_centroids_new(const gaz *g, const mem *mm) {
    (void)g;
    /* failures return NULL here, so that no block is left behind by a
     * jump from a later one: the caller unwinds */
    mem local = *(mm ? mm : mem_libc());
    local.oom = NULL;
    const mem *m = &local;
    uint32_t nc = gaz_gen_ncountries, np = gaz_gen_nplaces;
    geo_centroids *c = mem_zalloc(m, sizeof *c);
    uint32_t *start = mem_zalloc(m, (nc + 1) * sizeof *start);
    uint32_t *fill = mem_zalloc(m, (nc + 1) * sizeof *fill);
    int32_t *lat = mem_alloc(m, (np + 1) * sizeof *lat);
    int32_t *lon = mem_alloc(m, (np + 1) * sizeof *lon);
    if (!c || !start || !fill || !lat || !lon) {
        mem_free(m, c);
        mem_free(m, start);
        mem_free(m, fill);
        mem_free(m, lat);
        mem_free(m, lon);
        return NULL;
    }
    c->m = local;
    c->n = nc;
    c->lat = mem_alloc(m, (nc + 1) * sizeof *c->lat);
    c->lon = mem_alloc(m, (nc + 1) * sizeof *c->lon);
    if (!c->lat || !c->lon) {
        geo_centroids_free(c);
        c = NULL;
        goto done;
    }
    /* the cities of each country, one country after another */
    for (uint32_t p = nc; p < np; p++) {
        const gaz_gen_place *r = &gaz_gen_places[p];
        if (gaz_gen_features[r->feature].level != GAZ_CITY ||
            r->lat == GAZ_GEN_NOCOORD || r->country >= nc)
            continue;
        start[r->country + 1]++;
    }
    for (uint32_t k = 0; k < nc; k++) start[k + 1] += start[k];
    for (uint32_t p = nc; p < np; p++) {
        const gaz_gen_place *r = &gaz_gen_places[p];
        if (gaz_gen_features[r->feature].level != GAZ_CITY ||
            r->lat == GAZ_GEN_NOCOORD || r->country >= nc)
            continue;
        uint32_t at = start[r->country] + fill[r->country]++;
        lat[at] = r->lat;
        lon[at] = r->lon;
    }
    for (uint32_t k = 0; k < nc; k++) {
        uint32_t n = start[k + 1] - start[k];
        if (!n) {
            c->lat[k] = c->lon[k] = GAZ_GEN_NOCOORD;
            continue;
        }
        int64_t span;
        qsort(lat + start[k], n, sizeof *lat, cmp_i32);
        c->lat[k] = mid_range(lat + start[k], n, &span);
        c->lon[k] = mid_lon(lon + start[k], n);
    }
done:
    mem_free(m, start);
    mem_free(m, fill);
    mem_free(m, lat);
    mem_free(m, lon);
    return c;
}

void geo_centroids_free(geo_centroids *c) {
    if (!c) return;
    mem m = c->m;
    mem_free(&m, c->lat);
    mem_free(&m, c->lon);
    mem_free(&m, c);
}

int geo_centroid(const geo_centroids *c, uint32_t country, double *lat,
                 double *lon) {
    if (!c || country >= c->n || c->lat[country] == GAZ_GEN_NOCOORD)
        return 0;
    *lat = c->lat[country] / 1e5;
    *lon = c->lon[country] / 1e5;
    return 1;
}
