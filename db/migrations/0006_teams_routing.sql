CREATE TYPE "public"."assignment_strategy" AS ENUM('round_robin', 'least_open', 'manual');--> statement-breakpoint
CREATE TYPE "public"."assignment_kind" AS ENUM('assigned', 'routed', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"team_id" uuid NOT NULL,
	"category_id" uuid,
	"priorities" "ticket_priority"[] DEFAULT '{}' NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"requester_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_rules_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "assignment_strategy" "assignment_strategy" DEFAULT 'round_robin' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "last_assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "assignment_history" ADD COLUMN "kind" "assignment_kind" DEFAULT 'assigned' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_organization_id_team_id_teams_organization_id_id_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_organization_id_category_id_categories_organization_id_id_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."categories"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_rules_org_position_idx" ON "routing_rules" USING btree ("organization_id","position");--> statement-breakpoint
CREATE INDEX "tickets_org_team_open_idx" ON "tickets" USING btree ("organization_id","team_id","number") WHERE deleted_at is null and status in ('new','open','in_progress','pending','on_hold');