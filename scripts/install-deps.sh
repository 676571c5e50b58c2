#!/usr/bin/env bash
# Installs what opsynth needs from Debian's packages (and, with --test, from npm for the
# integration tests). Idempotent: prints nothing and changes nothing when all is present.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

build_pkgs=(cmake g++ make pkg-config nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libfmt-dev
            libgtest-dev libgmock-dev libssl-dev libpcre2-dev libmimalloc-dev libbenchmark-dev)
test_pkgs=(chromium shellcheck hyperfine time clang libclang-rt-14-dev ninja-build)

want=("${build_pkgs[@]}")
[[ "${1:-}" == "--test" ]] && want+=("${test_pkgs[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

if [[ "${1:-}" == "--test" ]]; then
  # The integration tests' Python tools (tests/integration: cfn-lint, the AWS CLI, moto_server with
  # boto3), pinned to the versions shared/VERIFY.md measured; pip only when one is missing.
  py_missing=()
  command -v cfn-lint >/dev/null || py_missing+=("cfn-lint==1.51.0")
  command -v aws >/dev/null || py_missing+=("awscli==1.45.11")
  command -v moto_server >/dev/null || py_missing+=("moto[server]==5.2.1")
  if ((${#py_missing[@]})); then
    echo "install-deps: pip install ${py_missing[*]}" >&2
    python3 -m pip install --quiet --disable-pip-version-check "${py_missing[@]}" >/dev/null
  fi
fi

if [[ "${1:-}" == "--test" && -f "$here/tests/node/package-lock.json" ]]; then
  # npm ci only when the lock file changed since the last install.
  stamp="$here/tests/node/node_modules/.opsynth-lock-stamp"
  if ! cmp -s "$here/tests/node/package-lock.json" "$stamp" 2>/dev/null; then
    echo "install-deps: npm ci in tests/node" >&2
    (cd "$here/tests/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$here/tests/node/package-lock.json" "$stamp"
  fi
fi
