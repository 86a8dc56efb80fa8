-- The option types a product's SKUs vary by (colour, capacity, size), in
-- display order, each with its labels per locale and its ordered values (a
-- value's code is what a SKU's options name; its labels are what a shopper
-- reads). Ops replace them with the product, whole.
alter table product add column options jsonb not null default '[]' check (jsonb_typeof(options) = 'array');
