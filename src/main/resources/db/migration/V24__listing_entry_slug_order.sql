-- The sorted listings break ties by the entry's slug and walk its indexes in that order: it must be the byte order
-- of product.slug (collate "C"), which the plain listing and every cursor use, whatever the database's collation.
alter table listing_entry alter column slug type text collate "C";

-- Text search starts from the products whose texts can match, found in indexes, instead of testing every product's
-- text. Each of these finds a superset of what one arm of the listing's exact test accepts (which still decides):
-- the words in any language's configuration, the folded text containing the query (with and without spaces), and
-- the trigram similarity. The spaceless containment gets an index of its own.
create index product_text_spaceless_trgm_idx on product_text using gin ((replace(folded, ' ', '')) public.gin_trgm_ops);

-- The query's words in every configuration text_search_config can answer, or-ed: a text matched in its own
-- language is matched by this.
create function search_query_any_language(q text) returns tsquery language sql immutable parallel safe strict as $$
    select websearch_to_tsquery('english', q) || websearch_to_tsquery('german', q)
           || websearch_to_tsquery('french', q) || websearch_to_tsquery('italian', q)
           || websearch_to_tsquery('spanish', q) || websearch_to_tsquery('dutch', q)
           || websearch_to_tsquery('simple', q)
$$;

-- A LIKE pattern for "contains this text": the text's own % _ and \ stand for themselves.
create function containing(needle text) returns text language sql immutable parallel safe strict as $$
    select '%' || replace(replace(replace(needle, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;
