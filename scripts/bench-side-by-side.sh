#!/usr/bin/env bash
# Times whole processes side by side, in one run, for the default app (issue 8):
#   opsynth synth  |  a floor program that only writes the same bytes  |  aws-cdk-lib's `node parity/app.js`
#   (default settings and CDK_VALIDATION=false), plus peak memory and the N-scaling figures: whole
#   processes of opsynth_scale (one synthesis of N copies per process, as a user's synth) and, for the hot
#   paths, opsynth_bench in process.
# Prints markdown tables on stdout; progress goes to stderr.
#
# Usage: scripts/bench-side-by-side.sh [BUILD_DIR]   (default: build-bench; needs opsynth, opsynth_bench and
#        opsynth_scale built)
# Env:   RUNS (20), NODE_RUNS (5), SCALE_RUNS (5), SKIP_NODE=1 to leave out aws-cdk-lib.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$repo/build-bench}" && pwd)
opsynth=$build/opsynth
bench=$build/opsynth_bench
scale=$build/opsynth_scale
runs=${RUNS:-20}
node_runs=${NODE_RUNS:-5}
scale_runs=${SCALE_RUNS:-5}

for tool in hyperfine jq g++ /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: scripts/install-deps.sh --test installs it" >&2; exit 2; }
done
[[ -x $opsynth && -x $bench && -x $scale ]] ||
  { echo "build $opsynth, $bench and $scale first (targets opsynth_bin opsynth_bench opsynth_scale)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/opsynth-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
log() { echo "bench: $*" >&2; }

# --- the floor: a C++ program writing opsynth's finished bytes to the same files ---------------------------
cd "$repo"  # opsynth reads the default app's context from ./cdk.json
"$opsynth" synth -o "$work/opsynth.out" 2>/dev/null
floor_src=$work/floor.cpp
{
  echo '#include <fcntl.h>'
  echo '#include <sys/stat.h>'
  echo '#include <unistd.h>'
  # unlink first: on ext4, truncating a file that holds data forces its blocks out at close
  # (auto_da_alloc), several times slower than creating it anew as opsynth does.
  echo 'static void put(const char* path, const unsigned char* data, unsigned long size) {'
  echo '  ::unlink(path);'
  echo '  int fd = ::open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);'
  echo '  if (fd < 0 || ::write(fd, data, size) != static_cast<long>(size) || ::close(fd) != 0) _exit(1);'
  echo '}'
  i=0
  for f in "$work/opsynth.out"/*; do
    echo "static const unsigned char f${i}[] = {"
    xxd -i < "$f"
    echo "};"
    i=$((i + 1))
  done
  echo 'int main(int argc, char** argv) {'
  echo '  if (argc != 2 || ::chdir(argv[1]) != 0) return 1;'
  i=0
  for f in "$work/opsynth.out"/*; do
    echo "  put(\"$(basename "$f")\", f$i, sizeof f$i);"
    i=$((i + 1))
  done
  echo '}'
} > "$floor_src"
g++ -O2 -o "$work/floor" "$floor_src"
mkdir -p "$work/floor.out"
"$work/floor" "$work/floor.out"
diff -r "$work/opsynth.out" "$work/floor.out" >/dev/null || { echo "floor output differs from opsynth's" >&2; exit 1; }
out_bytes=$(cat "$work/opsynth.out"/* | wc -c)

# --- whole-process timings -------------------------------------------------------------------------------
node_dir=$repo/tests/node
cmds=(true opsynth floor)
declare -A cmd_line=(
  [true]="/bin/true"
  [opsynth]="$opsynth synth -o $work/opsynth.out"
  [floor]="$work/floor $work/floor.out"
)
declare -A label=(
  [true]="/bin/true (process start floor)"
  [opsynth]="opsynth synth -o DIR"
  [floor]="floor: write the same ${out_bytes} bytes"
)
if [[ ${SKIP_NODE:-0} != 1 ]]; then
  [[ -d $node_dir/node_modules ]] || (cd "$node_dir" && npm ci --silent >&2)
  cmds+=(node node_noval)
  cmd_line[node]="env CDK_OUTDIR=$work/node.out node $node_dir/parity/app.js"
  cmd_line[node_noval]="env CDK_VALIDATION=false CDK_OUTDIR=$work/node-noval.out node $node_dir/parity/app.js"
  label[node]="aws-cdk-lib node parity/app.js"
  label[node_noval]="aws-cdk-lib node parity/app.js, CDK_VALIDATION=false"
fi

declare -A median lo hi rss
for c in "${cmds[@]}"; do
  n=$runs warm=3
  [[ $c == node* ]] && n=$node_runs warm=1
  log "timing $c ($n runs)"
  hyperfine -N --style none --warmup "$warm" --runs "$n" --export-json "$work/$c.json" "${cmd_line[$c]}" >/dev/null 2>&1
  # medians and spread in ms; spread = min..max over the runs
  median[$c]=$(jq '.results[0].median * 1000' "$work/$c.json")
  lo[$c]=$(jq '.results[0].min * 1000' "$work/$c.json")
  hi[$c]=$(jq '.results[0].max * 1000' "$work/$c.json")
  # shellcheck disable=SC2086  # the command line is split into words on purpose, as hyperfine -N does
  rss[$c]=$(/usr/bin/time -v ${cmd_line[$c]} 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
ms() { awk -v v="$1" 'BEGIN { printf (v < 10 ? "%.2f" : "%.0f"), v }'; }

echo "| process | median ms | spread (min-max) ms | peak RSS MB | ratio |"
echo "|---|---:|---:|---:|---|"
for c in "${cmds[@]}"; do
  case $c in
    opsynth) r="$(ratio "${median[opsynth]}" "${median[floor]}")x the floor" ;;
    node*) r="$(ratio "${median[$c]}" "${median[opsynth]}")x opsynth" ;;
    *) r="" ;;
  esac
  printf '| %s | %s | %s-%s | %s | %s |\n' "${label[$c]}" "$(ms "${median[$c]}")" "$(ms "${lo[$c]}")" \
    "$(ms "${hi[$c]}")" "$(awk -v k="${rss[$c]}" 'BEGIN { printf "%.1f", k / 1024 }')" "$r"
done

# --- N-scaling, whole processes: one synthesis of N copies per process (opsynth_scale) ---------------------
# Each run starts from fresh memory, as a user's `opsynth synth` does; the targets are read from these.
# (opsynth_bench below repeats small N in memory it has already touched, and runs N = 1000 once.)
# The assembly goes to tmpfs when there is one, and each run writes a new directory (the old one is
# removed outside the timing): deleting and creating thousands of files on ext4 measured the file
# system, not opsynth (N = 1000 spread 1.3-2.5 s; opsynth_bench avoids it the same way).
scale_out=$work/scale.out
[[ -d /dev/shm && -w /dev/shm ]] && scale_out=$(mktemp -d /dev/shm/opsynth-scale.XXXXXX)/out
trap 'rm -rf "$work" "${scale_out%/out}"' EXIT
declare -A scale_ms
for kind in ops-and-data ops-only; do
  for n in 1 10 100 1000; do
    [[ $kind == ops-only && ($n == 1 || $n == 10) ]] && continue
    log "timing opsynth_scale $n $kind ($scale_runs runs)"
    hyperfine -N --style none --warmup 1 --runs "$scale_runs" --prepare "rm -rf $scale_out" \
      --export-json "$work/scale-$kind-$n.json" "$scale $n $kind $scale_out" >/dev/null 2>&1
    scale_ms[$kind-$n]=$(jq '.results[0].median * 1000' "$work/scale-$kind-$n.json")
  done
done
rm -rf "$scale_out"
peak=$(/usr/bin/time -v "$scale" 1000 ops-and-data "$scale_out" 2>&1 >/dev/null |
       awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }')
echo
echo "| N (OpsStack + DataStack copies) | whole process, median ms | spread (min-max) ms | per stack, ms |"
echo "|---:|---:|---:|---:|"
for n in 1 10 100 1000; do
  f=$work/scale-ops-and-data-$n.json
  printf '| %s | %s | %s-%s | %s |\n' "$n" "$(ms "${scale_ms[ops-and-data-$n]}")" \
    "$(ms "$(jq '.results[0].min * 1000' "$f")")" "$(ms "$(jq '.results[0].max * 1000' "$f")")" \
    "$(awk -v v="${scale_ms[ops-and-data-$n]}" -v n="$n" 'BEGIN { printf "%.3f", v / (2 * n) }')"
done
echo
echo "- t(1000) / t(100), whole process: $(ratio "${scale_ms[ops-and-data-1000]}" "${scale_ms[ops-and-data-100]}")"
echo "- marginal cost of one more OpsStack (OpsStack-only app, (t(1000) - t(100)) / 900): $(awk \
  -v a="${scale_ms[ops-only-1000]}" -v b="${scale_ms[ops-only-100]}" 'BEGIN { printf "%.3f", (a - b) / 900 }') ms"
echo "- peak RSS at N = 1000 (2000 stacks): ${peak} MB"

# --- N-scaling in process, for the hot paths (opsynth_bench) -------------------------------------------
log "N-scaling in process (opsynth_bench)"
"$bench" --benchmark_filter='BM_WholeSynth/N:(1|10|100|1000)$' \
  --benchmark_out_format=json --benchmark_out="$work/bench.json" >&2
t() { jq --arg n "$1" '.benchmarks[] | select(.name == $n) | .real_time' "$work/bench.json"; }  # ms
echo
echo "| N (OpsStack + DataStack copies) | whole synth in process, wall ms | per stack, wall ms |"
echo "|---:|---:|---:|"
for n in 1 10 100 1000; do
  v=$(t "BM_WholeSynth/N:$n")
  printf '| %s | %s | %s |\n' "$n" "$(ms "$v")" "$(awk -v v="$v" -v n="$n" 'BEGIN { printf "%.3f", v / (2 * n) }')"
done
