import { ConfigError, type Role } from '@sangathan/common';
import { runAsSystem } from '@sangathan/common';
import type { DataSource, EntityManager } from 'typeorm';
import { Account } from '../modules/account/account.entity';
import { AccountService } from '../modules/account/account.service';
import { generatePassword, passwordProblem } from '../modules/account/password';
import { PHU_THO_UNION_ID, UP_PARTY_ID } from './ids';

/** The one password of every demo account; `npm start` prints it and the README lists the accounts. */
export const DEMO_PASSWORD = 'Demo-Sangathan-2026';
/** The superadmin's email when ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@sangathan.local';

interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  /** Finds the scope unit in the demo tree. */
  unit: { level: string; nameLatin?: string; under?: { level: string; nameLatin: string } };
}

/** An account at several levels of each demo organisation. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'state.admin@up.demo', displayName: 'UP state admin', role: 'ADMIN', organizationId: UP_PARTY_ID, unit: { level: 'state' } },
  { email: 'region.viewer@up.demo', displayName: 'Region viewer', role: 'VIEWER', organizationId: UP_PARTY_ID, unit: { level: 'region' } },
  {
    email: 'lucknow.editor@up.demo',
    displayName: 'Lucknow district editor',
    role: 'EDITOR',
    organizationId: UP_PARTY_ID,
    unit: { level: 'district', nameLatin: 'Lucknow' },
  },
  {
    email: 'mandal.editor@up.demo',
    displayName: 'Lucknow mandal editor',
    role: 'EDITOR',
    organizationId: UP_PARTY_ID,
    unit: { level: 'mandal', under: { level: 'district', nameLatin: 'Lucknow' } },
  },
  {
    email: 'province.admin@phutho.demo',
    displayName: 'Phú Thọ province admin',
    role: 'ADMIN',
    organizationId: PHU_THO_UNION_ID,
    unit: { level: 'province' },
  },
  {
    email: 'viettri.editor@phutho.demo',
    displayName: 'Việt Trì editor',
    role: 'EDITOR',
    organizationId: PHU_THO_UNION_ID,
    unit: { level: 'district', nameLatin: 'Thanh pho Viet Tri' },
  },
];

export interface AccountSeedSummary {
  superadmin: {
    email: string;
    created: boolean;
    passwordChanged: boolean;
    /** Printed once, when generated. */ generatedPassword?: string;
  };
  demoAccounts: number;
}

/** The first unit (by code) matching a demo account's description, or null when that organisation is not loaded. */
async function findUnit(manager: EntityManager, organizationId: string, unit: DemoAccount['unit']): Promise<string | null> {
  const rows: { id: string }[] = await manager.query(
    `SELECT u.id FROM org_unit u
      WHERE u.organization_id = $1 AND u.level = $2 AND ($3::text IS NULL OR u.name_latin = $3) AND u.deleted_at IS NULL
        AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM org_unit p WHERE p.id = ANY(u.path) AND p.level = $4 AND p.name_latin = $5))
      ORDER BY u.code LIMIT 1`,
    [organizationId, unit.level, unit.nameLatin ?? null, unit.under?.level ?? null, unit.under?.nameLatin ?? null],
  );
  return rows[0]?.id ?? null;
}

/**
 * The first superadmin and the demo accounts. With ADMIN_EMAIL and ADMIN_PASSWORD the superadmin is
 * created, or its password updated when it changed; without them, when there is no superadmin yet, one
 * is created with a generated password that the caller prints once. Safe to run again.
 */
export async function seedAccounts(
  dataSource: DataSource,
  options: { adminEmail?: string; adminPassword?: string; log?: (message: string) => void } = {},
): Promise<AccountSeedSummary> {
  const log = options.log ?? (() => undefined);
  if (Boolean(options.adminEmail) !== Boolean(options.adminPassword)) {
    throw new ConfigError(options.adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', 'must be set together with the other');
  }
  if (options.adminPassword) {
    const problem = passwordProblem(options.adminPassword, options.adminEmail);
    if (problem) throw new ConfigError('ADMIN_PASSWORD', problem);
  }
  // Audited as the system's seed job.
  return runAsSystem('seed', () =>
    dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['sangathan-seed-accounts']);
      let superadmin: AccountSeedSummary['superadmin'];
      if (options.adminEmail && options.adminPassword) {
        const result = await AccountService.upsertForSeed(manager, {
          email: options.adminEmail.trim().toLowerCase(),
          displayName: 'Superadmin',
          role: 'SUPERADMIN',
          scopeUnitId: null,
          organizationId: null,
          password: options.adminPassword,
        });
        superadmin = { email: options.adminEmail, ...result };
      } else {
        const existing = await manager.findOne(Account, { where: { role: 'SUPERADMIN' }, order: { createdAt: 'ASC' } });
        if (existing) superadmin = { email: existing.email, created: false, passwordChanged: false };
        else {
          const generatedPassword = generatePassword();
          await AccountService.upsertForSeed(manager, {
            email: DEFAULT_ADMIN_EMAIL,
            displayName: 'Superadmin',
            role: 'SUPERADMIN',
            scopeUnitId: null,
            organizationId: null,
            password: generatedPassword,
          });
          superadmin = { email: DEFAULT_ADMIN_EMAIL, created: true, passwordChanged: false, generatedPassword };
        }
      }
      let demoAccounts = 0;
      for (const demo of DEMO_ACCOUNTS) {
        const unitId = await findUnit(manager, demo.organizationId, demo.unit);
        if (!unitId) continue;
        const exists = await manager
          .createQueryBuilder(Account, 'a')
          .where('lower(a.email) = :email', { email: demo.email })
          .withDeleted()
          .getCount();
        if (!exists) {
          await AccountService.upsertForSeed(manager, {
            email: demo.email,
            displayName: demo.displayName,
            role: demo.role,
            scopeUnitId: unitId,
            organizationId: demo.organizationId,
            password: DEMO_PASSWORD,
          });
        }
        demoAccounts++;
      }
      log(
        `accounts: superadmin ${superadmin.email}${superadmin.created ? ' created' : ''}${superadmin.passwordChanged ? ', password updated' : ''}; ${demoAccounts} demo accounts`,
      );
      return { superadmin, demoAccounts };
    }),
  );
}
