CREATE TABLE "application_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"organization_id" uuid NOT NULL,
	"description" text NOT NULL,
	"requested_cents" bigint DEFAULT 0 NOT NULL,
	"counterpart_cash_cents" bigint DEFAULT 0 NOT NULL,
	"counterpart_in_kind_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "application_budget_lines_amounts" CHECK ("application_budget_lines"."requested_cents" >= 0 and "application_budget_lines"."counterpart_cash_cents" >= 0 and "application_budget_lines"."counterpart_in_kind_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "application_decisions" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"decision" text NOT NULL,
	"awarded_cents" bigint DEFAULT 0 NOT NULL,
	"reasons" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_decisions_amount" CHECK ("application_decisions"."awarded_cents" >= 0 and ("application_decisions"."decision" = 'awarded' or "application_decisions"."awarded_cents" = 0))
);
--> statement-breakpoint
CREATE TABLE "application_partners" (
	"application_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_by" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "application_partners_application_id_organization_id_pk" PRIMARY KEY("application_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"lead_organization_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"modality" text,
	"theme_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_goals" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submission_hash" text,
	"submitted_content" jsonb,
	"submitted_by" text,
	"withdrawn_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"creation_key" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "training_attendance_session_id_enrolment_id_pk" PRIMARY KEY("session_id","enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "call_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"texts" jsonb NOT NULL,
	"weight" smallint NOT NULL,
	"scale_max" smallint DEFAULT 5 NOT NULL,
	CONSTRAINT "call_criteria_weight" CHECK ("call_criteria"."weight" between 1 and 100 and "call_criteria"."scale_max" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"original_language" text NOT NULL,
	"texts" jsonb NOT NULL,
	"theme_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"total_budget_cents" bigint NOT NULL,
	"project_cap_cents" bigint NOT NULL,
	"max_funded_share_percent" smallint DEFAULT 50 NOT NULL,
	"execution_months" smallint DEFAULT 12 NOT NULL,
	"extension_months" smallint DEFAULT 6 NOT NULL,
	"modalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"rules" jsonb NOT NULL,
	"feedback_to_applicants" boolean DEFAULT false NOT NULL,
	"results_published_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_dates" CHECK ("calls"."closes_at" > "calls"."opens_at"),
	CONSTRAINT "calls_money" CHECK ("calls"."project_cap_cents" > 0 and "calls"."total_budget_cents" >= "calls"."project_cap_cents"),
	CONSTRAINT "calls_share" CHECK ("calls"."max_funded_share_percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"motivation" text NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"endorsed_by" text,
	"endorsed_at" timestamp with time zone,
	"waitlist_position" integer,
	"decided_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"project_title" text,
	"chosen_for_summit" boolean DEFAULT false NOT NULL,
	"certificate_code" text,
	"certificate_issued_at" timestamp with time zone,
	"feedback" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_certificate_code_unique" UNIQUE("certificate_code")
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"original_language" text NOT NULL,
	"texts" jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "project_extensions_months" CHECK ("project_extensions"."months" > 0)
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"expenses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"review_note" text,
	"accepted_at" timestamp with time zone,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"extended_months" smallint DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"closing_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "review_scores_review_id_criterion_id_pk" PRIMARY KEY("review_id","criterion_id"),
	CONSTRAINT "review_scores_score" CHECK ("review_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"assigned_by" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"declared_at" timestamp with time zone,
	"comment" text,
	"feedback" text,
	"total" real,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"mode" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"seats_min" smallint NOT NULL,
	"seats_max" smallint NOT NULL,
	"value_per_participant_cents" bigint NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"partner_network_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"mentoring_months" smallint DEFAULT 0 NOT NULL,
	"attendance_required_percent" smallint DEFAULT 75 NOT NULL,
	CONSTRAINT "training_editions_call_id_unique" UNIQUE("call_id"),
	CONSTRAINT "training_editions_seats" CHECK ("training_editions"."seats_min" >= 1 and "training_editions"."seats_max" >= "training_editions"."seats_min"),
	CONSTRAINT "training_editions_dates" CHECK ("training_editions"."ends_on" >= "training_editions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"original_language" text NOT NULL,
	"texts" jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_budget_lines" ADD CONSTRAINT "application_budget_lines_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_budget_lines" ADD CONSTRAINT "application_budget_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_partners" ADD CONSTRAINT "application_partners_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_partners" ADD CONSTRAINT "application_partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_partners" ADD CONSTRAINT "application_partners_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_partners" ADD CONSTRAINT "application_partners_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_edition_id_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."training_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_endorsed_by_users_id_fk" FOREIGN KEY ("endorsed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_extensions" ADD CONSTRAINT "project_extensions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_extensions" ADD CONSTRAINT "project_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_extensions" ADD CONSTRAINT "project_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_edition_id_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."training_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_budget_lines_position" ON "application_budget_lines" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "application_partners_organization_idx" ON "application_partners" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_creation_key" ON "applications" USING btree ("created_by","creation_key");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_lead" ON "applications" USING btree ("call_id","lead_organization_id") WHERE "applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "applications_call_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "call_criteria_position" ON "call_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_programme_slug" ON "calls" USING btree ("programme_id","slug");--> statement-breakpoint
CREATE INDEX "calls_status_idx" ON "calls" USING btree ("status","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_edition_user" ON "enrolments" USING btree ("edition_id","user_id");--> statement-breakpoint
CREATE INDEX "enrolments_edition_status_idx" ON "enrolments" USING btree ("edition_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "project_milestones_position" ON "project_milestones" USING btree ("project_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_network_slug" ON "programmes" USING btree ("network_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "project_extensions_one_pending" ON "project_extensions" USING btree ("project_id") WHERE "project_extensions"."status" = 'requested';--> statement-breakpoint
CREATE UNIQUE INDEX "project_reports_kind" ON "project_reports" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "project_reports_due_idx" ON "project_reports" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_application_reviewer" ON "reviews" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_position" ON "training_sessions" USING btree ("edition_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "trainings_programme_slug" ON "trainings" USING btree ("programme_id","slug");