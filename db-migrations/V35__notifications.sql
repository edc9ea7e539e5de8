-- Notifications that reach the desk (issue 27, point 3), and the e-mail that may follow them.
-- A notification row is written in the transaction of the act it tells of (notification.Notifier), so a rolled-back
-- act tells no one. The row is also the e-mail's outbox: every node's notification.NotificationMailer claims the
-- rows whose mail is due with FOR UPDATE SKIP LOCKED and sends them after the commit.

-- Staff need an address for mail: optional, and one account per address whatever its case.
alter table staff_account add column email varchar(254);
create unique index staff_account_email_key on staff_account (lower(email)) where email is not null;

create table notification (
    id                     bigint       primary key,
    recipient_id           bigint       not null references staff_account (id) on delete cascade,
    kind                   varchar(32)  not null
                           check (kind in ('SUBMITTED', 'CHANGES_REQUESTED', 'COMMENTED', 'PUBLISHED', 'SCHEDULED',
                                           'UNPUBLISHED', 'PUBLICATION_FAILED')),
    story_id               bigint       references story (id) on delete cascade,
    actor_id               bigint       references staff_account (id) on delete set null,
    -- The headline when it happened (the mail's subject) and the line the desk shows: made then, so they say what
    -- the act was even after the story changes.
    headline               varchar(200) not null,
    text                   varchar(1000) not null,
    created_at             timestamptz  not null,
    read_at                timestamptz,
    -- none: the person chose the desk only; off: e-mail wanted but not sent (no SMTP server configured, or no
    -- address); pending/retrying: due at email_next_at; sent; failed: given up after retries.
    email_state            varchar(16)  not null default 'none'
                           check (email_state in ('none', 'off', 'pending', 'retrying', 'sent', 'failed')),
    email_attempts         integer      not null default 0,
    email_next_at          timestamptz,
    email_first_attempt_at timestamptz,
    email_last_error       text,
    emailed_at             timestamptz
);

create sequence notification_seq increment by 50;

-- Each person's list, newest first; their unread count; the mailer's due rows.
create index notification_recipient_newest on notification (recipient_id, created_at desc, id desc);
create index notification_recipient_unread on notification (recipient_id) where read_at is null;
create index notification_email_due on notification (email_next_at) where email_state in ('pending', 'retrying');

-- Per person and kind: desk only (no row, or by_email false) or desk and e-mail.
create table notification_preference (
    staff_account_id bigint      not null references staff_account (id) on delete cascade,
    kind             varchar(32) not null,
    by_email         boolean     not null,
    primary key (staff_account_id, kind)
);
