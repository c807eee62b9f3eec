/* write_quotes.c -- quotations and event places in the JSON Lines output.
 *
 * An event line ends with "place" (an object, or null when the text does
 * not say where it happened) and "quote" (the index of the quotation it
 * was coded from, or null). After a document's events come its
 * quotations, one line each, told apart from events by "type":"quote":
 *
 *   {"type":"quote","doc_id":"...","date":"20240115","index":0,
 *    "sentence":3,"last_sentence":4,"text":"...","span":[off,len],
 *    "speaker":"he","speaker_name":"Rupert Colville","speaker_code":"IGOUNO",
 *    "speaker_span":[off,len],"verb":"said","attribution":"pronoun",
 *    "events":[2,3],"in_title":false}
 *
 * "events" are indexes of the document's events in output order (0 is its
 * first event line). A document coded in parts (dyad_code_parts) has each
 * part's quotations after its events, index and events numbered across
 * parts (dyad_result.first_quote, first_event). Other formats write places as columns (write_tsv.c)
 * and no quotation records.
 */
#include <math.h>
#include <string.h>

#include "io/writer.h"

static void json_key_str(writer_buf *b, const char *key, const char *v,
                         int first) {
    if (!first) writer_buf_putc(b, ',');
    writer_buf_putc(b, '"');
    writer_buf_puts(b, key);
    writer_buf_put(b, "\":", 2);
    if (v) writer_json_string(b, v, strlen(v));
    else writer_buf_puts(b, "null");
}

static void json_span(writer_buf *b, const char *key, dyad_span sp) {
    writer_buf_put(b, ",\"", 2);
    writer_buf_puts(b, key);
    writer_buf_put(b, "\":[", 3);
    writer_buf_uint(b, sp.off, 0);
    writer_buf_putc(b, ',');
    writer_buf_uint(b, sp.len, 0);
    writer_buf_putc(b, ']');
}

size_t writer_json_place_size(const dyad_event *ev) {
    const dyad_place *p = ev->place;
    if (!p) return 32;
    return 6 * (strlen(p->name) + strlen(p->gazetteer_name) +
                strlen(p->admin1) + strlen(p->admin1_code)) + 512;
}

static int jsonl_quote(writer *w, const doc_record *doc,
                       const dyad_result *res, const dyad_quote *q,
                       size_t i) {
    writer_buf *b = &w->out;
    size_t qbase = res ? res->first_quote : 0,
           ebase = res ? res->first_event : 0;
    writer_buf_puts(b, "{\"type\":\"quote\"");
    json_key_str(b, "doc_id", doc && doc->id ? doc->id : "", 0);
    writer_buf_puts(b, ",\"date\":\"");
    if (doc && doc->date) writer_buf_uint(b, doc->date, 8);
    writer_buf_putc(b, '"');
    writer_buf_printf(b, ",\"index\":%zu,\"sentence\":%u,\"last_sentence\":%u",
                      qbase + i, q->sentence, q->last_sentence);
    json_key_str(b, "text", q->text, 0);
    json_span(b, "span", q->span);
    json_key_str(b, "speaker", q->speaker[0] ? q->speaker : NULL, 0);
    json_key_str(b, "speaker_name",
                 q->speaker_name[0] ? q->speaker_name : NULL, 0);
    json_key_str(b, "speaker_code", q->speaker_code, 0);
    json_span(b, "speaker_span", q->speaker_span);
    json_key_str(b, "verb", q->verb[0] ? q->verb : NULL, 0);
    json_key_str(b, "attribution", q->attribution, 0);
    writer_buf_puts(b, ",\"events\":[");
    for (uint32_t k = 0; k < q->nevents; k++)
        writer_buf_printf(b, "%s%zu", k ? "," : "", ebase + q->events[k]);
    writer_buf_printf(b, "],\"in_title\":%s}\n",
                      q->in_title ? "true" : "false");
    return 0;
}

writer_quote_fn writer_quote_format(const writer_format *fmt) {
    return fmt && !strcmp(fmt->name, "jsonl") ? jsonl_quote : NULL;
}
