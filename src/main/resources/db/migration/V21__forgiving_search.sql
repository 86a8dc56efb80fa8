-- Search that forgives: a product text folded (lower case, accents removed) so
-- that "kopfhorer" finds "Kopfhörer" and Chinese finds its characters; without
-- spaces so that "powerbank" finds "power bank"; and trigrams so that a small
-- misspelling ("headphonse") still finds the word.
create extension if not exists unaccent with schema public;
create extension if not exists pg_trgm with schema public;

create function fold(text) returns text language sql immutable parallel safe strict as $$
    select lower(public.unaccent('public.unaccent'::regdictionary, $1))
$$;

alter table product_text add column folded text generated always as (fold(name || ' ' || description)) stored;
create index product_text_folded_trgm_idx on product_text using gin (folded public.gin_trgm_ops);
