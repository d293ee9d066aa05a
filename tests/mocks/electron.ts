/** Minimal stand-in for the `electron` module; main-side tests extend it as needed. */
export const app = {
  getVersion: () => '0.0.0-test',
  getPath: (_name: string) => '/tmp/forewarn-test',
  isPackaged: false,
};
export default { app };
