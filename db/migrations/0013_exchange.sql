CREATE TABLE "exchange_concept_stats" (
	"key" text PRIMARY KEY NOT NULL,
	"items" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_dismissals" (
	"user_id" text NOT NULL,
	"item_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_dismissals_user_id_item_id_other_id_pk" PRIMARY KEY("user_id","item_id","other_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_item_concepts" (
	"item_id" uuid NOT NULL,
	"key" text NOT NULL,
	"weight" real NOT NULL,
	"words" text[] NOT NULL,
	CONSTRAINT "exchange_item_concepts_item_id_key_pk" PRIMARY KEY("item_id","key")
);
--> statement-breakpoint
CREATE TABLE "exchange_item_networks" (
	"item_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	CONSTRAINT "exchange_item_networks_item_id_network_id_pk" PRIMARY KEY("item_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"original_language" text NOT NULL,
	"texts" jsonb NOT NULL,
	"theme_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_goals" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"modalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"available_from" date,
	"available_until" date,
	"visibility" text DEFAULT 'networks' NOT NULL,
	"practice_id" uuid,
	"contact_user_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"expires_on" date NOT NULL,
	"expiry_reminded_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"creation_key" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"matched_revision" integer,
	CONSTRAINT "exchange_items_window" CHECK ("exchange_items"."available_until" is null or "exchange_items"."available_from" is null or "exchange_items"."available_until" >= "exchange_items"."available_from")
);
--> statement-breakpoint
CREATE TABLE "exchange_matches" (
	"need_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"score" real NOT NULL,
	"explanation" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_matches_need_id_offer_id_pk" PRIMARY KEY("need_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "expertise_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"theme_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_dismissals" ADD CONSTRAINT "exchange_dismissals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_dismissals" ADD CONSTRAINT "exchange_dismissals_item_id_exchange_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_dismissals" ADD CONSTRAINT "exchange_dismissals_other_id_exchange_items_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_item_concepts" ADD CONSTRAINT "exchange_item_concepts_item_id_exchange_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_item_networks" ADD CONSTRAINT "exchange_item_networks_item_id_exchange_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_item_networks" ADD CONSTRAINT "exchange_item_networks_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_matches" ADD CONSTRAINT "exchange_matches_need_id_exchange_items_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_matches" ADD CONSTRAINT "exchange_matches_offer_id_exchange_items_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_profiles" ADD CONSTRAINT "expertise_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_profiles" ADD CONSTRAINT "expertise_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_item_concepts_key_idx" ON "exchange_item_concepts" USING btree ("key","item_id");--> statement-breakpoint
CREATE INDEX "exchange_item_networks_network_idx" ON "exchange_item_networks" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_items_creation_key" ON "exchange_items" USING btree ("created_by","creation_key");--> statement-breakpoint
CREATE INDEX "exchange_items_organization_idx" ON "exchange_items" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "exchange_items_browse_idx" ON "exchange_items" USING btree ("kind","status","created_at");--> statement-breakpoint
CREATE INDEX "exchange_matches_need_idx" ON "exchange_matches" USING btree ("need_id","score");--> statement-breakpoint
CREATE INDEX "exchange_matches_offer_idx" ON "exchange_matches" USING btree ("offer_id","score");--> statement-breakpoint
CREATE INDEX "expertise_profiles_listed_idx" ON "expertise_profiles" USING btree ("listed","organization_id");