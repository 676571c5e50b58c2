#include "opsynth_stacks/runbooks.hpp"

#include "opsynth_stacks/shell_quote.hpp"

namespace opsynth::seed {
namespace {

// Option parsing and the aws wrappers every runbook shares. `--dry-run` prints each command
// (quoted, ready to paste) on stdout instead of running it; progress goes to stderr.
constexpr const char* kCommon = R"BASH(
dry_run=false
endpoint_args=()
backup_args=()
target_args=()
args=()
declare -A opt=()

usage() { sed -n 's/^#: \{0,1\}//p' "$0"; }
log() { printf '%s\n' "$*" >&2; }
fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

while (($#)); do
  case "$1" in
    --dry-run) dry_run=true && shift ;;
    --endpoint-url) endpoint_args=(--endpoint-url "${2:?--endpoint-url needs a URL}") && shift 2 ;;
    --backup-profile) backup_args=(--profile "${2:?--backup-profile needs a profile}") && shift 2 ;;
    --target-profile) target_args=(--profile "${2:?--target-profile needs a profile}") && shift 2 ;;
    -h | --help) usage && exit 0 ;;
    --*)
      [[ " $OPTIONS " == *" $1 "* ]] || { log "unknown option $1" && usage >&2 && exit 2; }
      opt[${1#--}]="${2:?$1 needs a value}" && shift 2
      ;;
    *) args+=("$1") && shift ;;
  esac
done

exec 3>&1  # dry-run output, also from inside $(...)
timestamp=$(date -u +%Y%m%d-%H%M%S)

# Runs a command, or prints it with --dry-run.
run() {
  if [[ $dry_run == true ]]; then
    local line
    printf -v line '%q ' "$@"
    printf '%s\n' "${line% }" >&3
  else
    "$@"
  fi
}

# aws_in backup|target ARGS...: the AWS CLI in the backup account or the target account.
aws_in() {
  local account=$1 region=$TARGET_REGION
  shift
  local profile=("${target_args[@]}")
  if [[ $account == backup ]]; then
    region=$BACKUP_REGION
    profile=("${backup_args[@]}")
  fi
  run aws "${endpoint_args[@]}" "${profile[@]}" --region "$region" "$@"
}

# aws_value STAND_IN backup|target ARGS...: a value the procedure reads; with --dry-run the
# command is printed and STAND_IN is used in its place.
aws_value() {
  local stand_in=$1
  shift
  aws_in "$@"
  if [[ $dry_run == true ]]; then printf '%s\n' "$stand_in"; fi
}
)BASH";

// Restoring tables from the vault: shared by restore-table.sh and disaster-recovery.sh.
constexpr const char* kRestoreFunctions = R"BASH(
is_app_table() {
  local t
  for t in "${TABLES[@]}"; do [[ $t == "$1" ]] && return 0; done
  return 1
}

latest_recovery_point() {
  local arn
  arn=$(aws_value "<latest-recovery-point-of-$1>" backup backup list-recovery-points-by-backup-vault \
    --backup-vault-name "$BACKUP_VAULT_NAME" --by-resource-arn "$TABLE_ARN_PREFIX$1" \
    --query "max_by(RecoveryPoints[?Status=='COMPLETED'], &CreationDate).RecoveryPointArn" --output text)
  [[ -n $arn && $arn != None ]] || fail "no completed recovery point of $1 in $BACKUP_VAULT_NAME"
  printf '%s\n' "$arn"
}

# start_restore RECOVERY_POINT_ARN TARGET_TABLE: prints the restore job id.
start_restore() {
  aws_value "<restore-job-for-$2>" backup backup start-restore-job --recovery-point-arn "$1" \
    --iam-role-arn "$RESTORE_ROLE_ARN" --resource-type DynamoDB --metadata "targetTableName=$2" \
    --query RestoreJobId --output text
}

# wait_restore JOB_ID TARGET_TABLE: polls the job until it ends, then shows the table. AWS Backup
# restores into the account that runs the job, the backup account (as the seed's procedure does).
wait_restore() {
  local status=RUNNING
  while [[ $status != COMPLETED ]]; do
    status=$(aws_value COMPLETED backup backup describe-restore-job --restore-job-id "$1" --query Status --output text)
    case $status in
      COMPLETED) ;;
      ABORTED | FAILED) fail "restore job $1 ($2) ended $status" ;;
      *) log "restore job $1 ($2): $status" && sleep 30 ;;
    esac
  done
  aws_in backup dynamodb describe-table --table-name "$2" --query 'Table.[TableName,TableStatus,ItemCount]' --output text
}
)BASH";

constexpr const char* kRestoreTable = R"BASH(
((${#args[@]} == 1)) || { usage >&2 && exit 2; }
table=${args[0]}
is_app_table "$table" || fail "$table is not a table of the app; use one of: ${TABLES[*]}"
target_table=${opt[target-table]:-$table-restored-$timestamp}

log "Recovery points of $table in $BACKUP_VAULT_NAME (account $BACKUP_ACCOUNT_ID):"
aws_in backup backup list-recovery-points-by-backup-vault --backup-vault-name "$BACKUP_VAULT_NAME" \
  --by-resource-arn "$TABLE_ARN_PREFIX$table" --query 'RecoveryPoints[].[CreationDate,Status,RecoveryPointArn]' \
  --output text
recovery_point=${opt[recovery-point-arn]:-}
[[ -n $recovery_point ]] || recovery_point=$(latest_recovery_point "$table")

log "Restoring $recovery_point into $target_table (account $BACKUP_ACCOUNT_ID)"
job=$(start_restore "$recovery_point" "$target_table")
wait_restore "$job" "$target_table"
log "Restored $table into $target_table. Point the app at it (or copy the items back), then redeploy."
)BASH";

constexpr const char* kDisasterRecovery = R"BASH(
((${#args[@]} == 0)) || { usage >&2 && exit 2; }
target_bucket=${opt[target-bucket]:-$ASSETS_BUCKET_NAME}

log "=== Disaster recovery: backup account $BACKUP_ACCOUNT_ID -> account $TARGET_ACCOUNT_ID ==="
aws_in backup backup describe-backup-vault --backup-vault-name "$BACKUP_VAULT_NAME" \
  --query '[BackupVaultName,NumberOfRecoveryPoints]' --output text

# Every restore job first, then the waits: the jobs run in parallel.
jobs=()
for table in "${TABLES[@]}"; do
  log "Restoring $table into $table-recovered-$timestamp"
  point=$(latest_recovery_point "$table")
  job=$(start_restore "$point" "$table-recovered-$timestamp")
  jobs+=("$job")
done
for i in "${!TABLES[@]}"; do wait_restore "${jobs[i]}" "${TABLES[i]}-recovered-$timestamp"; done

log "Syncing the S3 assets from s3://$BACKUP_BUCKET_NAME/ into s3://$target_bucket/"
aws_in target s3 sync "s3://$BACKUP_BUCKET_NAME/" "s3://$target_bucket/" --exclude "$COGNITO_EXPORT_PREFIX*"

log "=== Recovered. Next: point the app's context at the *-recovered-$timestamp tables (or copy their"
log "items back), redeploy, then run restore-cognito-users.sh. ==="
)BASH";

constexpr const char* kRestoreCognitoUsers = R"BASH(
((${#args[@]} == 0)) || { usage >&2 && exit 2; }
pool=${opt[user-pool-id]:-}
logs_role=${opt[logs-role-arn]:-}
[[ -n $pool ]] || fail "--user-pool-id is required: the user pool to import into"
[[ -n $logs_role ]] || fail "--logs-role-arn is required: Cognito writes the import job's log with it"

export_prefix=${opt[export]:-}
if [[ -z $export_prefix ]]; then
  log "User exports in s3://$BACKUP_BUCKET_NAME/$COGNITO_EXPORT_PREFIX:"
  aws_in backup s3 ls "s3://$BACKUP_BUCKET_NAME/$COGNITO_EXPORT_PREFIX"
  # Exports are named by date, so the last common prefix is the latest.
  export_prefix=$(aws_value "${COGNITO_EXPORT_PREFIX}<latest>/" backup s3api list-objects-v2 \
    --bucket "$BACKUP_BUCKET_NAME" --prefix "$COGNITO_EXPORT_PREFIX" --delimiter / \
    --query 'CommonPrefixes[-1].Prefix' --output text)
  [[ -n $export_prefix && $export_prefix != None ]] || fail "no user export in s3://$BACKUP_BUCKET_NAME/$COGNITO_EXPORT_PREFIX"
fi

export_dir=./cognito-export-$timestamp
aws_in backup s3 cp "s3://$BACKUP_BUCKET_NAME/$export_prefix" "$export_dir/" --recursive
log "The columns the import CSV must have:"
aws_in target cognito-idp get-csv-header --user-pool-id "$pool" --query CSVHeader --output text

csv_files=("$export_dir/<export>.csv")
if [[ $dry_run == false ]]; then
  shopt -s nullglob
  csv_files=("$export_dir"/*.csv)
  ((${#csv_files[@]} > 0)) || fail "the export $export_prefix holds no .csv file"
fi
for csv in "${csv_files[@]}"; do
  job_and_url=$(aws_value "<job-id> <pre-signed-url>" target cognito-idp create-user-import-job \
    --user-pool-id "$pool" --job-name "restore-$timestamp-$(basename "$csv" .csv)" \
    --cloud-watch-logs-role-arn "$logs_role" --query 'UserImportJob.[JobId,PreSignedUrl]' --output text)
  job=${job_and_url%%[[:space:]]*}
  url=${job_and_url##*[[:space:]]}
  # Cognito's pre-signed URL takes the file only with this encryption header.
  run curl --fail --silent --show-error --upload-file "$csv" -H 'x-amz-server-side-encryption:aws:kms' "$url"
  aws_in target cognito-idp start-user-import-job --user-pool-id "$pool" --job-id "$job"
  aws_in target cognito-idp describe-user-import-job --user-pool-id "$pool" --job-id "$job" \
    --query 'UserImportJob.[Status,ImportedUsers,FailedUsers]' --output text
done
log "Imported users must reset their password before signing in (passwords are never exported)."
)BASH";

// One `NAME=value` line of the readonly block, continued.
std::string assign(const char* name, const std::string& value) {
  return std::string("  ") + name + "=" + shell_quote(value) + " \\\n";
}

// The script: usage lines, the app's names, the shared code, the procedure.
std::string script(const OpsFacts& f, const std::string& usage, const std::string& options, bool restores,
                   const char* body) {
  std::string tables;
  for (const auto& t : f.data.table_names) tables += (tables.empty() ? "" : " ") + shell_quote(t);
  std::string s = "#!/usr/bin/env bash\n"
                  "# Generated by `opsynth runbook` from the synthesized app (deployment " + f.deployment_name +
                  "): regenerate it, do not edit it.\n" + usage +
                  "#:\n"
                  "#: Common options:\n"
                  "#:   --dry-run               print the aws commands instead of running them\n"
                  "#:   --endpoint-url URL      passed to every aws command (e.g. a moto_server)\n"
                  "#:   --backup-profile NAME   AWS CLI profile for the backup account\n"
                  "#:   --target-profile NAME   AWS CLI profile for the environment's account\n"
                  "set -euo pipefail\n\n"
                  "# The app's names, read from its synthesized templates.\n"
                  "# shellcheck disable=SC2034  # every runbook carries all of them; each uses some\n"
                  "readonly \\\n";
  s += assign("BACKUP_ACCOUNT_ID", f.backup.account);
  s += assign("BACKUP_REGION", f.backup.region);
  s += assign("BACKUP_VAULT_NAME", f.backup.vault_name);
  s += assign("RESTORE_ROLE_ARN", f.backup.restore_role_arn);
  s += assign("BACKUP_BUCKET_NAME", f.backup.bucket_name);
  s += assign("TARGET_ACCOUNT_ID", f.data.account);
  s += assign("TARGET_REGION", f.data.region);
  s += assign("TABLE_ARN_PREFIX", f.data.table_arn_prefix);
  s += assign("ASSETS_BUCKET_NAME", f.data.assets_bucket_name);
  s += assign("COGNITO_EXPORT_PREFIX", kCognitoExportPrefix);
  s += "  OPTIONS=" + shell_quote(options) + "\n";
  s += "# shellcheck disable=SC2034\nreadonly TABLES=(" + tables + ")\n";
  s += kCommon;
  if (restores) s += kRestoreFunctions;
  s += body;
  return s;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> render_runbooks(const OpsFacts& f) {
  std::string names;
  for (const auto& t : f.data.table_names) names += (names.empty() ? "" : ", ") + t;
  return {
      {"restore-table.sh",
       script(f,
              "#: Usage: restore-table.sh TABLE [--target-table NAME] [--recovery-point-arn ARN] [options]\n"
              "#: Restores one DynamoDB table from the backup account's vault into a new table\n"
              "#: (default TABLE-restored-TIME), from the latest completed recovery point unless one is given.\n"
              "#: TABLE is one of: " + names + "\n",
              "--target-table --recovery-point-arn", true, kRestoreTable)},
      {"disaster-recovery.sh",
       script(f,
              "#: Usage: disaster-recovery.sh [--target-bucket NAME] [options]\n"
              "#: Recovers the whole environment: restores every table from its latest recovery point into\n"
              "#: TABLE-recovered-TIME, and syncs the S3 assets from the backup bucket into the assets bucket\n"
              "#: (default " + f.data.assets_bucket_name + ").\n",
              "--target-bucket", true, kDisasterRecovery)},
      {"restore-cognito-users.sh",
       script(f,
              "#: Usage: restore-cognito-users.sh --user-pool-id ID --logs-role-arn ARN [--export PREFIX] [options]\n"
              "#: Re-imports the users of the daily export in the backup bucket (the latest unless --export\n"
              "#: names one) into a new or recovered user pool with Cognito user import jobs.\n",
              "--user-pool-id --logs-role-arn --export", false, kRestoreCognitoUsers)},
  };
}

}  // namespace opsynth::seed
