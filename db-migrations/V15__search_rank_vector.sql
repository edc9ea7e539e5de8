-- Ranking a search's 100 candidates read each one's whole search vector: about 6 kB, kept out of line and
-- fetched piece by piece, 7 µs a story, more than half of the ranking's time (docs/performance.md). Ranking
-- now reads a small vector kept in the row: what ranks a news story, its headline (A), kicker, standfirst,
-- bylines and tags (B), and the opening of its text (C, about the first paragraph or two). Candidates are
-- still found with the whole text; a story whose match is further on ranks by its recency.
alter table story add column rank_vector tsvector not null default ''::tsvector;

-- From a story's search vector (V4) and plain text (V10).
create function copydesk_story_rank_vector(search_vector tsvector, body_text text) returns tsvector
    language sql immutable parallel safe as
$$ select ts_filter(search_vector, '{a,b}') || setweight(to_tsvector('english', left(coalesce(body_text, ''), 600)), 'C') $$;

update story set rank_vector = copydesk_story_rank_vector(search_vector, body_text);
