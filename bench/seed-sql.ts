// The set-based statements of the bench seeder. Every row is generated inside Postgres
// (generate_series + random()), so a million tickets never cross the wire.
import { CATEGORIES, DETAIL_COMMENTS, DETAIL_TAG } from './config'

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`
const arr = (xs: readonly string[]) => `array[${xs.map(lit).join(',')}]`

const FIRST = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kemal', 'Lea', 'Mo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rui', 'Sara', 'Tomas']
const LAST = ['Adams', 'Baker', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Huang', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Meyer', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Silva', 'Tanaka', 'Weber']
const TEAMS = ['Service Desk', 'Field Engineering', 'Network Operations', 'Billing Support', 'Installations', 'Escalations', 'Hardware Repair', 'Onboarding']

// Three titles per non-sensitive category, in category order, so one random number picks
// a title and its matching category.
const TITLES: [string, string][] = [
  ['Internet down since this morning', 'No connection at all since about 7 am; the router shows a red light.'],
  ['VPN drops every few minutes', 'The VPN disconnects every five to ten minutes and I have to sign in again.'],
  ['Very slow Wi-Fi on the second floor', 'Speed tests on the second floor show under 2 Mbit/s since Monday.'],
  ['Laptop does not boot after update', 'After last night\'s update the laptop shows a black screen with a blinking cursor.'],
  ['Printer jams on every duplex job', 'The printer in room 2.14 jams whenever I print double-sided.'],
  ['Second monitor flickers', 'The second monitor flickers when connected through the docking station.'],
  ['Outlook keeps asking for my password', 'Outlook prompts for my password every few minutes although it is correct.'],
  ['Cannot install the reporting tool', 'The installer stops at 80 % with error 1603.'],
  ['Spreadsheet crashes on save', 'The quarterly spreadsheet crashes every time I save it.'],
  ['Need access to the finance share', 'Please grant me read access to the finance share for the quarter close.'],
  ['New starter needs an account', 'A new colleague starts on Monday and needs email and CRM access.'],
  ['Password reset for the CRM', 'I am locked out of the CRM after too many attempts.'],
  ['Invoice shows the wrong amount', 'This month\'s invoice charges twice for the same service.'],
  ['Refund not received', 'I was promised a refund three weeks ago and have not received it.'],
  ['Change billing address', 'Please update the billing address on my account.'],
  ['Technician did not show up', 'A technician visit was booked for this morning and nobody came.'],
  ['Cable damaged outside the house', 'The cable box outside the house was hit by a car and hangs loose.'],
  ['Street cabinet left open', 'The street cabinet at the corner has been open for two days.'],
  ['New connection for an apartment', 'We moved in last week and need a new fibre connection installed.'],
  ['Router installation incomplete', 'The installer left before configuring the router.'],
  ['Move service to a new address', 'We are moving on the 1st and would like the service moved with us.'],
]
const SENSITIVE: [string, string][] = [
  ['Request for support and safe housing', 'I need help finding a safe place to stay. Please contact me only by email.'],
  ['Report of abuse at my address', 'I would like to report ongoing abuse and get advice about my options.'],
  ['Harassment by a neighbour', 'A neighbour follows and threatens me; I am afraid to leave the house.'],
]
const BODIES = [
  'Thanks for the report, I am looking into it now.',
  'Could you send a photo or the exact time this happens?',
  'It happened again this morning around 9:30.',
  'I have restarted the device as suggested, no change.',
  'We have scheduled a technician visit for tomorrow between 8 and 12.',
  'The issue is caused by a faulty line card; a replacement is on its way.',
  'Thanks, that fixed it! Everything works again.',
  'Checked the monitoring dashboard: packet loss on the uplink since Monday.',
  'Escalating to the network team, this looks related to last week\'s change.',
  'Customer called again, asked for an update by end of day.',
  'Please confirm whether the problem is still there.',
  'Here is the information you asked for: model X200, serial 4471-22.',
]
const NON_SENSITIVE_CATEGORIES = CATEGORIES.filter((c) => !('sensitive' in c && c.sensitive)).length

export const tempTables = `
create temp table bench_orgs (k int primary key, id uuid not null, n int not null, n_agents int not null, n_req int not null, n_teams int not null) on commit drop;
create temp table bench_people (org_id uuid not null, kind role not null, idx int not null, user_id uuid not null default gen_random_uuid(),
  email text not null, name text not null, primary key (org_id, kind, idx)) on commit drop;
create temp table bench_teams (org_id uuid not null, idx int not null, id uuid not null default gen_random_uuid(), primary key (org_id, idx)) on commit drop;
create temp table bench_cats (org_id uuid not null, idx int not null, id uuid not null, primary key (org_id, idx)) on commit drop;
create temp table bench_policies (org_id uuid not null, priority ticket_priority not null, id uuid not null, resp int not null, res int not null,
  primary key (org_id, priority)) on commit drop;`

/** Categories by their place in CATEGORIES (the sensitive one is -1) and each priority's policy. */
export const lookups = `
insert into bench_cats (org_id, idx, id)
select organization_id, case when sensitive then -1 else array_position(${arr(CATEGORIES.filter((c) => !('sensitive' in c && c.sensitive)).map((c) => c.name))}, name) - 1 end, id
from categories where organization_id in (select id from bench_orgs);
insert into bench_policies (org_id, priority, id, resp, res)
select organization_id, priority, id, response_minutes, resolution_minutes from sla_policies
where category_id is null and organization_id in (select id from bench_orgs);`

/** Agents (index 0 cleared, 1 the known agent) and requesters (index 0 the known requester), then their accounts and memberships. */
export const people = (passwordHash: string) => `
insert into bench_people (org_id, kind, idx, email, name)
select o.id, 'agent'::role, i,
  case i when 0 then 'bench-cleared@org' || o.k || '.test' when 1 then 'bench-agent@org' || o.k || '.test' else 'agent' || i || '@org' || o.k || '.test' end,
  case i when 0 then 'Bench Cleared' when 1 then 'Bench Agent' else (${arr(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${arr(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}] || ' (' || i || ')' end
from bench_orgs o, generate_series(0, o.n_agents - 1) i
union all
select o.id, 'requester'::role, i,
  case i when 0 then 'bench-requester@org' || o.k || '.test' else 'requester' || i || '@org' || o.k || '.test' end,
  case i when 0 then 'Bench Requester' else (${arr(FIRST)})[1 + (i * 7) % ${FIRST.length}] || ' ' || (${arr(LAST)})[1 + (i / 3) % ${LAST.length}] end
from bench_orgs o, generate_series(0, o.n_req - 1) i;
analyze bench_people;
insert into users (id, email, name, password_hash) select user_id, email, name, ${lit(passwordHash)} from bench_people;
-- The copy-from-users trigger would look each user up while the users table has no index
-- (dropped for the load): the copies come from bench_people instead.
alter table memberships disable trigger memberships_copy_user;
insert into memberships (organization_id, user_id, role, name, email) select org_id, user_id, kind, name, email from bench_people;
alter table memberships enable trigger memberships_copy_user;`

export const teams = `
insert into bench_teams (org_id, idx) select o.id, t from bench_orgs o, generate_series(0, o.n_teams - 1) t;
insert into teams (organization_id, id, name, restricted)
select org_id, id, case when idx = 0 then 'Liaison (restricted)'
  else (${arr(TEAMS)})[1 + (idx - 1) % ${TEAMS.length}] || case when idx > ${TEAMS.length} then ' ' || ((idx - 1) / ${TEAMS.length} + 1) else '' end end,
  idx = 0
from bench_teams;
insert into team_members (organization_id, team_id, user_id)
select p.org_id, t.id, p.user_id from bench_people p join bench_orgs o on o.id = p.org_id
  join bench_teams t on t.org_id = p.org_id and t.idx = p.idx % o.n_teams
where p.kind = 'agent';`

/**
 * One chunk of tickets (numbers lo..hi of org k) and their comments, in one statement.
 * Creation dates span three years, rising with the number; the status depends on age
 * (recent tickets mostly open, old ones closed, a stale backlog of 2 %); resolved tickets
 * are all under a week old so the auto-close job has nothing to catch up on. Deadlines are
 * the 24/7 policy's, paused where the status stops the clock, as recomputeSla stores them.
 */
export function ticketChunk(k: number, lo: number, hi: number): string {
  return `
with s1 as (
  select o.id as org_id, g as number, o.n_agents, o.n_req, o.n_teams,
    (k = 1 and g = greatest(o.n - 50, 1)) as detail,
    (o.n - g + random()) / o.n * 1095 as age_d,
    random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9, random() r10, random() r11
  from bench_orgs o, generate_series(${lo}, ${hi}) g where o.k = ${k}
), s2 as (
  select s1.*, now() - make_interval(secs => age_d * 86400) as created_at,
    (case when detail then 'in_progress'
      when r2 < (case when age_d < 2 then 0.9 when age_d < 14 then 0.5 when age_d < 60 then 0.15 else 0.02 end) then
        (case when r3 < 0.2 then 'new' when r3 < 0.4 then 'open' when r3 < 0.75 then 'in_progress' when r3 < 0.9 then 'pending' else 'on_hold' end)
      when age_d < 7 then (case when r3 < 0.6 then 'resolved' when r3 < 0.95 then 'closed' else 'cancelled' end)
      else (case when r3 < 0.96 then 'closed' else 'cancelled' end) end)::ticket_status as status,
    (case when detail then 'high' when r4 < 0.2 then 'low' when r4 < 0.75 then 'normal' when r4 < 0.95 then 'high' else 'urgent' end)::ticket_priority as priority,
    (r5 < 0.005 and not detail) as sensitive
  from s1
), s3 as (
  select s2.*, p.id as policy_id, p.resp, p.res,
    case when status in ('in_progress', 'pending', 'on_hold', 'resolved', 'closed')
      then least(created_at + make_interval(secs => p.resp * 60 * (0.05 + 1.1 * r9)), now()) end as fr,
    case when sensitive then n_teams * floor(r7 * ((n_agents + n_teams - 1) / n_teams))::int else floor(r7 * n_agents)::int end as agent_idx
  from s2 join bench_policies p on p.org_id = s2.org_id and p.priority = s2.priority
), s4 as (
  select s3.*, case when status in ('resolved', 'closed')
    then least(greatest(fr, created_at + make_interval(secs => res * 60 * (0.1 + r10))), now()) end as ra
  from s3
), s5 as (
  select s4.*,
    case when status = 'closed' then least(ra + make_interval(secs => 7 * 86400 * r11), now()) end as ca,
    case when status in ('pending', 'on_hold') then fr + (now() - fr) * r11 when status in ('resolved', 'closed') then ra end as paused,
    created_at + make_interval(secs => resp * 60) as resp_due, created_at + make_interval(secs => resp * 45) as resp_risk,
    created_at + make_interval(secs => res * 60) as res_due0, created_at + make_interval(secs => res * 45) as res_risk0
  from s4
), s6 as (
  select s5.*,
    case when paused is not null and res_due0 > paused then null else res_due0 end as res_due,
    case when paused is not null and res_risk0 > paused then null else res_risk0 end as res_risk
  from s5
), t as (
  insert into tickets (organization_id, number, title, description, status, priority, category_id, requester_id, assignee_id, team_id,
    sensitive, tags, asset_ref, created_by_id, created_at, updated_at, first_response_at, resolved_at, closed_at,
    sla_policy_id, response_due_at, response_at_risk_at, resolution_due_at, resolution_at_risk_at, sla_paused_at, escalated_at)
  select s.org_id, s.number,
    case when s.sensitive then (${arr(SENSITIVE.map((x) => x[0]))})[1 + floor(r6 * ${SENSITIVE.length})::int]
      else (${arr(TITLES.map((x) => x[0]))})[1 + floor(r6 * ${TITLES.length})::int] end,
    case when s.sensitive then (${arr(SENSITIVE.map((x) => x[1]))})[1 + floor(r6 * ${SENSITIVE.length})::int]
      else (${arr(TITLES.map((x) => x[1]))})[1 + floor(r6 * ${TITLES.length})::int] end,
    s.status, s.priority, c.id, req.user_id, case when s.status = 'new' then null else ag.user_id end, tm.id,
    s.sensitive, case when detail then array[${lit(DETAIL_TAG)}] when r11 < 0.03 then array['vip'] else '{}'::text[] end,
    case when r10 < 0.2 then 'CPE-' || lpad(floor(r10 * 5000000)::text, 6, '0') end,
    req.user_id, s.created_at,
    case s.status when 'new' then s.created_at when 'open' then s.created_at + (now() - s.created_at) * r11 * 0.2
      when 'in_progress' then s.fr + (now() - s.fr) * r11 when 'resolved' then s.ra when 'closed' then s.ca
      when 'cancelled' then s.created_at + least(interval '2 hours', now() - s.created_at) else s.paused end,
    s.fr, s.ra, s.ca,
    case when s.status <> 'cancelled' then s.policy_id end,
    case when s.status <> 'cancelled' then s.resp_due end, case when s.status <> 'cancelled' then s.resp_risk end,
    case when s.status <> 'cancelled' then s.res_due end, case when s.status <> 'cancelled' then s.res_risk end,
    case when s.status <> 'cancelled' then s.paused end,
    -- What the breach sweep would have stamped: the earliest breach of a ticket still being worked.
    case when s.status in ('new', 'open', 'in_progress') then nullif(least(
      case when s.fr is null and s.resp_due <= now() then s.resp_due else 'infinity' end,
      case when s.res_due <= now() then s.res_due else 'infinity' end), 'infinity') end
  from s6 s
  join bench_people req on req.org_id = s.org_id and req.kind = 'requester'
    and req.idx = case when s.number % 10000 = 7 then 0 else floor(r8 * s.n_req)::int end
  join bench_people ag on ag.org_id = s.org_id and ag.kind = 'agent' and ag.idx = s.agent_idx
  join bench_teams tm on tm.org_id = s.org_id and tm.idx = s.agent_idx % s.n_teams
  join bench_cats c on c.org_id = s.org_id and c.idx = case when s.sensitive then -1 else floor(r6 * ${NON_SENSITIVE_CATEGORIES})::int end
  returning organization_id, id, requester_id, assignee_id, created_at, updated_at, tags
), c as (
  select t.*, j, n.cnt, random() < 0.25 and t.assignee_id is not null as internal, random() as rb
  from t cross join lateral (select case when ${lit(DETAIL_TAG)} = any(t.tags) then ${DETAIL_COMMENTS} else 1 + abs(hashtext(t.id::text)) % 9 end as cnt) n
    cross join lateral generate_series(1, n.cnt) j
)
insert into comments (organization_id, ticket_id, author_id, body, internal, created_at)
select organization_id, id,
  case when internal or (j % 2 = 0 and assignee_id is not null) then assignee_id else requester_id end,
  (${arr(BODIES)})[1 + floor(rb * ${BODIES.length})::int], internal,
  created_at + (updated_at - created_at) * (j::float8 / (cnt + 1))
from c`
}

/** What the breach sweep would have recorded by now, so the app's first sweep finds nothing to catch up on. */
export const slaEvents = ['response', 'resolution'].flatMap((target) => ['breached', 'at_risk'].map((kind) => {
  const col = `${target}_${kind === 'breached' ? 'due' : 'at_risk'}_at`
  const open = target === 'response' ? 'first_response_at is null' : 'resolved_at is null'
  return `insert into sla_events (organization_id, ticket_id, target, kind, due_at, created_at)
select organization_id, id, '${target}', '${kind}', ${target}_due_at, ${col} from tickets
where deleted_at is null and ${open} and ${col} <= now() and status in ('new', 'open', 'in_progress')`
})).join(';\n')
