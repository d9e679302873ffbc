#!/bin/sh
# One way of the engine against another, two models in one process taking rounds of steps in turns
# (src/test/java/org/rnnlab/engine/StepsInTurns.java says why and lists the ways), from the project root:
#   src/test/python/steps_in_turns.sh WAY full|class [ROUNDS] [RUNS]
# e.g. "dw class": dW as one native product against the Java loops, for the class-based step. The
# OpenBLAS kernel is the one rnnlab would run; RNNLAB_JAVA_OPTS=-Drnnlab.blasKernel=Haswell asks for another.
# RUNS (default 1) repeats the comparison in as many processes and ends with the median of on / off
# (medians of each run): on this shared machine one run moved by up to 10% from the next, and
# "none" (the same way twice) shows that spread.
set -e
WORK=$(mktemp -d /tmp/rnnlab-turns.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
runs=${4:-1}
i=0
while [ "$i" -lt "$runs" ]; do
  java @src/main/resources/org/rnnlab/vector-jvm-options $RNNLAB_JAVA_OPTS -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" org.rnnlab.engine.StepsInTurns \
    "$1" "$2" ${3:+"$3"} | tee -a "$WORK/out.txt"
  i=$((i + 1))
done
if [ "$runs" -gt 1 ]; then
  # "  WAY on : median X ms, ..." then "  WAY off: median Y ms, ...": one ratio X / Y a run
  awk '/ on *: median/ { on = $5 } /off: median/ { print on / $4 }' "$WORK/out.txt" | sort -n | awk '
    { r[NR] = $1; if ($1 < 1) faster++ }
    END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
          printf "on / off by median over %d runs: %.3f (from %.3f to %.3f); on faster in %d\n", NR, m, r[1], r[NR], faster }'
fi
