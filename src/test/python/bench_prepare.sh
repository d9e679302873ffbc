#!/usr/bin/env bash
# Speed of `rnnlab prepare` against NLTK's NLTKWordTokenizer, in one run (a benchmark, not a test).
#
#   src/test/python/bench_prepare.sh [CORPUS.csv] [TARGET_MB]
#
# From the project root. Needs a JDK, Maven's offline repository, /usr/bin/time and
# /usr/bin/python3 with python3-nltk (apt-get install -y python3-nltk). Each round (REPEAT rounds,
# default 3) measures, one after the other so that all see the same machine load:
#   - rnnlab prepare on the corpus (default sample-corpus/state-of-the-union.csv) and on a
#     ~TARGET_MB (default 100) corpus made by repeating its records: MB/s of corpus bytes for the
#     whole command (JVM start, CSV, sentence splitting, tokenizing, counting, writing the four
#     files) and peak memory (max RSS);
#   - NLTK's NLTKWordTokenizer().tokenize on the sentences of each corpus (lower-cased, cut with
#     a rough rule), timing only the tokenize calls: reading and splitting are not counted,
#     which favours NLTK;
#   - the ratio prepare / NLTK on the big corpus, within the round.
# Then, once: rnnlab tokenize --line-per-sentence on the big corpus's sentences with the heap
# capped at 64 MB (streaming keeps memory bounded), and PreparedData.prepare five times in one
# JVM (src/test/java/org/rnnlab/text/PrepareBench.java): the speed once the JIT has compiled
# the hot code. Reported: min and median of the rounds. A shared machine adds noise: the load
# average is printed.
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

# the sentences NLTK tokenizes (lower-cased, rough split), one a line
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

nltk_speed() {  # sentences file -> MB/s of the tokenize calls
  $PY - "$1" <<'PYEOF'
import sys, time
from nltk.tokenize import NLTKWordTokenizer
lines = [s for s in open(sys.argv[1], encoding="utf-8").read().split("\n") if s]
mb = sum(len(s.encode("utf-8")) + 1 for s in lines) / 1e6
tokenizer = NLTKWordTokenizer()
t0 = time.perf_counter()
for s in lines:
    tokenizer.tokenize(s)
print(mb / (time.perf_counter() - t0))
PYEOF
}

prepare_speed() {  # corpus -> "MB/s RSS-MB"; the four report lines go to $WORK/report
  local mb secs kb
  mb=$(stat -c %s "$1" | awk '{print $1/1e6}')
  rm -rf "$WORK/out"
  /usr/bin/time -f "%e %M" -o "$WORK/time" java -cp "$CP" org.rnnlab.Launcher prepare \
      --corpus "$1" --out "$WORK/out" > "$WORK/report" 2>/dev/null
  read -r secs kb < "$WORK/time"
  echo "$(awk -v m="$mb" -v s="$secs" 'BEGIN{print m/s}') $((kb / 1024))"
}

stats() {  # stdin: one number a line -> "min X, median Y"
  sort -g | awk '{v[NR]=$1} END {printf "min %.1f, median %.1f", v[1], (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

mb_of() { stat -c %s "$1" | awk '{printf "%.1f", $1/1e6}'; }

echo "rnnlab text benchmark, $(date -u +%FT%TZ), $(nproc) cores, $REPEAT rounds, java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $($PY -c 'import nltk; print("NLTK", nltk.__version__)')"
sentences "$CORPUS" "$WORK/small.sentences"
sentences "$BIG" "$WORK/big.sentences"
: > "$WORK/rounds"
for r in $(seq "$REPEAT"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  read -r ps prss <<< "$(prepare_speed "$CORPUS")"
  cp "$WORK/report" "$WORK/report.small"
  read -r pb brss <<< "$(prepare_speed "$BIG")"
  ns=$(nltk_speed "$WORK/small.sentences")
  nb=$(nltk_speed "$WORK/big.sentences")
  echo "$ps $prss $pb $brss $ns $nb $load" >> "$WORK/rounds"
  printf 'round %d (load %s): prepare %.1f / %.1f MB/s, NLTK %.1f / %.1f MB/s (sample / big), big ratio %.1fx\n' \
      "$r" "$load" "$ps" "$pb" "$ns" "$nb" "$(awk -v a="$pb" -v b="$nb" 'BEGIN{print a/b}')"
done
echo
printf '%-44s %6s MB  %s MB/s; peak RSS %s MB\n' "rnnlab prepare, $(basename "$CORPUS"):" "$(mb_of "$CORPUS")" \
    "$(awk '{print $1}' "$WORK/rounds" | stats)" "$(awk '{print $2}' "$WORK/rounds" | sort -n | tail -1)"
printf '%-44s %6s MB  %s MB/s; peak RSS %s MB\n' "rnnlab prepare, repeated to ~${TARGET_MB} MB:" "$(mb_of "$BIG")" \
    "$(awk '{print $3}' "$WORK/rounds" | stats)" "$(awk '{print $4}' "$WORK/rounds" | sort -n | tail -1)"
printf '%-44s %6s MB  %s MB/s\n' "NLTK tokenize, sample sentences:" "$(mb_of "$WORK/small.sentences")" \
    "$(awk '{print $5}' "$WORK/rounds" | stats)"
printf '%-44s %6s MB  %s MB/s\n' "NLTK tokenize, ~${TARGET_MB} MB sentences:" "$(mb_of "$WORK/big.sentences")" \
    "$(awk '{print $6}' "$WORK/rounds" | stats)"
printf '%-44s %s (per round: prepare / NLTK on the big corpus)\n' "ratio:" \
    "$(awk '{print $3/$6}' "$WORK/rounds" | stats | sed 's/min \([0-9.]*\), median \([0-9.]*\)/min \1x, median \2x/')"
echo "report lines, $(basename "$CORPUS"), C=8000:"
sed 's/^/    /' "$WORK/report.small"

/usr/bin/time -f "%e %M" -o "$WORK/time" java -Xmx64m -cp "$CP" org.rnnlab.Launcher tokenize \
    --line-per-sentence "$WORK/big.sentences" > /dev/null
read -r secs kb < "$WORK/time"
printf '%-44s %6s MB  %.1f MB/s; peak RSS %d MB with the heap capped at 64 MB\n' \
    "rnnlab tokenize --line-per-sentence, big:" "$(mb_of "$WORK/big.sentences")" \
    "$(awk -v m="$(mb_of "$WORK/big.sentences")" -v s="$secs" 'BEGIN{print m/s}')" "$((kb / 1024))"
echo "PreparedData.prepare 5 times in one JVM, ~${TARGET_MB} MB (load $(cut -d' ' -f1 /proc/loadavg)):"
java -Xmx2g -cp "$TEST_CP" org.rnnlab.text.PrepareBench "$BIG" 5 | sed 's/^/    /'
