import type { MemberMergeApplier } from '@sangathan/common';

/**
 * itcell's rules when membership merges two members ($1 retired, $2 kept), run by the member-merge
 * follower in its transaction: every column naming a member is re-pointed, deleted rows included, so
 * nothing names the retired member afterwards.
 */
export const applyItcellMemberMerge: MemberMergeApplier = async (query, { retiredId, keptId }) => {
  const ids = [retiredId, keptId];
  // The same role in the same team held by both: the kept member's row stays with the earlier start and an
  // open end if either is open; the retired member's row is soft-deleted.
  await query(
    `UPDATE team_member k SET since = LEAST(k.since, r.since),
       until = CASE WHEN k.until IS NULL OR r.until IS NULL THEN NULL ELSE GREATEST(k.until, r.until) END,
       version = k.version + 1, updated_at = now()
     FROM team_member r
     WHERE k.member_id = $2 AND r.member_id = $1 AND k.team_id = r.team_id AND k.role = r.role
       AND k.deleted_at IS NULL AND r.deleted_at IS NULL`,
    ids,
  );
  await query(
    `UPDATE team_member r SET member_id = $2, version = r.version + 1, updated_at = now(),
       deleted_at = CASE WHEN r.deleted_at IS NULL AND EXISTS (
         SELECT 1 FROM team_member k WHERE k.member_id = $2 AND k.team_id = r.team_id AND k.role = r.role AND k.deleted_at IS NULL)
         THEN now() ELSE r.deleted_at END
     WHERE r.member_id = $1`,
    ids,
  );
  await query(`UPDATE social_account SET owner_member_id = $2, version = version + 1, updated_at = now() WHERE owner_member_id = $1`, ids);
  // Attendance is unique per meeting: where both attended, the retired member's row goes and the count drops by one.
  await query(
    `WITH dropped AS (
       DELETE FROM meeting_attendee r USING meeting_attendee k
       WHERE r.member_id = $1 AND k.member_id = $2 AND k.meeting_id = r.meeting_id
       RETURNING r.meeting_id)
     UPDATE meeting SET attendee_count = attendee_count - 1, version = version + 1, updated_at = now()
     WHERE id IN (SELECT meeting_id FROM dropped)`,
    ids,
  );
  await query(`UPDATE meeting_attendee SET member_id = $2 WHERE member_id = $1`, ids);
  await query(`UPDATE meeting SET chair_id = $2, version = version + 1, updated_at = now() WHERE chair_id = $1`, ids);
  // Speakers, in each session's order, without naming the kept member twice.
  await query(
    `UPDATE meeting m SET version = m.version + 1, updated_at = now(), sessions = (
       SELECT jsonb_agg(CASE WHEN s ? 'speakerIds' THEN jsonb_set(s, '{speakerIds}', (
         SELECT coalesce(jsonb_agg(speaker ORDER BY first), '[]'::jsonb) FROM (
           SELECT CASE WHEN value = to_jsonb($1::text) THEN to_jsonb($2::text) ELSE value END AS speaker, min(position) AS first
           FROM jsonb_array_elements(s -> 'speakerIds') WITH ORDINALITY AS e(value, position) GROUP BY 1) speakers)) ELSE s END
         ORDER BY session_position)
       FROM jsonb_array_elements(m.sessions) WITH ORDINALITY AS t(s, session_position))
     WHERE m.sessions @> jsonb_build_array(jsonb_build_object('speakerIds', jsonb_build_array($1::text)))`,
    ids,
  );
  await query(`UPDATE drive_report SET reported_by = $2, version = version + 1, updated_at = now() WHERE reported_by = $1`, ids);
};
