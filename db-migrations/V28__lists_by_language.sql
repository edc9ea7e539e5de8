-- Lists and feeds of one language (/feed.xml?lang=tr, /world?lang=tr, issue 24): the newest public stories of a
-- language, and of a language in a section, read from one end of an index however few of them the archive holds
-- (without these, a language with one story in a hundred walked a hundred public stories for each one listed).
create index story_public_language_idx on story (language, first_published_at desc, id)
    where state = 'PUBLISHED' and update_of is null;
create index story_section_language_idx on story (section_id, language, first_published_at desc, id)
    where state = 'PUBLISHED' and update_of is null;
