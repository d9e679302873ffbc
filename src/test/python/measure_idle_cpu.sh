#!/bin/sh
# The app's CPU time while a learner only reads a step: opens the app on STEP (default trainingStep)
# under Xvfb at 1280x800, waits 20 s for the sample corpus and model to load, then prints the CPU time
# the app and the X server used over the next 10 s. A step at rest should take next to none.
#   src/test/python/measure_idle_cpu.sh [step] [jar]     (from the project root, after mvn package)
# RNNLAB_MEASURE_DISPLAY (default :95) is the Xvfb display; RNNLAB_MEASURE_JAVA_OPTS adds JVM options.
step=${1:-trainingStep}
jar=${2:-target/rnnlab.jar}
display=${RNNLAB_MEASURE_DISPLAY:-:95}
data=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"
trap 'kill $app $xvfb 2>/dev/null; wait $app $xvfb 2>/dev/null; rm -rf "$data"' EXIT
start_xvfb $display || exit 1
DISPLAY=$display java $RNNLAB_MEASURE_JAVA_OPTS -Drnnlab.dataDir="$data" -Drnnlab.remember=false -Drnnlab.size=1280x800 \
  -Drnnlab.step="$step" -Drnnlab.language=en -Drnnlab.theme=light -jar "$jar" >/dev/null 2>&1 &
app=$!
sleep 20
ticks() { awk '{print $14 + $15}' /proc/$1/stat; } # user + system, in clock ticks of 10 ms
a0=$(ticks $app); x0=$(ticks $xvfb)
sleep 10
a1=$(ticks $app); x1=$(ticks $xvfb)
echo "step=$step idle_seconds=10 app_cpu_ms=$(( (a1 - a0) * 10 )) xvfb_cpu_ms=$(( (x1 - x0) * 10 ))"
