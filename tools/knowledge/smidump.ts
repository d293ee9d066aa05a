/**
 * Reads one MIB module through libsmi's `smidump -f xml` (Debian package
 * smitools): a maintained, lenient SMIv1/SMIv2 parser that resolves imports
 * along SMIPATH. Returns the module's objects in a small, typed shape: the
 * compiler never looks at MIB text itself, except for the comments libsmi
 * drops (products MIBs describe each product in a trailing comment).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';

const run = promisify(execFile);

export interface MibType {
  /** The type's own name (DisplayString, Integer32, a TC) and its module. */
  name: string;
  module: string;
  /** Base type after TC resolution, when libsmi inlined it (Enumeration, OctetString...). */
  basetype?: string;
  /** DISPLAY-HINT of an inline or resolved TC ("d-1"). */
  format?: string;
  /** Enumeration labels by number. */
  enums?: Record<number, string>;
}

export interface MibObject {
  kind: 'node' | 'scalar' | 'column';
  name: string;
  oid: string;
  module: string;
  description: string;
  units?: string;
  access?: string;
  type?: MibType;
  /** Columns: the table and row they belong to, and their sibling columns' names. */
  table?: string;
  row?: string;
  /** Comment text after the definition in the MIB source (products MIBs). */
  comment?: string;
}

export interface MibTypedef {
  name: string;
  module: string;
  basetype: string;
  format?: string;
  enums?: Record<number, string>;
}

export interface MibModule {
  name: string;
  file: string;
  /** The MODULE-IDENTITY's DESCRIPTION: what the vendor says the module is for. */
  description: string;
  /** The MODULE-IDENTITY node's name, when the module has one. */
  identity?: string;
  objects: MibObject[];
  typedefs: MibTypedef[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['node', 'scalar', 'table', 'row', 'column', 'typedef', 'namednumber'].includes(name),
});

type Xml = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const list = (v: unknown): Xml[] => (Array.isArray(v) ? (v as Xml[]) : []);

function enumsOf(x: Xml | undefined): Record<number, string> | undefined {
  const named = list(x?.namednumber);
  if (named.length === 0) return undefined;
  return Object.fromEntries(named.map((n) => [Number(n.number), String(n.name)]));
}

function typeOf(syntax: Xml | undefined): MibType | undefined {
  if (!syntax) return undefined;
  const ref = syntax.type as Xml | undefined;
  if (ref) return { name: String(ref.name ?? ''), module: String(ref.module ?? '') };
  const inline = list(syntax.typedef)[0];
  if (inline) {
    return {
      name: '',
      module: '',
      basetype: String(inline.basetype ?? ''),
      ...(text(inline.format) ? { format: text(inline.format) } : {}),
      ...(enumsOf(inline) ? { enums: enumsOf(inline) } : {}),
    };
  }
  return undefined;
}

function objectOf(kind: MibObject['kind'], x: Xml, module: string, extra: Partial<MibObject> = {}): MibObject {
  const type = typeOf(x.syntax as Xml | undefined);
  return {
    kind,
    name: String(x.name),
    oid: String(x.oid),
    module,
    description: text(x.description),
    ...(text(x.units) ? { units: text(x.units) } : {}),
    ...(text(x.access) ? { access: text(x.access) } : {}),
    ...(type ? { type } : {}),
    ...extra,
  };
}

/** `name OBJECT IDENTIFIER ::= { parent N } -- comment` : the comment libsmi does not keep. */
function trailingComments(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^\s*([a-zA-Z][\w-]*)\s+OBJECT\s+IDENTIFIER\s*::=\s*\{[^}]*\}[ \t]*--[ \t]*(.*)$/gm;
  for (const m of source.matchAll(re)) {
    const comment = m[2]!.replace(/--\s*$/, '').trim();
    if (comment) out.set(m[1]!, comment);
  }
  return out;
}

export async function readMibModule(file: string, smiPath: string): Promise<MibModule | null> {
  let xml: string;
  try {
    const { stdout } = await run('smidump', ['-k', '-q', '-f', 'xml', file], { env: { ...process.env, SMIPATH: smiPath }, maxBuffer: 256 * 1024 * 1024 });
    xml = stdout;
  } catch (err) {
    // smidump exits non-zero on severe errors but often still prints the module.
    xml = String((err as { stdout?: string }).stdout ?? '');
  }
  if (!xml.includes('<smi')) return null;
  const doc = parser.parse(xml) as Xml;
  const smi = doc.smi as Xml | undefined;
  const mod = smi?.module as Xml | undefined;
  if (!smi || !mod) return null;
  const name = String(mod.name);
  const comments = trailingComments(await readFile(file, 'latin1'));
  const nodes = (smi.nodes ?? {}) as Xml;
  const objects: MibObject[] = [];
  for (const n of list(nodes.node)) {
    const comment = comments.get(String(n.name));
    objects.push(objectOf('node', n, name, comment ? { comment } : {}));
  }
  for (const s of list(nodes.scalar)) objects.push(objectOf('scalar', s, name));
  for (const t of list(nodes.table)) {
    for (const r of list(t.row)) {
      for (const c of list(r.column)) objects.push(objectOf('column', c, name, { table: String(t.name), row: String(r.name) }));
    }
  }
  const typedefs: MibTypedef[] = list((smi.typedefs as Xml | undefined)?.typedef).map((t) => ({
    name: String(t.name),
    module: name,
    basetype: String(t.basetype ?? ''),
    ...(text(t.format) ? { format: text(t.format) } : {}),
    ...(enumsOf(t) ? { enums: enumsOf(t) } : {}),
  }));
  const identity = (mod.identity as Xml | undefined)?.node;
  return { name, file, description: text(mod.description), ...(identity ? { identity: String(identity) } : {}), objects, typedefs };
}
