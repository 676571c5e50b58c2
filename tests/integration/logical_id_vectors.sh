#!/usr/bin/env bash
# Logical IDs computed by aws-cdk-lib's own makeUniqueId (node) for generated paths
# must equal opsynth's make_unique_id for every one of them.
set -euo pipefail
build="$1"
node_dir="$OPSYNTH_SOURCE_DIR/tests/node"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

node - "$node_dir" >"$tmp/vectors.json" <<'JS'
const { makeUniqueId } = require(process.argv[2] + '/node_modules/aws-cdk-lib/core/lib/private/uniqueid');
// A small deterministic generator: the same vectors on every run.
let seed = 42;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const words = ['Resource', 'Default', 'Bucket', 'Policy', 'Role', 'DefaultPolicy', 'prod-submit-app', 'My.Id',
  'Table', 'Plan', 'Selection', 'x', 'BucketPolicy', 'Alarm', 'Topic', 'AlertTopic', 'a_b', 'Dash-Board', '0'];
const vectors = [];
for (let i = 0; i < 300; i++) {
  const n = 1 + rand(5);
  const components = [];
  for (let j = 0; j < n; j++) components.push(words[rand(words.length)]);
  if (components.every((c) => c === 'Default')) continue;
  vectors.push({ components, id: makeUniqueId(components) });
}
vectors.push({ components: ['A'.repeat(300), 'B'], id: makeUniqueId(['A'.repeat(300), 'B']) });
vectors.push({ components: ['C'.repeat(260)], id: makeUniqueId(['C'.repeat(260)]) });
console.log(JSON.stringify(vectors));
JS
echo "logical_id_vectors: $(node -e "console.log(require('$tmp/vectors.json').length)") vectors from aws-cdk-lib"
OPSYNTH_LOGICAL_ID_VECTORS="$tmp/vectors.json" "$build/tests/opsynth_unit_tests" \
  --gtest_also_run_disabled_tests --gtest_filter='LogicalId.DISABLED_MatchesAwsCdkLibVectors'
