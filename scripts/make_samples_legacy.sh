#!/usr/bin/env bash
# Convert the seed DOCX samples to Word 97-2003 `.doc` with LibreOffice, for the .doc reader's
# tests (tests/read_doc.rs compares each with its DOCX twin):
#   apt-get install -y libreoffice-writer-nogui
#   scripts/make_samples_legacy.sh
# LibreOffice stamps dates and ids into the files, so reruns differ in bytes, not in text.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for seed in 000 003 004; do
  cp "samples/$seed.docx" "$tmp/"
done
# A private profile, so a running LibreOffice or another user's settings cannot interfere.
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to doc \
  --outdir "$tmp" "$tmp"/000.docx "$tmp"/003.docx "$tmp"/004.docx >/dev/null
for seed in 000 003 004; do
  cp "$tmp/$seed.doc" "samples/$seed.doc"
done
ls -l samples/*.doc
