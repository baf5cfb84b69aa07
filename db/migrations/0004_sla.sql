CREATE TYPE "public"."sla_event_kind" AS ENUM('at_risk', 'breached');--> statement-breakpoint
CREATE TYPE "public"."sla_target" AS ENUM('response', 'resolution');--> statement-breakpoint
CREATE TABLE "sla_calendars" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"weekly" jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_events" (
	"organization_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"target" "sla_target" NOT NULL,
	"kind" "sla_event_kind" NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_events_organization_id_ticket_id_target_kind_pk" PRIMARY KEY("organization_id","ticket_id","target","kind")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"priority" "ticket_priority" NOT NULL,
	"category_id" uuid,
	"response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"business_hours" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "sla_policies_scope_key" UNIQUE NULLS NOT DISTINCT("organization_id","priority","category_id")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_policy_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "response_at_risk_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolution_at_risk_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sla_calendars" ADD CONSTRAINT "sla_calendars_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_events" ADD CONSTRAINT "sla_events_organization_id_ticket_id_tickets_organization_id_id_fk" FOREIGN KEY ("organization_id","ticket_id") REFERENCES "public"."tickets"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_organization_id_category_id_categories_organization_id_id_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."categories"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_events_org_created_idx" ON "sla_events" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_org_response_due_idx" ON "tickets" USING btree ("organization_id","response_due_at") WHERE deleted_at is null and first_response_at is null and response_due_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_org_resolution_due_idx" ON "tickets" USING btree ("organization_id","resolution_due_at","number") WHERE deleted_at is null and resolved_at is null and resolution_due_at is not null;