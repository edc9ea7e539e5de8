-- Live coverage (issue 27): a story of the kind Live carries timestamped entries posted after publication.
--
-- The story's kind and the end of its coverage are columns of the story (public rows: V23's story triggers
-- already cover them). Entries are public while their story is published: a write to them that is not announced
-- through publishing.Publication is refused at commit, as for corrections.
alter table story add column live boolean not null default false;
-- When an editor ended the coverage; null while it goes on (or for a story that is not live).
alter table story add column live_ended_at timestamptz;

-- Every change of an entry (posted, corrected, deleted) takes the next number: readers following a page ask for
-- the changes after the last one they have (live.LiveStreams). Taken while the story's row is locked, so that on
-- one story the numbers commit in the order they were taken and a reader never skips one committed late.
create sequence live_change_seq;

create sequence live_entry_seq increment by 50;
create table live_entry (
    id             bigint       primary key,
    story_id       bigint       not null references story (id) on delete cascade,
    -- Sanitised HTML on the body's allow-list (story.BodyHtml), like a story's body.
    body           text         not null,
    key_event      boolean      not null default false,
    -- The optional byline: an author profile.
    author_id      bigint       references author (id) on delete set null,
    image_id       bigint       references image (id) on delete set null,
    image_alt      text,
    image_caption  text,
    image_credit   text,
    posted_by      bigint       references staff_account (id) on delete set null,
    posted_at      timestamptz  not null,
    -- Set when the entry was corrected (its text changed after posting), with the note readers see.
    corrected_at   timestamptz,
    correction     text,
    -- A deleted entry is kept (and its text is in the audit log) but shown nowhere.
    deleted_at     timestamptz,
    deleted_by     bigint       references staff_account (id) on delete set null,
    change_seq     bigint       not null
);

create index live_entry_story_idx on live_entry (story_id, posted_at desc, id desc) where deleted_at is null;
create index live_entry_change_idx on live_entry (story_id, change_seq);

create constraint trigger live_entry_public after insert or update or delete on live_entry deferrable initially deferred
    for each row execute function refuse_unannounced_story_part_change();
