DROP INDEX "organizations_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "name_norm" text GENERATED ALWAYS AS (public.pares_normalize(name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "organizations_name_norm_trgm_idx" ON "organizations" USING gin ("name_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_directory_order_idx" ON "organizations" USING btree (("verified_at" is not null) desc,"name_norm");