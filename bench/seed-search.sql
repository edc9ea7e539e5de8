-- Fills the search vectors of the bench stories whose id modulo :parts is :part (run by bench/seed, one
-- psql per part at once), then raises the public version, last, so the parts do not wait on each other's lock.
\set ON_ERROR_STOP on
\timing on
begin;
update story set search_vector = v.v, rank_vector = copydesk_story_rank_vector(v.v, body_text, copydesk_search_config(language))
from (select id sid, copydesk_story_search_vector(id) v from story where id > 5000000 and id % :parts = :part) v
where id = v.sid;
update public_version set value = value + 1 where id = 1;
commit;
