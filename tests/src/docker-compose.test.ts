// docker-compose.yml and the Dockerfile cannot be run here (no Docker engine in CI), so this checks
// them against the code they deploy: the gateway's SUBGRAPHS and config, the services' ports and
// databases, and the workspaces in package.json.
import { EnvReader, readHttpConfig } from '@sangathan/common';
import { loadGatewayConfig, SUBGRAPHS } from '@sangathan/gateway';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const POSTGRES = 'postgres';

// ---------------------------------------------------------------------------------------------
// docker-compose.yml, normalised (compose accepts several spellings of the same thing)

interface Port {
  published?: number;
  target: number;
}

interface Service {
  name: string;
  raw: Record<string, unknown>;
  build?: unknown;
  command: string[];
  environment: Record<string, string>;
  ports: Port[];
  /** Service name to condition; the list form means service_started. */
  dependsOn: Record<string, string>;
  /** The healthcheck command as one string, or undefined when there is none (or it is disabled). */
  healthcheck?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`${what} should be a mapping, got ${JSON.stringify(value)}`);
  return value;
}

/** The database passwords compose requires (${NAME:?message}): the superuser's and each subgraph's role's. */
const REQUIRED_PASSWORDS = ['POSTGRES_PASSWORD', ...SUBGRAPHS.map((subgraph) => `${subgraph.name.toUpperCase()}_DB_PASSWORD`)];
/** What an operator sets (e.g. in .env): every required password, each different. */
const OPERATOR_ENV: Record<string, string> = Object.fromEntries(REQUIRED_PASSWORDS.map((name) => [name, `pw-${name.toLowerCase()}`]));

/**
 * ${NAME:-default} / ${NAME-default} / ${NAME:?message} / ${NAME} as compose resolves them with
 * OPERATOR_ENV set; a required variable that is not set fails with its message, as compose does.
 */
function interpolate(value: string, env: Record<string, string> = OPERATOR_ENV): string {
  return value
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-|:?\?)([^}]*))?\}/g, (_match, name: string, operator?: string, text?: string) => {
      const set = env[name];
      if (operator?.endsWith('?')) {
        if (!set) throw new Error(`required variable ${name} is missing a value: ${text}`);
        return set;
      }
      return set ?? text ?? '';
    })
    .replace(/\$\$/g, '$');
}

function stringList(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.map(String);
  throw new Error(`${what} should be a string or a list`);
}

function environment(value: unknown, what: string): Record<string, string> {
  if (value === undefined) return {};
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((entry) => {
        const [key, ...rest] = String(entry).split('=');
        return [key, interpolate(rest.join('='))];
      }),
    );
  }
  return Object.fromEntries(Object.entries(record(value, what)).map(([key, entry]) => [key, interpolate(String(entry ?? ''))]));
}

/** "4000:4000", "127.0.0.1:4000:4000/tcp", "4000" or { target, published }. */
function ports(value: unknown, what: string): Port[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${what} should be a list`);
  return value.map((entry) => {
    if (isRecord(entry)) {
      return {
        target: Number(entry.target),
        published: entry.published === undefined ? undefined : Number(interpolate(String(entry.published))),
      };
    }
    const parts = interpolate(String(entry))
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const target = Number(parts[parts.length - 1]);
    return { target, published: parts.length > 1 ? Number(parts[parts.length - 2]) : undefined };
  });
}

function dependsOn(value: unknown, what: string): Record<string, string> {
  if (value === undefined) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((name) => [String(name), 'service_started']));
  return Object.fromEntries(
    Object.entries(record(value, what)).map(([name, options]) => [
      name,
      String(record(options ?? {}, `${what}.${name}`).condition ?? 'service_started'),
    ]),
  );
}

function healthcheck(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  const check = record(value, what);
  if (check.disable === true) return undefined;
  const test = stringList(check.test, `${what}.test`);
  if (test.length === 0 || test[0] === 'NONE') return undefined;
  return test.join(' ');
}

function loadCompose(): { errors: string[]; services: Map<string, Service>; top: Record<string, unknown> } {
  const document = parseDocument(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true, uniqueKeys: true });
  const errors = [...document.errors, ...document.warnings].map((error) => error.message);
  const top = record(document.toJS(), 'docker-compose.yml');
  const services = new Map<string, Service>();
  for (const [name, value] of Object.entries(record(top.services, 'services'))) {
    const raw = record(value, `services.${name}`);
    const where = `services.${name}`;
    services.set(name, {
      name,
      raw,
      build: raw.build,
      command: stringList(raw.command, `${where}.command`),
      environment: environment(raw.environment, `${where}.environment`),
      ports: ports(raw.ports, `${where}.ports`),
      dependsOn: dependsOn(raw.depends_on, `${where}.depends_on`),
      healthcheck: healthcheck(raw.healthcheck, `${where}.healthcheck`),
    });
  }
  return { errors, services, top };
}

const compose = loadCompose();

function service(name: string): Service {
  const found = compose.services.get(name);
  if (!found) throw new Error(`docker-compose.yml has no service "${name}" (it has ${[...compose.services.keys()].join(', ')})`);
  return found;
}

/** The port a service listens on inside its container: its port variable, else its default. */
function listeningPort(env: Record<string, string>, portVariable: string, defaultPort: number): number {
  return new EnvReader(env).port(portVariable, defaultPort);
}

const gatewayDefaults = loadGatewayConfig(new EnvReader({}));

const subgraphs = SUBGRAPHS.map((subgraph) => ({
  name: subgraph.name,
  urlVariable: subgraph.urlVariable,
  // The repo's convention (MEMBERSHIP_PORT, see scripts/services.js); the default comes from the gateway's default URL.
  portVariable: `${subgraph.name.toUpperCase()}_PORT`,
  defaultPort: Number(new URL(subgraph.defaultUrl).port),
}));

// ---------------------------------------------------------------------------------------------
// Dockerfile, as instructions grouped by stage

interface Instruction {
  stage: string;
  keyword: string;
  args: string;
}

function loadDockerfile(): Instruction[] {
  const lines = fs
    .readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line));
  const joined = lines.join('\n').replace(/\\\n/g, ' ');
  const instructions: Instruction[] = [];
  let stage = '';
  for (const line of joined.split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(.*?)\s*$/.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2];
    if (keyword === 'FROM') {
      const as = /\s+AS\s+(\S+)/i.exec(args);
      stage = as ? as[1] : `stage${instructions.filter((i) => i.keyword === 'FROM').length}`;
    }
    instructions.push({ stage, keyword, args });
  }
  return instructions;
}

interface Copy {
  stage: string;
  from?: string;
  sources: string[];
  destination: string;
}

function copies(instructions: Instruction[]): Copy[] {
  return instructions
    .filter((instruction) => instruction.keyword === 'COPY')
    .map((instruction) => {
      const words = instruction.args.startsWith('[') ? (JSON.parse(instruction.args) as string[]) : instruction.args.split(/\s+/);
      const flags = words.filter((word) => word.startsWith('--'));
      const paths = words.filter((word) => !word.startsWith('--'));
      const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
      return { stage: instruction.stage, from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
    });
}

const dockerfile = loadDockerfile();
const dockerCopies = copies(dockerfile);
const finalStage = dockerfile[dockerfile.length - 1]?.stage;

/** The stages a stage is built FROM, itself included (e.g. runtime -> manifests). */
function stageChain(stage: string): string[] {
  const from = dockerfile.find((instruction) => instruction.keyword === 'FROM' && instruction.stage === stage);
  const base = from?.args.split(/\s+/)[0];
  return base && base !== stage && dockerfile.some((instruction) => instruction.keyword === 'FROM' && instruction.stage === base)
    ? [stage, ...stageChain(base)]
    : [stage];
}

/** Files and folders put into the final image, as paths relative to the repo (or the build stage's WORKDIR). */
const inFinalImage = dockerCopies
  .filter((copy) => stageChain(finalStage).includes(copy.stage))
  .flatMap((copy) =>
    copy.sources.map((source) =>
      source
        .replace(/^\/app\//, '')
        .replace(/^\.\//, '')
        .replace(/\/$/, ''),
    ),
  );

function isInFinalImage(file: string): boolean {
  return inFinalImage.some((copied) => file === copied || file.startsWith(`${copied}/`));
}

// ---------------------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('parses as YAML without errors or warnings', () => {
    expect(compose.errors).toEqual([]);
    expect(compose.services.size).toBeGreaterThan(0);
  });

  it('runs postgres, membership and the gateway', () => {
    expect([...compose.services.keys()]).toEqual(expect.arrayContaining([POSTGRES, 'membership', 'gateway']));
  });

  it('runs postgres with a named volume and a pg_isready healthcheck', () => {
    const postgres = service(POSTGRES);
    expect(postgres.raw.image).toMatch(/^postgres:16/);
    expect(postgres.environment.POSTGRES_USER).toBeTruthy();
    expect(postgres.environment.POSTGRES_PASSWORD).toBe(OPERATOR_ENV.POSTGRES_PASSWORD);
    expect(postgres.healthcheck).toContain('pg_isready');
    const volumes = stringList(postgres.raw.volumes, 'services.postgres.volumes');
    const dataVolume = volumes.map((volume) => volume.split(':')).find(([, target]) => target === '/var/lib/postgresql/data');
    expect(dataVolume).toBeDefined();
    expect(Object.keys(record(compose.top.volumes ?? {}, 'volumes'))).toContain(dataVolume![0]);
  });

  /** One-off jobs (a profile keeps them out of `up`): the seed. */
  const isJob = (svc: Service) => svc.raw.profiles !== undefined;

  it('refuses to start without the database passwords, with a message naming each (no default password)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const uses = [...text.matchAll(/\$\{([A-Z_]*PASSWORD)(?:(:?[-?])([^}]*))?\}/g)].filter(([, name]) => name !== 'ADMIN_PASSWORD');
    expect(new Set(uses.map(([, name]) => name))).toEqual(new Set(REQUIRED_PASSWORDS));
    for (const [use, name, operator, message] of uses) {
      expect({ use, operator, message: message.includes(name) }).toEqual({ use, operator: ':?', message: true });
    }
    for (const missing of REQUIRED_PASSWORDS) {
      const env = Object.fromEntries(Object.entries(OPERATOR_ENV).filter(([name]) => name !== missing));
      expect(() => interpolate(text, env)).toThrow(`required variable ${missing} is missing a value: set ${missing}`);
    }
  });

  it('publishes the gateway’s port only: postgres and the subgraphs are reachable inside the compose network only', () => {
    const published = [...compose.services.values()].filter((svc) => svc.ports.length > 0).map((svc) => svc.name);
    expect(published).toEqual(['gateway']);
  });

  it('creates each subgraph’s role and database when the postgres volume is new (docker/postgres/init-roles.sh)', () => {
    const postgres = service(POSTGRES);
    const volumes = stringList(postgres.raw.volumes, 'services.postgres.volumes').map((volume) => volume.split(':'));
    const init = volumes.find(([, target]) => target.startsWith('/docker-entrypoint-initdb.d/'));
    expect(init?.[0]).toBe('./docker/postgres/init-roles.sh');
    expect(init?.[1]).toMatch(/\.sh$/);
    const script = path.join(ROOT, 'docker/postgres/init-roles.sh');
    expect(fs.statSync(script).mode & 0o111).toBe(0o111); // executed, not sourced, by the image's entrypoint
    expect(postgres.environment.SANGATHAN_SERVICES.split(/\s+/)).toEqual(SUBGRAPHS.map((subgraph) => subgraph.name));
    for (const subgraph of SUBGRAPHS) {
      const variable = `${subgraph.name.toUpperCase()}_DB_PASSWORD`;
      expect({ variable, value: postgres.environment[variable] }).toEqual({ variable, value: OPERATOR_ENV[variable] });
    }
  });

  it('runs the seed as a one-off job that reaches each database as its role', () => {
    const seed = service('seed');
    expect(seed.raw.profiles).toEqual(['tools']);
    expect(seed.command).toEqual(['node', 'scripts/seed.js']);
    expect(seed.dependsOn).toEqual({ [POSTGRES]: 'service_healthy' });
    expect(seed.environment.DATABASE_URL).toBeUndefined();
    for (const subgraph of SUBGRAPHS) {
      const url = new URL(seed.environment[`${subgraph.name.toUpperCase()}_DATABASE_URL`]);
      expect(url.toString()).toBe(service(subgraph.name).environment.DATABASE_URL);
    }
  });

  it('gives every service but postgres and the jobs a healthcheck, a restart policy and healthy dependencies', () => {
    for (const svc of compose.services.values()) {
      if (svc.name === POSTGRES || isJob(svc)) continue;
      expect({ service: svc.name, healthcheck: svc.healthcheck }).toEqual({
        service: svc.name,
        healthcheck: expect.stringContaining('/ready'),
      });
      expect({ service: svc.name, restart: svc.raw.restart }).toEqual({ service: svc.name, restart: 'unless-stopped' });
      expect({ service: svc.name, hasDependencies: Object.keys(svc.dependsOn).length > 0 }).toEqual({
        service: svc.name,
        hasDependencies: true,
      });
      for (const [dependency, condition] of Object.entries(svc.dependsOn)) {
        expect({ service: svc.name, dependency, condition }).toEqual({ service: svc.name, dependency, condition: 'service_healthy' });
        // service_healthy on a service without a healthcheck would wait forever.
        expect({ dependency, healthcheck: service(dependency).healthcheck }).toEqual({ dependency, healthcheck: expect.any(String) });
      }
    }
  });

  it('builds every application service from this repo (the Dockerfile) and runs an entry point that exists', () => {
    for (const svc of compose.services.values()) {
      if (svc.name === POSTGRES) continue;
      const context = typeof svc.build === 'string' ? svc.build : record(svc.build, `services.${svc.name}.build`).context;
      expect({ service: svc.name, context }).toEqual({ service: svc.name, context: '.' });
      expect(svc.command[0]).toBe('node');
      const entry = svc.command[1];
      // services/x/dist/index.js is compiled from services/x/src/index.ts (scripts/ are plain JavaScript), and must be in the image.
      const source = entry.includes('/dist/') ? entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts') : entry;
      expect({ entry, sourceExists: fs.existsSync(path.join(ROOT, source)) }).toEqual({ entry, sourceExists: true });
      expect({ entry, inImage: isInFinalImage(entry) }).toEqual({ entry, inImage: true });
    }
  });

  it('leaves introspection and "did you mean" suggestions off in every service (the image sets nothing either)', () => {
    const imageEnv = Object.fromEntries(
      dockerfile
        .filter((instruction) => instruction.keyword === 'ENV' && stageChain(finalStage).includes(instruction.stage))
        .flatMap((instruction) => instruction.args.split(/\s+/).map((pair) => pair.split('=') as [string, string])),
    );
    expect(imageEnv).not.toHaveProperty('GRAPHQL_INTROSPECTION');
    for (const svc of compose.services.values()) {
      if (svc.name === POSTGRES) continue;
      const http = readHttpConfig(new EnvReader({ ...imageEnv, ...svc.environment }));
      expect({ service: svc.name, introspection: http.introspection }).toEqual({ service: svc.name, introspection: false });
    }
  });

  describe.each(subgraphs)('subgraph $name', (subgraph) => {
    const port = (): number => listeningPort(service(subgraph.name).environment, subgraph.portVariable, subgraph.defaultPort);

    it('is a compose service listening on its default port', () => {
      expect(service(subgraph.name).command).toEqual(['node', `services/${subgraph.name}/dist/index.js`]);
      expect(port()).toBe(subgraph.defaultPort);
    });

    it('is reached by the gateway through its URL variable, and awaited healthy', () => {
      const gateway = service('gateway');
      expect(gateway.environment[subgraph.urlVariable]).toBe(`http://${subgraph.name}:${port()}/graphql`);
      expect(gateway.dependsOn[subgraph.name]).toBe('service_healthy');
    });

    it('is health-checked on its own port', () => {
      expect(service(subgraph.name).healthcheck).toContain(`http://localhost:${port()}/ready`);
    });

    it('uses its own database on the postgres service, as its own role (not the superuser)', () => {
      const svc = service(subgraph.name);
      const postgres = service(POSTGRES);
      const url = new URL(svc.environment.DATABASE_URL);
      expect(url.protocol).toBe('postgres:');
      expect(url.hostname).toBe(POSTGRES);
      expect(url.port === '' || url.port === '5432').toBe(true);
      expect(decodeURIComponent(url.pathname.slice(1))).toBe(subgraph.name);
      expect(decodeURIComponent(url.username)).toBe(subgraph.name);
      expect(decodeURIComponent(url.username)).not.toBe(postgres.environment.POSTGRES_USER);
      expect(decodeURIComponent(url.password)).toBe(postgres.environment[`${subgraph.name.toUpperCase()}_DB_PASSWORD`]);
      expect(svc.dependsOn[POSTGRES]).toBe('service_healthy');
    });
  });

  it('sets no subgraph URL the gateway does not know', () => {
    const known = new Set<string>(SUBGRAPHS.map((subgraph) => subgraph.urlVariable));
    const urlVariables = Object.keys(service('gateway').environment).filter((key) => /_URL$/.test(key));
    expect(urlVariables.filter((key) => !known.has(key))).toEqual([]);
  });

  it('gives the gateway a configuration its own loader accepts, on the default port, health-checked and published', () => {
    const gateway = service('gateway');
    const config = loadGatewayConfig(new EnvReader(gateway.environment));
    expect(config.port).toBe(gatewayDefaults.port);
    expect(gatewayDefaults.port).toBe(4000);
    expect(gateway.healthcheck).toContain(`http://localhost:${config.port}/ready`);
    expect(gateway.ports).toContainEqual({ published: 4000, target: config.port });
  });

  it('publishes only ports that match what each container listens on', () => {
    const listening = new Map<string, number>([
      [POSTGRES, 5432],
      ['gateway', loadGatewayConfig(new EnvReader(service('gateway').environment)).port],
      ...subgraphs.map((subgraph): [string, number] => [
        subgraph.name,
        listeningPort(service(subgraph.name).environment, subgraph.portVariable, subgraph.defaultPort),
      ]),
    ]);
    for (const svc of compose.services.values()) {
      for (const published of svc.ports) {
        expect({ service: svc.name, target: published.target }).toEqual({ service: svc.name, target: listening.get(svc.name) });
      }
    }
  });
});

describe('Dockerfile', () => {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };

  it('makes the subgraphs listen on every interface of their container (outside Docker they default to 127.0.0.1)', () => {
    const env = dockerfile.filter((instruction) => stageChain(finalStage).includes(instruction.stage) && instruction.keyword === 'ENV');
    expect(env.map((instruction) => instruction.args)).toContain('LISTEN_HOST=0.0.0.0');
  });

  it('has a build stage and a final stage running as the unprivileged node user', () => {
    expect(dockerfile.filter((instruction) => instruction.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    const users = dockerfile.filter((instruction) => instruction.stage === finalStage && instruction.keyword === 'USER');
    expect(users.map((user) => user.args)).toEqual(['node']);
    expect(dockerfile.some((instruction) => instruction.stage === finalStage && instruction.keyword === 'CMD')).toBe(true);
  });

  const npmCiRuns = dockerfile.flatMap((instruction, index) =>
    instruction.keyword === 'RUN' && /\bnpm ci\b/.test(instruction.args) ? [index] : [],
  );

  /** What the build context has put into the image by the time instruction `index` runs. */
  function copiedBefore(index: number): string[] {
    const chain = stageChain(dockerfile[index].stage);
    return dockerfile
      .slice(0, index)
      .filter((instruction) => chain.includes(instruction.stage))
      .flatMap((instruction) => copies([instruction]))
      .filter((copy) => copy.from === undefined)
      .flatMap((copy) => copy.sources.map((source) => source.replace(/^\.\//, '')));
  }

  it('runs npm ci in the build stage and (production only) in the final stage', () => {
    expect(npmCiRuns.length).toBeGreaterThanOrEqual(2);
    expect(
      npmCiRuns.some((index) => stageChain(finalStage).includes(dockerfile[index].stage) && /--omit=dev/.test(dockerfile[index].args)),
    ).toBe(true);
  });

  it.each(rootPackage.workspaces)('copies the %s workspace package.json before every npm ci', (workspace) => {
    for (const index of npmCiRuns) {
      expect({ stage: dockerfile[index].stage, copied: copiedBefore(index) }).toEqual({
        stage: dockerfile[index].stage,
        copied: expect.arrayContaining(['package.json', 'package-lock.json', `${workspace}/package.json`]),
      });
    }
  });

  it('puts the gateway, every subgraph, the shared library, the supergraph and the seed script in the final image', () => {
    const needed = [
      'gateway/dist/main.js',
      'gateway/supergraph.graphql',
      'services/common/dist/index.js',
      'scripts/seed.js',
      'scripts/services.js',
      ...SUBGRAPHS.map((subgraph) => `services/${subgraph.name}/dist/index.js`),
    ];
    expect(needed.filter((file) => !isInFinalImage(file))).toEqual([]);
  });
});
