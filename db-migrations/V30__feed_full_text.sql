-- Feeds carry the standfirst as each entry's summary; a newsroom whose partners take its stories whole may have
-- them carry the full text too (Settings, "Feeds carry"). Off until an admin turns it on.
alter table site_settings add column feed_full_text boolean not null default false;
