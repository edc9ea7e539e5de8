-- Control characters are refused where names and notes are typed (web.Text, issue 21); before this release
-- author names and bios, bylines' role lines, section names, staff display names and corrections took them,
-- and one vertical tab in an author name made the feeds not well-formed XML. What was stored is cleaned the
-- same way: a run of them, with the spaces around it, becomes one space; in bios and corrections tabs and line
-- breaks are kept, in single-line fields they count as control characters too. U+FFFE and U+FFFF,
-- which XML does not allow either, go too. Raising the public version drops every node's kept pages and feeds.
update author set name = btrim(regexp_replace(name, '\s*[\x01-\x1f\x7f-\x9f\ufffe\uffff]+\s*', ' ', 'g'))
 where name ~ '[\x01-\x1f\x7f-\x9f\ufffe\uffff]';
update author set bio = regexp_replace(bio, ' *[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]+ *', ' ', 'g')
 where bio ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]';
update story_byline set role_line = btrim(regexp_replace(role_line, '\s*[\x01-\x1f\x7f-\x9f\ufffe\uffff]+\s*', ' ', 'g'))
 where role_line ~ '[\x01-\x1f\x7f-\x9f\ufffe\uffff]';
update section set name = btrim(regexp_replace(name, '\s*[\x01-\x1f\x7f-\x9f\ufffe\uffff]+\s*', ' ', 'g'))
 where name ~ '[\x01-\x1f\x7f-\x9f\ufffe\uffff]';
update staff_account set display_name = btrim(regexp_replace(display_name, '\s*[\x01-\x1f\x7f-\x9f\ufffe\uffff]+\s*', ' ', 'g'))
 where display_name ~ '[\x01-\x1f\x7f-\x9f\ufffe\uffff]';
update story_correction set text = regexp_replace(text, ' *[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]+ *', ' ', 'g')
 where text ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]';
update public_version set value = value + 1 where id = 1;
