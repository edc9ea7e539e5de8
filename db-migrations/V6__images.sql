-- Uploaded images, kept in PostgreSQL like everything else, so every app node can serve them.
-- Each upload is decoded and re-encoded (no metadata or hidden payload survives) into a few widths.
create table image (
    id              bigint      primary key,
    -- Random, in the image's address: a draft's image cannot be found by counting.
    public_key      text        not null unique,
    width           integer     not null,
    height          integer     not null,
    -- What is served: jpeg, or png for images with transparency.
    format          text        not null,
    uploaded_format text        not null,
    uploaded_bytes  integer     not null,
    created_by      bigint      references staff_account (id) on delete set null,
    created_at      timestamptz not null
);
create sequence image_seq increment by 50;

create table image_rendition (
    image_id bigint  not null references image (id) on delete cascade,
    width    integer not null,
    height   integer not null,
    bytes    bytea   not null,
    primary key (image_id, width)
);

alter table story
    add column featured_image_id      bigint references image (id),
    add column featured_image_alt     text,
    add column featured_image_caption text,
    add column featured_image_credit  text;

-- An author's photo, shown on their public page.
alter table author add column photo_image_id bigint references image (id);
