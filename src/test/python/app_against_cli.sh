#!/bin/sh
# The app's training against the command line's, one whole epoch of each on the sample corpus in turns
# (the same model: H 100, C 8,000, 10% held out), from the project root after mvn package:
#   src/test/python/app_against_cli.sh [PAIRS]
# Each pair is one epoch in the window (measure_app_training.sh, the live streams on, the pulse timer off)
# and one with `rnnlab train`, in alternating order; each prints the sentences per second of the steps
# alone, as both say it. A shared machine's speed drifts by 10-20% within minutes, so only a ratio taken
# in turns means much: the script ends with the median of app / command line over the pairs (default 4).
# RNNLAB_JAVA_OPTS goes to both JVMs, e.g. "-XX:UseAVX=2 -Drnnlab.blasKernel=Haswell" for a machine with
# AVX2 only.
set -e
pairs=${1:-4}
work=$(mktemp -d /tmp/rnnlab-app-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
java -jar target/rnnlab.jar prepare --corpus sample-corpus/state-of-the-union.csv --out "$work/data" >/dev/null 2>&1

cli() {
  java $RNNLAB_JAVA_OPTS -jar target/rnnlab.jar train --data "$work/data" --epochs 1 --evaluate-loss-after 1 \
    --validation-fraction 0.1 --seed 10 -o "$work/model.npz" 2>&1 | sed -n 's/.*(the steps alone: \([0-9.]*\) sentences.*/\1/p'
}

app() {
  RNNLAB_MEASURE_OUT="$work/app.out" RNNLAB_MEASURE_JAVA_OPTS="-Drnnlab.pulseMonitor.gaps=false $RNNLAB_JAVA_OPTS" \
    sh "$(dirname "$0")/measure_app_training.sh" 600 on 23931 1 | sed -n 's/.*(the steps alone: \([0-9.]*\)).*/\1/p'
}

i=1
while [ "$i" -le "$pairs" ]; do
  if [ $((i % 2)) -eq 1 ]; then a=$(app); c=$(cli); else c=$(cli); a=$(app); fi
  echo "pair $i: app $a, command line $c sentences/s (steps alone): $(echo "$a $c" | awk '{printf "%.3f", $1 / $2}')" | tee -a "$work/pairs.txt"
  i=$((i + 1))
done
awk '{ print $NF }' "$work/pairs.txt" | sort -n | awk '
  { r[NR] = $1 }
  END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "app / command line by median over %d pairs: %.3f (from %.3f to %.3f)\n", NR, m, r[1], r[NR] }'
