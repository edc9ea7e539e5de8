-- Fills a migrated, empty Copydesk database with :n stories using set operations only.
-- Run by bench/seed (psql -v n=100000 -f bench/seed.sql). Ids start high, sequences are moved past them.
\set ON_ERROR_STOP on
\timing on
begin;

-- Paragraphs to build bodies from: the example agency story, cut into its paragraphs.
create temporary table para (n int primary key, text text) on commit drop;
insert into para values
 (0, 'Malian Foreign Minister Abdoulaye Diop on Thursday denied that his government had signed a contract with a Russian private military contractor, saying the reports were part of a campaign against the country and its transition authorities in Bamako.'),
 (1, 'Speaking at a news conference in Moscow, following a meeting with his Russian counterpart Sergey Lavrov, Diop said the information about the contract with a Russian company was disinformation meant to isolate Mali from its partners in the region and beyond.'),
 (2, 'We have already communicated directly with our French colleagues on this issue, he said, adding that Mali had the sovereign right to choose its partners and that no decision would be taken against the interests of the Malian people or their security.'),
 (3, 'Mali''s primary concern is the security of its territory and people, and the government will take whatever steps it considers necessary to protect civilians in the north and centre of the country, where armed groups have carried out repeated attacks.'),
 (4, 'Any state protects its interests, Diop said. Why should Mali protect the interests of another country? We protect the interests of our population, and we are concerned about how to ensure the security of our territory and our residents.'),
 (5, 'Diop added that Mali does not question France''s decision to reduce its military presence in the north of the country, but said the security situation remained extremely difficult and demanded the combined efforts of the whole region.'),
 (6, 'For his part, Lavrov said the issue of hiring a private company for protection purposes lies entirely within the exclusive authority of Mali''s legitimate government, and that Moscow had nothing to do with any such arrangement.'),
 (7, 'He stressed that the Russian authorities have nothing to do with the activities of any such structures created by Russian citizens, pointing out that they sign contracts independently with governments and private clients around the world.'),
 (8, 'If these contracts are concluded with legitimate governments of sovereign states, I do not understand what can be seen as negative here, Lavrov said, adding that the matter had been raised with him by several European counterparts in recent weeks.'),
 (9, 'Russia as a state has a long history of military cooperation with Mali, and it continues deliveries of arms, ammunition and equipment to the African country so that its government can effectively combat the terrorist threats it faces.'),
 (10, 'This threat persists, and it may worsen, given the decision taken by the French government to significantly reduce its presence, its Operation Barkhane, primarily in the north, where terrorists feel more and more at ease, the minister said.'),
 (11, 'Lavrov pointed out that the market for private military contractors has been created by Western countries, and that the United States, Britain and France are leaders in terms of the number of such companies operating across several continents.');

-- A newsroom's vocabulary beyond those paragraphs: 30,000 made-up words whose use follows Zipf's law
-- (the word of rank r is drawn with odds about 1/r), so that a search word matches a realistic share of the
-- archive: rank 30 about a third of the stories, rank 3,000 under one in a hundred. bench/run picks its
-- search words from here. The table stays in the bench database (the app never reads it).
create table bench_word (rank int primary key, word text not null);
insert into bench_word
select r, string_agg((array['ka','lo','mi','ren','dus','po','ta','vel','shi','nor','bra','ek','zu','fan','gil','ho',
                            'ur','tep','san','qua'])[1 + (r / (20 ^ d)::int) % 20], '' order by d) || 'o'
from generate_series(1, 30000) r cross join generate_series(0, 3) d
group by r;
-- 20,000 sentences of 12 such words; each paragraph of a story gets one.
create temporary table sentence (n int primary key, text text) on commit drop;
select setseed(0.42);
insert into sentence
select x.n, initcap(string_agg(w.word, ' ' order by x.k)) || '.'
from (select n, k, least(30000, floor(exp(random() * ln(30000)))::int) as r
      from generate_series(0, 19999) n cross join generate_series(1, 12) k) x
join bench_word w on w.rank = x.r
group by x.n;

-- Authors and tags.
insert into author (id, name, slug, bio)
select 5000000 + g, 'Bench Author ' || g, 'bench-author-' || g, 'Correspondent number ' || g || ' of the bench newsroom.'
from generate_series(1, 200) g;
insert into tag (id, name, slug)
select 5000000 + g, 'Bench Topic ' || g, 'bench-topic-' || g from generate_series(1, 500) g;

-- Stories: mostly published (newest last), some drafts, in review, scheduled and unpublished; 12 to 24
-- paragraphs of about 50 words (roughly 600 to 1,200 words) each.
insert into story (id, headline, standfirst, kicker, body, slug, section_id, dateline_place, state, created_by,
                   created_at, updated_at, first_published_at, last_published_at, public_path, scheduled_at)
select 5000000 + i,
       'Bench story ' || i || ': ' || split_part(p.text, ',', 1),
       'Standfirst of bench story ' || i || ', about ' || lower(split_part(p.text, ' ', 3)) || ' and the region.',
       case when i % 10 = 0 then 'Analysis' end,
       (select string_agg('<p>' || q.text || ' ' || t.text || '</p>', '' order by k)
          from generate_series(0, 11 + i % 13) k join para q on q.n = (i + k) % 12
          join sentence t on t.n = (i::bigint * 7919 + k * 104729) % 20000),
       'bench-story-' || i,
       1 + i % 6,
       case when i % 3 = 0 then 'Bamako' when i % 3 = 1 then 'Moscow' end,
       st.state,
       (select id from staff_account order by id limit 1),
       ts, ts,
       case when st.state in ('PUBLISHED', 'UNPUBLISHED') then ts end,
       case when st.state in ('PUBLISHED', 'UNPUBLISHED') then ts end,
       case when st.state in ('PUBLISHED', 'UNPUBLISHED') then
         '/' || (select slug from section where id = 1 + i % 6) || to_char(ts at time zone 'UTC', '/YYYY/MM/DD/')
         || 'bench-story-' || i end,
       case when st.state = 'SCHEDULED' then now() + interval '30 days' end
from generate_series(1, :n) i
join para p on p.n = i % 12
cross join lateral (select now() - (:n - i) * interval '3 minutes' as ts) t
cross join lateral (select case when i % 50 = 1 then 'DRAFT' when i % 50 = 2 then 'IN_REVIEW'
                                when i % 50 = 3 then 'SCHEDULED' when i % 50 = 4 then 'UNPUBLISHED'
                                else 'PUBLISHED' end as state) st;

-- 1 to 3 bylines, 1 to 4 tags, 0 to 3 related (earlier) stories per story.
insert into story_byline (story_id, position, author_id)
select s.id, k, 5000001 + ((s.id * 7 + k * 13) % 200)
from story s cross join generate_series(0, 2) k
where s.id > 5000000 and k <= s.id % 3;
insert into story_tag (story_id, tag_id)
select distinct s.id, 5000001 + ((s.id * 11 + k * 17) % 500)
from story s cross join generate_series(0, 3) k
where s.id > 5000000 and k <= s.id % 4;
insert into story_related (story_id, position, related_story_id)
select s.id, k, s.id - 1 - k * 5
from story s cross join generate_series(0, 2) k
where s.id > 5000020 and k < s.id % 4;

-- The search vectors are filled by bench/seed-search.sql afterwards, in two halves at once (one per core). The
-- search indexes (GIN, kept without a pending list) would take a row at a time: at 1,000,000 stories that is an
-- hour. They are dropped here and built again in bulk once the vectors are in, as a restore would.
create table bench_search_index as
  select indexname, indexdef from pg_indexes where tablename = 'story' and indexdef like '% USING gin %';
do $$ declare i record; begin
  for i in select * from bench_search_index loop execute format('drop index %I', i.indexname); end loop;
end $$;

-- Public rows written straight into the database raise the public version with them (V23 refuses them otherwise).
update public_version set value = value + 1 where id = 1;

select setval('author_seq', 6000000), setval('tag_seq', 6000000), setval('story_seq', 6000000);
commit;
