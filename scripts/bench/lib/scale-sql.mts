// The set-based SQL behind scale-data.mts. Every random choice is a slice of md5(n), so
// hit n is the same hit on every run; only its timestamps move with `now`.
// Parameters of PICK_CHUNK: $1 first n, $2 last n, $3 now, $4 span in seconds, $5 analysts, $6 supervisors,
// $7 the timeline's lower bounds (seasonality.mts; null: uniform over the span), $8 cumulative shares of
// decided hits [cleared, +confirmed, +escalated, +escalation rejected then confirmed] (the rest stay in
// review), $9 whether the open queue holds pending escalations;
// of PLAN_CHUNK: $1 nationalities, $2 fallback given names, $3 carriers, $4 foreign airports, $5 first day
// of the screening batches, $6 batches per day from it, $7 now (null $5: travellers and hits name no batch).

/** Uniform [0, 1) from three of the row's 80 random bytes (slots 0..19 use bytes 0..59). */
const u = (slot: number): string => {
  const i = slot * 3;
  return `((get_byte(b, ${i}) * 65536 + get_byte(b, ${i + 1}) * 256 + get_byte(b, ${i + 2}))::float8 / 16777216)`;
};
const pick = (array: string, slot: number): string => `(${array})[1 + floor(${u(slot)} * cardinality(${array}))::int]`;

/** Picks each hit's time, status, people and entry (by source and index). */

/** The id of day `day`'s batch number k (screening-batches.mts writes them; a traveller names its batch). */
export const SCALE_BATCH_ID = `
CREATE OR REPLACE FUNCTION pg_temp.scale_batch_id(day date, k int) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM day) * 1000)::bigint + k), 12, '0') || '7' ||
          substr(md5('batch:' || day || ':' || k), 1, 3) || '8' || substr(md5('batch:' || day || ':' || k), 4, 15))::uuid
$$;`;

export const SETUP = `
CREATE OR REPLACE FUNCTION pg_temp.scale_uuid(at timestamptz, salt text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' ||
          substr(md5(salt), 1, 3) || '8' || substr(md5(salt), 4, 15))::uuid
$$;
DROP TABLE IF EXISTS scale_entry, scale_source, scale_pick, scale_plan;
-- Individuals only: a traveller is a person. k numbers a source's entries from 0.
CREATE TEMP TABLE scale_entry AS
SELECT e.id, e."sourceId" AS source_id, s.code, e.version, e."offenceCategory" AS offence,
       upper(e."familyName") AS fam, upper(e."givenNames") AS giv,
       (SELECT array_agg(x) FROM unnest(e.nationalities) x WHERE length(x) = 3) AS nats,
       e."datesOfBirth" -> 0 ->> 'value' AS dob, e."datesOfBirth" -> 0 ->> 'precision' AS dob_precision,
       e.documents -> 0 ->> 'number' AS doc,
       (row_number() OVER (PARTITION BY s.code ORDER BY e.id) - 1)::int AS k
FROM "WatchlistEntry" e JOIN "WatchlistSource" s ON s.id = e."sourceId"
WHERE e.type = 'INDIVIDUAL' AND e."familyName" IS NOT NULL AND s.active;
CREATE INDEX ON scale_entry (code, k);
ANALYZE scale_entry;
CREATE TEMP TABLE scale_source (code text PRIMARY KEY, lo float8, hi float8, n int);
${SCALE_BATCH_ID}
`;

export const PICK_CHUNK = `
CREATE TEMP TABLE scale_pick AS
-- MATERIALIZED: otherwise every use of b recomputes the five md5s.
WITH g AS MATERIALIZED (
  SELECT n, decode(md5('proportio-scale-a:' || n) || md5('proportio-scale-b:' || n) || md5('proportio-scale-c:' || n)
    || md5('proportio-scale-d:' || n) || md5('proportio-scale-e:' || n), 'hex') AS b
  FROM generate_series($1::bigint, $2::bigint) AS n
), w AS (
  -- The slot of the timeline this hit falls in (bytes 0..2), by binary search over its lower bounds.
  SELECT g.*, CASE WHEN $7::float8[] IS NOT NULL THEN width_bucket(${u(0)}, $7::float8[]) END AS slot FROM g
), r AS (
  SELECT n, b, date_trunc('milliseconds', CASE
           WHEN $7::float8[] IS NULL THEN $3::timestamptz - make_interval(secs => ${u(0)} * $4::float8)
           ELSE $3::timestamptz - make_interval(secs => $4::float8) + make_interval(secs => 86400 * (slot - 1 +
             least(1, (${u(0)} - ($7::float8[])[slot]) / (coalesce(($7::float8[])[slot + 1], 1) - ($7::float8[])[slot]))))
         END) AS created,
         ${u(1)} AS u_status, ${u(8)} AS u_score, ${u(9)} AS u_delay
  FROM w
), s AS (
  SELECT r.*, extract(epoch FROM $3::timestamptz - created) / 172800.0 AS age2d,
         ${pick('$5::uuid[]', 4)} AS analyst, ${pick('$6::uuid[]', 10)} AS supervisor
  FROM r
), t AS (
  SELECT s.*,
    CASE
      WHEN age2d < 1 THEN CASE
        WHEN $9::boolean AND age2d > 0.1 AND u_status >= ($8::float8[])[2] AND u_status < ($8::float8[])[4] THEN 'ESCALATION_PENDING'
        WHEN u_status < 0.85 - 0.6 * age2d THEN 'NEW' ELSE 'IN_REVIEW' END
      WHEN u_status < ($8::float8[])[1] THEN 'CLEARED' WHEN u_status < ($8::float8[])[2] THEN 'CONFIRMED'
      WHEN u_status < ($8::float8[])[3] THEN 'ESCALATED' WHEN u_status < ($8::float8[])[4] THEN 'CONFIRMED' ELSE 'IN_REVIEW'
    END AS status,
    -- The hit's escalation request, if any: approved, rejected (the hit was then confirmed), or still pending.
    CASE
      WHEN age2d < 1 THEN CASE WHEN $9::boolean AND age2d > 0.1 AND u_status >= ($8::float8[])[2] AND u_status < ($8::float8[])[4] THEN 'PENDING' END
      WHEN u_status >= ($8::float8[])[2] AND u_status < ($8::float8[])[3] THEN 'APPROVED'
      WHEN u_status >= ($8::float8[])[3] AND u_status < ($8::float8[])[4] THEN 'REJECTED'
    END AS esc
  FROM s
)
SELECT t.*, src.code, floor(${u(3)} * src.n)::int AS k
FROM t JOIN scale_source src ON ${u(2)} >= src.lo AND ${u(2)} < src.hi
`;

/** Joins each picked hit to its entry and derives the traveller's and the hit's values. */
export const PLAN_CHUNK = `
CREATE TEMP TABLE scale_plan AS
SELECT q.*, pg_temp.scale_uuid(q.created, 'hit:' || q.n) AS hit_id,
  pg_temp.scale_uuid(q.collected, 'traveller:' || q.n) AS traveller_id,
  -- The screening batch of the traveller's collection: batch k of a day covers the k-th of its
  -- $6[day] slices (of the day up to now, today), so a batch holds the travellers collected in its slice.
  CASE WHEN c.count > 0 THEN pg_temp.scale_batch_id(c.day, least(c.count - 1, floor(
    extract(epoch FROM q.collected - c.day::timestamp AT TIME ZONE 'UTC')
    / least(86400, extract(epoch FROM $7::timestamptz - c.day::timestamp AT TIME ZONE 'UTC')) * c.count)::int)) END AS batch_id
FROM (SELECT t.n, t.created, t.status, t.esc, t.analyst, t.supervisor, t.age2d,
  e.id AS entry_id, e.source_id, e.code AS source_code, e.version AS entry_version, e.offence, e.fam, e.dob AS entry_dob,
  coalesce(e.dob_precision, 'YEAR') AS dob_precision, e.nats AS entry_nats, e.doc AS entry_doc,
  coalesce(e.giv, ${pick('$2::text[]', 5)}) AS giv,
  t.created - make_interval(mins => 2 + floor(${u(6)} * 28)::int) AS collected,
  -- Working a hit: claimed within minutes to hours, decided within the 12-hour deadline.
  t.created + make_interval(secs => 300 + t.u_delay * 7200) AS claimed_at,
  t.created + make_interval(secs => 900 + t.u_delay * 36000) AS decided_at,
  t.created + make_interval(secs => 1800 + t.u_delay * 41400) AS approved_at,
  -- After a rejected escalation the analyst confirms the hit half an hour later.
  t.created + make_interval(secs => 3600 + t.u_delay * 41400) AS reconfirmed_at,
  -- A pending request was made at the decision time, or a minute ago if that is still to come.
  least(t.created + make_interval(secs => 900 + t.u_delay * 36000), $7::timestamptz - interval '1 minute') AS requested_at,
  CASE WHEN t.status IN ('CONFIRMED', 'ESCALATED', 'ESCALATION_PENDING') THEN round((0.8 + 0.2 * t.u_score)::numeric, 3)
       WHEN t.status = 'CLEARED' THEN round((0.45 + 0.45 * power(t.u_score, 1.6))::numeric, 3)
       ELSE round((0.5 + 0.5 * t.u_score)::numeric, 3) END::float8 AS score,
  CASE WHEN t.status IN ('CONFIRMED', 'ESCALATED', 'ESCALATION_PENDING') OR ${u(7)} < 0.35 THEN coalesce(e.nats[1 + get_byte(b, 63) % cardinality(e.nats)], ${pick('$1::text[]', 11)})
       ELSE ${pick('$1::text[]', 11)} END AS nationality,
  CASE WHEN t.status IN ('CONFIRMED', 'ESCALATED', 'ESCALATION_PENDING') AND e.dob ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN e.dob::date
       WHEN t.status IN ('CONFIRMED', 'ESCALATED', 'ESCALATION_PENDING') AND e.dob ~ '^\\d{4}' THEN make_date(left(e.dob, 4)::int, 1, 1) + floor(${u(12)} * 365)::int
       ELSE make_date(1945 + floor(${u(12)} * 62)::int, 1, 1) + floor(${u(13)} * 365)::int END AS dob,
  CASE WHEN ${u(14)} < 0.75 THEN 'exact' WHEN ${u(14)} < 0.92 THEN 'transliteration' ELSE 'phonetic' END AS name_method,
  CASE WHEN ${u(15)} < 0.65 THEN 'DIFFERENT_DOB' WHEN ${u(15)} < 0.85 THEN 'DIFFERENT_NATIONALITY'
       WHEN ${u(15)} < 0.93 THEN 'DIFFERENT_DOCUMENT' ELSE 'COMMON_NAME_PART' END AS clear_reason,
  t.status <> 'NEW' OR ${u(16)} < 0.15 AS assigned,
  ${pick('$3::text[]', 17)} || (1 + floor(${u(18)} * 1998)::int) AS flight_number,
  ${pick("ARRAY['FRA','MUC','BER','DUS','HAM','CGN','STR']", 19)} AS german_airport,
  ($4::text[])[1 + get_byte(b, 60) % cardinality($4::text[])] AS foreign_airport,
  get_byte(b, 61) < 128 AS outbound, get_byte(b, 62) % 4 AS lead_days, b
FROM scale_pick t JOIN scale_entry e ON e.code = t.code AND e.k = t.k
) q
LEFT JOIN LATERAL (SELECT x.day, ($6::int[])[x.day - $5::date + 1] AS count
                   FROM (SELECT (q.collected AT TIME ZONE 'UTC')::date AS day) x WHERE $5::date IS NOT NULL) c ON true
`;

export const INSERT_TRAVELLERS = `
WITH stored AS (
INSERT INTO "Traveller" (id, "familyName", "givenNames", "dateOfBirth", "yearOfBirth", sex, nationality, "documentType",
  "documentNumber", "documentIssuingCountry", "documentExpiry", "bookingReference", "reservationDate", "flightNumber",
  "flightDate", "departureAirport", "arrivalAirport", itinerary, "contactEmail", "contactPhone", address, "paymentSummary",
  "frequentFlyerNumber", "travelAgency", "travelStatus", "coTravellerCount", "collectedAt", "externalRef", "screeningBatchId")
SELECT traveller_id, fam, giv, dob, extract(year FROM dob)::int,
  (CASE WHEN get_byte(b, 64) < 128 THEN 'M' ELSE 'F' END)::"Sex", nationality, 'P',
  upper(left(md5('doc:' || n), 2)) || lpad((('x' || substr(md5('docn:' || n), 1, 7))::bit(28)::int % 10000000)::text, 7, '0'),
  nationality, collected::date + 200 + get_byte(b, 65) * 12,
  translate(upper(left(md5('pnr:' || n), 6)), '0189', 'KLMN'), collected::date - 1 - get_byte(b, 66) % 90,
  flight_number, flight_date, dep, arr,
  jsonb_build_array(jsonb_build_object('seq', 1, 'flightNumber', flight_number, 'date', flight_date, 'from', dep, 'to', arr,
    'departure', lpad((5 + get_byte(b, 67) % 18)::text, 2, '0') || ':' || (ARRAY['00','15','30','45'])[1 + get_byte(b, 68) % 4])),
  lower(regexp_replace(split_part(giv, ' ', 1), '[^A-Za-z]', '', 'g')) || '.' || lower(regexp_replace(fam, '[^A-Za-z]', '', 'g'))
    || (get_byte(b, 69) % 99) || '@example.com',
  '+49 ' || lpad((get_byte(b, 70) * 4)::text, 3, '0') || ' ' || lpad((('x' || substr(md5('tel:' || n), 1, 7))::bit(28)::int % 10000000)::text, 7, '0'),
  CASE WHEN get_byte(b, 71) < 115 THEN (1 + get_byte(b, 64) % 180) || ' Hauptstraße, 60311 Frankfurt am Main, DEU' END,
  (ARRAY['VISA','MASTERCARD','AMEX'])[1 + get_byte(b, 65) % 3] || ' ****' || lpad((get_byte(b, 66) * 39)::text, 4, '0'),
  CASE WHEN get_byte(b, 67) < 77 THEN left(flight_number, 2) || ' ' || lpad((get_byte(b, 68) * 3919)::text, 10, '0') END,
  CASE WHEN get_byte(b, 69) < 128 THEN (ARRAY['Online travel agency','Corporate travel desk','Airline website'])[1 + get_byte(b, 70) % 3] END,
  CASE WHEN flight_date < $1::date THEN 'BOARDED' ELSE 'CONFIRMED' END, get_byte(b, 71) % 3, collected, 'SCALE-' || n, batch_id
FROM (
  SELECT p.*, least((collected + make_interval(days => lead_days))::date, $1::date) AS flight_date,
    CASE WHEN outbound THEN german_airport ELSE foreign_airport END AS dep,
    CASE WHEN outbound THEN foreign_airport ELSE german_airport END AS arr
  FROM scale_plan p
) x
ORDER BY traveller_id -- time-ordered ids: index pages are visited in order, not at random
ON CONFLICT (id) DO NOTHING
RETURNING "collectedAt", "maskedAt"
)
-- With triggers off (scale-data.mts), the retention-state rollup's insert trigger does not fire
-- ($2 true): the stored travellers are counted here as it would count them.
INSERT INTO "RetentionStateRollup" (day, state, travellers)
SELECT ("collectedAt" AT TIME ZONE 'UTC')::date, retention_state_of("maskedAt"), count(*)::int FROM stored WHERE $2::boolean GROUP BY 1, 2
`;

/** $1 recipient authority ids (escalations need one). */
export const INSERT_HITS = `
WITH hits AS (
  INSERT INTO "Hit" (id, "travellerId", "entryId", "entryVersion", "sourceId", "offenceCategory", "flightDate", score,
    explanation, status, priority, "assigneeId", "dueAt", "clearReason", "decidedById", "decidedAt", version, "createdAt", "updatedAt",
    "screeningBatchId")
  SELECT hit_id, traveller_id, entry_id, entry_version,
    source_id, offence, t."flightDate", score,
    jsonb_build_array(
      jsonb_build_object('field', 'familyName', 'method', name_method, 'entryValue', fam,
        'similarity', CASE name_method WHEN 'exact' THEN 1 WHEN 'transliteration' THEN 0.96 ELSE 0.9 END, 'agrees', true),
      jsonb_build_object('field', 'givenNames', 'method', 'exact', 'entryValue', giv, 'similarity', 1, 'agrees', true),
      jsonb_build_object('field', 'dateOfBirth', 'method', CASE WHEN entry_dob IS NULL THEN 'absent' WHEN status IN ('CONFIRMED','ESCALATED','ESCALATION_PENDING') THEN 'exact' ELSE 'none' END,
        'entryValue', entry_dob, 'similarity', CASE WHEN entry_dob IS NULL THEN NULL WHEN status IN ('CONFIRMED','ESCALATED','ESCALATION_PENDING') THEN 1 ELSE 0 END,
        'agrees', CASE WHEN entry_dob IS NULL THEN NULL ELSE status IN ('CONFIRMED','ESCALATED','ESCALATION_PENDING') END, 'precision', dob_precision),
      jsonb_build_object('field', 'nationality', 'method', CASE WHEN entry_nats IS NULL THEN 'absent' WHEN p.nationality = ANY(entry_nats) THEN 'exact' ELSE 'none' END,
        'entryValue', array_to_string(entry_nats, ', '),
        'similarity', CASE WHEN entry_nats IS NULL THEN NULL WHEN p.nationality = ANY(entry_nats) THEN 1 ELSE 0 END,
        'agrees', CASE WHEN entry_nats IS NULL THEN NULL ELSE p.nationality = ANY(entry_nats) END),
      jsonb_build_object('field', 'document', 'method', CASE WHEN entry_doc IS NULL THEN 'absent' ELSE 'none' END,
        'entryValue', entry_doc, 'similarity', CASE WHEN entry_doc IS NULL THEN NULL ELSE 0 END,
        'agrees', CASE WHEN entry_doc IS NULL THEN NULL ELSE false END)),
    status::"HitStatus",
    greatest(1, CASE WHEN score >= 0.85 THEN 2 WHEN score >= 0.7 THEN 3 WHEN score >= 0.55 THEN 4 ELSE 5 END - (offence = 'terrorism')::int),
    CASE WHEN assigned THEN analyst END, created + interval '12 hours',
    CASE WHEN status = 'CLEARED' THEN clear_reason END,
    CASE status WHEN 'ESCALATED' THEN supervisor WHEN 'CLEARED' THEN analyst WHEN 'CONFIRMED' THEN analyst END,
    CASE WHEN esc = 'REJECTED' THEN reconfirmed_at ELSE
      CASE status WHEN 'ESCALATED' THEN approved_at WHEN 'CLEARED' THEN decided_at WHEN 'CONFIRMED' THEN decided_at END END,
    CASE WHEN esc = 'REJECTED' THEN 5 ELSE
      CASE status WHEN 'NEW' THEN CASE WHEN assigned THEN 2 ELSE 1 END WHEN 'IN_REVIEW' THEN 2 WHEN 'ESCALATED' THEN 4 ELSE 3 END END,
    created,
    CASE WHEN esc = 'REJECTED' THEN reconfirmed_at ELSE
      CASE status WHEN 'ESCALATED' THEN approved_at WHEN 'IN_REVIEW' THEN least(claimed_at, $2::timestamptz)
        WHEN 'ESCALATION_PENDING' THEN requested_at WHEN 'NEW' THEN created ELSE decided_at END END,
    batch_id
  FROM scale_plan p JOIN "Traveller" t ON t.id = p.traveller_id
  ORDER BY p.hit_id
  ON CONFLICT (id) DO NOTHING
  RETURNING id, "travellerId"
), escalations AS (
  INSERT INTO "Escalation" (id, "hitId", "travellerId", "requesterId", "legalBasis", "offenceCategory", "objectiveFacts", necessity,
    "dataCategories", "recipientId", urgency, status, "deciderId", "decidedAt", "decisionNote", version, "createdAt", "updatedAt")
  SELECT pg_temp.scale_uuid(p.requested_at, 'escalation:' || p.n), h.id, h."travellerId", p.analyst,
    'PNR art. 6(2)(a) and 6(6): transfer to the competent authority after individual review by non-automated means',
    p.offence, 'Name, date of birth and nationality agree with the listed person (' || p.source_code || ').',
    'The authority needs the travel data to act on the alert; only the listed categories are disclosed.',
    ARRAY['PASSPORT','ITINERARY'],
    ($1::uuid[])[1 + get_byte(p.b, 72) % cardinality($1::uuid[])], 'ROUTINE', p.esc::"EscalationStatus",
    CASE WHEN p.esc <> 'PENDING' THEN p.supervisor END, CASE WHEN p.esc <> 'PENDING' THEN p.approved_at END,
    CASE p.esc WHEN 'APPROVED' THEN 'Approved: the identifiers beyond the name agree; disclosure limited to the requested categories.'
      WHEN 'REJECTED' THEN 'Rejected: the identity is confirmed, but the facts do not show the link to the offence that disclosure would need.' END,
    CASE WHEN p.esc = 'PENDING' THEN 1 ELSE 2 END, p.requested_at, CASE WHEN p.esc = 'PENDING' THEN p.requested_at ELSE p.approved_at END
  FROM hits h JOIN scale_plan p ON p.hit_id = h.id
  WHERE p.esc IS NOT NULL
  RETURNING 1
)
SELECT (SELECT count(*) FROM hits)::int AS hits, (SELECT count(*) FROM escalations)::int AS escalations
`;

export const INSERT_EVENTS = `
INSERT INTO "HitEvent" (id, "hitId", type, "actorId", "fromStatus", "toStatus", note, data, at)
SELECT pg_temp.scale_uuid(ev.at, 'hit-event:' || p.n || ':' || ev.k), h.id, ev.type::"HitEventType", ev.actor,
  ev.from_status::"HitStatus", ev.to_status::"HitStatus", ev.note, ev.data, ev.at
FROM scale_plan p
JOIN "Hit" h ON h.id = p.hit_id
CROSS JOIN LATERAL (VALUES
  (0, true, 'CREATED', NULL::uuid, NULL, 'NEW', NULL, jsonb_build_object('score', p.score), p.created),
  (1, p.status = 'NEW' AND p.assigned, 'ASSIGNED', p.supervisor, 'NEW', 'NEW', NULL, jsonb_build_object('assigneeId', p.analyst), least(p.created + interval '2 minutes', $1::timestamptz)),
  (2, p.status <> 'NEW', 'CLAIMED', p.analyst, 'NEW', 'IN_REVIEW', NULL, NULL, least(p.claimed_at, $1::timestamptz)),
  (3, p.status = 'CLEARED', 'CLEARED', p.analyst, 'IN_REVIEW', 'CLEARED', 'False positive: ' || p.clear_reason,
     jsonb_build_object('reason', p.clear_reason), p.decided_at),
  (4, p.status = 'CONFIRMED' AND p.esc IS NULL, 'CONFIRMED', p.analyst, 'IN_REVIEW', 'CONFIRMED', 'Identity confirmed against the listed identifiers.', NULL, p.decided_at),
  (5, p.esc IS NOT NULL, 'ESCALATION_REQUESTED', p.analyst, 'IN_REVIEW', 'ESCALATION_PENDING', NULL, NULL, p.requested_at),
  (6, p.esc = 'APPROVED', 'ESCALATION_APPROVED', p.supervisor, 'ESCALATION_PENDING', 'ESCALATED', NULL, NULL, p.approved_at),
  (7, p.esc = 'REJECTED', 'ESCALATION_REJECTED', p.supervisor, 'ESCALATION_PENDING', 'IN_REVIEW', NULL, NULL, p.approved_at),
  (8, p.esc = 'REJECTED', 'CONFIRMED', p.analyst, 'IN_REVIEW', 'CONFIRMED', 'Identity confirmed; the escalation was rejected.', NULL, p.reconfirmed_at)
) AS ev(k, keep, type, actor, from_status, to_status, note, data, at)
WHERE ev.keep
ORDER BY h.id, ev.k
ON CONFLICT (id) DO NOTHING
`;
