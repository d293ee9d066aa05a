/**
 * One Vite config, three builds (see package.json "build"):
 *   vite build                 → the React renderer        → dist/renderer
 *   vite build --mode main     → main process, engine worker, browser bridge → dist-electron/*.js (ESM, Node)
 *   vite build --mode preload  → the sandboxed preload     → dist-electron/preload.cjs (one CJS file)
 *   vite build --mode cli      → the `forewarn` command    → dist-cli/main.js (built by `prepare` at npm ci;
 *                                electron/cli/bin.mjs falls back to the sources when it is stale)
 * None of them needs the Electron binary.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const nodeExternals = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}),
];

const renderer: UserConfig = {
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: here('./dist/renderer'), emptyOutDir: true, target: 'chrome120' },
};

const main: UserConfig = {
  build: {
    outDir: here('./dist-electron'),
    emptyOutDir: false,
    target: 'node20',
    ssr: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        main: here('./electron/main/main.ts'),
        'engine-worker': here('./electron/engine/worker.ts'),
        'assessment-decoder': here('./electron/host/library/decode-worker.ts'),
        'report-renderer': here('./electron/host/library/report-worker.ts'),
      },
      external: nodeExternals,
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
};

const preload: UserConfig = {
  build: {
    outDir: here('./dist-electron'),
    emptyOutDir: false,
    target: 'node20',
    ssr: true,
    rollupOptions: {
      input: { preload: here('./electron/preload/preload.ts') },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
  ssr: { noExternal: true },
};

/**
 * zod and net-snmp are bundled into the command: resolving and loading their
 * ~110 module files is most of a scan's start-up (measured in the lab: first
 * event ~260 ms after process start with them external, ~160 ms bundled). The
 * app's builds keep them external; only the command starts once per run.
 */
const CLI_BUNDLED = ['zod', 'net-snmp'];

const cli: UserConfig = {
  ssr: { noExternal: CLI_BUNDLED },
  build: {
    outDir: here('./dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    rollupOptions: {
      input: { main: here('./electron/cli/main.ts') },
      external: nodeExternals.filter((m) => !CLI_BUNDLED.includes(m)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
};

const builds: Record<string, UserConfig> = { main, preload, cli };

export default defineConfig(({ mode }) => builds[mode] ?? renderer);
