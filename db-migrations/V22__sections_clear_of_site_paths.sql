-- A section may not take a first path segment the site itself answers (story.SectionService, web.AppRoutes).
-- Before this release "images" and "bundle" were not refused: such a section's front and stories answered 404
-- (the image and editor-bundle routes took the paths) while the sitemaps listed them. Each such section gets
-- the slug "<slug>-section" (a number added if that is taken), and its stories' public paths move with it; the
-- old paths never reached them, so no redirect is kept. Raising the public version drops every node's kept pages.
do $$
declare
  shadowed record;
  fresh text;
  n integer;
begin
  for shadowed in select id, slug from section where slug in ('images', 'bundle') loop
    fresh := shadowed.slug || '-section';
    n := 1;
    while exists (select 1 from section where slug = fresh) loop
      n := n + 1;
      fresh := shadowed.slug || '-section-' || n;
    end loop;
    update section set slug = fresh where id = shadowed.id;
    update story set public_path = '/' || fresh || substr(public_path, length(shadowed.slug) + 2)
     where section_id = shadowed.id and public_path like '/' || shadowed.slug || '/%';
    update public_version set value = value + 1 where id = 1;
  end loop;
end $$;
