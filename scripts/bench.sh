#!/usr/bin/env bash
# Whole-process benchmarks: hrdd against check-jsonschema (with hrdd's own exported schema)
# and against a bare typed serde-saphyr parse, on one typical file, a 300-file folder and a
# 10,000-risk file. Installs what it needs: hyperfine (Debian) and check-jsonschema (PyPI,
# in a virtual environment). Prints Markdown tables for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v hyperfine >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q check-jsonschema
cjs="$work/venv/bin/check-jsonschema"

cargo build --release --quiet
cargo build --release --quiet --example bench-tool
hrdd=target/release/hrdd
tool=target/release/examples/bench-tool
export HRDD_TODAY=2026-11-23

"$hrdd" schema > "$work/schema.json"
"$tool" folder 300 "$work/folder"
"$tool" risks 10000 > "$work/big.yaml"
typical=examples/social-platform.yaml
folder_files=$(find "$work/folder" -name '*.yaml' | sort | tr '\n' ' ')
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

run() { # title, runs, then pairs of (name, command)
  local title=$1 runs=$2; shift 2
  local args=()
  while [ $# -gt 0 ]; do args+=(-n "$1" "$2"); shift 2; done
  echo "### $title"
  hyperfine --style none --warmup 1 --runs "$runs" -N \
    --export-markdown "$work/out.md" "${args[@]}" >/dev/null 2>&1
  cat "$work/out.md"
  echo
}

run "one typical file ($typical)" "${RUNS:-20}" \
  "hrdd validate" "$hrdd validate $typical" \
  "bare typed parse" "$tool parse $typical" \
  "check-jsonschema" "$cjs --schemafile $work/schema.json $typical"

run "300-file folder (50 risks each)" "${SLOW_RUNS:-3}" \
  "hrdd validate DIR" "$hrdd validate $work/folder" \
  "bare typed parse" "$tool parse $folder_files" \
  "check-jsonschema" "$cjs --schemafile $work/schema.json $folder_files"

run "10,000-risk file" "${SLOW_RUNS:-3}" \
  "hrdd validate" "$hrdd validate $work/big.yaml" \
  "bare typed parse" "$tool parse $work/big.yaml" \
  "check-jsonschema" "$cjs --schemafile $work/schema.json $work/big.yaml"

echo "### peak memory (max RSS), 10,000-risk file of $(stat -c %s "$work/big.yaml") bytes"
for cmd in "$hrdd validate $work/big.yaml" "$tool parse $work/big.yaml"; do
  /usr/bin/time -f "%M KB  $cmd" $cmd 2>&1 >/dev/null | tail -1
done
