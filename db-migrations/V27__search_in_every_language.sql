-- Search in every language (issue 24, point 5). Each story is indexed with the text-search configuration of its
-- language (V26's story.language), folded with unaccent before it is stemmed: élections and elections, Iğdır and
-- igdir, İstanbul, istanbul and ISTANBUL are one word each. A query is read with the same configuration, so it is
-- folded the same way (docs/public-site.md, "Search in every language").

-- unaccent is per database while tests keep one schema per checkout in a single database (and Flyway's clean drops
-- that schema, never what lives in public): it goes to public, where every schema's configurations reach it, or
-- stays where an earlier install put it (looked up below, never assumed). A trusted extension (PostgreSQL 13 and
-- later): the database's owner may create it without being a superuser. Two checkouts migrating at the same
-- moment may both try to create it: the loser finds it made.
do $$
begin
    create extension if not exists unaccent with schema public;
exception when unique_violation or duplicate_object then
    raise notice 'unaccent was created meanwhile by another session';
end $$;

-- One folded configuration per configuration language.Language.searchConfig() can name, and a folded 'simple' for
-- languages PostgreSQL has no stemmer for: copydesk_<name>, made in this schema. unaccent is a filtering
-- dictionary: it hands the folded word on to the stemmer, which lowers its case (unaccent turns İ into I and ı into
-- i first, so Turkish dotted and dotless i meet as i whatever the collation) and stems it. Stop words are matched
-- after folding (the French stop list's "été" no longer stops "ete": a few more lexemes, never a missed story).
do $$
declare
    folding text := (select format('%I.unaccent', n.nspname) from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                     where e.extname = 'unaccent');
    config text;
begin
    foreach config in array array['arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish',
            'french', 'german', 'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali',
            'norwegian', 'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish'] loop
        execute format('create text search configuration %I (copy = pg_catalog.%I)', 'copydesk_' || config, config);
        execute format('alter text search configuration %I alter mapping for hword, hword_part, word with %s, pg_catalog.%I',
                       'copydesk_' || config, folding, config || '_stem');
    end loop;
    create text search configuration copydesk_simple (copy = pg_catalog.simple);
    execute format('alter text search configuration copydesk_simple alter mapping for hword, hword_part, word with %s, pg_catalog.simple',
                   folding);
    -- Words with digits in them ("B52", "İ2") are not stemmed by any configuration; folded all the same.
    foreach config in array array['arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish',
            'french', 'german', 'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali',
            'norwegian', 'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish',
            'simple'] loop
        execute format('alter text search configuration %I alter mapping for numword, hword_numpart with %s, pg_catalog.simple',
                       'copydesk_' || config, folding);
    end loop;
end $$;

-- A story's configuration from its language tag, by its primary language ("pt" of "pt-BR"), as
-- language.Language's map (SearchConfigsAgreeTest checks they agree).
create function copydesk_search_config(language text) returns regconfig language sql stable parallel safe as $$
select (case split_part(lower(coalesce(language, 'en')), '-', 1)
    when 'ar' then 'copydesk_arabic' when 'hy' then 'copydesk_armenian' when 'eu' then 'copydesk_basque'
    when 'ca' then 'copydesk_catalan' when 'da' then 'copydesk_danish' when 'nl' then 'copydesk_dutch'
    when 'en' then 'copydesk_english' when 'fi' then 'copydesk_finnish' when 'fr' then 'copydesk_french'
    when 'de' then 'copydesk_german' when 'el' then 'copydesk_greek' when 'hi' then 'copydesk_hindi'
    when 'hu' then 'copydesk_hungarian' when 'id' then 'copydesk_indonesian' when 'ga' then 'copydesk_irish'
    when 'it' then 'copydesk_italian' when 'lt' then 'copydesk_lithuanian' when 'ne' then 'copydesk_nepali'
    when 'no' then 'copydesk_norwegian' when 'nb' then 'copydesk_norwegian' when 'nn' then 'copydesk_norwegian'
    when 'pt' then 'copydesk_portuguese' when 'ro' then 'copydesk_romanian' when 'ru' then 'copydesk_russian'
    when 'sr' then 'copydesk_serbian' when 'es' then 'copydesk_spanish' when 'sv' then 'copydesk_swedish'
    when 'ta' then 'copydesk_tamil' when 'tr' then 'copydesk_turkish' when 'yi' then 'copydesk_yiddish'
    else 'copydesk_simple' end)::regconfig
$$;

-- V4's vector, in the story's own folded configuration (the same signature: a node of the previous release, still
-- running during a rolling upgrade, indexes in the story's language too).
create or replace function copydesk_story_search_vector(sid bigint) returns tsvector
    language sql stable as
$$
select setweight(to_tsvector(c.c, coalesce(s.headline, '')), 'A')
    || setweight(to_tsvector(c.c, coalesce(s.kicker, '') || ' ' || coalesce(s.standfirst, '')), 'B')
    || setweight(to_tsvector(c.c, coalesce((select string_agg(a.name, ' ') from story_byline b
                                            join author a on a.id = b.author_id where b.story_id = s.id), '')
        || ' ' || coalesce((select string_agg(t.name, ' ') from story_tag st join tag t on t.id = st.tag_id
                            where st.story_id = s.id), '')), 'B')
    || setweight(to_tsvector(c.c, copydesk_html_text(s.body)), 'C')
from story s cross join lateral (select copydesk_search_config(s.language)) c(c) where s.id = sid
$$;

-- V15's rank vector, its opening stemmed in the story's configuration. V15's two-argument function stays for nodes of
-- the previous release during a rolling upgrade (their saves rank the opening as English until they are replaced).
create function copydesk_story_rank_vector(search_vector tsvector, body_text text, config regconfig) returns tsvector
    language sql immutable parallel safe as
$$ select ts_filter(search_vector, '{a,b}') || setweight(to_tsvector(config, left(coalesce(body_text, ''), 600)), 'C') $$;

-- Every story's vectors worked out again, and written where they change: a story in another language than English
-- (V26 let stories be written in one, indexed as English until now), or holding a word with a letter unaccent folds
-- (a stored 'josé' would never be found by the folded query). Other English stories' vectors stay as they are
-- (ASCII words reach the same stemmer as before): at 100,000 bench stories, 67 in 1,000 changed, and writing only
-- those halved the time (3.2 s for 1,000 against 6.4; the text index is written row by row). Public rows change,
-- so the public version is raised (V23), and every node's caches and search memory learn of it.
update story set search_vector = n.v, rank_vector = n.r
from (select id, v, copydesk_story_rank_vector(v, body_text, copydesk_search_config(language)) r
      from (select id, body_text, language, copydesk_story_search_vector(id) v from story) x) n
where n.id = story.id and (n.v is distinct from story.search_vector or n.r is distinct from story.rank_vector);
update public_version set value = value + 1 where id = 1;
