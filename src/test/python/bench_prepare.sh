#!/usr/bin/env bash
# Speed of `rnnlab prepare` against NLTK's NLTKWordTokenizer, in one run (a benchmark, not a test).
#
#   src/test/python/bench_prepare.sh [CORPUS.csv] [TARGET_MB]
#
# From the project root. Needs a JDK, Maven's offline repository, /usr/bin/time and
# /usr/bin/python3 with python3-nltk (apt-get install -y python3-nltk). Measures, REPEAT times each
# (default 3), reporting min and median:
#   1. rnnlab prepare on the corpus (default sample-corpus/state-of-the-union.csv): MB/s of
#      corpus bytes, whole command (JVM start, CSV, sentence splitting, tokenizing, vocabulary,
#      writing the four files), and its peak memory (max RSS);
#   2. the same on a ~TARGET_MB (default 100) corpus made by repeating the corpus's records;
#   3. rnnlab tokenize --line-per-sentence on the sentences NLTK gets, heap capped at 64 MB to
#      show that streaming keeps memory bounded;
#   4. PreparedData.prepare run 5 times in one JVM on the big corpus (src/test/java/.../PrepareBench):
#      the speed once the JIT has compiled the hot code;
#   5. NLTK's NLTKWordTokenizer().tokenize on the same lower-cased sentences, timing only the
#      tokenize calls (reading and splitting not counted: generous to NLTK).
# Machine noise: run it when nothing else builds; other builds on a shared machine slow both sides.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CORPUS=${1:-sample-corpus/state-of-the-union.csv}
TARGET_MB=${2:-100}
REPEAT=${REPEAT:-3}
PY=/usr/bin/python3
WORK=$(mktemp -d /tmp/rnnlab-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:$(cat "$WORK/cp.txt")"
TEST_CP="target/test-classes:$CP"

# the big corpus: the header once, then the records again and again
BIG="$WORK/big.csv"
$PY - "$CORPUS" "$BIG" "$TARGET_MB" <<'PYEOF'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
data = open(src, "rb").read()
header, _, records = data.partition(b"\n")
if not records.endswith(b"\n"):
    records += b"\n"
with open(dst, "wb") as out:
    out.write(header + b"\n")
    size = len(header) + 1
    while size < mb * 1e6:
        out.write(records)
        size += len(records)
PYEOF

# the sentences NLTK tokenizes (lower-cased, rough split), one a line, for both tokenizers
sentences() {
  $PY - "$1" "$2" <<'PYEOF'
import csv, re, sys
csv.field_size_limit(1 << 30)
split = re.compile(r"(?<=[.!?])\s+")
with open(sys.argv[1], newline="", encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    reader = csv.reader(f, skipinitialspace=True)
    next(reader)
    for row in reader:
        for line in row[0].lower().splitlines():
            for s in split.split(line):
                if s.strip():
                    out.write(s + "\n")
PYEOF
}

stats() {  # stdin: one number a line -> "min X median Y"
  sort -g | awk '{v[NR]=$1} END {printf "min %.1f, median %.1f", v[1], (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

bench_prepare() {  # corpus label
  local corpus=$1 label=$2 mb speeds rss
  mb=$(stat -c %s "$corpus" | awk '{print $1/1e6}')
  speeds=(); rss=()
  for _ in $(seq "$REPEAT"); do
    rm -rf "$WORK/out"
    /usr/bin/time -f "%e %M" -o "$WORK/time" java -Xmx2g -cp "$CP" org.rnnlab.Launcher prepare \
        --corpus "$corpus" --out "$WORK/out" > "$WORK/report" 2>/dev/null
    read -r secs kb < "$WORK/time"
    speeds+=("$(awk -v m="$mb" -v s="$secs" 'BEGIN{print m/s}')")
    rss+=("$((kb / 1024))")
  done
  printf '%-34s %7.1f MB  %s MB/s; peak RSS %s MB\n' "prepare, $label:" "$mb" \
      "$(printf '%s\n' "${speeds[@]}" | stats)" "$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"
  sed 's/^/    /' "$WORK/report"
}

bench_tokenize() {  # sentences label
  local file=$1 label=$2 mb speeds rss
  mb=$(stat -c %s "$file" | awk '{print $1/1e6}')
  speeds=(); rss=()
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" java -Xmx64m -cp "$CP" org.rnnlab.Launcher tokenize \
        --line-per-sentence "$file" > /dev/null
    read -r secs kb < "$WORK/time"
    speeds+=("$(awk -v m="$mb" -v s="$secs" 'BEGIN{print m/s}')")
    rss+=("$((kb / 1024))")
  done
  printf '%-34s %7.1f MB  %s MB/s; peak RSS %s MB (heap capped at 64 MB)\n' "rnnlab tokenize, $label:" "$mb" \
      "$(printf '%s\n' "${speeds[@]}" | stats)" "$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"
}

bench_nltk() {  # sentences label
  $PY - "$1" "$2" "$REPEAT" <<'PYEOF'
import statistics, sys, time
import nltk
from nltk.tokenize import NLTKWordTokenizer
path, label, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(path, encoding="utf-8").read().split("\n")
mb = sum(len(s.encode("utf-8")) + 1 for s in lines if s) / 1e6
tokenizer = NLTKWordTokenizer()
speeds = []
for _ in range(repeat):
    t0 = time.perf_counter()
    for s in lines:
        tokenizer.tokenize(s)
    speeds.append(mb / (time.perf_counter() - t0))
print("%-34s %7.1f MB  min %.1f, median %.1f MB/s (NLTK %s, tokenize calls only)"
      % ("NLTK NLTKWordTokenizer, " + label + ":", mb, min(speeds), statistics.median(speeds), nltk.__version__))
PYEOF
}

echo "rnnlab text benchmark, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), repeat $REPEAT"
sentences "$CORPUS" "$WORK/small.sentences"
sentences "$BIG" "$WORK/big.sentences"
bench_prepare "$CORPUS" "$(basename "$CORPUS")"
bench_prepare "$BIG" "repeated to ~${TARGET_MB} MB"
bench_tokenize "$WORK/small.sentences" "sample sentences"
bench_tokenize "$WORK/big.sentences" "~${TARGET_MB} MB sentences"
echo "prepare in one JVM, ~${TARGET_MB} MB, JIT warming up:"
java -Xmx2g -cp "$TEST_CP" org.rnnlab.text.PrepareBench "$BIG" 5 | sed 's/^/    /'
bench_nltk "$WORK/small.sentences" "sample sentences"
bench_nltk "$WORK/big.sentences" "~${TARGET_MB} MB sentences"
