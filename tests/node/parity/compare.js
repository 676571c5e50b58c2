#!/usr/bin/env node
// Compares two cloud assemblies stack by stack, resource by resource: opsynth's (ours) and the
// aws-cdk-lib reference app's (theirs, parity/app.js).
//
//   node parity/compare.js OURS_DIR THEIRS_DIR [--expected DIR]
//
// Per stack (matched by artifact id): the same logical IDs; for each resource the same Type,
// Properties (deep equal), DependsOn (as a set), DeletionPolicy, UpdateReplacePolicy, Condition,
// CreationPolicy and UpdatePolicy; the same Outputs; the same Parameters, Conditions, Mappings,
// Rules, Description and Transform. Of resource Metadata only the cdk-nag suppressions
// (Metadata.cdk_nag) are compared, not aws:cdk:path. Ignored: the CDKMetadata resource and
// aws-cdk-lib's bootstrap/asset parameters.
// Dashboard bodies are compared as parsed JSON: their Fn::Join is flattened, each intrinsic in it
// becomes a readable placeholder string, so a different split of the same body is no difference.
//
// Deliberate differences: DIR/<StackClass>.json (default: expected-differences/ next to this file),
// a list of {"logicalId", "path", "reason"} with an optional "section" ("Resources" by default,
// "Outputs", or "Template" for a top-level key with logicalId "-"). `path` is a JSON path in the
// resource ("Properties.Code", "DependsOn") covering everything below it; "*" means the whole
// resource (or output) exists on one side only. An entry that matches nothing is stale: reported
// as a warning. Exit status: 0 when every difference is expected, 1 otherwise, 2 on bad usage.
'use strict';

const fs = require('fs');
const path = require('path');

const STACK_CLASSES = [
  [/-BackupStack$/, 'BackupAccountStack'],
  [/-DataStack$/, 'DataStack'],
  [/-OpsStack$/, 'OpsStack'],
];
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Condition',
  'CreationPolicy', 'UpdatePolicy', 'Metadata'];
const TEMPLATE_KEYS = ['Description', 'Transform', 'Parameters', 'Conditions', 'Mappings', 'Rules'];
const SHOW_MAX = 400; // characters of a value shown in a diff line

function stackClass(stackId) {
  const hit = STACK_CLASSES.find(([re]) => re.test(stackId));
  return hit ? hit[1] : stackId;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${e.message}`);
  }
}

/** artifact id → template, for every CloudFormation stack of the assembly in `dir`. */
function readAssembly(dir) {
  const manifest = readJson(path.join(dir, 'manifest.json'));
  const stacks = new Map();
  for (const [id, art] of Object.entries(manifest.artifacts || {})) {
    if (art.type !== 'aws:cloudformation:stack') continue;
    stacks.set(id, readJson(path.join(dir, art.properties.templateFile)));
  }
  return stacks;
}

// ---------------------------------------------------------------------------------------------
// Normalisation: drop what only aws-cdk-lib's deployment machinery adds; parse dashboard bodies.
// ---------------------------------------------------------------------------------------------

const isCdkParameter = (name) => name === 'BootstrapVersion' || /^AssetParameters/.test(name);

/** An intrinsic inside a dashboard body, as a placeholder that reads like the intrinsic. */
function placeholder(token) {
  if (token.Ref !== undefined) return `\${Ref:${token.Ref}}`;
  if (token['Fn::GetAtt'] !== undefined) return `\${GetAtt:${[].concat(token['Fn::GetAtt']).join('.')}}`;
  return `\${${JSON.stringify(token).replace(/"/g, "'")}}`;
}

/** A string with intrinsics (Fn::Join with "" nested any depth) → one string with placeholders. */
function flattenToString(value) {
  if (typeof value === 'string') return value;
  if (value && Array.isArray(value['Fn::Join']) && value['Fn::Join'][0] === '') {
    return value['Fn::Join'][1].map(flattenToString).join('');
  }
  return placeholder(value);
}

function parseDashboardBody(body) {
  const text = flattenToString(body);
  try {
    return { parsedDashboardBody: JSON.parse(text) };
  } catch (e) {
    return { unparsableDashboardBody: text, error: e.message };
  }
}

function normaliseTemplate(t) {
  const out = JSON.parse(JSON.stringify(t));
  const resources = out.Resources || {};
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::CDK::Metadata') delete resources[id];
    else if (r.Type === 'AWS::CloudWatch::Dashboard' && r.Properties && r.Properties.DashboardBody !== undefined) {
      r.Properties.DashboardBody = parseDashboardBody(r.Properties.DashboardBody);
    }
    r.Metadata = r.Metadata && r.Metadata.cdk_nag !== undefined ? { cdk_nag: r.Metadata.cdk_nag } : undefined;
    if (typeof r.DependsOn === 'string') r.DependsOn = [r.DependsOn];
    if (Array.isArray(r.DependsOn)) r.DependsOn = [...r.DependsOn].sort();
  }
  for (const name of Object.keys(out.Parameters || {})) if (isCdkParameter(name)) delete out.Parameters[name];
  if (out.Parameters && Object.keys(out.Parameters).length === 0) delete out.Parameters;
  if (out.Rules) delete out.Rules.CheckBootstrapVersion;
  if (out.Rules && Object.keys(out.Rules).length === 0) delete out.Rules;
  if (out.Conditions) delete out.Conditions.CDKMetadataAvailable;
  if (out.Conditions && Object.keys(out.Conditions).length === 0) delete out.Conditions;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Deep diff: a list of {path, ours, theirs}; `undefined` means absent on that side.
// ---------------------------------------------------------------------------------------------

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function joinPath(base, key) {
  if (typeof key === 'number') return `${base}[${key}]`;
  const plain = /^[A-Za-z0-9_:-]+$/.test(key) ? key : JSON.stringify(key);
  return base ? `${base}.${plain}` : plain;
}

function deepDiff(ours, theirs, at, out) {
  if (isObject(ours) && isObject(theirs)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
    for (const k of keys) deepDiff(ours[k], theirs[k], joinPath(at, k), out);
  } else if (Array.isArray(ours) && Array.isArray(theirs) && ours.length === theirs.length) {
    ours.forEach((v, i) => deepDiff(v, theirs[i], joinPath(at, i), out));
  } else if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    out.push({ path: at, ours, theirs });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Expected differences
// ---------------------------------------------------------------------------------------------

function loadExpected(dir, className) {
  const file = path.join(dir, `${className}.json`);
  if (!fs.existsSync(file)) return [];
  const entries = readJson(file);
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a JSON array of {logicalId, path, reason}`);
  return entries.map((e, i) => {
    if (!e.logicalId || !e.path || !e.reason || String(e.reason).length < 10) {
      throw new Error(`${file}[${i}]: every entry needs logicalId, path and a reason of a sentence`);
    }
    return { section: 'Resources', ...e, file, used: false };
  });
}

function covers(entry, diff) {
  if (entry.section !== diff.section || entry.logicalId !== diff.logicalId) return false;
  if (entry.path === '*') return diff.path === '*';
  return diff.path === entry.path || diff.path.startsWith(`${entry.path}.`) || diff.path.startsWith(`${entry.path}[`);
}

// ---------------------------------------------------------------------------------------------
// Comparison of one stack
// ---------------------------------------------------------------------------------------------

function compareSection(section, ours, theirs, keys, diffs) {
  const ids = [...new Set([...Object.keys(ours || {}), ...Object.keys(theirs || {})])].sort();
  for (const id of ids) {
    const a = (ours || {})[id];
    const b = (theirs || {})[id];
    if (a === undefined || b === undefined) {
      diffs.push({ section, logicalId: id, path: '*', ours: a && (a.Type || a), theirs: b && (b.Type || b) });
      continue;
    }
    for (const key of keys || [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      for (const d of deepDiff(a[key], b[key], key, [])) diffs.push({ section, logicalId: id, ...d });
    }
  }
}

function compareStack(ours, theirs) {
  const a = normaliseTemplate(ours);
  const b = normaliseTemplate(theirs);
  const diffs = [];
  compareSection('Resources', a.Resources, b.Resources, RESOURCE_KEYS, diffs);
  compareSection('Outputs', a.Outputs, b.Outputs, null, diffs);
  for (const key of TEMPLATE_KEYS) {
    for (const d of deepDiff(a[key], b[key], key, [])) diffs.push({ section: 'Template', logicalId: '-', ...d });
  }
  return { diffs, resourceCount: new Set([...Object.keys(a.Resources || {}), ...Object.keys(b.Resources || {})]).size };
}

function show(v) {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > SHOW_MAX ? `${s.slice(0, SHOW_MAX)}... (${s.length} chars)` : s;
}

function describe(d) {
  const where = d.section === 'Resources' ? d.logicalId : `${d.section}.${d.logicalId}`;
  if (d.path === '*') {
    const side = d.ours === undefined ? 'only in aws-cdk-lib' : 'only in opsynth';
    return `  ${where}: ${side} (${show(d.ours === undefined ? d.theirs : d.ours)})`;
  }
  return `  ${where} ${d.path}\n      opsynth:     ${show(d.ours)}\n      aws-cdk-lib: ${show(d.theirs)}`;
}

function main(argv) {
  const args = argv.slice(2);
  let expectedDir = path.join(__dirname, 'expected-differences');
  const at = args.indexOf('--expected');
  if (at >= 0) {
    expectedDir = args[at + 1];
    args.splice(at, 2);
  }
  if (args.length !== 2 || !expectedDir) {
    process.stderr.write('usage: node compare.js OURS_DIR THEIRS_DIR [--expected DIR]\n');
    return 2;
  }
  const [oursDir, theirsDir] = args;
  const ours = readAssembly(oursDir);
  const theirs = readAssembly(theirsDir);

  let unexpectedTotal = 0;
  const lines = [];
  for (const id of [...new Set([...ours.keys(), ...theirs.keys()])]) {
    if (!ours.has(id) || !theirs.has(id)) {
      lines.push(`stack ${id}: only in ${ours.has(id) ? 'opsynth' : 'aws-cdk-lib'}'s assembly`);
      unexpectedTotal += 1;
      continue;
    }
    const className = stackClass(id);
    const expected = loadExpected(expectedDir, className);
    const { diffs, resourceCount } = compareStack(ours.get(id), theirs.get(id));
    const unexpected = [];
    let expectedCount = 0;
    for (const d of diffs) {
      const entry = expected.find((e) => covers(e, d));
      if (entry) {
        entry.used = true;
        expectedCount += 1;
      } else {
        unexpected.push(d);
      }
    }
    unexpectedTotal += unexpected.length;
    lines.push(`stack ${id} (${className}): ${resourceCount} resources, ${unexpected.length} unexpected difference(s), ` +
      `${expectedCount} expected`);
    for (const d of unexpected) lines.push(describe(d));
    for (const e of expected.filter((x) => !x.used)) {
      lines.push(`  warning: stale expected difference in ${path.basename(e.file)}: ${e.logicalId} ${e.path} ` +
        `no longer differs (${e.reason})`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return unexpectedTotal === 0 ? 0 : 1;
}

module.exports = { normaliseTemplate, deepDiff, flattenToString, compareStack, covers, stackClass };

if (require.main === module) {
  try {
    process.exitCode = main(process.argv);
  } catch (e) {
    process.stderr.write(`compare.js: ${e.message}\n`);
    process.exitCode = 2;
  }
}
