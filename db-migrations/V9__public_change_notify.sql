-- Every node learns of a public change within milliseconds: raising public_version notifies the
-- channel "copydesk_public_change" when the transaction commits (PostgreSQL delivers notifications
-- at commit, never for a rolled-back change). The payload names the schema, so nodes of another
-- installation sharing the database (dev and test schemas, say) ignore it, and carries the new value.
create function notify_public_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('copydesk_public_change', tg_table_schema || ':' || new.value);
    return new;
end
$$;

create trigger public_version_changed after update on public_version
    for each row execute function notify_public_change();
