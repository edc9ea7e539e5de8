-- The desk home lists every story by state (desk.DeskByState), each list a page of 50 however large the archive.
-- Drafts and Changes requested: the newest or oldest saves of one state, read from one end of this index.
-- Pending updates (update_of is not null) are few and have story_update_of_key (V2); they stay out of it.
create index story_state_updated_idx on story (state, updated_at desc, id desc) where update_of is null;

-- Published today and Recently published: the live stories by their last publication, newest first. Without it
-- the dashboard sorted every published story on each visit.
create index story_last_published_idx on story (last_published_at desc, id desc)
    where state = 'PUBLISHED' and update_of is null;

-- My stories, the ones bylined to me: the newest saves first, each checked against story_byline, when the author
-- has many stories (one with few is read from story_byline_author_idx instead; PostgreSQL picks by its statistics).
create index story_updated_idx on story (updated_at desc, id desc);
