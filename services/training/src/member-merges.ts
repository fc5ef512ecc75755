import type { MemberMergeApplier } from '@sangathan/common';
import { EnrollmentStatus } from './modules/enrollment/enrollment.entity';

const { COMPLETED, ATTENDED, REGISTERED, NO_SHOW, CANCELLED } = EnrollmentStatus;

/**
 * Which of two enrolments in one camp says more, best first: finished beats attended beats still
 * expected; a no-show and a cancellation say the least.
 */
export const MERGE_STATUS_ORDER = [COMPLETED, ATTENDED, REGISTERED, NO_SHOW, CANCELLED];

/**
 * training's rules when membership merges two members ($1 retired, $2 kept), run by the member-merge
 * follower in its transaction. Deleted enrolments are re-pointed too, so nothing names the retired member.
 */
export const applyTrainingMemberMerge: MemberMergeApplier = async (query, { retiredId, keptId }) => {
  const ids = [retiredId, keptId, MERGE_STATUS_ORDER];
  // Both enrolled in one camp: the kept member's enrolment takes the better status, the union of the
  // topics attended and the earliest completion date; the retired member's one is soft-deleted.
  await query(
    `UPDATE enrollment k SET
       status = CASE WHEN array_position($3::text[], r.status) < array_position($3::text[], k.status) THEN r.status ELSE k.status END,
       topics_attended = ARRAY(SELECT topic FROM unnest(k.topics_attended || r.topics_attended) WITH ORDINALITY AS t(topic, position)
                               GROUP BY topic ORDER BY min(position)),
       completed_on = LEAST(k.completed_on, r.completed_on),
       version = k.version + 1, updated_at = now()
     FROM enrollment r
     WHERE k.member_id = $2 AND r.member_id = $1 AND k.camp_id = r.camp_id AND k.deleted_at IS NULL AND r.deleted_at IS NULL`,
    ids,
  );
  await query(
    `UPDATE enrollment r SET member_id = $2, version = r.version + 1, updated_at = now(),
       deleted_at = CASE WHEN r.deleted_at IS NULL AND EXISTS (
         SELECT 1 FROM enrollment k WHERE k.member_id = $2 AND k.camp_id = r.camp_id AND k.deleted_at IS NULL)
         THEN now() ELSE r.deleted_at END
     WHERE r.member_id = $1`,
    [retiredId, keptId],
  );
  // A trainer in a team: replaced in place, once.
  await query(
    `UPDATE trainer_team SET version = version + 1, updated_at = now(), trainer_ids = ARRAY(
       SELECT trainer FROM unnest(array_replace(trainer_ids, $1::uuid, $2::uuid)) WITH ORDINALITY AS t(trainer, position)
       GROUP BY trainer ORDER BY min(position))
     WHERE trainer_ids @> ARRAY[$1::uuid]`,
    [retiredId, keptId],
  );
};
