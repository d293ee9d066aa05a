/**
 * What the packaged app ships: electron-builder copies package.json's "dependencies" and no devDependency.
 * The main-side builds (main, engine, workers) and the CLI bundle leave npm packages external, so every
 * package the main side, the engine, the report and the CLI import must be a dependency; packages only
 * the renderer imports are bundled by Vite and belong in devDependencies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Development-only parts of electron/: the browser bridge serves the tests; the CLI's tsx fallback runs the sources of a checkout. */
const DEV_ONLY = ['electron/bridge'];
/** Provided by the runtime, or loaded only in a checkout (bin.mjs falls back to tsx when the bundle is older than the sources). */
const PROVIDED = new Set(['electron', 'tsx']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (DEV_ONLY.includes(relative(ROOT, path))) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(?:ts|tsx|mts|mjs)$/.test(name) ? [path] : [];
  });
}

/** The npm packages a file imports (static, dynamic and type-only imports alike; types are erased, which is harmless). */
function packagesImported(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"./][^'"]*)['"]/g)].map((m) => m[1]!);
  return specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]!))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

function importsOf(dirs: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of dirs) for (const file of sources(join(ROOT, dir))) for (const name of packagesImported(file)) if (!found.has(name)) found.set(name, relative(ROOT, file));
  return found;
}

describe('packaged dependencies (package.json)', () => {
  it('lists every package the main side, engine, report and CLI import as a dependency', () => {
    const missing = [...importsOf(['electron', 'shared'])].filter(([name]) => !PROVIDED.has(name) && !(name in pkg.dependencies));
    expect(missing, 'imported by the main side but not a dependency: [package, first importer]').toEqual([]);
  });

  it('keeps renderer-only packages (bundled by Vite) out of the dependencies electron-builder ships', () => {
    const mainSide = importsOf(['electron', 'shared']);
    const rendererOnly = [...importsOf(['renderer/src']).keys()].filter((name) => !mainSide.has(name));
    expect(rendererOnly.length).toBeGreaterThan(0);
    expect(rendererOnly.filter((name) => name in pkg.dependencies)).toEqual([]);
    for (const name of ['react-dom', 'zustand', 'cytoscape', 'tsx']) expect(pkg.devDependencies, name).toHaveProperty(name);
  });
});
