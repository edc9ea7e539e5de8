-- Each app node keeps in memory which public stories hold the words readers search for (search.PublicMatches)
-- and brings it up to date when it hears a public change (V9). This log says which stories changed, by the
-- public version (V8) their change committed at: a transaction that changes what readers see raises the
-- version, and holds its row until it commits, so versions commit in order and a node that has heard
-- version V can read every change up to V at once. The trigger runs at commit (deferred), after the raise.
-- Only stories that are or were published are logged (drafts saved every few seconds are not).
create table search_change (
    version    bigint      not null,
    story_id   bigint      not null,
    changed_at timestamptz not null default now()
);
create index search_change_version_idx on search_change (version);

create function log_search_change() returns trigger language plpgsql as $$
begin
    insert into search_change (version, story_id)
    select value, case when tg_op = 'DELETE' then old.id else new.id end from public_version where id = 1;
    return null;
end
$$;

create constraint trigger story_search_inserted after insert on story deferrable initially deferred
    for each row when (new.state = 'PUBLISHED') execute function log_search_change();
create constraint trigger story_search_updated after update on story deferrable initially deferred
    for each row when (old.state = 'PUBLISHED' or new.state = 'PUBLISHED') execute function log_search_change();
create constraint trigger story_search_deleted after delete on story deferrable initially deferred
    for each row when (old.state = 'PUBLISHED') execute function log_search_change();
