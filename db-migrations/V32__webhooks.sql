-- Webhooks (issue 26): endpoints an admin registers, and the outbox of their deliveries.
-- A delivery row is written in the transaction of the public change it tells of (webhook.WebhookOutbox), so it
-- commits with the change or not at all; every node's webhook.WebhookWorker claims due rows with
-- FOR UPDATE SKIP LOCKED and sends them, signed as the Standard Webhooks specification says.
create table webhook_endpoint (
    id          bigint       primary key,
    url         text         not null,
    -- Standard Webhooks form: whsec_ followed by base64 of the random key bytes. Kept as such: the sender signs
    -- with it, so it cannot be a digest.
    secret      text         not null,
    -- The event types it receives, separated by spaces (story.published story.updated ...).
    events      text         not null,
    description text,
    enabled     boolean      not null default true,
    created_by  bigint       references staff_account (id) on delete set null,
    created_at  timestamptz  not null
);

create sequence webhook_endpoint_seq increment by 50;

create table webhook_delivery (
    id                bigint       primary key,
    endpoint_id       bigint       not null references webhook_endpoint (id) on delete cascade,
    event_type        text         not null,
    story_id          bigint       references story (id) on delete set null,
    -- The Standard Webhooks message id (webhook-id), the same on every attempt, so receivers can drop repeats.
    message_id        text         not null unique,
    -- The whole body sent, {"type", "timestamp", "data"}: made when the change was, so it says what the change was.
    payload           text         not null,
    status            text         not null default 'pending'
                                   check (status in ('pending', 'retrying', 'delivered', 'failed')),
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null,
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    created_at        timestamptz  not null,
    delivered_at      timestamptz
);

create sequence webhook_delivery_seq increment by 50;

-- The worker's query: due rows of the ones still to send, oldest due first. Sent and failed rows are not in it.
create index webhook_delivery_due on webhook_delivery (next_attempt_at)
    where status in ('pending', 'retrying');
-- The desk's list: the newest first, and an endpoint's own.
create index webhook_delivery_newest on webhook_delivery (created_at desc, id desc);
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at desc);
