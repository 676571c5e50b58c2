#!/usr/bin/env bash
# cdk-nag's AwsSolutions pack finds nothing unsuppressed in any template opsynth writes, for each
# context variant, and every suppression the templates carry (Metadata.cdk_nag, declared in C++
# with nag::add_resource_suppressions) has a reason and still matches a finding.
# tests/node/nag/check.js runs the pack on each template through aws-cdk-lib's CfnInclude and
# applies the suppressions itself (cdk-nag 3 ignores an included template's Metadata).
# First, the harness must catch a hand-made bucket without TLS enforcement, a too-short reason
# and an unused suppression, so this test cannot pass by checking nothing.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"
need_node_modules
CHECK="$NODE_DIR/nag/check.js"

# expect_line OUTPUT PATTERN WHAT: fails unless a line of OUTPUT matches the extended regex.
expect_line() { grep -Eq -- "$2" <<<"$1" || fail "the harness did not report $3; its output was:"$'\n'"$1"; }

log "self-check: a bucket without TLS enforcement must fail"
set +e
out="$(cd "$NODE_DIR" && node "$CHECK" "$NODE_DIR/nag/fixtures/bucket-without-tls.template.json" 2>&1)"
status=$?
set -e
((status == 1)) || fail "the harness exited $status on a bucket without TLS enforcement (expected 1):"$'\n'"$out"
expect_line "$out" '^FAIL .* Plain: AwsSolutions-S10 ' "the missing TLS enforcement (AwsSolutions-S10)"
expect_line "$out" '^FAIL .* Plain: suppression AwsSolutions-S10 needs a reason of at least 10 characters' "a too-short reason"
expect_line "$out" '^FAIL .* Plain: suppression AwsSolutions-IAM5 applies_to \[Resource::\*\] matches no finding' \
  "an unused suppression"
expect_line "$out" '^info .* Plain: AwsSolutions-S1 suppressed: ' "the applied suppression"

failed=()
checked=0
for variant in "${CONTEXT_VARIANT_ORDER[@]}"; do
  out_dir="$WORK/$variant"
  synth_templates "$variant" "$out_dir"
  log "$variant: cdk-nag AwsSolutions on ${#templates[@]} templates"
  set +e
  (cd "$NODE_DIR" && node "$CHECK" "${templates[@]}") >&2
  status=$?
  set -e
  ((status <= 1)) || fail "$variant: nag/check.js could not run (exit $status)"
  ((status == 0)) || failed+=("$variant")
  checked=$((checked + ${#templates[@]}))
done
((${#failed[@]} == 0)) ||
  fail "cdk-nag findings without a suppression, or suppressions without a finding (context: ${failed[*]}); each is above. Fix the stack, or suppress a deliberate finding in its C++ source with nag::add_resource_suppressions (and the same in tests/node/parity/app.js)"
log "ok: $checked templates of ${#CONTEXT_VARIANT_ORDER[@]} context variants have no unsuppressed cdk-nag finding ($(elapsed))"
