-- Full-text search: a stored, weighted tsvector per story (headline A; standfirst, bylines and tags B;
-- body C), kept up to date by the app whenever a story is saved or moves, with a GIN index.
alter table story add column search_vector tsvector not null default ''::tsvector;
create index story_search_idx on story using gin (search_vector);

-- The text of an HTML body, for search and snippets.
create function copydesk_html_text(html text) returns text
    language sql immutable as
$$ select replace(replace(replace(replace(replace(regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'),
       '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&') $$;

create function copydesk_story_search_vector(sid bigint) returns tsvector
    language sql stable as
$$
select setweight(to_tsvector('english', coalesce(s.headline, '')), 'A')
    || setweight(to_tsvector('english', coalesce(s.kicker, '') || ' ' || coalesce(s.standfirst, '')), 'B')
    || setweight(to_tsvector('english', coalesce((select string_agg(a.name, ' ') from story_byline b
                                                  join author a on a.id = b.author_id where b.story_id = s.id), '')
        || ' ' || coalesce((select string_agg(t.name, ' ') from story_tag st join tag t on t.id = st.tag_id
                            where st.story_id = s.id), '')), 'B')
    || setweight(to_tsvector('english', copydesk_html_text(s.body)), 'C')
from story s where s.id = sid
$$;

-- Stories saved before this migration.
update story set search_vector = copydesk_story_search_vector(id);
