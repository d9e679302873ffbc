#!/bin/sh
# The app training as a learner starts it (Training step, Start, a fresh lesson model on the sample
# corpus), measured under Xvfb at 1280x800: sentences/s (and of the steps alone, as `rnnlab train` prints
# them), the FX thread's longest pulse gap (see PulseMonitor) and the app's peak resident memory.
#   src/test/python/measure_app_training.sh [seconds] [on|off] [sentences] [epochs] [start-after]
# (from the project root, after mvn package; sentences and epochs default to the step's 1,000 and 10;
# the sample corpus has 23,931 sentences, so "600 on 23931 1" is one whole epoch with 10% held out)
# "off" trains without the probe and the live gradient check. start-after: seconds from the model being
# ready to Start, as a learner reads the step first (default 0: Start at once, the hardest case). Prints the pulse monitor's lines and
# "peak_rss_mb=<MB>" (VmHWM: the most the process held at any time) and "last_rss_mb=<MB>" (VmRSS in the
# last second before the app closed itself: after the run). The pulse monitor's "high-water mark so far" is
# VmHWM when the run ended, before the window closed.
# RNNLAB_MEASURE_OUT (default /tmp/rnnlab-measure.out) is where the app's output goes, RNNLAB_MEASURE_DISPLAY
# (default :96) the Xvfb display: two measurements on one machine then keep apart; RNNLAB_MEASURE_JAVA_OPTS
# adds JVM options (a flight recording, say); RNNLAB_MEASURE_JAR (default target/rnnlab.jar) the jar, so that
# two builds can be measured in turns (copy the other inside target/, beside its lib/). With
# RNNLAB_MEASURE_JAVA_OPTS=-Drnnlab.pulseMonitor.gaps=false the speed is measured without the pulse timer,
# which asks for 60 frames a second (the window otherwise draws only when something changed).
seconds=${1:-60}
streams=${2:-on}
sentences=${3:+-Drnnlab.pulseMonitor.sentences=$3}
epochs=${4:+-Drnnlab.pulseMonitor.epochs=$4}
startAfter=${5:+-Drnnlab.pulseMonitor.startAfter=$5}
display=${RNNLAB_MEASURE_DISPLAY:-:96}
out=${RNNLAB_MEASURE_OUT:-/tmp/rnnlab-measure.out}
# a fresh data folder and nothing remembered: the user's theme, text size, step fields and run files
# play no part (light theme, English, the default text size), and the measurement leaves none behind
data=$(mktemp -d)
. "$(dirname "$0")/xvfb.sh"
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$data"' EXIT
start_xvfb $display || exit 1
DISPLAY=$display java $RNNLAB_MEASURE_JAVA_OPTS -Drnnlab.dataDir="$data" -Drnnlab.remember=false -Drnnlab.theme=light -Drnnlab.language=en \
  -Drnnlab.pulseMonitor=true -Drnnlab.pulseMonitor.autoTrain="$seconds" \
  -Drnnlab.streams="$streams" $sentences $epochs $startAfter -Drnnlab.size=1280x800 -Drnnlab.step=trainingStep \
  -jar "${RNNLAB_MEASURE_JAR:-target/rnnlab.jar}" > "$out" 2>&1 &
app=$!
peak=0
last=0
while kill -0 $app 2>/dev/null; do
  hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$app/status 2>/dev/null)
  [ -n "$hwm" ] && peak=$hwm
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$app/status 2>/dev/null)
  [ -n "$rss" ] && last=$rss
  sleep 1
done
grep "pulse monitor" "$out"
echo "streams=$streams seconds=$seconds peak_rss_mb=$peak last_rss_mb=$last"
