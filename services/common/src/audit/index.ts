import type { ServiceModule } from '../service-module';
import { AuditEntry } from './audit-entry.entity';
import { auditResolverFor } from './audit.resolver';
import { auditServiceFor, type AuditService, type AuditServiceDeps } from './audit.service';

export * from './audit-entry.entity';
export * from './audit-schema';
export * from './audit-subscriber';
export * from './audit-testing';
export * from './audit.service';
export * from './retention';

/** The root field a service's audit entries are read through: `membershipAuditEntries`, `itcellAuditEntries`, … */
export const auditField = (service: string) => `${service}AuditEntries`;

/** A service's audit log as a module: the entry type, its query (admins, scoped) and its reading service. */
export function auditModule(service: string): ServiceModule<{ auditEntries: new (deps: AuditServiceDeps) => AuditService }> {
  const field = auditField(service);
  return {
    name: 'audit',
    shared: true,
    entities: [AuditEntry],
    resolvers: [auditResolverFor(field)],
    services: { auditEntries: auditServiceFor(service) },
    access: { [field]: 'audit:read' },
  };
}
