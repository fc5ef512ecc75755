// docker-compose.replicas.yml cannot be run here (no Docker engine); this checks it against
// docker-compose.yml and the gateway's subgraphs: it only multiplies subgraph services that exist and
// can be multiplied (no fixed container name, no published host port).
import { SUBGRAPHS } from '@sangathan/gateway';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');

function load(file: string): { errors: string[]; services: Record<string, Record<string, unknown>> } {
  const document = parseDocument(fs.readFileSync(path.join(ROOT, file), 'utf8'), { uniqueKeys: true });
  const content = document.toJS() as { services?: Record<string, Record<string, unknown>> };
  return { errors: [...document.errors, ...document.warnings].map((error) => error.message), services: content.services ?? {} };
}

const base = load('docker-compose.yml');
const override = load('docker-compose.replicas.yml');

describe('docker-compose.replicas.yml', () => {
  it('parses without errors or warnings', () => {
    expect(override.errors).toEqual([]);
  });

  it('runs two replicas of every subgraph service and of nothing else', () => {
    const replicas = Object.fromEntries(
      Object.entries(override.services).map(([name, service]) => [name, (service.deploy as { replicas?: unknown } | undefined)?.replicas]),
    );
    expect(replicas).toEqual(Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, 2])));
  });

  it('overrides only services docker-compose.yml has, none with a container name or a published port', () => {
    for (const name of Object.keys(override.services)) {
      const service = base.services[name];
      expect({ name, exists: service !== undefined }).toEqual({ name, exists: true });
      expect({ name, container_name: service.container_name, ports: service.ports }).toEqual({
        name,
        container_name: undefined,
        ports: undefined,
      });
      expect({ name, override: Object.keys(override.services[name]) }).toEqual({ name, override: ['deploy'] });
    }
  });
});
