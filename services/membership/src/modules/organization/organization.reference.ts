import type { MembershipContext } from '../../context';

/** Federation entity resolution: every Organization reference in a request is read in one query. */
export function resolveOrganizationReference(reference: { id: string }, { services }: MembershipContext) {
  return services.organizations.loader.load(reference.id);
}
