#!/usr/bin/env bash
# The generated GitHub Actions workflows are valid: every file of `opsynth workflows` (default
# context and the variant with every optional key) passes action-validator (npm
# @action-validator/cli: the SchemaStore GitHub workflow JSON schema, plus its own checks).
# actionlint is not packaged in Debian bookworm, hence the schema validator.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"

VALIDATOR="$NODE_DIR/node_modules/.bin/action-validator"
need_node_modules
[[ -x "$VALIDATOR" ]] || fail "action-validator is missing: run npm ci in tests/node"

count=0
for variant in "${CONTEXT_VARIANT_ORDER[@]}"; do
  # Without alertEmail: opsynth workflows refuses it (the workflows read the ALERT_EMAIL secret).
  mapfile -t ctx < <(context_args "$variant" alertEmail)
  out="$WORK/$variant"
  # A clean working directory: opsynth reads cdk.json from it.
  (cd "$WORK" && "$OPSYNTH_BIN" workflows -o "$out" "${ctx[@]}" 2>/dev/null) ||
    fail "opsynth workflows ($variant context) failed"
  for f in synth.yml deploy-environment.yml synthetic-test.yml; do
    [[ -s "$out/$f" ]] || fail "$variant: $f was not written"
    if ! report="$("$VALIDATOR" "$out/$f" 2>&1)"; then
      printf '%s\n' "$report" >&2
      fail "$variant: $f is not a valid GitHub workflow"
    fi
    count=$((count + 1))
  done
done
log "ok: $count workflow files valid ($(elapsed))"
