"""Convert notices with gongwen on a Spark cluster, with no new code in gongwen.

Every executor pipes a partition of `{"path": ...}` (or `{"name": ..., "bytes_b64": ...}`) lines
through `gongwen batch --stdin-jsonl`, which writes one JSON line per input: a gongwen/1 document
or an error record. Usage:

    spark-submit examples/spark/convert.py --gongwen target/release/gongwen \
        --out out_dir INPUT_DIR_OR_FILES...

The gongwen binary must exist at the same path on every executor (ship it with --files or put it
on a shared volume). Paths must be readable by the executors; use --inline to send the file
bytes through the pipe instead (for object stores mounted only on the driver).
"""

import argparse
import base64
import json
import os
import shlex
import sys

from pyspark.sql import SparkSession


def list_inputs(args):
    out = []
    for item in args:
        if os.path.isdir(item):
            for root, _dirs, files in os.walk(item):
                out.extend(os.path.join(root, f) for f in sorted(files))
        else:
            out.append(item)
    return sorted(out)


def to_line(path, inline):
    if not inline:
        return json.dumps({"path": os.path.abspath(path)}, ensure_ascii=False)
    with open(path, "rb") as fh:
        data = base64.b64encode(fh.read()).decode("ascii")
    return json.dumps({"name": path, "bytes_b64": data}, ensure_ascii=False)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gongwen", required=True, help="path of the gongwen binary on every executor")
    ap.add_argument("--out", required=True, help="output directory (Spark text files of JSON lines)")
    ap.add_argument("--partitions", type=int, default=0, help="default: Spark's default parallelism")
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: from spark-submit")
    ap.add_argument("--inline", action="store_true", help="send file bytes through the pipe")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args(argv)

    builder = SparkSession.builder.appName("gongwen-convert")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    paths = list_inputs(args.inputs)
    lines = [to_line(p, args.inline) for p in paths]
    parts = args.partitions or sc.defaultParallelism
    # Each partition runs one gongwen process with one worker thread; Spark provides the parallelism.
    command = [os.path.abspath(args.gongwen), "batch", "--stdin-jsonl", "--quiet", "-j", "1"]
    # RDD.pipe takes one command string and splits it with shlex.
    results = sc.parallelize(lines, parts).pipe(shlex.join(command))
    results.saveAsTextFile(args.out)
    spark.stop()
    print(f"converted {len(paths)} inputs into {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
