-- tests/pg_schema2.sql: a version 3 PostgreSQL event store taken back to
-- version 2 (pg_schema.c's version 2 tables and view), its rows kept: the
-- migration test of tests/pg_test.sh and the read-only refusal of
-- tests/serve_pg_test.py. Run with psql -v ON_ERROR_STOP=1 -f.
DROP VIEW events_full; DROP TABLE quotes;
ALTER TABLE events DROP COLUMN place_name, DROP COLUMN place_geonameid,
  DROP COLUMN place_gazetteer_name, DROP COLUMN place_admin1,
  DROP COLUMN place_admin1_code, DROP COLUMN place_country,
  DROP COLUMN place_lat, DROP COLUMN place_lon, DROP COLUMN place_level,
  DROP COLUMN place_source, DROP COLUMN place_off, DROP COLUMN place_len,
  DROP COLUMN place_in_title, DROP COLUMN quote;
ALTER TABLE documents DROP COLUMN nquotes;
CREATE VIEW events_full AS SELECT
  e.event_id, d.doc_id, e.date, d.publisher, d.title, d.url,
  e.sentence, e.in_title, e.source, e.source_country, e.source_agent,
  e.target, e.target_country, e.target_agent, e.code, e.root,
  c.name AS cameo_name, e.quad, e.goldstein, c.plover_type,
  c.plover_mode, c.plover_context, e.source_text, e.verb_text,
  e.target_text, s.text AS sentence_text, e.issues, e.rule,
  s.off AS sentence_off, s.len AS sentence_len, e.source_off,
  e.source_len, e.verb_off, e.verb_len, e.target_off, e.target_len,
  d.batch, d.coded_at
FROM events e JOIN documents d ON d.doc_key = e.doc_key
LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.sentence = e.sentence
LEFT JOIN codes c ON c.code = e.code;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
