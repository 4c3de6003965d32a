DROP TABLE "network_cities" CASCADE;--> statement-breakpoint
DROP TABLE "network_spaces" CASCADE;