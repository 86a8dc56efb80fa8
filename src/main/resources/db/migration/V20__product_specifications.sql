-- A product's specification table: typed attributes (a number with its unit,
-- a yes/no, a localized text, a list), each of the product or of one SKU, in
-- groups, all in display order. Ops replace them with the product, whole.
alter table product
    add column spec_groups    jsonb not null default '[]' check (jsonb_typeof(spec_groups) = 'array'),
    add column specifications jsonb not null default '[]' check (jsonb_typeof(specifications) = 'array');
