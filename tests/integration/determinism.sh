#!/usr/bin/env bash
# Synthesis is deterministic and atomic:
#   - two synths of the same input (each context variant, JSON and YAML output) are byte-identical;
#   - a synth that fails (invalid context) exits 1 with the error on stderr, leaves an existing
#     output directory byte-identical, creates no output directory when there was none, and
#     leaves no temporary directory behind.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"

for variant in "${CONTEXT_VARIANT_ORDER[@]}"; do
  for format in json yaml; do
    opsynth_synth "$WORK/$variant-$format-1" "$variant" --format "$format"
    opsynth_synth "$WORK/$variant-$format-2" "$variant" --format "$format"
    diff -r "$WORK/$variant-$format-1" "$WORK/$variant-$format-2" >&2 ||
      fail "$variant context, --format $format: two synths of the same input differ (diff above)"
  done
  log "$variant: two synths are byte-identical (json and yaml)"
done

# A failing synth over an existing output directory.
outputs="$WORK/outputs"
mkdir -p "$outputs"
cp -a "$WORK/default-json-1" "$outputs/cdk.out"
before="$(ls -A "$outputs")"
cwd="$(mktemp -d "$WORK/cwd.XXXXXX")"
set +e
(cd "$cwd" && "$OPSYNTH_BIN" synth -o "$outputs/cdk.out" -c envName=Bad_Name >"$WORK/fail.out" 2>"$WORK/fail.err")
status=$?
set -e
[[ $status -eq 1 ]] || { cat "$WORK/fail.err" >&2; fail "synth with envName=Bad_Name exited $status, expected 1"; }
grep -q "envName" "$WORK/fail.err" || { cat "$WORK/fail.err" >&2; fail "the error on stderr does not name the context key envName"; }
grep -q "Bad_Name" "$WORK/fail.err" || fail "the error on stderr does not quote the bad value Bad_Name"
diff -r "$WORK/default-json-1" "$outputs/cdk.out" >&2 || fail "a failed synth changed the existing output directory (diff above)"
[[ "$(ls -A "$outputs")" == "$before" ]] || fail "a failed synth left files next to the output directory: $(ls -A "$outputs")"
log "failed synth: exit 1, error on stderr ($(head -1 "$WORK/fail.err")), existing cdk.out untouched"

# A failing synth with no output directory yet.
set +e
(cd "$cwd" && "$OPSYNTH_BIN" synth -o "$outputs/fresh" -c envName=Bad_Name >/dev/null 2>&1)
status=$?
set -e
[[ $status -eq 1 ]] || fail "second failing synth exited $status, expected 1"
[[ ! -e "$outputs/fresh" ]] || fail "a failed synth created the output directory $outputs/fresh"
[[ "$(ls -A "$outputs")" == "$before" ]] || fail "a failed synth left files next to the output directory: $(ls -A "$outputs")"
log "ok ($(elapsed))"
