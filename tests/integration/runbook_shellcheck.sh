#!/usr/bin/env bash
# The generated runbooks pass shellcheck (every severity), for the default app and the variant
# with every optional context key, and each prints its usage with --help.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"
need_cmd shellcheck

count=0
for variant in "${CONTEXT_VARIANT_ORDER[@]}"; do
  mapfile -t ctx < <(context_args "$variant")
  out="$WORK/$variant"
  (cd "$WORK" && "$OPSYNTH_BIN" runbook -o "$out" "${ctx[@]}" 2>/dev/null) || fail "opsynth runbook ($variant context) failed"
  for f in restore-table.sh disaster-recovery.sh restore-cognito-users.sh; do
    [[ -x "$out/$f" ]] || fail "$variant: $f was not written executable"
    shellcheck --shell=bash --severity=style "$out/$f" >&2 || fail "$variant: shellcheck finds problems in $f"
    "$out/$f" --help | grep -q "^Usage: $f" || fail "$variant: $f --help prints no usage"
    count=$((count + 1))
  done
done
log "ok: $count runbooks pass shellcheck ($(elapsed))"
