#!/usr/bin/env bash
# Every template opsynth writes passes cfn-lint (the CloudFormation resource schemas of eu-west-2,
# where the app deploys) with no error, for each context variant: the default app, every
# optional context key set, and the canaries switched off.
# cfn-lint's exit status is a bit mask: 2 = errors (fail), 4 = warnings, 8 = informational.
# Warnings are printed and pass, except the ones listed in FATAL_WARNINGS.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"
need_cmd cfn-lint python3

# W3011: DeletionPolicy Retain without UpdateReplacePolicy Retain — a replacement would still
# delete the data that deletion keeps (issue 5: stateful resources are retained on both).
FATAL_WARNINGS=(W3011)
REGION=eu-west-2

failures=()
linted=0
for variant in "${CONTEXT_VARIANT_ORDER[@]}"; do
  out="$WORK/$variant"
  synth_templates "$variant" "$out"
  lint=()
  for t in "${templates[@]}"; do
    [[ -s "$t" ]] || fail "$variant: the manifest names $t but the file is missing or empty"
    if has_resources "$t"; then lint+=("$t"); else log "$variant: note: $(basename "$t") has no resources yet; not linted"; fi
  done
  ((${#lint[@]} > 0)) || continue
  linted=$((linted + ${#lint[@]}))

  log "$variant: cfn-lint on ${#lint[@]} templates"
  set +e
  report="$(cfn-lint --regions "$REGION" --format parseable -- "${lint[@]}" 2>&1)"
  status=$?
  set -e
  [[ -z "$report" ]] || printf '%s\n' "${report//$WORK\//}" >&2
  if ((status & 2)); then failures+=("$variant: cfn-lint reported errors (exit $status)"); fi
  if ((status & ~(2 | 4 | 8))); then failures+=("$variant: cfn-lint itself failed (exit $status)"); fi
  for rule in "${FATAL_WARNINGS[@]}"; do
    if grep -q ":$rule:" <<<"$report"; then failures+=("$variant: warning $rule is treated as an error"); fi
  done
done

((${#failures[@]} == 0)) || fail "$(printf '%s; ' "${failures[@]}")"
log "ok: $linted templates of ${#CONTEXT_VARIANT_ORDER[@]} context variants pass cfn-lint ($(elapsed))"
