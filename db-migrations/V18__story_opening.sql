-- Search snippets are cut from the opening of each result's plain text (search.Snippet: the first 3,300
-- characters, Snippet.TEXT_CHARS). Read from body_text, each is a whole body (about 7 kB) fetched from
-- TOAST in chunks and decompressed: half of the time PostgreSQL spends on a search's page (measured with
-- pgbench at 100,000 stories: 1,374 pages a second with the text, 2,867 without). The opening is kept in a
-- narrow table of its own, compressed inline (storage main), one row read by key for each of the twenty.
-- It is kept by a trigger wherever the body changes, after the one that makes body_text (V10).
create table story_opening (
    story_id bigint primary key references story (id) on delete cascade,
    opening  text   not null
);
alter table story_opening alter column opening set storage main;

create function copydesk_keep_story_opening() returns trigger language plpgsql as $$
begin
    insert into story_opening (story_id, opening) values (new.id, left(coalesce(new.body_text, ''), 3300))
    on conflict (story_id) do update set opening = excluded.opening;
    return null;
end
$$;

create trigger story_opening_kept after insert or update of body on story
    for each row execute function copydesk_keep_story_opening();

insert into story_opening (story_id, opening) select id, left(coalesce(body_text, ''), 3300) from story;
