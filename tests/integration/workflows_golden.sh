#!/usr/bin/env bash
# The checked-in operations files (tests/golden/workflows, tests/golden/runbooks) are what
# `opsynth workflows` and `opsynth runbook` write for the default app (regenerate them with
# scripts/regenerate-golden-ops-files.sh), and they follow the app: another deployment name or
# backup account in context changes them accordingly.
source "$(dirname "$0")/lib/common.sh" "$@"

GOLDEN="$OPSYNTH_SOURCE_DIR/tests/golden"
generate() { # OUTDIR [context args...]: workflows and runbooks of the app, from a clean working directory
  local out="$1"
  shift
  (cd "$WORK" && "$OPSYNTH_BIN" workflows -o "$out/workflows" "$@" 2>/dev/null &&
    "$OPSYNTH_BIN" runbook -o "$out/runbooks" "$@" 2>/dev/null) || fail "opsynth workflows/runbook $* failed"
}

generate "$WORK/fresh"
for kind in workflows runbooks; do
  diff -ru "$GOLDEN/$kind" "$WORK/fresh/$kind" >&2 ||
    fail "tests/golden/$kind differs from what opsynth writes: review, then scripts/regenerate-golden-ops-files.sh"
done
for f in "$WORK/fresh/runbooks/"*.sh; do [[ -x "$f" ]] || fail "$(basename "$f") is not executable"; done

# Another deployment name: the synthetic test publishes for it, its OpsStack is deployed and diffed.
generate "$WORK/renamed" -c deploymentName=blue
grep -q -- '--dimensions deployment-name=blue,test=' "$WORK/renamed/workflows/synthetic-test.yml" ||
  fail "synthetic-test.yml does not publish for deploymentName=blue"
grep -q 'Deploy blue-app-OpsStack' "$WORK/renamed/workflows/deploy-environment.yml" ||
  fail "deploy-environment.yml does not deploy blue-app-OpsStack"
if grep -q 'prod-app-OpsStack' "$WORK/renamed/workflows/synth.yml"; then fail "synth.yml still names prod-app-OpsStack"; fi

# Another backup account: the vault's account, restore role and backup bucket move with it.
generate "$WORK/moved" -c backupAccountId=444455556666
for f in "$WORK/moved/runbooks/"*.sh; do
  grep -q "^  RESTORE_ROLE_ARN=arn:aws:iam::444455556666:role/" "$f" || fail "$(basename "$f"): restore role not moved"
  grep -q "^  BACKUP_BUCKET_NAME=diy-submit-backup-444455556666 \\\\$" "$f" || fail "$(basename "$f"): bucket not moved"
done
grep -q "BACKUP_ACCOUNT_ID: '444455556666'" "$WORK/moved/workflows/deploy-environment.yml" ||
  fail "deploy-environment.yml does not deploy into the new backup account"
log "ok: goldens current, and the files follow deploymentName and backupAccountId ($(elapsed))"
