/*
 * Offline structural checks of manifest.xml.
 *
 * Office's own validator needs the network, and the mistakes that actually break this add-in are
 * structural: a resid that points nowhere, the shared runtime split across two resids (the runtime
 * then silently fails to load), an http URL, an icon that was never committed. These checks parse
 * the manifest with a real XML parser and look for exactly those. Used by
 * `npm run validate` (scripts/validate-manifest.js) and by test/manifest.test.ts.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const MAX_RESID_LENGTH = 32;
const NAMESPACE = 'CEU';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_GROUPS = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
/** The resource group each resid-bearing element must point into (Office rejects a mismatch). */
const EXPECTED_GROUP = {
  Image: 'Images',
  SourceLocation: 'Urls',
  Runtime: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Namespace: 'ShortStrings',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};
/** Elements whose DefaultValue is a URL (IconUrl, SupportUrl, bt:Url, bt:Image, SourceLocation...). */
const URL_ELEMENTS = /(Url|^Image|^SourceLocation)$/;

/**
 * Parses the manifest into a plain tree: { name, attrs, children, text }.
 * Namespace prefixes are dropped (bt:Image -> Image, xsi:type -> type) because the checks care
 * about element roles, and the manifest uses prefixes inconsistently by design (bt: only in places).
 * Throws with the parser's message when the XML is not well formed.
 */
function parseManifest(xml) {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new Error(`manifest.xml is not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    commentPropName: '#comment',
  });
  const ordered = parser.parse(xml);
  const toNodes = (items) =>
    items
      .map((item) => {
        const name = Object.keys(item).find((k) => k !== ':@');
        if (name === undefined || name === '#text' || name === '#comment' || name.startsWith('?')) return null;
        const childItems = item[name];
        const text = childItems
          .filter((c) => Object.prototype.hasOwnProperty.call(c, '#text'))
          .map((c) => String(c['#text']))
          .join('');
        return { name, attrs: item[':@'] || {}, children: toNodes(childItems), text };
      })
      .filter(Boolean);
  const roots = toNodes(ordered);
  if (roots.length !== 1) throw new Error(`manifest.xml must have one root element, found ${roots.length}`);
  return roots[0];
}

/** Every element in document order, with the chain of element names above it. */
function walk(node, visit, ancestors = []) {
  visit(node, ancestors);
  for (const child of node.children) walk(child, visit, [...ancestors, node.name]);
}

function findAll(root, predicate) {
  const found = [];
  walk(root, (node, ancestors) => {
    if (predicate(node, ancestors)) found.push(node);
  });
  return found;
}

function child(node, name) {
  return node ? node.children.find((c) => c.name === name) : undefined;
}

/** Follows a path of element names from node; undefined as soon as one is missing. */
function at(node, ...names) {
  return names.reduce((current, name) => child(current, name), node);
}

/** The facts the checks reason about, pulled out once so tests can assert on them directly. */
function describeManifest(root) {
  const versionOverrides = child(root, 'VersionOverrides');
  const resources = child(versionOverrides, 'Resources');
  /** @type {Map<string, {group: string, value: string}>} */
  const resourcesById = new Map();
  const duplicateResourceIds = [];
  for (const group of RESOURCE_GROUPS) {
    for (const entry of (child(resources, group) || { children: [] }).children) {
      const id = entry.attrs.id;
      if (resourcesById.has(id)) duplicateResourceIds.push(id);
      resourcesById.set(id, { group, value: entry.attrs.DefaultValue });
    }
  }

  const residUses = findAll(root, (node) => node.attrs.resid !== undefined).map((node) => ({
    element: node.name,
    resid: node.attrs.resid,
  }));

  const workbookHost = findAll(
    versionOverrides || { children: [] },
    (n, a) => n.name === 'Host' && a.includes('Hosts'),
  )[0];
  const runtime = at(workbookHost, 'Runtimes', 'Runtime');
  const customFunctions = findAll(
    workbookHost || { children: [] },
    (n) => n.name === 'ExtensionPoint' && n.attrs.type === 'CustomFunctions',
  )[0];
  const functionFile = at(workbookHost, 'DesktopFormFactor', 'FunctionFile');
  const showTaskpaneActions = findAll(root, (n) => n.name === 'Action' && n.attrs.type === 'ShowTaskpane');
  const namespaceResid = at(customFunctions, 'Namespace')?.attrs.resid;

  // Every URL the manifest hands to Office: resource URLs and images, the top-level *Url elements,
  // DefaultSettings, AppDomains, and any other attribute value that looks like a URL.
  const urls = [];
  walk(root, (node) => {
    for (const [attr, value] of Object.entries(node.attrs)) {
      if (attr === 'xmlns' || attr.startsWith('xmlns')) continue; // schema names, never fetched
      const holdsUrl = attr === 'DefaultValue' && URL_ELEMENTS.test(node.name);
      if (holdsUrl || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        urls.push({ element: node.name, url: value });
      }
    }
    if (node.name === 'AppDomain') urls.push({ element: node.name, url: node.text });
  });

  const iconUrls = [
    at(root, 'IconUrl')?.attrs.DefaultValue,
    at(root, 'HighResolutionIconUrl')?.attrs.DefaultValue,
    ...[...resourcesById.values()].filter((r) => r.group === 'Images').map((r) => r.value),
  ].filter((u) => u !== undefined);

  const requirementSets = findAll(child(root, 'Requirements') || { children: [] }, (n) => n.name === 'Set').map(
    (n) => ({
      name: n.attrs.Name,
      minVersion: n.attrs.MinVersion,
    }),
  );

  return {
    rootName: root.name,
    rootType: root.attrs.type,
    id: at(root, 'Id')?.text,
    providerName: at(root, 'ProviderName')?.text,
    hosts: (child(root, 'Hosts')?.children || []).map((h) => h.attrs.Name),
    permissions: at(root, 'Permissions')?.text,
    requirementSets,
    resourcesById,
    duplicateResourceIds,
    residUses,
    runtime: runtime ? { resid: runtime.attrs.resid, lifetime: runtime.attrs.lifetime } : undefined,
    customFunctions: customFunctions
      ? {
          scriptResid: at(customFunctions, 'Script', 'SourceLocation')?.attrs.resid,
          pageResid: at(customFunctions, 'Page', 'SourceLocation')?.attrs.resid,
          metadataResid: at(customFunctions, 'Metadata', 'SourceLocation')?.attrs.resid,
          namespaceResid,
        }
      : undefined,
    functionFileResid: functionFile?.attrs.resid,
    showTaskpaneResids: showTaskpaneActions.map((a) => at(a, 'SourceLocation')?.attrs.resid),
    namespace: namespaceResid ? resourcesById.get(namespaceResid)?.value : undefined,
    urls,
    iconUrls,
  };
}

function resourceValue(facts, resid) {
  return resid === undefined ? undefined : facts.resourcesById.get(resid)?.value;
}

/**
 * Runs every check. Returns [{ name, ok, detail }]; never throws on a bad manifest (a parse error
 * becomes a failed "well-formed" check and the rest are skipped).
 * options.assetsDir: where the icon files must exist (default: <repo>/assets).
 */
function checkManifestXml(xml, options = {}) {
  const assetsDir = options.assetsDir || path.join(__dirname, '..', 'assets');
  let root;
  try {
    root = parseManifest(xml);
  } catch (error) {
    return [{ name: 'well-formed XML', ok: false, detail: error.message }];
  }
  const f = describeManifest(root);
  const results = [{ name: 'well-formed XML', ok: true, detail: 'parsed' }];
  const check = (name, problems, okDetail) =>
    results.push({ name, ok: problems.length === 0, detail: problems.length === 0 ? okDetail : problems.join('; ') });

  check(
    'task pane add-in for Excel',
    [
      ...(f.rootName === 'OfficeApp' && f.rootType === 'TaskPaneApp'
        ? []
        : [`root is ${f.rootName} of type ${f.rootType}`]),
      ...(f.hosts.length === 1 && f.hosts[0] === 'Workbook'
        ? []
        : [`hosts are [${f.hosts.join(', ')}], expected [Workbook]`]),
    ],
    'OfficeApp TaskPaneApp, host Workbook',
  );

  check('Id is a GUID', GUID.test(f.id || '') ? [] : [`Id "${f.id}" is not a GUID`], f.id);

  check(
    'Permissions is ReadWriteDocument',
    f.permissions === 'ReadWriteDocument' ? [] : [`Permissions is "${f.permissions}"`],
    'ReadWriteDocument',
  );

  check(
    'requires SharedRuntime 1.1',
    f.requirementSets.some((s) => s.name === 'SharedRuntime' && s.minVersion === '1.1')
      ? []
      : [`requirement sets are [${f.requirementSets.map((s) => `${s.name} ${s.minVersion}`).join(', ')}]`],
    'SharedRuntime 1.1',
  );

  check(
    'every resid resolves to a resource',
    f.residUses
      .filter((u) => !f.resourcesById.has(u.resid))
      .map((u) => `<${u.element} resid="${u.resid}"> has no resource`),
    `${f.residUses.length} resid references resolve`,
  );

  check(
    'every resid points at the right kind of resource',
    f.residUses
      .filter((u) => f.resourcesById.has(u.resid) && EXPECTED_GROUP[u.element] !== undefined)
      .filter((u) => f.resourcesById.get(u.resid).group !== EXPECTED_GROUP[u.element])
      .map(
        (u) =>
          `<${u.element} resid="${u.resid}"> is in ${f.resourcesById.get(u.resid).group}, expected ${EXPECTED_GROUP[u.element]}`,
      ),
    'images, URLs, short and long strings where expected',
  );

  check(
    `resource ids are unique and at most ${MAX_RESID_LENGTH} characters`,
    [
      ...f.duplicateResourceIds.map((id) => `resource id "${id}" is defined twice`),
      ...[...new Set([...f.residUses.map((u) => u.resid), ...f.resourcesById.keys()])]
        .filter((id) => id.length > MAX_RESID_LENGTH)
        .map((id) => `"${id}" is ${id.length} characters`),
    ],
    `${f.resourcesById.size} resources`,
  );

  const sharedResids = {
    Runtime: f.runtime?.resid,
    'CustomFunctions Page': f.customFunctions?.pageResid,
    FunctionFile: f.functionFileResid,
  };
  const distinct = new Set(Object.values(sharedResids));
  check(
    'one shared runtime: Runtime, CustomFunctions Page and FunctionFile use the same resid',
    [
      ...(distinct.size === 1 && !distinct.has(undefined)
        ? []
        : [
            Object.entries(sharedResids)
              .map(([k, v]) => `${k}=${v}`)
              .join(', '),
          ]),
      ...(f.runtime?.lifetime === 'long' ? [] : [`Runtime lifetime is "${f.runtime?.lifetime}", expected "long"`]),
      ...f.showTaskpaneResids
        .filter((r) => r !== f.runtime?.resid)
        .map((r) => `ShowTaskpane opens ${r}, not the runtime page ${f.runtime?.resid}`),
    ],
    `all ${f.runtime?.resid} (${resourceValue(f, f.runtime?.resid)}), lifetime long`,
  );

  const cf = f.customFunctions;
  check(
    `custom functions: namespace ${NAMESPACE}, functions.js and functions.json`,
    cf === undefined
      ? ['no CustomFunctions extension point']
      : [
          ...(cf.namespaceResid ? [] : ['Namespace has no resid']),
          ...(f.namespace === NAMESPACE ? [] : [`namespace is "${f.namespace}", expected "${NAMESPACE}"`]),
          ...(/\/functions\.js$/.test(resourceValue(f, cf.scriptResid) || '')
            ? []
            : [`Script points at "${resourceValue(f, cf.scriptResid)}"`]),
          ...(/\/functions\.json$/.test(resourceValue(f, cf.metadataResid) || '')
            ? []
            : [`Metadata points at "${resourceValue(f, cf.metadataResid)}"`]),
        ],
    `=${NAMESPACE}.*`,
  );

  check(
    'every URL is https',
    f.urls.filter((u) => !/^https:\/\/[^/\s]+/i.test(u.url)).map((u) => `<${u.element}> ${u.url}`),
    `${f.urls.length} URLs`,
  );

  const iconProblems = [];
  for (const url of f.iconUrls) {
    const match = /\/assets\/([^/?#]+)$/.exec(url);
    if (!match) iconProblems.push(`${url} is not under /assets/`);
    else if (!fs.existsSync(path.join(assetsDir, match[1]))) iconProblems.push(`${match[1]} is missing from assets/`);
  }
  check('icons exist in assets/', iconProblems, `${new Set(f.iconUrls).size} icon files`);

  return results;
}

function checkManifestFile(file, options = {}) {
  return checkManifestXml(fs.readFileSync(file, 'utf8'), options);
}

module.exports = {
  MAX_RESID_LENGTH,
  NAMESPACE,
  parseManifest,
  describeManifest,
  checkManifestXml,
  checkManifestFile,
};
