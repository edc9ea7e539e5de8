-- The body as plain text, kept beside the HTML by a trigger: search snippets (ts_headline) read it instead
-- of stripping tags from twenty bodies on every search (measured: 40% of a search's time). A plain column
-- filled by an UPDATE, not a generated column: adding one of those rewrites the table under an exclusive
-- lock (40 s at 100,000 stories), while this lets readers go on reading during the upgrade.
alter table story add column body_text text;

create function copydesk_story_body_text() returns trigger language plpgsql as $$
begin
    new.body_text := copydesk_html_text(new.body);
    return new;
end
$$;

create trigger story_body_text before insert or update of body on story
    for each row execute function copydesk_story_body_text();

update story set body_text = copydesk_html_text(body);
