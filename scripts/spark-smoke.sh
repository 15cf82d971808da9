#!/usr/bin/env bash
# Smoke test of the Spark example: converts samples/ in local[2] mode and checks that every input
# came back exactly once (as a document or an error record). Installs pyspark if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import pyspark' 2>/dev/null || pip install --quiet pyspark
command -v java >/dev/null || { echo "spark-smoke: Java 17 is required (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
cargo build --release --quiet
out=$(mktemp -d)/spark-out
start=$(date +%s)
python3 examples/spark/convert.py --master 'local[2]' --gongwen target/release/gongwen --out "$out" samples/
python3 - "$out" samples <<'PY'
import glob, json, os, sys
out, samples = sys.argv[1], sys.argv[2]
want = sorted(os.path.abspath(os.path.join(r, f)) for r, _, fs in os.walk(samples) for f in fs)
got = []
for part in sorted(glob.glob(os.path.join(out, "part-*"))):
    for line in open(part, encoding="utf-8"):
        rec = json.loads(line)
        got.append(rec["source"]["path"] if "source" in rec else rec["path"])
got.sort()
missing = sorted(set(want) - set(got))
extra = [p for p in got if p not in want]
dups = len(got) - len(set(got))
errors = 0
for part in glob.glob(os.path.join(out, "part-*")):
    errors += sum(1 for line in open(part, encoding="utf-8") if '"error"' in line[:200] and line.startswith('{"path"'))
print(f"spark-smoke: {len(want)} inputs, {len(got)} records, {errors} error records, {len(missing)} missing, {dups} duplicated")
sys.exit(1 if missing or extra or dups else 0)
PY
echo "spark-smoke: ok in $(( $(date +%s) - start )) s"
