-- Found by bench/explain at 100,000 stories: the sitemap counted published stories with a sequential
-- scan (52 ms). Counting (and listing) the public stories now reads this smaller index only.
create index story_public_idx on story (first_published_at desc, id) where state = 'PUBLISHED' and update_of is null;
