#!/bin/sh
# One way of the engine against another, two models in one process taking rounds of steps in turns
# (src/test/java/org/rnnlab/engine/StepsInTurns.java says why and lists the ways), from the project root:
#   src/test/python/steps_in_turns.sh WAY full|class [ROUNDS]
# e.g. "dw class": dW as one native product against the Java loops, for the class-based step. The
# OpenBLAS kernel is the one rnnlab would run; RNNLAB_JAVA_OPTS=-Drnnlab.blasKernel=Haswell asks for another.
set -e
WORK=$(mktemp -d /tmp/rnnlab-turns.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
java $RNNLAB_JAVA_OPTS -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" org.rnnlab.engine.StepsInTurns "$@"
