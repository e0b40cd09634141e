// Element-for-element comparison of two XML documents, as the Rust runner does
// (tests/xml_tree.rs): same namespace URIs and local names in the same order, same leaf text;
// prefixes, namespace declarations, comments, the declaration and indentation don't matter.
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function textOf(items) {
  let text = '';
  for (const item of items) {
    if ('#text' in item) text += item['#text'];
    else if ('#cdata' in item) text += textOf(item['#cdata']);
  }
  return text;
}

function build(item, scope) {
  const attrs = item[':@'] ?? {};
  const local = { ...scope };
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns') local[''] = v;
    else if (k.startsWith('xmlns:')) local[k.slice(6)] = v;
  }
  const qname = Object.keys(item).find((k) => k !== ':@');
  const [prefix, name] = qname.includes(':') ? qname.split(':', 2) : ['', qname];
  const content = item[qname];
  const children = content
    .filter((c) => !('#text' in c) && !('#cdata' in c))
    .map((c) => build(c, local));
  return { ns: local[prefix] ?? '', name, text: children.length > 0 ? '' : textOf(content), children };
}

export function tree(doc) {
  const text = typeof doc === 'string' ? doc : Buffer.from(doc).toString('utf8');
  const items = parser.parse(text.replace(/^\uFEFF/, ''));
  const roots = items.filter((i) => !('#text' in i) && !('#cdata' in i));
  if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.length}`);
  return build(roots[0], {});
}

function diff(path, a, b) {
  const here = `${path}/${a.name}`;
  if (a.name !== b.name || a.ns !== b.ns) {
    return `${path}: expected <${b.name}> in \`${b.ns}\`, got <${a.name}> in \`${a.ns}\``;
  }
  if (a.text !== b.text) return `${here}: expected text ${JSON.stringify(b.text)}, got ${JSON.stringify(a.text)}`;
  const n = Math.min(a.children.length, b.children.length);
  for (let i = 0; i < n; i++) {
    const d = diff(`${here}[${i}]`, a.children[i], b.children[i]);
    if (d) return d;
  }
  if (a.children.length !== b.children.length) {
    const names = (x) => x.children.map((c) => c.name).join(', ');
    return `${here}: expected children [${names(b)}], got [${names(a)}]`;
  }
  return null;
}

/** Throws with the first difference when `got` and `expected` are not the same document. */
export function assertSameDocument(got, expected) {
  const d = diff('', tree(got), tree(expected));
  if (d) throw new Error(`${d}\n--- built\n${typeof got === 'string' ? got : Buffer.from(got).toString('utf8')}`);
}
