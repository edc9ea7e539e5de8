-- A number raised in the same transaction as every change readers can see (publication, update,
-- correction, unpublication, settings, sections, authors). Every app node compares it with the one its
-- cached pages were rendered at, so a cached page is never served after such a change commits.
create table public_version (
    id    integer primary key check (id = 1),
    value bigint  not null
);
insert into public_version (id, value) values (1, 0);
