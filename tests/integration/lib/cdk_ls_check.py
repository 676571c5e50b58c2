"""Checks that the cdk CLI's `ls --long --json` and `ls --show-dependencies --json` show the
environments and stack dependencies of an opsynth manifest (used by cdk_cli.sh).

  cdk_ls_check.py MANIFEST LS_LONG_OUTPUT LS_DEPS_OUTPUT

The CLI outputs are read from their first line starting with '[' (anything the app printed on
stdout comes first and is reported elsewhere). Prints one line per mismatch; exit 1 if any.
"""
import json
import sys


def cli_json(path):
    lines = open(path).read().splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("[")), None)
    if start is None:
        sys.exit(f"no JSON list in the output of the cdk CLI ({path})")
    return json.loads("\n".join(lines[start:]))


def main(manifest, ls_long, ls_deps):
    arts = json.load(open(manifest))["artifacts"]
    stacks = {k: v for k, v in arts.items() if v.get("type") == "aws:cloudformation:stack"}
    bad = []
    for entry in cli_json(ls_long):
        want = stacks[entry["id"]]["environment"]
        if entry["environment"]["name"] != want:
            bad.append(f"{entry['id']}: cdk ls --long shows environment {entry['environment']['name']}, manifest {want}")
    for entry in cli_json(ls_deps):
        got = sorted(d["id"] for d in entry["dependencies"])
        want = sorted(d for d in stacks[entry["id"]].get("dependencies", []) if d in stacks)
        if got != want:
            bad.append(f"{entry['id']}: cdk ls --show-dependencies shows {got}, manifest {want}")
    print("\n".join(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
