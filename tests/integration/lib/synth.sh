# shellcheck shell=bash
# Synthesis helpers: the context variants every integration test covers, and opsynth / aws-cdk-lib
# runs in a clean working directory (opsynth reads cdk.json and cdk.context.json from the
# current directory, so the repo's own files must not leak in).

# name → context pairs. "default" is the app as shipped; "optional" sets every optional key;
# "nocanaries" turns the canaries off with an explicit empty baseUrl.
declare -gA CONTEXT_VARIANTS=(
  [default]=""
  [optional]="envName=ci deploymentName=ci-feature alertEmail=ops@example.com
    rumAppMonitorId=0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9 cloudFrontDistributionId=E1234567890ABC
    apiGatewayId=abc123 organizationId=o-abcdefghij"
  [nocanaries]="baseUrl="
)
# shellcheck disable=SC2034  # used by the sourcing script
CONTEXT_VARIANT_ORDER=(default optional nocanaries)

# context_args VARIANT [KEY] → "-c k=v" words on stdout, one per line; KEY, if given, left out.
context_args() {
  local pair
  for pair in ${CONTEXT_VARIANTS[$1]}; do
    [[ -n "${2:-}" && "$pair" == "$2="* ]] || printf -- '-c\n%s\n' "$pair"
  done
}

# context_json VARIANT → the same context as a JSON object (what the cdk CLI passes in CDK_CONTEXT_JSON).
context_json() {
  # shellcheck disable=SC2086
  python3 -c 'import json,sys; print(json.dumps(dict(p.split("=",1) for p in sys.argv[1:])))' ${CONTEXT_VARIANTS[$1]}
}

# opsynth_synth OUTDIR VARIANT [extra args...]: synthesizes the default app into OUTDIR.
opsynth_synth() {
  local out="$1" variant="$2" cwd
  shift 2
  local -a ctx
  mapfile -t ctx < <(context_args "$variant")
  cwd="$(mktemp -d "$WORK/cwd.XXXXXX")"
  (cd "$cwd" && "$OPSYNTH_BIN" synth -o "$out" "${ctx[@]}" "$@" >/dev/null) ||
    fail "opsynth synth ($variant context) failed: $OPSYNTH_BIN synth -o $out ${ctx[*]} $*"
}

# cdklib_synth OUTDIR VARIANT: synthesizes the aws-cdk-lib reference app with the same context.
cdklib_synth() {
  local out="$1" variant="$2"
  need_node_modules
  (cd "$NODE_DIR" && CDK_OUTDIR="$out" CDK_CONTEXT_JSON="$(context_json "$variant")" node parity/app.js >/dev/null) ||
    fail "the aws-cdk-lib reference app (tests/node/parity/app.js, $variant context) failed"
}

# stacks_in DIR → "STACK_NAME<TAB>TEMPLATE_PATH" for each stack of a cloud assembly, in manifest
# dependency order (a stack after the stacks it depends on).
stacks_in() {
  python3 - "$1" <<'PY'
import json, os, sys
d = sys.argv[1]
arts = json.load(open(os.path.join(d, "manifest.json")))["artifacts"]
stacks = {k: v for k, v in arts.items() if v.get("type") == "aws:cloudformation:stack"}
done, order = set(), []
def visit(name):
    if name in done or name not in stacks: return
    done.add(name)
    for dep in stacks[name].get("dependencies", []): visit(dep)
    order.append(name)
for name in stacks: visit(name)
for name in order:
    props = stacks[name]["properties"]
    print(props.get("stackName", name) + "\t" + os.path.join(d, props["templateFile"]))
PY
}

# templates_in DIR → the stack templates of a cloud assembly, one path per line, dependencies first.
templates_in() { stacks_in "$1" | cut -f2; }

# synth_templates VARIANT DIR: synthesizes the context variant into DIR and sets the array
# `templates` to the stack templates its manifest lists (fails when it lists none).
synth_templates() {
  opsynth_synth "$2" "$1"
  mapfile -t templates < <(templates_in "$2")
  ((${#templates[@]} > 0)) || fail "$1: the assembly in $2 lists no stack templates"
}

# has_resources TEMPLATE: true when the template has at least one resource. A stack without
# resources renders as {} (as in aws-cdk-lib): CloudFormation cannot deploy it and `cdk deploy`
# skips it, so the tests note and skip such stacks while the stacks are being filled.
has_resources() {
  python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])).get("Resources") else 1)' "$1"
}
