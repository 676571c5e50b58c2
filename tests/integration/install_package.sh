#!/usr/bin/env bash
# The installed package works for another CMake project: `cmake --install` into a temporary
# prefix, then configure, build and run tests/integration/consumer (find_package(opsynth),
# opsynth::opsynth) against that prefix only, and check the template it prints.
source "$(dirname "$0")/lib/common.sh" "$@"
need_cmd cmake python3

prefix="$WORK/prefix"
log "cmake --install $OPSYNTH_BUILD_DIR --prefix <tmp>"
cmake --install "$OPSYNTH_BUILD_DIR" --prefix "$prefix" >"$WORK/install.log" 2>&1 ||
  { cat "$WORK/install.log" >&2; fail "cmake --install failed (is the library built? target opsynth)"; }
[[ -x "$prefix/bin/opsynth" ]] || fail "the install has no bin/opsynth"
compgen -G "$prefix/lib*/cmake/opsynth/opsynthConfig.cmake" >/dev/null || fail "the install has no opsynthConfig.cmake"

# The consumer must not see the source or build tree: only the prefix.
log "configure and build the consumer against the installed package"
cmake -S "$OPSYNTH_SOURCE_DIR/tests/integration/consumer" -B "$WORK/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$WORK/configure.log" 2>&1 ||
  { cat "$WORK/configure.log" >&2; fail "configuring the consumer with find_package(opsynth) failed"; }
grep -q "opsynth_DIR:PATH=$prefix" "$WORK/consumer/CMakeCache.txt" ||
  fail "find_package(opsynth) did not use the installed package: $(grep opsynth_DIR "$WORK/consumer/CMakeCache.txt")"
cmake --build "$WORK/consumer" -j2 >"$WORK/build.log" 2>&1 ||
  { tail -40 "$WORK/build.log" >&2; fail "building the consumer against opsynth::opsynth failed"; }
if grep -Eq -- "(-I|-isystem) *($OPSYNTH_SOURCE_DIR|$OPSYNTH_BUILD_DIR)" "$WORK/consumer/compile_commands.json"; then
  fail "the consumer compiled with include paths into the source or build tree"
fi

"$WORK/consumer/consumer" >"$WORK/template.json" 2>"$WORK/run.err" ||
  { cat "$WORK/run.err" >&2; fail "the consumer app failed"; }
python3 - "$WORK/template.json" <<'PY' || { cat "$WORK/template.json" >&2; fail "the consumer printed an unexpected template (above)"; }
import json, sys
t = json.load(open(sys.argv[1]))
topics = [(lid, r) for lid, r in t["Resources"].items() if r["Type"] == "AWS::SNS::Topic"]
assert len(topics) == 1, topics
lid, topic = topics[0]
assert lid.startswith("Topic"), lid
assert topic["Properties"] == {"TopicName": "consumer-topic"}, topic
out = next(iter(t["Outputs"].values()))
assert out["Value"] == {"Ref": lid}, out
PY
log "ok: installed package builds and runs an out-of-tree app ($(elapsed))"
