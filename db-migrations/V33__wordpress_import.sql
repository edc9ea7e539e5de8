-- WordPress import (issue 26 point 4): the runs shown on /desk/import/{id}, where each imported thing came from
-- (so that importing the same file again updates instead of duplicating), and the old WordPress addresses that
-- answer 301 to where the thing lives now.

create sequence wordpress_import_seq increment by 50;
create table wordpress_import (
    id               bigint primary key,
    started_by       bigint       references staff_account (id) on delete set null,
    file_name        varchar(400) not null,
    uploads_name     varchar(400),
    site_url         varchar(400),
    default_section  bigint       references section (id) on delete set null,
    status           varchar(12)  not null check (status in ('WAITING', 'RUNNING', 'DONE', 'FAILED')),
    message          varchar(1000),
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    -- Touched by every step of the import: a run that stops moving was cut short (its node stopped).
    updated_at       timestamptz  not null default now(),
    posts_total      integer      not null default 0,
    posts_done       integer      not null default 0,
    stories_created  integer      not null default 0,
    stories_updated  integer      not null default 0,
    posts_skipped    integer      not null default 0,
    images_stored    integer      not null default 0,
    images_missing   integer      not null default 0,
    authors_created  integer      not null default 0,
    sections_created integer      not null default 0,
    tags_seen        integer      not null default 0,
    addresses        integer      not null default 0
);
create index wordpress_import_started_idx on wordpress_import (started_at desc);

-- The report: what was imported, updated or skipped, and why; in the order it happened.
create table wordpress_import_line (
    import_id bigint       not null references wordpress_import (id) on delete cascade,
    position  integer      not null,
    kind      varchar(10)  not null check (kind in ('CREATED', 'UPDATED', 'UNCHANGED', 'SKIPPED', 'PROBLEM')),
    text      varchar(1000) not null,
    primary key (import_id, position)
);

-- Where a story, section, tag, author profile or image came from: the WordPress site (its base_site_url) and the
-- thing's key there (a post or attachment id, a category or tag slug, an author login, an uploads path).
create table wordpress_origin (
    site_url  varchar(400) not null,
    kind      varchar(10)  not null check (kind in ('STORY', 'SECTION', 'TAG', 'AUTHOR', 'IMAGE')),
    wp_key    varchar(400) not null,
    target_id bigint       not null,
    -- For a story: a hash of what the post gave it at its last import. Imported again unchanged in WordPress, the
    -- story is left alone, so what the desk changed since is kept.
    fingerprint varchar(64),
    updated_at timestamptz not null default now(),
    primary key (site_url, kind, wp_key)
);

-- Old WordPress addresses (a post's permalink path, its /?p=N form, /category/x/, /tag/y/, /author/z/) and what
-- they answer 301 to: the target's address now, looked up when asked (a story's current public path, so a later
-- change of slug or section is followed). Paths are stored percent-decoded, without a trailing slash.
create table wordpress_address (
    path      varchar(1000) primary key,
    kind      varchar(10)   not null check (kind in ('STORY', 'SECTION', 'TAG', 'AUTHOR')),
    target_id bigint        not null,
    site_url  varchar(400)  not null
);
