#!/usr/bin/env bash
# The benchmark programs still build and run, in a reduced size (N <= 10) so CI keeps them from
# rotting: bench/opsynth_bench.cpp (in process) and bench/opsynth_scale.cpp (one synthesis per
# process, which scripts/bench-side-by-side.sh times). No timing is asserted: only that every
# benchmark ran and reported results, and that opsynth_scale wrote the assembly it was asked for.
source "$(dirname "$0")/lib/common.sh" "$@"
need_cmd jq

bench="$OPSYNTH_BUILD_DIR/opsynth_bench"
scale="$OPSYNTH_BUILD_DIR/opsynth_scale"
for b in "$bench" "$scale"; do
  [[ -x "$b" ]] || fail "benchmark binary not found at $b (targets opsynth_bench opsynth_scale; OPSYNTH_BUILD_BENCH=ON)"
done

"$bench" --benchmark_filter='/(N:(1|10)|keys:1000|resources:1000)$' --benchmark_min_time=0.01 --benchmark_format=json \
  >"$WORK/bench.json" 2>"$WORK/bench.err" || { cat "$WORK/bench.err" >&2; fail "opsynth_bench exited non-zero"; }

names=(BM_ContextKeys/keys:1000 BM_DiffTemplates/resources:1000)
for family in BM_TreeConstruction BM_Synthesize BM_RenderTemplateJson BM_WholeSynth; do
  names+=("$family/N:1" "$family/N:10")
done
for name in "${names[@]}"; do
  ran=$(jq --arg n "$name" '[.benchmarks[] | select(.name == $n and .iterations > 0 and .real_time > 0
                                                  and .items_per_second > 0 and .error_occurred != true)] | length' \
    "$WORK/bench.json")
  [[ $ran -eq 1 ]] || fail "$name did not run or reported no time/items (output in $WORK/bench.json)"
done
stacks=$(jq '[.benchmarks[] | select(.name == "BM_WholeSynth/N:10") | .stacks][0]' "$WORK/bench.json")
[[ $stacks == 20 ]] || fail "BM_WholeSynth/N:10 reported $stacks stacks, expected 20 (10 OpsStack + DataStack copies)"
log "all benchmark families ran at N = 1 and 10, the context and diff benchmarks at 1000 keys and resources"

for kind in ops-and-data ops-only; do
  "$scale" 3 "$kind" "$WORK/scale-$kind" 2>"$WORK/scale.err" || { cat "$WORK/scale.err" >&2; fail "opsynth_scale 3 $kind failed"; }
  want=6
  [[ $kind == ops-only ]] && want=3
  got=$(jq '[.artifacts[] | select(.type == "aws:cloudformation:stack")] | length' "$WORK/scale-$kind/manifest.json")
  [[ $got == "$want" ]] || fail "opsynth_scale 3 $kind wrote $got stacks, expected $want"
done
"$scale" 0 ops-only "$WORK/none" 2>/dev/null && fail "opsynth_scale accepted N = 0"
log "opsynth_scale wrote 6 and 3 stacks for N = 3"

# 20 copies are large enough for synthesize to render on a second thread (on two cores): the
# assembly must be the one a single thread writes, byte for byte.
"$scale" 20 ops-and-data "$WORK/threads-auto" || fail "opsynth_scale 20 ops-and-data failed"
"$scale" 20 ops-and-data "$WORK/threads-one" --one-thread || fail "opsynth_scale 20 ops-and-data --one-thread failed"
diff -r "$WORK/threads-auto" "$WORK/threads-one" >&2 || fail "the render thread changed the assembly of 20 copies"
log "20 copies: the same assembly on one thread and on two ($(nproc) cores)"
