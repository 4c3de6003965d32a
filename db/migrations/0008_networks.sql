-- btree_gist lets one exclusion constraint keep a unit's coordinations from overlapping.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "network_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"key" text NOT NULL,
	"names" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_membership_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"category_id" uuid,
	"reason" text,
	"changed_by" text,
	"effective_on" date DEFAULT current_date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"category_id" uuid,
	"since" date,
	"founding" boolean DEFAULT false NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message" text,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"names" jsonb NOT NULL,
	"name_language" text DEFAULT 'es' NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"theme_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_body_participants" (
	"body_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_body_participants_body_id_organization_id_user_id_pk" PRIMARY KEY("body_id","organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "network_body_seats" (
	"body_id" uuid NOT NULL,
	"country_code" char(2) NOT NULL,
	"seats" smallint NOT NULL,
	CONSTRAINT "network_body_seats_body_id_country_code_pk" PRIMARY KEY("body_id","country_code"),
	CONSTRAINT "network_body_seats_positive" CHECK ("network_body_seats"."seats" > 0)
);
--> statement-breakpoint
CREATE TABLE "network_candidacies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"statement" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"deciding_body" text,
	"decision_reference" text,
	"decision_reason" text,
	"role_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"term_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"seat_country_code" char(2),
	"candidacy_id" uuid,
	"note" text,
	"source_url" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_roles_dates" CHECK ("network_roles"."ends_on" is null or "network_roles"."ends_on" >= "network_roles"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "network_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"candidacies_open_on" date,
	"candidacies_close_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_terms_dates" CHECK ("network_terms"."ends_on" >= "network_terms"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "networks" ALTER COLUMN "description" SET DEFAULT '{}'::jsonb;--> statement-breakpoint
ALTER TABLE "networks" ALTER COLUMN "description_language" SET DEFAULT 'es';--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "acronyms" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "name_norm" text GENERATED ALWAYS AS (public.pares_normalize(name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "hosted" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "region_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "working_languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "logo_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "recorded_by_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "network_categories" ADD CONSTRAINT "network_categories_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_membership_events" ADD CONSTRAINT "network_membership_events_membership_id_network_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."network_memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_membership_events" ADD CONSTRAINT "network_membership_events_category_id_network_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."network_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_membership_events" ADD CONSTRAINT "network_membership_events_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_memberships" ADD CONSTRAINT "network_memberships_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_memberships" ADD CONSTRAINT "network_memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_memberships" ADD CONSTRAINT "network_memberships_category_id_network_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."network_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_bodies" ADD CONSTRAINT "network_bodies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_body_participants" ADD CONSTRAINT "network_body_participants_body_id_network_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."network_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_body_participants" ADD CONSTRAINT "network_body_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_body_participants" ADD CONSTRAINT "network_body_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_body_participants" ADD CONSTRAINT "network_body_participants_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_body_seats" ADD CONSTRAINT "network_body_seats_body_id_network_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."network_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_body_seats" ADD CONSTRAINT "network_body_seats_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_candidacies" ADD CONSTRAINT "network_candidacies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_candidacies" ADD CONSTRAINT "network_candidacies_body_id_network_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."network_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_candidacies" ADD CONSTRAINT "network_candidacies_term_id_network_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."network_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_candidacies" ADD CONSTRAINT "network_candidacies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_candidacies" ADD CONSTRAINT "network_candidacies_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_candidacies" ADD CONSTRAINT "network_candidacies_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_candidacies" ADD CONSTRAINT "network_candidacies_role_id_network_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."network_roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_roles" ADD CONSTRAINT "network_roles_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_roles" ADD CONSTRAINT "network_roles_body_id_network_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."network_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_roles" ADD CONSTRAINT "network_roles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_roles" ADD CONSTRAINT "network_roles_term_id_network_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."network_terms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_roles" ADD CONSTRAINT "network_roles_seat_country_code_countries_code_fk" FOREIGN KEY ("seat_country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_roles" ADD CONSTRAINT "network_roles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_terms" ADD CONSTRAINT "network_terms_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_categories_key" ON "network_categories" USING btree ("network_id","key");--> statement-breakpoint
CREATE INDEX "network_membership_events_membership_idx" ON "network_membership_events" USING btree ("membership_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "network_memberships_pair" ON "network_memberships" USING btree ("network_id","organization_id");--> statement-breakpoint
CREATE INDEX "network_memberships_organization_idx" ON "network_memberships" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "network_memberships_network_status_idx" ON "network_memberships" USING btree ("network_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "network_bodies_slug" ON "network_bodies" USING btree ("network_id","slug");--> statement-breakpoint
CREATE INDEX "network_bodies_network_kind_idx" ON "network_bodies" USING btree ("network_id","kind");--> statement-breakpoint
CREATE INDEX "network_body_participants_user_idx" ON "network_body_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "network_body_participants_organization_idx" ON "network_body_participants" USING btree ("organization_id","body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_candidacies_live" ON "network_candidacies" USING btree ("body_id","term_id","organization_id") WHERE "network_candidacies"."status" in ('submitted', 'approved');--> statement-breakpoint
CREATE INDEX "network_candidacies_network_idx" ON "network_candidacies" USING btree ("network_id","status");--> statement-breakpoint
CREATE INDEX "network_candidacies_organization_idx" ON "network_candidacies" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "network_roles_organization_idx" ON "network_roles" USING btree ("organization_id","starts_on");--> statement-breakpoint
CREATE INDEX "network_roles_body_idx" ON "network_roles" USING btree ("body_id","starts_on");--> statement-breakpoint
CREATE INDEX "network_roles_network_idx" ON "network_roles" USING btree ("network_id","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "network_terms_start" ON "network_terms" USING btree ("network_id","starts_on");--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_recorded_by_organization_id_organizations_id_fk" FOREIGN KEY ("recorded_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "networks_name_norm_trgm_idx" ON "networks" USING gin ("name_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "networks_secretariat_idx" ON "networks" USING btree ("secretariat_organization_id");--> statement-breakpoint
-- One coordination (coordinator or sub-coordinator) per organization and unit at any date.
ALTER TABLE "network_roles" ADD CONSTRAINT "network_roles_no_overlapping_coordination" EXCLUDE USING gist ("body_id" WITH =, "organization_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("role" IN ('coordinator', 'sub_coordinator'));
