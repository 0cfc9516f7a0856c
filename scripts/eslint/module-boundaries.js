// ESLint rules that keep the module template honest (docs/ARCHITECTURE.md, "A module"):
// - another module is reached only through its public surface (`<module>.public.ts`);
//   only src/server/app.ts imports route files;
// - only repositories (`*.repo.ts`) and src/server/db/ import tables or the query builder;
// - modules do not depend on each other in a cycle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const MODULES = path.join(ROOT, 'src/server/modules');
const rel = (f) => path.relative(ROOT, f).split(path.sep).join('/');

/** The module a file belongs to, or null. */
function moduleOf(file) {
  const r = path.relative(MODULES, file);
  if (r.startsWith('..') || path.isAbsolute(r)) return null;
  const parts = r.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

function sourcesOf(node) {
  if (node.type === 'ImportExpression') return node.source.type === 'Literal' ? node.source.value : null;
  return node.source ? node.source.value : null;
}

function resolveFrom(file, spec) {
  if (typeof spec !== 'string' || !spec.startsWith('.')) return null;
  return path.resolve(path.dirname(file), spec);
}

let graphCache = null;
/** Module → modules it imports, read once per lint run from every module file. */
function moduleGraph() {
  if (graphCache) return graphCache;
  const graph = new Map();
  const walk = (dir) => {
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e)) {
        const from = moduleOf(p);
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
          const to = moduleOf(path.resolve(path.dirname(p), m[1]));
          if (from && to && to !== from) {
            if (!graph.has(from)) graph.set(from, new Set());
            graph.get(from).add(to);
          }
        }
      }
    }
  };
  walk(MODULES);
  graphCache = graph;
  return graph;
}

/** A path from `from` back to `to` through the module graph, if any (then from→to closes a cycle). */
function pathBack(graph, from, to) {
  const seen = new Set([to]);
  const queue = [[to]];
  while (queue.length) {
    const trail = queue.shift();
    const last = trail[trail.length - 1];
    for (const next of graph.get(last) ?? []) {
      if (next === from) return [...trail, next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...trail, next]);
      }
    }
  }
  return null;
}

const publicSurface = {
  meta: { type: 'problem', docs: { description: "Reach another module only through its <module>.public.ts; route files only from app.ts; no module cycles" }, schema: [] },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    const inApp = rel(file) === 'src/server/app.ts';
    const check = (node) => {
      const target = resolveFrom(file, sourcesOf(node));
      if (!target) return;
      const other = moduleOf(target);
      if (!other || other === own) return;
      const base = path.basename(target);
      const ok = base.endsWith('.public.ts') || (inApp && base.endsWith('.routes.ts'));
      if (!ok) {
        context.report({ node, message: `Import ${other}'s public surface (src/server/modules/${other}/${other}.public.ts), not ${rel(target)}: only a module itself uses its internals.` });
        return;
      }
      if (own) {
        const back = pathBack(moduleGraph(), own, other);
        if (back) context.report({ node, message: `Module cycle: ${[own, ...back].join(' → ')}. Move the shared piece down a layer or invert the call.` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const repoOnly = {
  meta: { type: 'problem', docs: { description: 'Only repositories and src/server/db import tables or the query builder' }, schema: [] },
  create(context) {
    const file = rel(context.filename);
    if (file.endsWith('.repo.ts') || file.startsWith('src/server/db/')) return {};
    const check = (node) => {
      const spec = sourcesOf(node);
      if (typeof spec !== 'string') return;
      const target = resolveFrom(context.filename, spec);
      const isSchema = target !== null && (rel(target) === 'src/server/db/schema.ts' || rel(target).startsWith('src/server/db/schema/'));
      const isBuilder = spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/');
      if (isSchema || isBuilder) context.report({ node, message: `Only *.repo.ts files (and src/server/db/) touch tables or the query builder; ask the owning module's repository instead (${spec}).` });
    };
    return { ImportDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'public-surface': publicSurface, 'repo-only': repoOnly } };
