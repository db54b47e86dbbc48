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

run() { # name, then commands
  local name=$1; shift
  echo "### $name"
  hyperfine --style none --warmup 2 --min-runs "${RUNS:-10}" -N --ignore-failure \
    --export-markdown "$work/$name.md" "$@" >/dev/null
  cat "$work/$name.md"
  echo
}

run one-file \
  "$hrdd validate $typical" \
  "$tool parse $typical" \
  "$cjs --schemafile $work/schema.json $typical"

run folder-300 \
  "$hrdd validate $work/folder" \
  "$tool parse $folder_files" \
  "$cjs --schemafile $work/schema.json $folder_files"

run risks-10000 \
  "$hrdd validate $work/big.yaml" \
  "$tool parse $work/big.yaml" \
  "$cjs --schemafile $work/schema.json $work/big.yaml"

echo "### peak memory (max RSS), 10,000-risk file of $(stat -c %s "$work/big.yaml") bytes"
for cmd in "$hrdd validate $work/big.yaml" "$tool parse $work/big.yaml"; do
  /usr/bin/time -f "%M KB  $cmd" $cmd 2>&1 >/dev/null | tail -1
done
