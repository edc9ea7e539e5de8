-- The core newsroom: staff, author profiles, sections, tags, stories and their workflow trail.
-- Ids come from Hibernate sequences (allocation size 50, as Panache expects).

create sequence staff_account_seq increment by 50;
create table staff_account (
    id            bigint primary key,
    username      varchar(64)  not null,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('REPORTER', 'EDITOR', 'ADMIN')),
    display_name  varchar(120) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
create unique index staff_account_username_key on staff_account (lower(username));

create sequence author_seq increment by 50;
create table author (
    id               bigint primary key,
    name             varchar(120) not null,
    slug             varchar(140) not null unique,
    bio              varchar(1000),
    staff_account_id bigint unique references staff_account (id),
    created_at       timestamptz  not null default now()
);

create sequence section_seq increment by 50;
create table section (
    id       bigint primary key,
    name     varchar(80) not null unique,
    slug     varchar(80) not null unique,
    position integer     not null default 0
);

create sequence tag_seq increment by 50;
create table tag (
    id   bigint primary key,
    name varchar(80) not null,
    slug varchar(90) not null unique
);

create sequence story_seq increment by 50;
create table story (
    id                 bigint primary key,
    headline           varchar(200) not null,
    standfirst         varchar(400),
    kicker             varchar(60),
    body               text         not null default '',
    slug               varchar(120) not null unique,
    section_id         bigint       not null references section (id),
    credit_line        varchar(200),
    dateline_place     varchar(80),
    dateline_date      date,
    notes_to_editor    text,
    state              varchar(20)  not null
        check (state in ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED')),
    created_by         bigint       references staff_account (id),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    updated_by         bigint       references staff_account (id),
    first_published_at timestamptz,
    last_published_at  timestamptz,
    version            integer      not null default 0
);
create index story_state_published_idx on story (state, first_published_at desc);
create index story_section_published_idx on story (section_id, state, first_published_at desc);
create index story_created_by_idx on story (created_by, updated_at desc);

create table story_byline (
    story_id  bigint       not null references story (id) on delete cascade,
    position  integer      not null,
    author_id bigint       not null references author (id),
    role_line varchar(120),
    primary key (story_id, position)
);
create index story_byline_author_idx on story_byline (author_id);

create table story_tag (
    story_id bigint not null references story (id) on delete cascade,
    tag_id   bigint not null references tag (id),
    primary key (story_id, tag_id)
);
create index story_tag_tag_idx on story_tag (tag_id);

create table story_related (
    story_id         bigint  not null references story (id) on delete cascade,
    position         integer not null,
    related_story_id bigint  not null references story (id) on delete cascade,
    primary key (story_id, position)
);

-- The audit log: every workflow transition, publication, correction, role change and sign-in.
-- A story's history page is its part of this log.
create sequence audit_event_seq increment by 50;
create table audit_event (
    id         bigint primary key,
    at         timestamptz  not null,
    actor_id   bigint       references staff_account (id),
    actor_name varchar(120),
    action     varchar(40)  not null,
    story_id   bigint       references story (id) on delete set null,
    from_value varchar(40),
    to_value   varchar(40),
    comment    text,
    detail     varchar(400)
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_story_idx on audit_event (story_id, at);
create index audit_event_action_idx on audit_event (action, at desc);

-- One row of newsroom-wide settings, edited by admins.
create table site_settings (
    id              integer primary key check (id = 1),
    site_name       varchar(120) not null,
    agency_credit   varchar(60)  not null,
    dateline_format varchar(40)  not null
);
insert into site_settings (id, site_name, agency_credit, dateline_format)
values (1, 'Copydesk', 'Copydesk', 'MMM d');

insert into section (id, name, slug, position)
values (1, 'World', 'world', 1),
       (2, 'Politics', 'politics', 2),
       (3, 'Business', 'business', 3),
       (4, 'Science', 'science', 4),
       (5, 'Culture', 'culture', 5),
       (6, 'Sport', 'sport', 6);
select setval('section_seq', 1000);
