-- Pictures of a product and of its SKUs (a colour variant shows its own), in
-- display order: each an https address on the brand's image CDN, its size and
-- its alt text per locale. The API stores and validates them and never fetches
-- or proxies an image. Ops replace them with the product, whole.
alter table product add column media jsonb not null default '[]' check (jsonb_typeof(media) = 'array');
