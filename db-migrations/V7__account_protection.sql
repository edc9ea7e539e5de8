-- Sessions are encrypted cookies (nothing kept on the server); each carries the account's session
-- generation, and raising it (sign-out, password change, disabling) ends every session of the account.
alter table staff_account add column session_generation integer not null default 0;

-- Sign-in throttling, shared by every app node: failures per account and per address in a window.
create table sign_in_throttle (
    key               text        primary key,
    failures          integer     not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz
);
