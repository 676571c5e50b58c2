#!/usr/bin/env bash
# The real `cdk` CLI (npm aws-cdk, tests/node/node_modules/.bin/cdk) drives opsynth through
# cdk.json, with no AWS account:
#   - `cdk ls` lists exactly the stacks of opsynth's manifest (in the same order);
#   - `cdk ls --long` / `--show-dependencies` show the environments and stack dependencies of
#     opsynth's manifest;
#   - `cdk synth --quiet` succeeds, and the cloud assembly it leaves in cdk.out is byte-identical
#     to `opsynth synth -o` run in the same project (same cdk.json context);
#   - `cdk synth STACK` prints that stack's template (YAML), one stack at a time.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"
need_node_modules
CDK="$NODE_DIR/node_modules/.bin/cdk"
[[ -x "$CDK" ]] || fail "$CDK is missing: run scripts/install-deps.sh --test"

# A project dir like the repo root, but whose app is the binary under test.
project="$WORK/project"
mkdir -p "$project"
python3 - "$OPSYNTH_SOURCE_DIR/cdk.json" "$project/cdk.json" "$OPSYNTH_BIN" <<'PY'
import json, shlex, sys
cfg = json.load(open(sys.argv[1]))
cfg["app"] = shlex.quote(sys.argv[3]) + " synth"
json.dump(cfg, open(sys.argv[2], "w"), indent=2)
PY

# No account, no network: dummy credentials, no version check, no notices, no telemetry.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=eu-west-2 AWS_REGION=eu-west-2
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=true
export HOME="$WORK/home" && mkdir -p "$HOME"  # the CLI writes ~/.cdk caches

cdk() {
  local out
  if ! out="$(cd "$project" && "$CDK" --no-notices --no-version-reporting "$@" 2>"$WORK/cdk.err")"; then
    cat "$WORK/cdk.err" >&2
    fail "cdk $* failed (stderr above)"
  fi
  printf '%s\n' "$out"
}

# What opsynth itself writes for this project.
(cd "$project" && "$OPSYNTH_BIN" synth -o "$WORK/direct" >/dev/null) || fail "opsynth synth failed in $project"
mapfile -t expected < <(python3 -c '
import json, sys
arts = json.load(open(sys.argv[1]))["artifacts"]
print("\n".join(k for k, v in arts.items() if v.get("type") == "aws:cloudformation:stack"))' "$WORK/direct/manifest.json")
((${#expected[@]} > 0)) || fail "opsynth's manifest lists no stacks"

problems=()
log "cdk ls"
listed="$(cdk ls)"
want="$(printf '%s\n' "${expected[@]}")"
if [[ "$listed" != "$want" ]]; then
  msg="cdk ls printed:"$'\n'"$listed"$'\n'"but opsynth's manifest has exactly:"$'\n'"$want"
  if [[ "$(grep -Fx -f <(printf '%s\n' "${expected[@]}") <<<"$listed")" == "$want" ]]; then
    msg+=$'\n'"(the extra lines are opsynth synth's own stdout, which the cdk CLI passes through to its stdout; aws-cdk-lib apps print nothing there, so scripts that read \`cdk ls\` break: opsynth should not write to stdout when the cdk CLI runs it)"
  fi
  problems+=("$msg")
fi

log "cdk ls --long --json; cdk ls --show-dependencies --json"
cdk ls --long --json >"$WORK/ls-long.txt"
cdk ls --show-dependencies --json >"$WORK/ls-deps.txt"
why="$(python3 "$(dirname "$0")/lib/cdk_ls_check.py" "$WORK/direct/manifest.json" "$WORK/ls-long.txt" "$WORK/ls-deps.txt" 2>&1)" ||
  problems+=("the cdk CLI shows other environments or dependencies than opsynth's manifest:"$'\n'"$why")

log "cdk synth --quiet"
cdk synth --quiet >/dev/null
# The CLI may leave its own lock files in cdk.out; everything else must be opsynth's bytes.
if ! diff -r -x '*.lock' "$WORK/direct" "$project/cdk.out" >"$WORK/diff.txt"; then
  problems+=("cdk.out written through the cdk CLI differs from opsynth synth -o output:"$'\n'"$(head -50 "$WORK/diff.txt")")
fi

first="${expected[0]}"
log "cdk synth $first"
cdk synth "$first" >"$WORK/shown.yaml"
python3 - "$WORK/direct" "$first" "$WORK/shown.yaml" <<'PY' || problems+=("cdk synth $first did not print that stack's template")
import json, os, sys
d, stack, shown = sys.argv[1:4]
arts = json.load(open(os.path.join(d, "manifest.json")))["artifacts"]
template = json.load(open(os.path.join(d, arts[stack]["properties"]["templateFile"])))
text = open(shown).read()
missing = [lid for lid in template.get("Resources", {}) if lid + ":" not in text]
sys.exit(1 if missing or not text.strip() else 0)
PY
if ((${#problems[@]})); then
  printf '\n%s\n' "${problems[@]}" >&2
  fail "${#problems[@]} check(s) of the cdk CLI failed (above)"
fi
log "ok: cdk ls / ls --long / synth / synth STACK agree with opsynth (${#expected[@]} stacks, $(elapsed))"
