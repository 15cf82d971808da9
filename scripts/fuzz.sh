#!/usr/bin/env bash
# Run every fuzz target for SECONDS each (default 300) with corpora seeded from samples/ and
# tests/fixtures/; crashes land in fuzz/artifacts/<target>/. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); on the stable toolchain RUSTC_BOOTSTRAP=1 enables the sanitizer flags.
# Exits 1 when any target crashed, timed out, ran out of memory or failed to build.
#   FUZZ_UNIT_TIMEOUT  seconds one input may take before libFuzzer calls it a hang (default 20;
#                      CI's smoke uses 60: under ASAN on a loaded 2-core machine a slow but
#                      finite input once took 27 s)
#   FUZZ_MAX_LEN       libFuzzer's -max_len for every target (default: libFuzzer's, the
#                      largest seed)
#   FUZZ_DEADLINE      a Unix time by which the whole run must end: a target that would end
#                      after it is not started, and the run names the targets left out (CI's
#                      time budget: a slow machine runs fewer targets instead of overrunning;
#                      only a crash, timeout, OOM or build failure fails the run)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-300}
shift || true
targets=${*:-read_html read_text read_pdf read_docx read_doc read_ofd read_rtf read_sheet docx_parts ofd_parts normalize convert batch_inputs decode_image}
export RUSTC_BOOTSTRAP=1
unit_timeout=${FUZZ_UNIT_TIMEOUT:-20}
max_len=()
[ -n "${FUZZ_MAX_LEN:-}" ] && max_len=(-max_len="$FUZZ_MAX_LEN")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=""
skipped=""
for t in $targets; do
  # Each target links (about 30 s after the first, sanitizer build) and runs its seeds first.
  if [ -n "${FUZZ_DEADLINE:-}" ] && [ $(( $(date +%s) + seconds + 60 )) -gt "$FUZZ_DEADLINE" ]; then
    skipped="$skipped $t"
    continue
  fi
  mkdir -p "corpus/$t"
  case $t in
    read_html) exts="html" ;; read_text|normalize) exts="txt" ;; read_pdf) exts="pdf" ;;
    read_docx) exts="docx" ;; read_doc) exts="doc wps" ;; read_ofd) exts="ofd" ;; read_rtf) exts="rtf" ;; read_sheet) exts="xls xlsx et" ;; *_parts|batch_inputs|decode_image) exts="" ;; *) exts="html txt pdf docx doc ofd rtf xls xlsx" ;;
  esac
  # The structure-aware targets take XML parts joined by NULs, not whole files.
  case $t in
    *_parts) python3 ../scripts/fuzz_part_seeds.py "$t" "corpus/$t" ;;
    batch_inputs) python3 ../scripts/fuzz_batch_seeds.py "corpus/$t" ;;
    # The first byte picks the decoder: even = image file, odd = PDF page images.
    decode_image) for f in ../tests/fixtures/images/*.*; do
        case $f in *.pdf) m='\x01' ;; *.py|*.md) continue ;; *) m='\x00' ;; esac
        { printf "$m"; cat "$f"; } > "corpus/$t/$(basename "$f")"
      done ;;
    # Gzip input is inflated before sniffing: give the whole pipeline some to start from.
    convert) for f in ../samples/*.html; do gzip -c "$f" > "corpus/$t/$(basename "$f").gz"; done ;;
  esac
  for e in $exts; do
    find ../samples ../tests/fixtures -name "*.$e" -size -1000k -exec cp -n {} "corpus/$t/" \; 2>/dev/null || true
  done
  [ -d ../../shared/seeds ] && [ "$t" = normalize -o "$t" = read_text ] && cp -n ../../shared/seeds/* "corpus/$t/" 2>/dev/null || true
  echo "== $t for ${seconds}s"
  # Keep what the fuzzing record needs: the final coverage line, libFuzzer's final stats
  # (executions, peak RSS) and anything about a crash, timeout or OOM.
  status=0
  cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout="$unit_timeout" "${max_len[@]}" -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|peak_rss_mb)|^Done |ERROR|SUMMARY|deadly signal|panicked|Test unit written|^error(\[|:)' "$log" || true
  [ "$status" -eq 0 ] || failed="$failed $t"
done
# A crash, timeout or OOM (libFuzzer exits non-zero and writes the input to fuzz/artifacts/),
# or a target that did not build, fails the run: CI's fuzz smoke relies on it.
[ -z "$skipped" ] || echo "fuzz: NOT RUN for lack of time (FUZZ_DEADLINE passed):$skipped" >&2
if [ -n "$failed" ]; then
  echo "fuzz: failed:$failed (inputs in fuzz/artifacts/<target>/)" >&2
  exit 1
fi
