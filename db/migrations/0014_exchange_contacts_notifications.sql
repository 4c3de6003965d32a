CREATE TABLE "exchange_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"from_item_id" uuid,
	"from_organization_id" uuid NOT NULL,
	"to_organization_id" uuid NOT NULL,
	"requested_by" text,
	"message" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"creation_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_conversation_reads" (
	"conversation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_conversation_reads_conversation_id_user_id_pk" PRIMARY KEY("conversation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"organization_a" uuid NOT NULL,
	"organization_b" uuid NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_conversations_contact_id_unique" UNIQUE("contact_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_message_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"display_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_user_id" text,
	"author_organization_id" uuid NOT NULL,
	"body" text NOT NULL,
	"creation_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_digests" (
	"user_id" text NOT NULL,
	"period" text NOT NULL,
	"last_day" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_digests_user_id_period_pk" PRIMARY KEY("user_id","period")
);
--> statement-breakpoint
CREATE TABLE "notification_interests" (
	"user_id" text PRIMARY KEY NOT NULL,
	"theme_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_goals" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"country_codes" char(2)[] DEFAULT '{}'::char(2)[] NOT NULL,
	"network_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" text NOT NULL,
	"event_kind" text NOT NULL,
	"channel" text NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_event_kind_pk" PRIMARY KEY("user_id","event_kind")
);
--> statement-breakpoint
CREATE TABLE "notification_unsubscribe_tokens" (
	"user_id" text NOT NULL,
	"event_kind" text NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "notification_unsubscribe_tokens_user_id_event_kind_pk" PRIMARY KEY("user_id","event_kind"),
	CONSTRAINT "notification_unsubscribe_tokens_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"event_kind" text NOT NULL,
	"event_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"channel" text NOT NULL,
	"email_state" text NOT NULL,
	"emailed_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_contacts" ADD CONSTRAINT "exchange_contacts_item_id_exchange_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_contacts" ADD CONSTRAINT "exchange_contacts_from_item_id_exchange_items_id_fk" FOREIGN KEY ("from_item_id") REFERENCES "public"."exchange_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_contacts" ADD CONSTRAINT "exchange_contacts_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_contacts" ADD CONSTRAINT "exchange_contacts_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_contacts" ADD CONSTRAINT "exchange_contacts_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_contacts" ADD CONSTRAINT "exchange_contacts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_conversation_reads" ADD CONSTRAINT "exchange_conversation_reads_conversation_id_exchange_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."exchange_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_conversation_reads" ADD CONSTRAINT "exchange_conversation_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_conversations" ADD CONSTRAINT "exchange_conversations_contact_id_exchange_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."exchange_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_conversations" ADD CONSTRAINT "exchange_conversations_organization_a_organizations_id_fk" FOREIGN KEY ("organization_a") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_conversations" ADD CONSTRAINT "exchange_conversations_organization_b_organizations_id_fk" FOREIGN KEY ("organization_b") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_conversations" ADD CONSTRAINT "exchange_conversations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_message_files" ADD CONSTRAINT "exchange_message_files_message_id_exchange_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."exchange_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_conversation_id_exchange_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."exchange_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_author_organization_id_organizations_id_fk" FOREIGN KEY ("author_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_interests" ADD CONSTRAINT "notification_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_unsubscribe_tokens" ADD CONSTRAINT "notification_unsubscribe_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_contacts_creation_key" ON "exchange_contacts" USING btree ("requested_by","creation_key");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_contacts_one_pending" ON "exchange_contacts" USING btree ("from_organization_id","item_id") WHERE status = 'requested';--> statement-breakpoint
CREATE INDEX "exchange_contacts_to_idx" ON "exchange_contacts" USING btree ("to_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "exchange_contacts_from_idx" ON "exchange_contacts" USING btree ("from_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "exchange_conversations_a_idx" ON "exchange_conversations" USING btree ("organization_a","last_message_at");--> statement-breakpoint
CREATE INDEX "exchange_conversations_b_idx" ON "exchange_conversations" USING btree ("organization_b","last_message_at");--> statement-breakpoint
CREATE INDEX "exchange_message_files_message_idx" ON "exchange_message_files" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "exchange_messages_conversation_idx" ON "exchange_messages" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_messages_creation_key" ON "exchange_messages" USING btree ("author_user_id","creation_key");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once" ON "notifications" USING btree ("user_id","event_key");--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("channel","email_state","user_id") WHERE email_state = 'pending';