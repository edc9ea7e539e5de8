-- The newsroom's logo, uploaded in Settings: shown in the masthead, and (a raster rendition) as the publisher's
-- logo in structured data. None: the site's name is the masthead, assets/logo.png the publisher's logo.
alter table site_settings add column logo_image_id bigint references image (id);
