/**
 * Every input of every route, read from the OpenAPI document the app builds from its schemas:
 * for tests that check a rule on all of them (ranges, text), so a new route cannot be forgotten.
 */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

export interface RouteInput {
  method: string;
  /** OpenAPI path, with {param} placeholders. */
  path: string;
  where: 'body' | 'querystring' | 'params';
  /** Property name (top level of the body, or the parameter's name). */
  name: string;
  schema: SchemaNode;
}

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: SchemaNode }[]; requestBody?: { content?: Record<string, { schema?: SchemaNode }> } }>>;
}

export function routeInputs(doc: unknown): RouteInput[] {
  const out: RouteInput[] = [];
  for (const [path, ops] of Object.entries((doc as OpenApi).paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const p of op.parameters ?? []) {
        if (p.in === 'query' || p.in === 'path') out.push({ method: method.toUpperCase(), path, where: p.in === 'query' ? 'querystring' : 'params', name: p.name, schema: p.schema });
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      for (const [name, schema] of Object.entries(body?.properties ?? {})) out.push({ method: method.toUpperCase(), path, where: 'body', name, schema });
    }
  }
  return out;
}

/** Every leaf schema under a node, with the path of properties and array items leading to it. */
export function leaves(node: SchemaNode, path: string[] = []): { path: string[]; schema: SchemaNode }[] {
  const alternatives = node.anyOf ?? node.oneOf ?? node.allOf;
  if (alternatives) return alternatives.flatMap((n) => leaves(n, path));
  if (node.properties) return Object.entries(node.properties).flatMap(([k, n]) => leaves(n, [...path, k]));
  if (node.items) return leaves(node.items, [...path, '0']);
  return [{ path, schema: node }];
}

export const hasType = (s: SchemaNode, type: string) => s.type === type || (Array.isArray(s.type) && s.type.includes(type));
