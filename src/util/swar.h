/* swar.h -- byte tests on 8 bytes at once in a 64-bit word ("SIMD within a
 * register"), for the scanners that copy or skip long runs of ordinary
 * ASCII text (the normaliser, the sentence splitter, the JSON writer).
 *
 * The masks are exact per byte (no borrow from one byte into the next), so
 * a caller may also locate the bytes that matched. Loads go through memcpy
 * (no alignment or aliasing assumptions); the byte order only matters to a
 * caller that maps a mask bit back to a position.
 */
#ifndef DYAD_SWAR_H
#define DYAD_SWAR_H

#include <stdint.h>
#include <string.h>

#define SWAR_ONES 0x0101010101010101u
#define SWAR_HIGH 0x8080808080808080u

/* 8 bytes from p, any alignment. */
static inline uint64_t swar_load(const void *p) {
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}

/* The high bit of each byte of the result is set iff that byte of v is 0. */
static inline uint64_t swar_zero(uint64_t v) {
    const uint64_t low7 = ~SWAR_HIGH;
    return ~(((v & low7) + low7) | v | low7);
}

/* Bytes of x equal to c. */
static inline uint64_t swar_eq(uint64_t x, unsigned char c) {
    return swar_zero(x ^ (SWAR_ONES * c));
}

/* Bytes of x that are not printable ASCII: below 0x20, 0x7F, or >= 0x80. */
static inline uint64_t swar_nonprint(uint64_t x) {
    return swar_zero(x & (SWAR_ONES * 0xE0u)) | swar_eq(x, 0x7F) |
           (x & SWAR_HIGH);
}

#endif
