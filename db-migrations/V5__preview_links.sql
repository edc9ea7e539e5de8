-- "Share preview": secret links that show a story to someone without a desk account.
-- Only a SHA-256 digest of each token is kept, so a copy of the database does not open the drafts.
create table story_preview_link (
    id          bigint      primary key,
    story_id    bigint      not null references story (id) on delete cascade,
    token_hash  bytea       not null unique,
    created_by  bigint      references staff_account (id) on delete set null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    revoked_by  bigint      references staff_account (id) on delete set null
);

create sequence story_preview_link_seq increment by 50;

create index story_preview_link_story on story_preview_link (story_id);
