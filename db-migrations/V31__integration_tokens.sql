-- Integration tokens (docs/api.md): made by an admin at /desk/integrations, shown once, kept only as a SHA-256
-- hash (a token is 256 random bits: no slow hash needed to resist guessing). Each acts through an account of its
-- own (role Reporter, no password anyone knows, never signs in), so what it writes goes through the same service,
-- workflow, revisions and audit as the desk, named for it; revoking a token disables that account too.
create sequence integration_token_seq increment by 50;
create table integration_token (
    id              bigint       primary key,
    name            varchar(120) not null,
    token_hash      varchar(64)  not null unique,
    -- The first characters, shown on the desk so a token can be told from another.
    token_prefix    varchar(16)  not null,
    -- Space-separated: drafts:read, drafts:write.
    scopes          varchar(200) not null,
    -- Where drafts it writes land when they name no section of their own.
    section_id      bigint       references section (id),
    account_id      bigint       not null references staff_account (id),
    created_by      bigint       references staff_account (id),
    created_at      timestamptz  not null,
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
