ALTER TABLE "teams" ADD COLUMN "field" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_calendars" ADD COLUMN "holiday_names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Teams whose agents were already answering jobs with accept / reject keep doing so: a team
-- with any accepted or rejected assignment on record is a field team.
UPDATE "teams" SET "field" = true WHERE EXISTS (
  SELECT 1 FROM "assignment_history" h WHERE h."organization_id" = "teams"."organization_id" AND h."to_team_id" = "teams"."id" AND h."kind" IN ('accepted', 'rejected')
);
