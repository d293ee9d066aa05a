// Lint also guards the architecture: shared/ is pure, the engine never sees
// electron, and raw ipcMain/ipcRenderer stay inside the typed wrappers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'dgram', 'net', 'dns', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', ...nodeBuiltins, 'react', 'react-dom'], message: 'shared/ is pure: no Node, no Electron, no DOM.' }] }],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts', 'electron/bridge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The engine, CLI and bridge run in plain Node: never import electron.' }] }],
    },
  },
  {
    // Raw IPC only in the typed wrappers: ipcMain in electron/main/ipc.ts, ipcRenderer in the preload.
    // (The composition root may hand ipcMain to the wrapper; it may not call it.)
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain']", message: 'Use registerIpcHandlers (electron/main/ipc.ts): every channel typed, validated and sender-checked.' },
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'ipcRenderer belongs to the preload (electron/preload/forewarn-api.ts).' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'ipcRenderer belongs to the preload (electron/preload/forewarn-api.ts).' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', ...nodeBuiltins, '../electron/*', '../../electron/*'], message: 'The renderer talks to the app only through window.forewarn.' }] }],
    },
  },
);
