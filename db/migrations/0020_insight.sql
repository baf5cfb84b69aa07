CREATE TABLE "ticket_rollup_dirty" (
	"organization_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_rollup_dirty_organization_id_hour_pk" PRIMARY KEY("organization_id","hour")
);
--> statement-breakpoint
CREATE TABLE "ticket_rollups" (
	"organization_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"sensitive" boolean NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"response_met" integer DEFAULT 0 NOT NULL,
	"response_breached" integer DEFAULT 0 NOT NULL,
	"resolution_met" integer DEFAULT 0 NOT NULL,
	"resolution_breached" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ticket_rollups" ADD CONSTRAINT "ticket_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_rollups_org_hour_idx" ON "ticket_rollups" USING btree ("organization_id","hour","sensitive","created","resolved","response_met","response_breached","resolution_met","resolution_breached");--> statement-breakpoint
CREATE INDEX "tickets_org_open_insight_idx" ON "tickets" USING btree ("organization_id","created_at","status","priority","team_id","assignee_id","sensitive","requester_id") WHERE deleted_at is null and status in ('new','open','in_progress','pending','on_hold');--> statement-breakpoint
CREATE INDEX "tickets_org_created_idx" ON "tickets" USING btree ("organization_id","created_at","team_id","assignee_id","sensitive","requester_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "tickets_org_first_response_idx" ON "tickets" USING btree ("organization_id","first_response_at","created_at","team_id","assignee_id","sensitive","requester_id","sla_policy_id","response_due_at") WHERE deleted_at is null and first_response_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_org_resolved_at_idx" ON "tickets" USING btree ("organization_id","resolved_at","created_at","team_id","assignee_id","sensitive","requester_id","sla_policy_id","resolution_due_at") WHERE deleted_at is null and resolved_at is not null;
--> statement-breakpoint
-- Hand-written (drizzle-kit emits no functions or triggers). One definition of a rollup
-- bucket, used by the job (a dirty hour), the rebuild command and this migration: the
-- organisation's buckets in [p_from, p_to) are deleted and recomputed from its live tickets.
-- An SLA target counts where it concluded — response at first_response_at, resolution at
-- resolved_at — met or breached by the same rule as lib/sla/status-sql.ts.
CREATE FUNCTION refresh_ticket_rollups(p_org uuid, p_from timestamptz, p_to timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  DELETE FROM ticket_rollups WHERE organization_id = p_org AND hour >= p_from AND hour < p_to;
  INSERT INTO ticket_rollups (organization_id, hour, sensitive,
    created, resolved, response_met, response_breached, resolution_met, resolution_breached)
  SELECT p_org, date_trunc('hour', e.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', e.sensitive,
    sum(e.c), sum(e.r), sum(e.rm), sum(e.rb), sum(e.sm), sum(e.sb)
  FROM (
    SELECT created_at AS at, sensitive, 1 AS c, 0 AS r, 0 AS rm, 0 AS rb, 0 AS sm, 0 AS sb
      FROM tickets WHERE organization_id = p_org AND deleted_at IS NULL AND created_at >= p_from AND created_at < p_to
    UNION ALL
    SELECT first_response_at, sensitive, 0, 0,
        (sla_policy_id IS NOT NULL AND NOT coalesce(first_response_at > response_due_at, false))::int,
        (sla_policy_id IS NOT NULL AND coalesce(first_response_at > response_due_at, false))::int, 0, 0
      FROM tickets WHERE organization_id = p_org AND deleted_at IS NULL AND first_response_at >= p_from AND first_response_at < p_to
    UNION ALL
    SELECT resolved_at, sensitive, 0, 1, 0, 0,
        (sla_policy_id IS NOT NULL AND NOT coalesce(resolution_due_at < resolved_at, false))::int,
        (sla_policy_id IS NOT NULL AND coalesce(resolution_due_at < resolved_at, false))::int
      FROM tickets WHERE organization_id = p_org AND deleted_at IS NULL AND resolved_at >= p_from AND resolved_at < p_to
  ) e
  GROUP BY 2, 3;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;--> statement-breakpoint
-- Which hours a change makes stale: those of the ticket's creation, first response and
-- resolution, before and after. Inserts and deletes per statement, from the transition table
-- (the benchmark seeder inserts a million tickets in one statement); updates per row, and
-- only of the columns a bucket reads (each view bumps view_count: that marks nothing).
CREATE FUNCTION tickets_rollup_dirty_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_rollup_dirty (organization_id, hour)
      SELECT DISTINCT t.organization_id, date_trunc('hour', v.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
      FROM new_tickets t CROSS JOIN LATERAL (VALUES (t.created_at), (t.first_response_at), (t.resolved_at)) v(at)
      WHERE v.at IS NOT NULL ORDER BY 1, 2 ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO ticket_rollup_dirty (organization_id, hour)
      SELECT DISTINCT t.organization_id, date_trunc('hour', v.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
      FROM old_tickets t CROSS JOIN LATERAL (VALUES (t.created_at), (t.first_response_at), (t.resolved_at)) v(at)
      WHERE v.at IS NOT NULL ORDER BY 1, 2 ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tickets_rollup_dirty_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_tickets FOR EACH STATEMENT EXECUTE FUNCTION tickets_rollup_dirty_rows();--> statement-breakpoint
CREATE TRIGGER tickets_rollup_dirty_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_tickets FOR EACH STATEMENT EXECUTE FUNCTION tickets_rollup_dirty_rows();--> statement-breakpoint
CREATE FUNCTION tickets_rollup_dirty_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_rollup_dirty (organization_id, hour)
    SELECT DISTINCT NEW.organization_id, date_trunc('hour', v.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    FROM (VALUES (OLD.created_at), (OLD.first_response_at), (OLD.resolved_at), (NEW.created_at), (NEW.first_response_at), (NEW.resolved_at)) v(at)
    WHERE v.at IS NOT NULL ORDER BY 2 ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tickets_rollup_dirty_update AFTER UPDATE OF created_at, first_response_at, resolved_at,
    sensitive, deleted_at, sla_policy_id, response_due_at, resolution_due_at ON tickets
  FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at
    OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at OR OLD.sensitive IS DISTINCT FROM NEW.sensitive
    OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.sla_policy_id IS DISTINCT FROM NEW.sla_policy_id
    OR OLD.response_due_at IS DISTINCT FROM NEW.response_due_at OR OLD.resolution_due_at IS DISTINCT FROM NEW.resolution_due_at)
  EXECUTE FUNCTION tickets_rollup_dirty_row();--> statement-breakpoint
-- Tickets that predate the rollup.
SELECT refresh_ticket_rollups(id, '-infinity', 'infinity') FROM organizations;
