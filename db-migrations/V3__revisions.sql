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
