/* event_id.h -- stable event ids: the same input and dictionaries give the
 * same id, in the event store and in `dyad code` output alike.
 *
 * The id is a 64-bit hash of what identifies an event within a corpus: the
 * document id, the sentence index, the source and target codes, the event
 * code and the source, verb and target spans. Byte for byte, the hashed
 * key is
 *
 *     doc_id US sentence US source US target US code US
 *     source_off "," source_len US verb_off "," verb_len US
 *     target_off "," target_len
 *
 * with US the byte 0x1F and numbers in decimal; the hash is 64-bit FNV-1a
 * of the key followed by the splitmix64 finaliser, printed as 16 lowercase
 * hex digits (docs/output.md has a Python one-liner that recomputes it).
 * Two events share an id only when they are the same event of the same
 * sentence, or by a 64-bit collision (about 3e-8 for a million events).
 */
#ifndef DYAD_EVENT_ID_H
#define DYAD_EVENT_ID_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

/* The id of ev, coded in the document whose id is doc_id (NULL as ""). */
uint64_t event_id(const char *doc_id, const dyad_event *ev);
/* The id as 16 hex digits and a NUL into out[17]; returns out. */
char *event_id_hex(uint64_t id, char out[17]);

#endif
