import { auditModule, type CredentialStore, type ServiceDefinition } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { InitialSchema1763800000000 } from './migrations/1763800000000-InitialSchema';
import { SearchAndListIndexes1763900000000 } from './migrations/1763900000000-SearchAndListIndexes';
import { UnitChangeFeed1764000000000 } from './migrations/1764000000000-UnitChangeFeed';
import { CadreColumns1764500000000 } from './migrations/1764500000000-CadreColumns';
import { Accounts1764600000000 } from './migrations/1764600000000-Accounts';
import { AuditLog1764700000000 } from './migrations/1764700000000-AuditLog';
import { DuplicateCandidates1765000000000 } from './migrations/1765000000000-DuplicateCandidates';
import { MemberMerge1765200000000 } from './migrations/1765200000000-MemberMerge';
import { accountModule } from './modules/account';
import { activeSessionIds } from './modules/account/session.service';
import { assignmentModule } from './modules/assignment';
import { duplicateModule } from './modules/duplicate';
import { fieldVisitModule } from './modules/field-visit';
import { memberModule } from './modules/member';
import { memberMergeModule } from './modules/member-merge';
import { orgUnitModule } from './modules/org-unit';
import { organizationModule } from './modules/organization';
import { partnerTokenModule } from './modules/partner-token';
import { partnerTokenIdentity } from './modules/partner-token/partner-token.service';
import { positionModule } from './modules/position';
import { unitChangeModule } from './modules/unit-change';

/** Every module of the service: its entities, schema and request services are built from this list. */
export const MODULES = [
  organizationModule,
  orgUnitModule,
  memberModule,
  positionModule,
  assignmentModule,
  fieldVisitModule,
  unitChangeModule,
  memberMergeModule,
  accountModule,
  partnerTokenModule,
  duplicateModule,
  auditModule('membership'),
] as const;

export const MIGRATIONS = [
  InitialSchema1763800000000,
  SearchAndListIndexes1763900000000,
  UnitChangeFeed1764000000000,
  CadreColumns1764500000000,
  Accounts1764600000000,
  AuditLog1764700000000,
  DuplicateCandidates1765000000000,
  MemberMerge1765200000000,
];

/** What the gateway and the other services ask membership about credentials, answered from this database. */
function credentialStore(dataSource: DataSource): CredentialStore {
  return {
    activeSessions: (ids) => activeSessionIds(dataSource, ids),
    partnerIdentity: (token) => partnerTokenIdentity(dataSource, token),
  };
}

export const MEMBERSHIP_SERVICE: ServiceDefinition = {
  name: 'membership',
  modules: MODULES,
  migrations: MIGRATIONS,
  followsMembership: false,
  access: { read: 'members:read', write: 'members:write' },
  accounts: { credentialStore },
};
