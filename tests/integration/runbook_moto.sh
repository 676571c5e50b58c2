#!/usr/bin/env bash
# The runbooks' --dry-run prints the aws commands with the app's names, and the commands that
# moto implements run against a moto_server holding the app's own resources:
#   1. deploy the BackupStack and DataStack templates to moto (tables and buckets by their
#      template names) and create the vault (moto's CloudFormation skips AWS::Backup types);
#   2. run each runbook with --dry-run --endpoint-url (the commands are printed, not run);
#   3. check the printed commands name the app's vault, restore role, tables and buckets;
#   4. run the printed commands moto supports (backup describe-backup-vault, dynamodb
#      describe-table, s3 ls / sync / cp, s3api list-objects-v2) against moto; they must succeed.
# moto 5.2 has no recovery points, restore jobs or Cognito import jobs: those commands (and the
# description of the tables a restore job would create) are checked as text only.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/moto.sh"

start_moto
cd "$WORK" || fail "no scratch directory"  # a clean working directory: opsynth reads cdk.json from it
"$OPSYNTH_BIN" synth -o "$WORK/cdk.out" 2>/dev/null || fail "opsynth synth failed"
"$OPSYNTH_BIN" runbook -o "$WORK/runbooks" 2>/dev/null || fail "opsynth runbook failed"

# The app's names, from the generated scripts' header block (itself read from the templates).
# shellcheck disable=SC1090
source <(sed -n "/^# The app's names/,/^readonly TABLES=/p" "$WORK/runbooks/restore-table.sh")

# moto 5.2's GetTemplateSummary needs AWSTemplateFormatVersion (see moto_deploy.sh).
for stack in prod-env-BackupStack prod-env-DataStack; do
  python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))
json.dump({"AWSTemplateFormatVersion": "2010-09-09", **t}, open(sys.argv[2], "w"))' \
    "$WORK/cdk.out/$stack.template.json" "$WORK/$stack.json"
  awsm cloudformation deploy --template-file "$WORK/$stack.json" --stack-name "$stack" \
    --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset >/dev/null ||
    { moto_log_tail; fail "deploying $stack to moto failed"; }
done
awsm backup create-backup-vault --backup-vault-name "$BACKUP_VAULT_NAME" >/dev/null
awsm s3 cp - "s3://$BACKUP_BUCKET_NAME/index.html" <<<"<html>backup</html>" >/dev/null
awsm s3 cp - "s3://$BACKUP_BUCKET_NAME/${COGNITO_EXPORT_PREFIX}2026-01-01/users.csv" <<<"name,email" >/dev/null

dry_run() { # SCRIPT [args...] → the printed commands in $WORK/SCRIPT.cmds
  local script="$1"
  shift
  "$WORK/runbooks/$script" --dry-run --endpoint-url "$MOTO_URL" "$@" >"$WORK/$script.cmds" 2>"$WORK/$script.log" ||
    { cat "$WORK/$script.log" >&2; fail "$script --dry-run failed"; }
  [[ -s "$WORK/$script.cmds" ]] || fail "$script --dry-run printed no command"
}
expect() { # SCRIPT PATTERN: a printed command matches
  grep -q -e "$2" "$WORK/$1.cmds" || { cat "$WORK/$1.cmds" >&2; fail "$1: no printed command matches: $2"; }
}

first_table="${TABLES[0]}"
dry_run restore-table.sh "$first_table" --target-table "$first_table"
expect restore-table.sh "backup list-recovery-points-by-backup-vault --backup-vault-name $BACKUP_VAULT_NAME --by-resource-arn $TABLE_ARN_PREFIX$first_table"
expect restore-table.sh "backup start-restore-job .* --iam-role-arn $RESTORE_ROLE_ARN --resource-type DynamoDB --metadata targetTableName=$first_table"
expect restore-table.sh "dynamodb describe-table --table-name $first_table"

dry_run disaster-recovery.sh
for table in "${TABLES[@]}"; do expect disaster-recovery.sh "targetTableName=$table-recovered-"; done
expect disaster-recovery.sh "s3 sync s3://$BACKUP_BUCKET_NAME/ s3://$ASSETS_BUCKET_NAME/"

dry_run restore-cognito-users.sh --user-pool-id eu-west-2_abcdefghi --logs-role-arn arn:aws:iam::123456789012:role/x
expect restore-cognito-users.sh "s3 ls s3://$BACKUP_BUCKET_NAME/$COGNITO_EXPORT_PREFIX"
expect restore-cognito-users.sh "cognito-idp create-user-import-job --user-pool-id eu-west-2_abcdefghi"

# Every printed command moto implements runs against it. (The lines are printf %q-quoted words.)
ran=0
for script in restore-table.sh disaster-recovery.sh restore-cognito-users.sh; do
  while IFS= read -r line; do
    case "$line" in
      # disaster-recovery.sh describes the tables its restore jobs create, which moto never makes.
      *" dynamodb describe-table "*-recovered-*) continue ;;
      *" backup describe-backup-vault "* | *" dynamodb describe-table "* | *" s3 ls "* | *" s3 sync "* | *" s3api list-objects-v2 "*) ;;
      *" s3 cp "*) line="${line//\\<latest\\>/2026-01-01}" ;;  # the stand-in for the latest export
      *) continue ;;
    esac
    eval "$line" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; moto_log_tail; fail "$script: against moto: $line"; }
    ran=$((ran + 1))
  done <"$WORK/$script.cmds"
done
((ran >= 5)) || fail "only $ran printed commands ran against moto"
awsm s3 ls "s3://$ASSETS_BUCKET_NAME/index.html" >/dev/null || fail "s3 sync did not copy the assets back"
log "ok: dry-runs print the app's names; $ran commands ran against moto ($(elapsed))"
