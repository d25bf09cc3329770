import { readFileSync } from 'node:fs';
import { configSchema, SERVER_NODE_FLAGS } from '@conduit/composition';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const SETTINGS = new Set(Object.keys(configSchema.shape));

/** The deployment files are not run by `pnpm test` (see `pnpm test:deploy`); what can drift without running them is checked here. */
describe('deployment files', () => {
  it('compose.yaml: the services, their order, and only settings the server knows', () => {
    // With merge keys resolved, as compose resolves them.
    const compose = parse(read('compose.yaml'), { merge: true });
    const services = compose.services as Record<
      string,
      { environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; command?: string[] }
    >;
    expect(Object.keys(services).sort()).toEqual([
      'api-1',
      'api-2',
      'jaeger',
      'migrate',
      'postgres',
      'postgres-replica',
      'redis',
      'worker',
    ]);
    for (const name of ['api-1', 'api-2', 'worker']) {
      expect(services[name]?.depends_on?.migrate?.condition, name).toBe('service_completed_successfully');
      for (const setting of Object.keys(services[name]?.environment ?? {})) expect(SETTINGS, `${name}: ${setting}`).toContain(setting);
    }
    expect(services.migrate?.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(services.migrate?.command).toEqual(['conduit', 'migrate']);
    expect(services.worker?.command).toEqual(['conduit', 'worker']);
    expect(services['api-1']?.environment?.JOB_WORKERS).toBe('0');
  });

  it('Kubernetes: every manifest parses, is listed in the kustomization, and sets only known settings', () => {
    const kustomization = parse(read('deploy/kubernetes/kustomization.yaml')) as { resources: string[] };
    const kinds = kustomization.resources.flatMap((file) =>
      parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((doc) => doc.toJS().kind),
    );
    // Two secrets: the runtime role's for every pod, the owner's for the migrate Job alone.
    expect(kinds.sort()).toEqual(['ConfigMap', 'Deployment', 'Deployment', 'Job', 'PodDisruptionBudget', 'Secret', 'Secret', 'Service']);
    const config = parse(read('deploy/kubernetes/configmap.yaml')).data as Record<string, string>;
    const secrets = parseAllDocuments(read('deploy/kubernetes/secret.example.yaml')).map(
      (doc) => doc.toJS() as { metadata: { name: string }; stringData: Record<string, string> },
    );
    for (const setting of [...Object.keys(config), ...secrets.flatMap((secret) => Object.keys(secret.stringData))]) {
      expect(SETTINGS, setting).toContain(setting);
    }
    expect(secrets.find((secret) => secret.metadata.name === 'conduit')?.stringData).not.toHaveProperty('DATABASE_MIGRATION_URL');
    const api = parse(read('deploy/kubernetes/api-deployment.yaml')).spec.template.spec;
    expect(JSON.stringify(api.containers[0].envFrom)).not.toContain('conduit-migrate');
    // The grace period covers preStop, the drain delay and the shutdown grace.
    const preStopSeconds = Number(api.containers[0].lifecycle.preStop.exec.command[1]);
    const needed = preStopSeconds + (Number(config.SHUTDOWN_DRAIN_DELAY_MS) + Number(config.SHUTDOWN_GRACE_MS)) / 1000;
    expect(api.terminationGracePeriodSeconds).toBeGreaterThan(needed);
  });

  it("every launcher of a server passes its node flags (V8's heap is sized before any code runs)", () => {
    const flags = SERVER_NODE_FLAGS.join(' ');
    const cmd = /^CMD (\[.*\])$/m.exec(read('Containerfile'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...SERVER_NODE_FLAGS, 'apps/server/dist/main.js']);
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toContain(`exec node ${flags} apps/server/dist/main.js`);
  });
});
