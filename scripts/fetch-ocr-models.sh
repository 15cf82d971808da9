#!/usr/bin/env bash
# Fetch the PP-OCRv4 models gongwen's OCR runs (PaddleOCR, Apache-2.0) into a directory:
#   scripts/fetch-ocr-models.sh [DIR]      (default: models/ocr, git-ignored)
# They come from the PyPI wheel rapidocr-onnxruntime 1.4.4 (fetched with pip, not installed),
# and are checked against pinned SHA-256s. Then point gongwen at DIR with --ocr-models DIR or
# GONGWEN_OCR_MODELS=DIR (models/ocr next to the working directory is found on its own).
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-models/ocr}"
wheel_version="1.4.4"

# name  sha256
models=(
  "ch_PP-OCRv4_det_infer.onnx d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9"
  "ch_PP-OCRv4_rec_infer.onnx 48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b"
  "ch_ppocr_mobile_v2.0_cls_infer.onnx e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c"
)

verified() {
  local file="$1" sum="$2"
  [ -f "$file" ] && [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$sum" ]
}

all_present=1
for entry in "${models[@]}"; do
  set -- $entry
  verified "$dest/$1" "$2" || all_present=0
done
if [ "$all_present" = 1 ]; then
  echo "OCR models already in $dest (checksums match)"
  exit 0
fi

command -v python3 >/dev/null || { echo "python3 (with pip) is needed to fetch the wheel" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps "rapidocr-onnxruntime==$wheel_version" -d "$tmp" >&2
wheel="$(ls "$tmp"/rapidocr_onnxruntime-*.whl)"
mkdir -p "$dest"
for entry in "${models[@]}"; do
  set -- $entry
  # A wheel is a zip; python's zipfile needs no unzip binary.
  python3 - "$wheel" "rapidocr_onnxruntime/models/$1" "$tmp/$1" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  if ! verified "$tmp/$1" "$2"; then
    echo "checksum mismatch for $1 (expected $2); nothing installed" >&2
    exit 1
  fi
  mv "$tmp/$1" "$dest/$1"
done

cat > "$dest/NOTICE" <<NOTICE
These models are from PaddleOCR (https://github.com/PaddlePaddle/PaddleOCR),
Copyright (c) PaddlePaddle Authors, licensed under the Apache License 2.0
(https://www.apache.org/licenses/LICENSE-2.0). They were converted to ONNX and
packaged by RapidOCR (https://github.com/RapidAI/RapidOCR, Apache-2.0) in the
PyPI wheel rapidocr-onnxruntime $wheel_version, from which scripts/fetch-ocr-models.sh
extracted them unchanged:
  ch_PP-OCRv4_det_infer.onnx           text detection (DB)
  ch_ppocr_mobile_v2.0_cls_infer.onnx  text line orientation (0/180 degrees)
  ch_PP-OCRv4_rec_infer.onnx           text recognition (CTC; dictionary in the
                                       ONNX metadata key "character")
NOTICE
echo "OCR models in $dest (checksums match). Use: --ocr-models $dest or GONGWEN_OCR_MODELS=$dest"
