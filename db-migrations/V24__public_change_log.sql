-- The change log (V17) is publishing's, not search's: it says which public stories changed at which public
-- version, for whatever a node keeps of the public site in memory and must bring up to date (the in-memory
-- search today; more readers of it to come). Renamed to say so; what it holds and when it is written are as
-- before (publishing.ChangeLog in the app).
alter table search_change rename to public_change_log;
alter index search_change_version_idx rename to public_change_log_version_idx;

create function log_public_change() returns trigger language plpgsql as $$
begin
    insert into public_change_log (version, story_id)
    select value, case when tg_op = 'DELETE' then old.id else new.id end from public_version where id = 1;
    return null;
end
$$;

drop trigger story_search_inserted on story;
drop trigger story_search_updated on story;
drop trigger story_search_deleted on story;
drop function log_search_change();

create constraint trigger story_change_logged_inserted after insert on story deferrable initially deferred
    for each row when (new.state = 'PUBLISHED') execute function log_public_change();
create constraint trigger story_change_logged_updated after update on story deferrable initially deferred
    for each row when (old.state = 'PUBLISHED' or new.state = 'PUBLISHED') execute function log_public_change();
create constraint trigger story_change_logged_deleted after delete on story deferrable initially deferred
    for each row when (old.state = 'PUBLISHED') execute function log_public_change();
