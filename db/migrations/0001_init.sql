CREATE TABLE "cities" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"ascii_name" text NOT NULL,
	"names" jsonb NOT NULL,
	"country_code" char(2) NOT NULL,
	"admin1_code" text,
	"admin1_name" text,
	"population" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"timezone" text NOT NULL,
	"wikidata_id" text
);
--> statement-breakpoint
CREATE TABLE "city_names" (
	"city_id" integer NOT NULL,
	"name_norm" text NOT NULL,
	"weight" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "city_names_city_id_name_norm_pk" PRIMARY KEY("city_id","name_norm")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"iso3" char(3) NOT NULL,
	"iso_numeric" char(3),
	"name" jsonb NOT NULL,
	"region_code" char(3),
	"subregion_code" char(3),
	"intermediate_region_code" char(3),
	"capital" text,
	"population" integer,
	"languages" text,
	"city_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "countries_iso3_unique" UNIQUE("iso3")
);
--> statement-breakpoint
CREATE TABLE "world_regions" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" char(3),
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_goals" (
	"goal" smallint PRIMARY KEY NOT NULL,
	"short_name" jsonb NOT NULL,
	"title" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_targets" (
	"code" text PRIMARY KEY NOT NULL,
	"goal" smallint NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_sdgs" (
	"theme_id" text NOT NULL,
	"goal" smallint NOT NULL,
	CONSTRAINT "theme_sdgs_theme_id_goal_pk" PRIMARY KEY("theme_id","goal")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"position" integer NOT NULL,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_cities" (
	"network_id" uuid NOT NULL,
	"city_id" integer NOT NULL,
	"founding" boolean DEFAULT false NOT NULL,
	"joined_year" integer,
	CONSTRAINT "network_cities_network_id_city_id_pk" PRIMARY KEY("network_id","city_id")
);
--> statement-breakpoint
CREATE TABLE "network_spaces" (
	"network_id" uuid NOT NULL,
	"theme_id" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "network_spaces_network_id_theme_id_pk" PRIMARY KEY("network_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"founded_on" date,
	"description" jsonb NOT NULL,
	"description_language" text NOT NULL,
	CONSTRAINT "networks_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "reference_datasets" (
	"name" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cities" ADD CONSTRAINT "cities_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_names" ADD CONSTRAINT "city_names_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_region_code_world_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."world_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_subregion_code_world_regions_code_fk" FOREIGN KEY ("subregion_code") REFERENCES "public"."world_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_intermediate_region_code_world_regions_code_fk" FOREIGN KEY ("intermediate_region_code") REFERENCES "public"."world_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_sdg_goals_goal_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdg_goals"("goal") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sdgs" ADD CONSTRAINT "theme_sdgs_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sdgs" ADD CONSTRAINT "theme_sdgs_goal_sdg_goals_goal_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdg_goals"("goal") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_cities" ADD CONSTRAINT "network_cities_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_cities" ADD CONSTRAINT "network_cities_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_spaces" ADD CONSTRAINT "network_spaces_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_spaces" ADD CONSTRAINT "network_spaces_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cities_country_population_idx" ON "cities" USING btree ("country_code","population" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cities_population_idx" ON "cities" USING btree ("population" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "city_names_prefix_idx" ON "city_names" USING btree ("name_norm" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "city_names_trgm_idx" ON "city_names" USING gin ("name_norm" gin_trgm_ops) WHERE "city_names"."weight" = 0;--> statement-breakpoint
CREATE INDEX "countries_region_idx" ON "countries" USING btree ("region_code","subregion_code","intermediate_region_code");--> statement-breakpoint
CREATE INDEX "sdg_targets_goal_idx" ON "sdg_targets" USING btree ("goal","position");--> statement-breakpoint
CREATE INDEX "themes_scheme_idx" ON "themes" USING btree ("scheme","position");--> statement-breakpoint
CREATE INDEX "network_cities_city_idx" ON "network_cities" USING btree ("city_id");