-- Search snippets: ts_headline parses all the text it is given, and its cost grows with it (at 100,000
-- stories, the first 3,000 characters of twenty bodies took 4.4 ms of each search, most of its database
-- time). A snippet is now made from about 500 characters starting a few words before the first word that
-- begins like one of the searched words, or from the opening when none of the first 3,000 characters does.

-- What the start of a word the query looks for may look like in a text: a space, then each searched
-- lexeme (a stem: 'countri' for "countries") less its last letter, since a stem may end differently from
-- its words ('happi' for "happy"), in lower case, capitalised and in capitals. Words left out with "-" are
-- not looked for. Plain substrings, not a pattern: finding them is a fast string search (a
-- case-insensitive regular expression over 3,000 characters took 75 µs a story).
create function copydesk_query_word_starts(query tsquery) returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(' ' || variant), '{}')
  from (select distinct left(replace(m[1], '''''', ''''), greatest(length(m[1]) - 1, 3)) stem
        from regexp_matches(querytree(query), '''((?:[^'']|'''')+)''', 'g') m) stems
  cross join lateral (values (stem), (initcap(stem)), (upper(stem))) v(variant)
$$;

-- The stretch of a story's plain text a snippet is made from (see above), starting at a word.
create function copydesk_snippet_source(body_text text, word_starts text[]) returns text language plpgsql immutable parallel safe as $$
declare
  head text := ' ' || left(coalesce(body_text, ''), 3000);
  word_start text;
  found int := 0;
  at int;
begin
  foreach word_start in array coalesce(word_starts, '{}') loop
    at := strpos(head, word_start);
    if at > 0 and (found = 0 or at < found) then
      found := at;
    end if;
  end loop;
  if found <= 60 then
    return left(body_text, 500);
  end if;
  -- From the first whole word after a point about ten words before the match.
  return regexp_replace(substr(head, found - 60, 540), '^\S*\s+', '');
end $$;
