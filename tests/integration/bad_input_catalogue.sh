#!/usr/bin/env bash
# shellcheck disable=SC2016  # each case's command is single-quoted: check() evaluates it
# The catalogue of bad inputs, CLI level (issue 6): malformed cdk.json, cdk.context.json,
# CDK_CONTEXT_JSON, --config files and -c values; unknown stack names; missing required
# context; invalid account ids, regions, emails, URLs and ARNs; outputs that cannot be
# written; usage errors. Each case checks the exit status, that stderr names the context key,
# file or path AND says what is allowed (regexes), and that a previous good `cdk.out/` (and
# the user's files next to it) are byte-identical afterwards. Construct-level cases are in
# tests/unit/bad_input_catalogue_test.cpp; tests/integration/bad_input/README.md lists both.
#
# Usage: bad_input_catalogue.sh [BUILD_DIR]
source "$(dirname "$0")/lib/common.sh" "$@"

OPSYNTH_BIN="$(realpath "$OPSYNTH_BIN")"  # the cases run in other directories
FIXTURES="$(realpath "$OPSYNTH_SOURCE_DIR/tests/integration/bad_input")"
GOOD="$WORK/cdk.out"  # every case writes here (-o): a case that wrote anything would change it
KEEP="$WORK/keep"     # the user's files that a bad -o must not touch
export FIXTURES GOOD KEEP  # read by the cases' commands
mkdir -p "$WORK/empty" "$KEEP/src"
echo "keep me" >"$KEEP/notes.txt"
echo "int main() {}" >"$KEEP/src/main.cpp"
echo "x" >"$WORK/blocker"
# A runbook directory an earlier run wrote, where one file's name is now taken by a directory: a
# run that cannot write it (for another environment) must leave the other files as they were.
"$OPSYNTH_BIN" runbook -c envName=ci -o "$KEEP/rb" 2>/dev/null || fail "the good runbook run failed"
rm "$KEEP/rb/disaster-recovery.sh" && mkdir "$KEEP/rb/disaster-recovery.sh"

# Run from a directory without cdk.json, so that only what a case gives is read.
cd "$WORK/empty" || exit 1
"$OPSYNTH_BIN" synth -o "$GOOD" 2>"$WORK/good.err" || fail "the good synth failed: $(cat "$WORK/good.err")"
tree_hashes() { (cd "$WORK" && find cdk.out keep blocker -type f -print0 | sort -z | xargs -0 sha256sum); }
BEFORE="$(tree_hashes)"

failures=()
cases=0
# check NAME EXPECTED_EXIT COMMAND REGEX...
#   COMMAND is evaluated in $WORK/empty with $OPS (the binary), $GOOD and $FIXTURES set;
#   every REGEX (grep -E) must match the command's stderr.
check() {
  local name="$1" want="$2" cmd="$3" rc=0 problems=() re
  shift 3
  cases=$((cases + 1))
  (cd "$WORK/empty" && OPS="$OPSYNTH_BIN" eval "$cmd") >"$WORK/out" 2>"$WORK/err" || rc=$?
  [[ "$rc" == "$want" ]] || problems+=("exit $rc, expected $want")
  for re in "$@"; do
    grep -Eq -- "$re" "$WORK/err" || problems+=("stderr lacks /$re/")
  done
  [[ "$(tree_hashes)" == "$BEFORE" ]] || problems+=("cdk.out or the user's files changed")
  if ((${#problems[@]})); then
    printf 'FAIL %s: %s\n' "$name" "$(IFS=';'; echo "${problems[*]}")" >&2
    sed 's/^/     | /' "$WORK/err" | head -20 >&2
    failures+=("$name")
  else
    printf 'ok   %s\n' "$name" >&2
  fi
}
# Fixture projects (a cdk.json and/or cdk.context.json) are in $FIXTURES/<name>/.
in_project() { printf 'cd "$FIXTURES/%s" && $OPS synth -o "$GOOD"' "$1"; }

# --- files: cdk.json, cdk.context.json, CDK_CONTEXT_JSON, --config --------------------------------
check "cdk.json not JSON" 1 "$(in_project cdk-json-syntax)" \
  '\./cdk\.json: not valid JSON \(.*line [0-9]+, column [0-9]+' 'expected a JSON object' 'nothing was written'
check "cdk.json an array" 1 "$(in_project cdk-json-array)" '\./cdk\.json: expected a JSON object, found array'
check "cdk.json context not an object" 1 "$(in_project cdk-json-context-list)" \
  '\./cdk\.json: "context" must be a JSON object, found array'
check "cdk.json context value wrong type" 1 "$(in_project cdk-json-arns-number)" \
  'context "lambdaFunctionArns": expected a list of ARNs or a comma-separated string'
check "cdk.context.json not JSON" 1 "$(in_project cdk-context-json-syntax)" \
  '\./cdk\.context\.json: not valid JSON' 'expected a JSON object'
check "CDK_CONTEXT_JSON not JSON" 1 'CDK_CONTEXT_JSON="{bad" $OPS synth -o "$GOOD"' \
  'CDK_CONTEXT_JSON: not valid JSON' 'expected a JSON object'
check "CDK_CONTEXT_JSON a string" 1 'CDK_CONTEXT_JSON="\"prod\"" $OPS synth -o "$GOOD"' \
  'CDK_CONTEXT_JSON: expected a JSON object, found string'
check "--config YAML syntax" 1 '$OPS synth --config "$FIXTURES/unclosed.yaml" -o "$GOOD"' \
  'unclosed\.yaml: not valid YAML \(line [0-9]+, column [0-9]+' 'expected a map of context keys'
check "--config YAML a list" 1 '$OPS synth --config "$FIXTURES/list.yaml" -o "$GOOD"' \
  'list\.yaml: expected a map of context keys'
check "--config YAML tab indentation" 1 '$OPS synth --config "$FIXTURES/tab.yaml" -o "$GOOD"' \
  'tab\.yaml: not valid YAML \(.*tab'
check "--config YAML duplicate key" 1 '$OPS synth --config "$FIXTURES/duplicate-key.yaml" -o "$GOOD"' \
  'duplicate-key\.yaml: key "envName" is given twice; give each key once'
check "--config YAML recursive alias" 1 '$OPS synth --config "$FIXTURES/recursive-alias.yaml" -o "$GOOD"' \
  'recursive-alias\.yaml: nested deeper than 64 levels' 'context values are small'
check "--config YAML nested value" 1 '$OPS synth --config "$FIXTURES/nested-value.yaml" -o "$GOOD"' \
  'context "envName": expected a string, found object'
check "--config JSON syntax" 1 '$OPS synth --config "$FIXTURES/truncated.json" -o "$GOOD"' \
  'truncated\.json: not valid JSON' 'expected a JSON object'
check "--config file missing" 2 '$OPS synth --config no-such.yaml -o "$GOOD"' \
  '--config: File does not exist: no-such\.yaml'

# --- -c values and environment variables -----------------------------------------------------
check "-c without =" 1 '$OPS synth -c envName -o "$GOOD"' \
  '-c envName: context values are given as key=value \(e\.g\. -c envName=prod\)'
check "-c empty key" 1 '$OPS synth -c =prod -o "$GOOD"' '-c =prod: context values are given as key=value'
check "-c flag not a boolean" 1 '$OPS synth -c requireRealAccounts=maybe -o "$GOOD"' \
  'context "requireRealAccounts": "maybe" is not allowed; use true or false'
check "-c envName pattern" 1 '$OPS synth -c envName=Prod_1 -o "$GOOD"' \
  'context "envName": "Prod_1" must be 1-32 lowercase letters, digits and inner dashes'
check "-c deploymentName over 32" 1 '$OPS synth -c deploymentName=a234567890123456789012345678901234 -o "$GOOD"' \
  'context "deploymentName": "a234567890123456789012345678901234" must be 1-32'
check "ENVIRONMENT_NAME pattern" 1 'ENVIRONMENT_NAME="BAD!" $OPS synth -o "$GOOD"' \
  'context "envName": "BAD!" must be 1-32 lowercase letters'
check "ALERT_EMAIL not an email" 1 'ALERT_EMAIL="ops-at-example" $OPS synth -o "$GOOD"' \
  'context "alertEmail": "ops-at-example" is not an email address'

# --- stack names -------------------------------------------------------------------------------
check "unknown stack" 1 '$OPS synth NoSuchStack -o "$GOOD"' \
  'no stack named "NoSuchStack"; the app has: prod-env-BackupStack, prod-env-DataStack, prod-app-OpsStack' \
  'nothing was written'
check "lambdaFunctionArns entries not strings" 1 'CDK_CONTEXT_JSON="{\"lambdaFunctionArns\":[1,{}]}" $OPS synth -o "$GOOD"' \
  'context "lambdaFunctionArns": entry 0 is 1; every entry must be a string ARN' \
  'context "lambdaFunctionArns": entry 1 is \{\}; every entry must be a string ARN'
check "unknown stack given twice: one error" 1 '$OPS synth NoSuchStack NoSuchStack -o "$GOOD"' \
  'no stack named "NoSuchStack"' 'opsynth: 1 error; nothing was written'
check "unknown stack next to a known one" 1 '$OPS synth prod-env-DataStack prod-env-Nope -o "$GOOD"' \
  'no stack named "prod-env-Nope"'
# `-c k=v STACK`: the stack name is not taken as a second -c value.
check "stack of another environment" 1 '$OPS synth -c envName=ci ci-app-OpsStack prod-app-OpsStack -o "$GOOD"' \
  'no stack named "prod-app-OpsStack"; the app has: ci-env-BackupStack'

check "output directory holding the working directory" 1 '$OPS synth -o .' \
  '\.: holds the working directory, and writing replaces the whole directory; give a directory beside or below it'
check "output directory a link to nothing" 1 'ln -sfn nowhere "$WORK/dangling" && $OPS synth -o "$WORK/dangling"' \
  'dangling: is a symbolic link to nowhere, which does not exist; create the directory it points to'
check "workflows: alert email in -c, config outside the repository: both at once" 1 \
  'echo "deploymentName: blue" >"$WORK/up.yaml" && $OPS workflows -o "$WORK/wf" -c alertEmail=ops@example.com --config "$WORK/up.yaml" --config ../up.yaml' \
  '-c alertEmail=ops@example.com: opsynth workflows writes its -c values into the workflow files.*ALERT_EMAIL' \
  '--config /.*/up\.yaml: opsynth workflows passes it on to opsynth at the repository root' \
  '--config \.\./up\.yaml: ' 'opsynth: 3 errors; nothing was written'
check "diff: every unknown stack at once" 1 '$OPS diff --against "$GOOD" nosuch1 nosuch2' \
  'no stack named "nosuch1"' 'no stack named "nosuch2"' 'opsynth: 2 errors; nothing was written'
check "workflows -o empty" 1 "\$OPS workflows -o ''" "-o '': an empty path names no directory; give one with -o DIR"
check "cdk.json output not a string" 1 'mkdir -p "$WORK/outjson" && echo "{\"output\": 5}" >"$WORK/outjson/cdk.json" && cd "$WORK/outjson" && $OPS synth' \
  '\./cdk\.json: "output" must be a string \(the cloud assembly directory\), found number'
check "cdk.json a directory" 1 'mkdir -p "$WORK/dirjson/cdk.json" && cd "$WORK/dirjson" && $OPS synth -o "$GOOD"' \
  '\./cdk\.json: is a directory; expected a JSON file \(or none\)'
check "ls: an unknown stack" 1 '$OPS ls prod-env-Nope' 'no stack named "prod-env-Nope"; the app has: prod-env-BackupStack'
check "a glob that matches no stack" 1 '$OPS synth "prod-api-*" -o "$GOOD"' \
  'no stack matches "prod-api-\*"; the app has: prod-env-BackupStack'

# --- missing required context ------------------------------------------------------------------
check "requireRealAccounts without accounts (prod)" 1 '$OPS synth -c requireRealAccounts=true -o "$GOOD"' \
  'context "prodAccountId": 222222222222 is a placeholder account id; set the real account id' \
  'context "backupAccountId": 333333333333 is a placeholder account id' 'opsynth: 2 errors'
check "requireRealAccounts without ciAccountId" 1 \
  '$OPS synth -c envName=ci -c requireRealAccounts=true -c backupAccountId=444444444444 -o "$GOOD"' \
  'context "ciAccountId": 111111111111 is a placeholder account id; set the real account id' 'opsynth: 1 error;'

# --- account ids, regions, emails, URLs, ARNs, ids -------------------------------------------
check "account id too short" 1 '$OPS synth -c ciAccountId=12345 -o "$GOOD"' \
  'context "ciAccountId": "12345" is not an AWS account id \(12 digits\)'
check "account id not digits" 1 '$OPS synth -c managementAccountId=88776410543x -o "$GOOD"' \
  'context "managementAccountId": "88776410543x" is not an AWS account id \(12 digits\)'
check "account id 13 digits" 1 '$OPS synth -c backupAccountId=3333333333333 -o "$GOOD"' \
  'context "backupAccountId": "3333333333333" is not an AWS account id \(12 digits\)'
check "hostedZoneName empty, subDomainName not a DNS name" 1 \
  '$OPS synth -c hostedZoneName= -c "subDomainName=a..b" -o "$GOOD"' \
  'context "hostedZoneName": "" must be a DNS name: labels of 1-63 lowercase letters, digits and inner dashes, joined by dots' \
  'context "subDomainName": "a\.\.b" must be a DNS name'
check "region in another partition" 1 '$OPS synth -c region=cn-north-1 -o "$GOOD"' \
  'context "region": "cn-north-1" is in the aws-cn partition; the app builds its ARNs in the aws partition' \
  'use a commercial region such as eu-west-2'
check "region in GovCloud" 1 '$OPS synth -c region=us-gov-west-1 -o "$GOOD"' \
  'context "region": "us-gov-west-1" is in the aws-us-gov partition'
check "region unknown form" 1 '$OPS synth -c region=mars-1 -o "$GOOD"' \
  'context "region": "mars-1" is not an AWS region name \(e\.g\. eu-west-2\)'
check "email without domain" 1 '$OPS synth -c alertEmail=ops@localhost -o "$GOOD"' \
  'context "alertEmail": "ops@localhost" is not an email address'
check "envName starting with a digit" 1 '$OPS synth -c envName=5 -o "$GOOD"' \
  'context "envName": "5" must be 1-32 lowercase letters, digits and inner dashes, starting with a letter' \
  'opsynth: 1 error; nothing was written'
check "URL not https" 1 '$OPS synth -c baseUrl=http://submit.example.com/ -o "$GOOD"' \
  "context \"baseUrl\": \"http://submit.example.com/\" must be an https:// URL ending in '/' \\(or empty for no canaries\\)"
check "URL without trailing /" 1 '$OPS synth -c baseUrl=https://submit.example.com -o "$GOOD"' \
  "context \"baseUrl\": \"https://submit.example.com\" must be an https:// URL ending in '/'"
check "ARN of another service" 1 \
  '$OPS synth -c lambdaFunctionArns=arn:aws:lambda:eu-west-2:222222222222:function:ok,arn:aws:s3:::bucket -o "$GOOD"' \
  'context "lambdaFunctionArns": "arn:aws:s3:::bucket" is not a Lambda function ARN \(arn:aws:lambda:REGION:ACCOUNT:function:NAME\)'
check "organization id" 1 '$OPS synth -c organizationId=org-123 -o "$GOOD"' \
  'context "organizationId": "org-123" is not an AWS Organizations id \(o-xxxxxxxxxx\)'
check "URL port out of range" 1 '$OPS synth -c baseUrl=https://submit.example.com:65536/ -o "$GOOD"' \
  'context "baseUrl": "https://submit.example.com:65536/" has port "65536"; a port must be 1-65535'
check "canary interval 0" 1 '$OPS synth -c canaryIntervalMinutes=0 -o "$GOOD"' \
  'context "canaryIntervalMinutes": "0" is not allowed; use whole minutes from 1 to 60'
check "canary interval 61" 1 '$OPS synth -c canaryIntervalMinutes=61 -o "$GOOD"' \
  'context "canaryIntervalMinutes": "61" is not allowed; use whole minutes from 1 to 60'
check "canary interval not a number" 1 '$OPS synth -c canaryIntervalMinutes=5m -o "$GOOD"' \
  'context "canaryIntervalMinutes": "5m" is not allowed; use whole minutes from 1 to 60'

# --- every error of a run at once ----------------------------------------------------------
check "several -c errors in one run" 1 \
  '$OPS synth -c envName=ci -c ciAccountId=1234 -c region=eu -c alertEmail=a@b -c canaryIntervalMinutes=99 -c baseUrl=ftp://x/ -c lambdaFunctionArns=arn:aws:lambda:eu-west-2:111111111111:function:f -o "$GOOD"' \
  'context "region": "eu" is not an AWS region name' 'context "ciAccountId": "1234" is not an AWS account id' \
  'context "alertEmail": "a@b" is not an email address' 'context "canaryIntervalMinutes": "99" is not allowed' \
  'context "baseUrl": "ftp://x/" must be an https:// URL' 'opsynth: 5 errors; nothing was written'
check "errors from several sources in one run" 1 \
  'CDK_CONTEXT_JSON="[1]" $OPS synth --config "$FIXTURES/list.yaml" -c nokey -o "$GOOD"' \
  'CDK_CONTEXT_JSON: expected a JSON object, found array' 'list\.yaml: expected a map of context keys' \
  '-c nokey: context values are given as key=value' 'opsynth: 3 errors; nothing was written'

# --- output directories that cannot (or must not) be written ----------------------------------
check "-o under a regular file" 1 '$OPS synth -o "$WORK/blocker/cdk.out"' \
  'cannot write the cloud assembly: cannot create .*blocker/.*Not a directory; choose a writable output directory'
check "-o under /proc" 1 '$OPS synth -o /proc/opsynth-bad-input' \
  'cannot write the cloud assembly: cannot create /proc/.*; choose a writable output directory'
check "-o an existing file" 1 '$OPS synth -o "$KEEP/notes.txt"' \
  'keep/notes\.txt: is not a directory; give a new or empty directory, or a previous cloud assembly'
check "-o a directory of other files" 1 '$OPS synth -o "$KEEP/src"' \
  'keep/src: is a directory that is not a cloud assembly \(it holds main\.cpp\).*give a new or empty directory'

check "runbook -o where a file's name is a directory" 1 '$OPS runbook -o "$KEEP/rb"' \
  'keep/rb/disaster-recovery\.sh: is a directory; move it out, or give another directory with -o DIR' \
  'nothing was written'
check "runbook -o an existing file" 1 '$OPS runbook -o "$KEEP/notes.txt"' \
  'keep/notes\.txt: is not a directory; give a new directory, or the one an earlier run wrote, with -o DIR'
check "-o a path ending in /." 0 'cp -r "$GOOD" "$WORK/again" && $OPS synth -o "$WORK/again/." && rm -r "$WORK/again"' \
  'again/\./prod-app-OpsStack\.template\.json'
check "CDK_OUTDIR empty: the default cdk.out" 0 'CDK_OUTDIR= $OPS synth && rm -r cdk.out' '^cdk\.out/prod-app-OpsStack\.template\.json'

# --- usage (exit 2) ----------------------------------------------------------------------------
check "--format not json or yaml" 2 '$OPS synth --format xml -o "$GOOD"' '--format: xml not in \{json,yaml\}'
check "unknown option" 2 '$OPS synth --bogus -o "$GOOD"' 'The following argument was not expected: --bogus'
check "unknown command" 2 '$OPS frobnicate' 'A subcommand is required|frobnicate'

log "$cases cases, ${#failures[@]} failed ($(elapsed))"
((${#failures[@]} == 0)) || fail "failing cases: $(IFS=','; echo "${failures[*]}")"
