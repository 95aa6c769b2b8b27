import type { FastifyInstance } from 'fastify';

export interface ServedRoute {
  method: string;
  /** Fastify's path, parameters as `:name`. */
  path: string;
}

/**
 * Every module route the app serves under /api, read from Fastify's own route tree (not a list
 * kept by hand), so a route added tomorrow is in it. The API documentation is left out.
 */
export function apiRoutes(app: FastifyInstance): ServedRoute[] {
  const stack: string[] = [];
  const out = new Map<string, ServedRoute>();
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?) \(([^)]*)\)$/.exec(line) ?? /^([│ ]*)[├└]── (.*)$/.exec(line);
    if (!m) continue;
    stack.length = m[1].length / 4;
    stack.push(m[2]);
    const path = stack.join('').replace(/\/$/, '') || '/';
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) out.set(`${method} ${path}`, { method, path });
  }
  return [...out.values()].filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && r.path !== '/api/openapi.json');
}

/** A URL that reaches the route: every parameter filled with a well-formed id. */
export const reachable = (path: string) => path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000001');

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
