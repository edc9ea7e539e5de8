-- A newsroom in many languages (issue 24). Every story is in one language, a BCP 47 tag ("en", "tr", "ar",
-- "pt-BR"); stories written before this were in English. The settings list the languages the newsroom writes
-- in (the first is the site's own: front, section and tag pages, and new stories by default), and a section
-- may have a language of its own (null: the site's).
alter table site_settings add column languages varchar(400) not null default 'en';
alter table section add column language varchar(35);
alter table story add column language varchar(35) not null default 'en';

-- A translation points at the story it was translated from (the original of the set; a translation of a
-- translation points at that same original). Translations stay when their original is deleted, unlinked.
alter table story add column translation_of bigint references story (id) on delete set null;
create index story_translation_of_idx on story (translation_of) where translation_of is not null;
