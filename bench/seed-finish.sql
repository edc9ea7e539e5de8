-- The last step of bench/seed: the search indexes built again in bulk, then the database vacuumed.
\set ON_ERROR_STOP on
\timing on
set maintenance_work_mem = '1GB';
do $$ declare i record; begin
  for i in select * from bench_search_index loop execute i.indexdef; end loop;
end $$;
drop table bench_search_index;
-- Vacuumed as autovacuum would have by now: index-only scans (sitemap counts) rely on the visibility map.
vacuum (analyze);
select state, count(*) from story group by state order by state;
