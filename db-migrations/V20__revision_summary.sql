-- The history page lists a story's revisions (number, time, author, headline, length) without reading their
-- content: each is a JSON copy of the whole story, and 30 saves of a 900 KB body made every view of the
-- history read 27 MB of JSON into a 96 MB heap (500 for good). The headline and the body's length in words
-- are kept beside the content by a trigger, so rows written by a node of the previous release (during a
-- rolling upgrade) get them too.
alter table story_revision add column headline text, add column body_words integer;

create function copydesk_revision_summary() returns trigger language plpgsql as $$
begin
    new.headline := new.content ->> 'headline';
    new.body_words := regexp_count(copydesk_html_text(new.content ->> 'body'), '\S+');
    return new;
end
$$;

create trigger story_revision_summary before insert or update of content on story_revision
    for each row execute function copydesk_revision_summary();

update story_revision set headline = content ->> 'headline',
                          body_words = regexp_count(copydesk_html_text(content ->> 'body'), '\S+');
