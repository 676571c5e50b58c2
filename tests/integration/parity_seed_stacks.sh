#!/usr/bin/env bash
# opsynth's default app equals the aws-cdk-lib reference app (tests/node/parity/app.js) resource by
# resource, for each context variant (default, every optional key set, canaries off): same stacks,
# logical IDs, types, properties, DependsOn, deletion/replacement policies and outputs; dashboard
# bodies compared as parsed JSON. Deliberate differences are listed in
# tests/node/parity/expected-differences/<StackClass>.json; stale entries are printed as warnings.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"
need_node_modules

failed=()
for variant in "${CONTEXT_VARIANT_ORDER[@]}"; do
  opsynth_synth "$WORK/$variant-opsynth" "$variant"
  cdklib_synth "$WORK/$variant-cdk" "$variant"
  log "$variant context: opsynth vs aws-cdk-lib"
  set +e
  node "$NODE_DIR/parity/compare.js" "$WORK/$variant-opsynth" "$WORK/$variant-cdk" >&2
  status=$?
  set -e
  ((status == 0)) || failed+=("$variant")
  ((status <= 1)) || fail "compare.js could not run ($variant context, exit $status)"
done
((${#failed[@]} == 0)) ||
  fail "opsynth's templates differ from aws-cdk-lib's (context: ${failed[*]}); each difference is above. Fix opsynth, or list a deliberate one in tests/node/parity/expected-differences/<StackClass>.json"
log "ok: every stack matches aws-cdk-lib in ${#CONTEXT_VARIANT_ORDER[@]} context variants ($(elapsed))"
