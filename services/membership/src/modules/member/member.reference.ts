import type { MembershipContext } from '../../context';

/** Federation entity resolution: every Member reference in a request is read in one query. */
export function resolveMemberReference(reference: { id: string }, { services }: MembershipContext) {
  return services.members.loader.load(reference.id);
}
