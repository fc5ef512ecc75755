import type { MembershipContext } from '../../context';

/** Federation entity resolution: every OrgUnit reference in a request is read in one query. */
export function resolveOrgUnitReference(reference: { id: string }, { services }: MembershipContext) {
  return services.units.loader.load(reference.id);
}
