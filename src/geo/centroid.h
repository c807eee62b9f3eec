/* centroid.h -- the middle of each country, for places named only by their
 * country ("in Syria").
 *
 * The gazetteer gives a country its capital's coordinates, which can be far
 * from the country's middle (Damascus is 280 km from Syria's). Readers of a
 * country-level place expect its centre, so the centre is estimated from
 * the country's cities in the table: the middle of the range of their
 * latitudes and longitudes, leaving out the outermost 1% on each side so
 * that Alaska and Hawaii do not move the United States' centre into the
 * Pacific. Longitudes are taken across the antimeridian when that gives the
 * narrower range (Russia, Fiji). Built once per engine (about 2 ms); read
 * only afterwards.
 */
#ifndef DYAD_CENTROID_H
#define DYAD_CENTROID_H

#include <stdint.h>

#include "geo/gazetteer.h"
#include "util/mem.h"

typedef struct geo_centroids geo_centroids;

/* The centres of every country of g, allocated from m. NULL when memory
 * ran out (also when m has an unwind point: nothing is left allocated,
 * and the caller unwinds). */
geo_centroids *geo_centroids_new(const gaz *g, const mem *m);
void geo_centroids_free(geo_centroids *c);

/* The centre of country place index country (gaz_place.country_place):
 * returns 1 and sets *lat, *lon, or 0 when the country has no city in the
 * table (then use the gazetteer's own coordinates). */
int geo_centroid(const geo_centroids *c, uint32_t country, double *lat,
                 double *lon);

#endif
