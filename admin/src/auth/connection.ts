import type { IntrospectionResult } from 'ra-data-graphql';
import { HttpError } from 'react-admin';
import { buildDataProvider, type ResourceOverride, type SangathanDataProvider } from '../dataProvider';
import { canSeePersonalData, PERSONAL_FIELDS } from './permissions';
import type { Account, Session } from './session';

export interface ConnectionState {
  /** The schema as the signed-in account's data provider read it; null before the first sign-in. */
  introspection: IntrospectionResult | null;
  /** Changes when another account took over without a sign-out in between (another tab signed in): the admin starts afresh. */
  generation: number;
}

const METHODS = [
  'getList',
  'getOne',
  'getMany',
  'getManyReference',
  'create',
  'update',
  'updateMany',
  'delete',
  'deleteMany',
  'restore',
  'getAll',
  'query',
  'mutate',
] as const;

/**
 * The data provider of whoever is signed in: built after sign-in, and again when another account signs in
 * (a viewer's queries leave out personal fields). react-admin holds one stable `dataProvider` that hands
 * each call to the current one.
 */
export class Connection {
  private current: { key: string; accountId: string; provider: SangathanDataProvider } | null = null;
  private building: { key: string; promise: Promise<SangathanDataProvider> } | null = null;
  private lastAccountId: string | null = null;
  private state: ConnectionState = { introspection: null, generation: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: Session,
    private readonly resources: { name: string; data?: ResourceOverride }[],
  ) {
    // A renewal that brought another account (someone signed in as someone else in another tab).
    session.subscribe((account) => {
      if (account && this.current && this.current.accountId !== account.id) void this.ready(account).catch(() => undefined);
    });
  }

  /** The provider for this account, built (introspection and all) unless it already is. */
  ready(account: Account): Promise<SangathanDataProvider> {
    const key = `${account.id}:${account.role}`;
    if (this.current?.key === key) return Promise.resolve(this.current.provider);
    if (this.building?.key === key) return this.building.promise;
    const promise = buildDataProvider(this.resources, {
      fetch: this.session.authFetch,
      hiddenFields: canSeePersonalData(account.role) ? {} : PERSONAL_FIELDS,
    }).then(
      (provider) => {
        if (this.building?.promise !== promise) return provider;
        this.building = null;
        const switched = this.lastAccountId !== null && this.lastAccountId !== account.id;
        this.current = { key, accountId: account.id, provider };
        this.lastAccountId = account.id;
        this.update({ introspection: provider.introspection, generation: this.state.generation + (switched ? 1 : 0) });
        return provider;
      },
      (error) => {
        if (this.building?.promise === promise) this.building = null;
        throw error;
      },
    );
    this.building = { key, promise };
    return promise;
  }

  /** After sign-out: nothing is asked for until the next sign-in builds a provider again. */
  reset() {
    this.current = null;
    this.building = null;
    this.lastAccountId = null;
  }

  /**
   * The current account's provider. On page load a form's reference choices may ask before checkAuth has
   * restored the session and built it: they wait for that. Signed out, a call is a 401, which leads to sign-in.
   */
  private async provider(): Promise<SangathanDataProvider> {
    if (this.current) return this.current.provider;
    if (this.building) return this.building.promise;
    const account = this.session.account ?? (await this.session.restore());
    if (!account) throw new HttpError('ra.auth.auth_check_error', 401);
    return this.ready(account);
  }

  /** The stable provider react-admin holds; each call goes to the signed-in account's. */
  readonly dataProvider: SangathanDataProvider = Object.fromEntries(
    METHODS.map((method) => [
      method,
      async (...args: unknown[]) => {
        const provider = await this.provider();
        return (provider[method] as (...params: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as SangathanDataProvider;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.state;

  private update(next: ConnectionState) {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
