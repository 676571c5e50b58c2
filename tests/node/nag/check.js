#!/usr/bin/env node
// cdk-nag's AwsSolutions pack on plain CloudFormation templates, with the suppressions the
// templates carry in `Metadata.cdk_nag.rules_to_suppress`.
//
// Usage: node nag/check.js ASSEMBLY_DIR_OR_TEMPLATE...
//   A directory is a cloud assembly: every stack template its manifest.json lists is checked.
//
// Each template is loaded with aws-cdk-lib's CfnInclude and checked with cdk-nag. cdk-nag 3 reads
// its acknowledgments only from construct metadata, never from an included template's Metadata,
// so the pack runs with none and this script applies the template's own suppressions:
//   {"id": "AwsSolutions-IAM5[Resource::*]", "reason": ...}   one finding (the form cdk-nag 3 writes)
//   {"id": "AwsSolutions-S1", "reason": ...}                  a rule without findings, or the rule
//                                                             id a rule reports when it cannot run
//   {"id": "AwsSolutions-IAM5", "reason": ..., "applies_to": ["Resource::*", {"regex": "/^Action::s3:.*$/g"}]}
//                                                             findings of one rule (cdk-nag 2's form)
// A reason must have at least 10 characters (cdk-nag 2 refused shorter ones).
// Printed: unsuppressed findings (fail), suppressions that match no finding or are malformed
// (fail), applied suppressions (info). Exit status 0 when nothing failed, 1 otherwise, 2 on usage
// or unreadable input.
'use strict';

const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const MIN_REASON_LENGTH = 10;

/** The stack templates of a cloud assembly directory, or the file itself. */
function templatesOf(arg) {
  if (!fs.statSync(arg).isDirectory()) return [arg];
  const manifest = JSON.parse(fs.readFileSync(path.join(arg, 'manifest.json'), 'utf8'));
  return Object.values(manifest.artifacts ?? {})
    .filter((a) => a.type === 'aws:cloudformation:stack')
    .map((a) => path.join(arg, a.properties.templateFile));
}

/** "AwsSolutions-IAM5[Resource::*]" → {rule: "AwsSolutions-IAM5", finding: "Resource::*"}. */
function splitRuleId(id) {
  const m = /^([^[]+)\[(.*)\]$/s.exec(id);
  return m ? { rule: m[1], finding: m[2] } : { rule: id, finding: undefined };
}

/** Every finding of the AwsSolutions pack: {id, rule, finding, logicalId, severity, description}. */
function findingsOf(templateFile) {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Checked');
  const included = new CfnInclude(stack, 'Template', { templateFile });
  const report = new AwsSolutionsChecks(undefined, { verbose: false }).validateScope(stack);
  const prefix = `${included.node.path}/`;
  const findings = [];
  for (const v of report.violations) {
    for (const r of v.violatingResources) {
      const logicalId = r.constructPath.startsWith(prefix) ? r.constructPath.slice(prefix.length) : r.constructPath;
      findings.push({ id: v.ruleName, ...splitRuleId(v.ruleName), logicalId, severity: v.severity, description: v.description });
    }
  }
  return findings;
}

/** A matcher for one `applies_to` entry: an exact string or cdk-nag 2's {regex: '/pattern/flags'}. */
function appliesToMatcher(entry) {
  if (typeof entry === 'string') return { label: entry, test: (f) => f === entry };
  const m = entry && typeof entry.regex === 'string' ? /^\/(.*)\/([a-z]*)$/s.exec(entry.regex) : null;
  if (!m) throw new Error(`applies_to entry ${JSON.stringify(entry)} is neither a string nor {"regex": "/.../"}`);
  const re = new RegExp(m[1], m[2].replace('g', ''));
  return { label: entry.regex, test: (f) => re.test(f) };
}

/** The suppressions a template declares, one per (resource, entry), with its problems. */
function suppressionsOf(template) {
  const out = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const entries = resource?.Metadata?.cdk_nag?.rules_to_suppress;
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) {
      out.push({ logicalId, id: '?', problems: ['Metadata.cdk_nag.rules_to_suppress is not a list'] });
      continue;
    }
    for (const e of entries) {
      const s = { logicalId, id: String(e?.id ?? '?'), reason: e?.reason, problems: [], matchers: null };
      if (typeof e?.id !== 'string' || e.id === '') s.problems.push('has no rule id');
      if (typeof e?.reason !== 'string' || e.reason.trim().length < MIN_REASON_LENGTH) {
        s.problems.push(`needs a reason of at least ${MIN_REASON_LENGTH} characters`);
      }
      if (e?.applies_to !== undefined) {
        try {
          if (!Array.isArray(e.applies_to) || e.applies_to.length === 0) throw new Error('applies_to must be a non-empty list');
          if (splitRuleId(s.id).finding !== undefined) throw new Error('has both a finding in its id and applies_to');
          s.matchers = e.applies_to.map(appliesToMatcher);
        } catch (err) {
          s.problems.push(err.message);
        }
      }
      out.push(s);
    }
  }
  return out;
}

/** Does suppression `s` (of the finding's resource) cover finding `f`? */
function covers(s, f) {
  if (s.problems.length > 0 || s.logicalId !== f.logicalId) return false;
  if (s.matchers) return s.id === f.rule && f.finding !== undefined && s.matchers.some((m) => m.test(f.finding));
  return s.id === f.id;
}

function checkTemplate(file) {
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const findings = findingsOf(file);
  const suppressions = suppressionsOf(template);
  const unsuppressed = [];
  const applied = [];
  for (const f of findings) {
    const s = suppressions.find((x) => covers(x, f));
    if (s) {
      s.used = true;
      applied.push({ f, s });
    } else {
      unsuppressed.push(f);
    }
  }
  const bad = suppressions.filter((s) => s.problems.length > 0);
  const unused = suppressions.filter((s) => s.problems.length === 0 && !s.used);

  const name = path.basename(file);
  for (const f of unsuppressed) console.log(`FAIL ${name} ${f.logicalId}: ${f.id} (${f.severity}) ${f.description}`);
  for (const s of bad) console.log(`FAIL ${name} ${s.logicalId}: suppression ${s.id} ${s.problems.join('; ')}`);
  for (const s of unused) {
    const scope = s.matchers ? ` applies_to [${s.matchers.map((m) => m.label).join(', ')}]` : '';
    console.log(`FAIL ${name} ${s.logicalId}: suppression ${s.id}${scope} matches no finding (remove it)`);
  }
  for (const { f, s } of applied) console.log(`info ${name} ${f.logicalId}: ${f.id} suppressed: ${s.reason}`);
  const failures = unsuppressed.length + bad.length + unused.length;
  console.log(`${failures === 0 ? 'ok  ' : 'FAIL'} ${name}: ${findings.length} findings, ${applied.length} suppressed, ` +
    `${unsuppressed.length} unsuppressed, ${bad.length + unused.length} bad or unused suppressions`);
  return failures;
}

function main(args) {
  if (args.length === 0) {
    console.error('usage: node nag/check.js ASSEMBLY_DIR_OR_TEMPLATE...');
    return 2;
  }
  let failures = 0;
  try {
    const files = args.flatMap(templatesOf);
    if (files.length === 0) throw new Error(`no stack templates in ${args.join(' ')}`);
    for (const file of files) failures += checkTemplate(file);
  } catch (err) {
    console.error(`nag/check.js: ${err.message}`);
    return 2;
  }
  return failures === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
