-- Search snippets read twenty stories' plain text (body_text, about 7 kB, kept compressed out of line). With
-- PostgreSQL's default compression (pglz), decompressing one took 46 µs, a fifth of the database's time per
-- search; with lz4, 16 µs (measured at 100,000 stories, docs/performance.md). New values are compressed with
-- lz4; the existing ones are rewritten once so that they are too (a value copied as it is keeps its method).
-- A server built without lz4 (all PostgreSQL packages and images of version 14 and later have it) keeps pglz.
do $$
begin
    alter table story alter column body_text set compression lz4;
exception when feature_not_supported then
    raise notice 'lz4 is not available on this server: body_text stays compressed with pglz';
end $$;

update story set body_text = body_text || '' where body_text is not null;
