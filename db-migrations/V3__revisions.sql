-- Every save of a story keeps a revision: all the fields that matter, who, when. Identical saves
-- (same content hash as the latest revision) add none.
create sequence story_revision_seq increment by 50;
create table story_revision (
    id           bigint primary key,
    story_id     bigint      not null references story (id) on delete cascade,
    number       integer     not null,
    created_at   timestamptz not null,
    author_id    bigint      references staff_account (id),
    content      jsonb       not null,
    content_hash varchar(64) not null,
    unique (story_id, number)
);

-- Who has a story open: a lease renewed while the edit page is open, expiring a few minutes after.
create table story_lease (
    story_id   bigint      not null references story (id) on delete cascade,
    staff_id   bigint      not null references staff_account (id) on delete cascade,
    since      timestamptz not null,
    renewed_at timestamptz not null,
    primary key (story_id, staff_id)
);

-- The working copy the edit page saves every few seconds: no revision, no state change.
create table story_autosave (
    story_id        bigint      not null references story (id) on delete cascade,
    staff_id        bigint      not null references staff_account (id) on delete cascade,
    saved_at        timestamptz not null,
    based_on_version integer    not null,
    fields          jsonb       not null,
    primary key (story_id, staff_id)
);
