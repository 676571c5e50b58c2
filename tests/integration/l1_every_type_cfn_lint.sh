#!/usr/bin/env bash
# One resource of every vendored resource type (filled from its schema's required properties)
# synthesizes without validation errors and passes cfn-lint with no errors.
#   $1: the build directory (holds opsynth_l1_every_type_app, built by tests/cfn.cmake)
set -euo pipefail
build="${1:-${OPSYNTH_BUILD_DIR:-build}}"
app="$build/opsynth_l1_every_type_app"
if [[ ! -x "$app" ]]; then
  echo "missing $app (build the opsynth_l1_every_type_app target)" >&2
  exit 1
fi
if ! command -v cfn-lint >/dev/null; then
  echo "cfn-lint is not installed (scripts/install-deps.sh --test)" >&2
  exit 1
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$app" "$out/every_type.template.json"
types=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(len({r["Type"] for r in t["Resources"].values()}))' "$out/every_type.template.json")
schemas=$(ls "${OPSYNTH_SOURCE_DIR:-$(dirname "$0")/../..}"/spec/schemas/*.json | wc -l)
echo "synthesized $types resource types ($schemas schemas vendored)"
if [[ "$types" -ne "$schemas" ]]; then
  echo "expected one resource per vendored schema" >&2
  exit 1
fi
set +e
cfn-lint --format parseable "$out/every_type.template.json"
rc=$?
set -e
# cfn-lint's exit code is a bit mask: 2 = errors, 4 = warnings, 8 = informational.
if (( rc & 2 )) || (( rc & 1 )); then
  echo "cfn-lint found errors (exit $rc)" >&2
  exit 1
fi
echo "cfn-lint: no errors (exit $rc)"
