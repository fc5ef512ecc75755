import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { PageInput } from '../pagination';
import { AuditEntry, AuditEntryFilter, AuditEntryPage } from './audit-entry.entity';
import type { AuditService } from './audit.service';

type AuditContext = { services: { auditEntries: AuditService } };

/** `<service>AuditEntries(filter, page)`: one root field per service, since each service keeps its own log. */
export function auditResolverFor(field: string) {
  @Resolver(() => AuditEntry)
  class AuditResolver {
    @Query(() => AuditEntryPage, {
      name: field,
      description: 'Audit entries of this service’s records, newest first, within the caller’s scope (admins)',
    })
    auditEntries(
      @Ctx() { services }: AuditContext,
      @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter?: AuditEntryFilter,
      @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    ) {
      return services.auditEntries.list(filter ?? {}, page);
    }
  }
  return AuditResolver;
}
