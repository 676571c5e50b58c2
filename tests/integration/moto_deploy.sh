#!/usr/bin/env bash
# opsynth's templates deploy with the stock AWS CLI against moto_server (127.0.0.1), and retained
# data survives stack deletion. For the default app and the variant with every optional context:
#   1. `aws cloudformation deploy` each stack in dependency order (create, CREATE_COMPLETE), then
#      again (no-op update);
#   2. put an item into every retained DynamoDB table and an object into every retained S3 bucket
#      (DeletionPolicy Retain in the template);
#   3. `aws cloudformation delete-stack` each stack (dependents first) and wait;
#   4. the retained tables and buckets still exist with that item / object; the tables and buckets
#      that were not retained are gone.
# moto proves wiring and deployability only (shared/VERIFY.md): cfn_lint_all.sh checks properties.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/synth.sh"
source "$(dirname "$0")/lib/moto.sh"

VARIANTS=(default optional)
RETAINED_DATA="$(dirname "$0")/lib/retained_data.py"

# moto 5.2's GetTemplateSummary, which `deploy` calls once the stack exists, fails with KeyError
# 'AWSTemplateFormatVersion' on a template without that key (aws-cdk-lib and opsynth leave it out;
# CloudFormation defaults it). The deployed copy gets that key and nothing else changes.
with_format_version() { # TEMPLATE → path of the copy
  local copy="$WORK/deployed/${1#"$WORK"/}"
  mkdir -p "$(dirname "$copy")"
  python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))
json.dump({"AWSTemplateFormatVersion": "2010-09-09", **t}, open(sys.argv[2], "w"), indent=1)' "$1" "$copy"
  printf '%s\n' "$copy"
}

deploy() { # STACK TEMPLATE WHAT
  local out
  if ! out="$(awsm cloudformation deploy --template-file "$(with_format_version "$2")" --stack-name "$1" \
    --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset 2>&1)"; then
    printf '%s\n' "$out" >&2
    moto_log_tail
    fail "$3 of stack $1 failed on moto (template ${2#"$WORK"/}); the CLI output and moto's log are above"
  fi
}

start_moto
for variant in "${VARIANTS[@]}"; do
  # Names in the backup account are fixed and retained resources outlive their stacks: each
  # variant starts from an empty emulator.
  python3 -c "import urllib.request,sys; urllib.request.urlopen(urllib.request.Request(sys.argv[1] + '/moto-api/reset', method='POST'))" "$MOTO_URL"

  out="$WORK/$variant"
  opsynth_synth "$out" "$variant"
  mapfile -t stacks < <(stacks_in "$out")
  ((${#stacks[@]} > 0)) || fail "$variant: the assembly lists no stacks"

  deployed=() pairs=()
  for entry in "${stacks[@]}"; do
    IFS=$'\t' read -r stack template <<<"$entry"
    if ! has_resources "$template"; then
      log "$variant: note: $stack has no resources yet; not deployed (CloudFormation refuses an empty template)"
      continue
    fi
    if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])).get("Parameters") else 1)' "$template"; then
      log "$variant: note: $stack has Parameters; moto fails a no-op redeploy of such a template (VERIFY.md)"
    fi
    log "$variant: deploy $stack (create)"
    deploy "$stack" "$template" "create"
    log "$variant: deploy $stack again (no-op update)"
    deploy "$stack" "$template" "no-op redeploy"
    deployed+=("$stack") pairs+=("$stack=$template")
  done
  ((${#deployed[@]} > 0)) || continue

  status="$(awsm cloudformation describe-stacks --query 'Stacks[].[StackName,StackStatus]' --output text)"
  if grep -v -E $'\t(CREATE|UPDATE)_COMPLETE$' <<<"$status"; then fail "$variant: stacks not complete after deploy (above)"; fi

  python3 "$RETAINED_DATA" seed "$MOTO_URL" "$WORK/$variant.state" "${pairs[@]}" >&2 ||
    { moto_log_tail; fail "$variant: putting data into the deployed tables and buckets failed"; }

  for ((i = ${#deployed[@]} - 1; i >= 0; i--)); do
    stack="${deployed[i]}"
    log "$variant: delete $stack"
    { awsm cloudformation delete-stack --stack-name "$stack" &&
      awsm cloudformation wait stack-delete-complete --stack-name "$stack"; } ||
      { moto_log_tail; fail "delete-stack $stack did not complete"; }
  done

  python3 "$RETAINED_DATA" verify "$MOTO_URL" "$WORK/$variant.state" >&2 ||
    fail "$variant: retention after delete-stack is wrong (above)"
  log "$variant: ${#deployed[@]} of ${#stacks[@]} stacks created, redeployed and deleted"
done
log "ok ($(elapsed))"
