#!/usr/bin/env bash
# `opsynth diff` guards data (issue 6):
#   - against the assembly it just synthesized: no differences, exit 0;
#   - a DynamoDB table's TableName changed in the previous template (a create-only property,
#     so CloudFormation would replace the table): exit 1, naming stack, logical ID and type;
#   - the same with --allow-replace LOGICAL_ID: exit 0;
#   - one template file (stack taken from its name), and a YAML one, work the same way;
#   - malformed previous inputs: exit 1 with a message saying what is expected.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"

prev="$WORK/prev"
opsynth_synth "$prev" default
cwd="$(mktemp -d "$WORK/cwd.XXXXXX")"

# run_diff EXPECTED_STATUS ARGS...: runs opsynth diff in a clean directory; output in $WORK/out, $WORK/err.
run_diff() {
  local expected="$1" status
  shift
  set +e
  (cd "$cwd" && "$OPSYNTH_BIN" diff "$@" >"$WORK/out" 2>"$WORK/err")
  status=$?
  set -e
  [[ $status -eq $expected ]] || {
    cat "$WORK/out" "$WORK/err" >&2
    fail "opsynth diff $* exited $status, expected $expected"
  }
}
expect_in() {  # FILE TEXT
  grep -qF -- "$2" "$WORK/$1" || { cat "$WORK/out" "$WORK/err" >&2; fail "expected in $1: $2"; }
}

run_diff 0 --against "$prev"
stacks=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(sum(a["type"]=="aws:cloudformation:stack" for a in m["artifacts"].values()))' "$prev/manifest.json")
[[ $(grep -c '^There were no differences$' "$WORK/out") -eq $stacks ]] || { cat "$WORK/out" >&2; fail "a fresh assembly should show no differences in any of its $stacks stacks"; }
log "no changes: exit 0, $stacks stacks without differences"

# The first DynamoDB table with a TableName: "stack file logicalId".
read -r stack file table < <(python3 - "$prev" <<'PY'
import json, sys, pathlib
d = pathlib.Path(sys.argv[1])
for name, a in json.load(open(d / "manifest.json"))["artifacts"].items():
    if a["type"] != "aws:cloudformation:stack":
        continue
    t = json.load(open(d / a["properties"]["templateFile"]))
    for lid, r in t.get("Resources", {}).items():
        if r["Type"] == "AWS::DynamoDB::Table" and "TableName" in r.get("Properties", {}):
            print(name, a["properties"]["templateFile"], lid)
            sys.exit(0)
sys.exit("no AWS::DynamoDB::Table with a TableName in the default app")
PY
)
python3 - "$prev/$file" "$table" <<'PY'
import json, sys
path, table = sys.argv[1], sys.argv[2]
t = json.load(open(path))
t["Resources"][table]["Properties"]["TableName"] = "renamed-by-diff-guard"
json.dump(t, open(path, "w"), indent=1)
PY

run_diff 1 --against "$prev"
expect_in err "error: $stack: $table (AWS::DynamoDB::Table) would be replaced: create-only property TableName changed"
expect_in err "--allow-replace $table"
expect_in out "[~] AWS::DynamoDB::Table $table (replace) BLOCKED"
expect_in out "[~] Properties.TableName (requires replacement): \"renamed-by-diff-guard\" → "
log "changed TableName: exit 1 naming $stack / $table"

run_diff 0 --against "$prev" --allow-replace "$table"
expect_in out "[~] AWS::DynamoDB::Table $table (replace)"
log "--allow-replace $table: exit 0"

# One template file: the stack comes from the file name, or is named.
run_diff 1 --against "$prev/$file"
expect_in err "error: $stack: $table (AWS::DynamoDB::Table) would be replaced"
cp "$prev/$file" "$WORK/deployed.json"
run_diff 2 --against "$WORK/deployed.json"
expect_in err "name the stack it belongs to"
run_diff 0 --against "$WORK/deployed.json" --allow-replace "$table" "$stack"
log "single template file: same verdicts"

# The same template as YAML with short-form intrinsics (as `aws cloudformation get-template` may return it).
python3 - "$WORK/deployed.json" "$WORK/deployed.yaml" <<'PY'
import json, sys
def emit(v, indent):
    pad = " " * indent
    if isinstance(v, dict) and len(v) == 1 and next(iter(v)) == "Ref":
        return " !Ref " + json.dumps(v["Ref"])
    if isinstance(v, dict) and v:
        return "\n" + "".join(f"{pad}{json.dumps(k)}:{emit(x, indent + 2)}\n" for k, x in v.items()).rstrip("\n")
    if isinstance(v, list) and v:
        return "\n" + "".join(f"{pad}-{emit(x, indent + 2)}\n" for x in v).rstrip("\n")
    return " " + json.dumps(v)
open(sys.argv[2], "w").write(emit(json.load(open(sys.argv[1])), 0).lstrip("\n") + "\n")
PY
run_diff 1 --against "$WORK/deployed.yaml" "$stack"
expect_in err "error: $stack: $table (AWS::DynamoDB::Table) would be replaced"
log "YAML template: same verdict"

# Malformed previous inputs.
printf 'not json' >"$WORK/bad.json"
run_diff 1 --against "$WORK/bad.json" "$stack"
expect_in err "bad.json: not valid JSON"
printf '{"Outputs":{}}' >"$WORK/nores.json"
run_diff 1 --against "$WORK/nores.json" "$stack"
expect_in err "nores.json: no \"Resources\" map"
mkdir "$WORK/noartifacts" && printf '{"version":"55.0.0"}' >"$WORK/noartifacts/manifest.json"
run_diff 1 --against "$WORK/noartifacts"
expect_in err "manifest.json: no \"artifacts\" map"
run_diff 1 --against "$WORK/missing"
expect_in err "missing: no such directory or file"
log "malformed inputs: exit 1 with a clear message"
log "ok ($(elapsed))"
