import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A manifest of deploy/kubernetes, parsed. */
// biome-ignore lint/suspicious/noExplicitAny: YAML of any shape; the test reads the fields it needs.
export const manifest = (root: string, name: string): any => parse(readFileSync(join(root, 'deploy/kubernetes', name), 'utf8'));

type Container = Record<string, unknown> & {
  envFrom?: unknown;
  ports?: unknown;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  lifecycle?: unknown;
};
export type PodSpec = Record<string, unknown> & { containers: Container[] };

/**
 * A Pod from a manifest's pod template, as the cluster would make it: the ConfigMap's settings and
 * the Secret's values as the environment (podman resolves no references to them), on the host's
 * network (each replica listens on its own PORT; container ports are not mapped). Probes and
 * preStop are left to the test, which waits on /readyz itself: podman runs probes with curl, which
 * the image does not carry.
 */
export const podFrom = (image: string, name: string, template: PodSpec, env: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { 'app.kubernetes.io/part-of': 'conduit-deploy-test' } },
  spec: {
    ...template,
    hostNetwork: true,
    containers: template.containers.map(
      ({ envFrom: _e, livenessProbe: _l, readinessProbe: _r, startupProbe: _s, lifecycle: _c, ports: _p, ...container }) => ({
        ...container,
        image,
        env: Object.entries(env).map(([key, value]) => ({ name: key, value })),
      }),
    ),
  },
});
