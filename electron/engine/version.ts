/** The version stamped into scan documents; the single source is package.json. */
import pkg from '../../package.json' with { type: 'json' };

export const ENGINE_VERSION: string = pkg.version;
