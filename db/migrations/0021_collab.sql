CREATE TABLE "canned_replies" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canned_replies_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "csat_surveys" (
	"organization_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rating" text,
	"comment" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "csat_surveys_rating_check" CHECK (rating is null or rating in ('good', 'bad'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_owner_fk" FOREIGN KEY ("organization_id","owner_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_ticket_fk" FOREIGN KEY ("organization_id","ticket_id") REFERENCES "public"."tickets"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "canned_replies_org_owner_idx" ON "canned_replies" USING btree ("organization_id","owner_id","title");--> statement-breakpoint
CREATE INDEX "csat_surveys_org_ticket_idx" ON "csat_surveys" USING btree ("organization_id","ticket_id");--> statement-breakpoint
CREATE INDEX "csat_surveys_org_answered_idx" ON "csat_surveys" USING btree ("organization_id","answered_at") WHERE answered_at is not null;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_merged_into_fk" FOREIGN KEY ("organization_id","merged_into_id") REFERENCES "public"."tickets"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Existing categories keep the alphabetical order they were shown in until an admin reorders them.
UPDATE "categories" c SET "position" = r.rn FROM (
  SELECT organization_id, id, row_number() OVER (PARTITION BY organization_id ORDER BY name) AS rn FROM "categories"
) r WHERE c.organization_id = r.organization_id AND c.id = r.id;
