-- Every change readers can see goes through one seam (publishing.Publication), which raises public_version in
-- the same transaction: that is how every node's page cache, search and figures learn of it (V8, V9). A write
-- that forgets to is a page served stale until the next change. From here on the database refuses it: a
-- transaction that changes public rows without raising public_version fails at commit.
--
-- Public rows: stories that are or were published (their bylines, tags, related stories and corrections too),
-- sections, author profiles' public fields, the site settings. Not drafts (autosaves and saves of drafts stay
-- as cheap as before: the checks below are not even queued for them), nor new author profiles (bylines typed
-- on a draft make them; they show nowhere until a story carrying them is published, which raises the version).
--
-- Writers that bypass the services on purpose raise the version themselves, which is right anyway (caches must
-- drop what they show): bench/seed.sql, tests writing rows by SQL, and any later migration that changes
-- public rows ("update public_version set value = value + 1 where id = 1" in the same migration).

-- Raising the version marks the transaction (a setting local to it, gone at its end).
create function mark_public_version_raised() returns trigger language plpgsql as $$
begin
    perform set_config('copydesk.public_version_raised', 'yes', true);
    return null;
end
$$;

create trigger public_version_raised after update on public_version
    for each row execute function mark_public_version_raised();

create function public_version_raised_here() returns boolean language sql stable as $$
    select coalesce(current_setting('copydesk.public_version_raised', true), '') = 'yes'
$$;

create function refuse_unannounced_public_change() returns trigger language plpgsql as $$
begin
    if not public_version_raised_here() then
        raise exception 'A change readers can see (% on %) was not announced: public changes go through publishing.Publication, which raises public_version in the same transaction', tg_op, tg_table_name;
    end if;
    return null;
end
$$;

-- Parts of a story (bylines, tags, related, corrections): public while their story is published at commit.
create function refuse_unannounced_story_part_change() returns trigger language plpgsql as $$
begin
    if public_version_raised_here() then
        return null; -- announced: nothing to look up
    end if;
    if exists (select 1 from story s where s.state = 'PUBLISHED'
            and s.id in ((case when tg_op = 'INSERT' then null else old.story_id end),
                         (case when tg_op = 'DELETE' then null else new.story_id end))) then
        raise exception 'A change readers can see (% on % of published story) was not announced: public changes go through publishing.Publication, which raises public_version in the same transaction', tg_op, tg_table_name;
    end if;
    return null;
end
$$;

-- Checked at commit (deferred), so the raise may come before or after the write in the transaction.
create constraint trigger story_public_inserted after insert on story deferrable initially deferred
    for each row when (new.state = 'PUBLISHED') execute function refuse_unannounced_public_change();
create constraint trigger story_public_updated after update on story deferrable initially deferred
    for each row when (old.state = 'PUBLISHED' or new.state = 'PUBLISHED') execute function refuse_unannounced_public_change();
create constraint trigger story_public_deleted after delete on story deferrable initially deferred
    for each row when (old.state = 'PUBLISHED') execute function refuse_unannounced_public_change();

create constraint trigger story_byline_public after insert or update or delete on story_byline deferrable initially deferred
    for each row execute function refuse_unannounced_story_part_change();
create constraint trigger story_tag_public after insert or update or delete on story_tag deferrable initially deferred
    for each row execute function refuse_unannounced_story_part_change();
create constraint trigger story_related_public after insert or update or delete on story_related deferrable initially deferred
    for each row execute function refuse_unannounced_story_part_change();
create constraint trigger story_correction_public after insert or update or delete on story_correction deferrable initially deferred
    for each row execute function refuse_unannounced_story_part_change();

create constraint trigger section_public after insert or update or delete on section deferrable initially deferred
    for each row execute function refuse_unannounced_public_change();
create constraint trigger site_settings_public after update on site_settings deferrable initially deferred
    for each row execute function refuse_unannounced_public_change();
create constraint trigger author_public_updated after update on author deferrable initially deferred
    for each row when (old.name is distinct from new.name or old.slug is distinct from new.slug
        or old.bio is distinct from new.bio or old.photo_image_id is distinct from new.photo_image_id)
    execute function refuse_unannounced_public_change();
create constraint trigger author_public_deleted after delete on author deferrable initially deferred
    for each row execute function refuse_unannounced_public_change();
