-- Transcript search: where SQLite has the FTS5 trigram table, PostgreSQL has a GIN trigram
-- index on messages.text (next migration), which needs this extension. pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
