#!/bin/bash
# Takes the README's screenshots again (assets/screenshot-*.png) from the app under Xvfb at 1280x800:
# each step as it opens, a few after an action (a check run, a training run scrolled to its charts,
# a Code tab), in Chinese, and two sizes up in the light and dark themes.
#   src/test/python/readme_screenshots.sh      (from the project root, after mvn package)
# Needs Xvfb, xdotool, xdpyinfo and ImageMagick's import. The app's settings go to a folder of their
# own, so the learner's remembered step, theme and text size play no part.
set -u
display=:79
. "$(dirname "$0")/xvfb.sh"
start_xvfb $display || exit 1
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null' EXIT
data=$(mktemp -d)

# shot NAME STEP WAIT_SECONDS [ACTION] [java flags...]: ACTION is a shell function run after the wait
shot() {
  local name=$1 step=$2 wait=$3 action=${4:-}
  shift 4 2>/dev/null || shift $#
  DISPLAY=$display java -Drnnlab.dataDir="$data" -Drnnlab.remember=false -Drnnlab.size=1280x800 -Drnnlab.step="$step" \
    -Drnnlab.language=en -Drnnlab.theme=light -Drnnlab.fontSize=14 "$@" -jar target/rnnlab.jar >/dev/null 2>&1 &
  local app=$!
  sleep "$wait"
  [ -n "$action" ] && $action
  DISPLAY=$display import -window root "assets/screenshot-$name.png"
  kill $app 2>/dev/null
  wait $app 2>/dev/null
  # the kill saved a running training as an interrupted run: the next shot must not offer to resume it
  rm -f "$data/interrupted-run.checkpoint.npz"
  echo "assets/screenshot-$name.png"
}
click() { DISPLAY=$display xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
runCheck() { click 640 361 3; }
scrollDown() { DISPLAY=$display xdotool mousemove 900 600; for _ in $(seq 1 "$1"); do DISPLAY=$display xdotool click 5; sleep 0.1; done; sleep 1; }
trainingCharts() { sleep 4; scrollDown 8; sleep 1; }  # the probe's panels catch up once in sight (within a second)
codeTab() { click 636 113 2; }
# the "recurrence through W^T dropped" bug: fourth in the list, three below the engine's own BPTT
bugCheck() { click 930 295 1; for _ in 1 2 3; do DISPLAY=$display xdotool key Down; sleep 0.2; done; DISPLAY=$display xdotool key Return; sleep 1; click 640 379 3; }  # its two-line note moves Run down

for step in languageModel corpus vocabulary trainingData dimensions forward loss bptt generate; do
  shot "${step}Step" "${step}Step" 8
done
shot gradientCheckStep gradientCheckStep 8 runCheck
shot gradientCheckStep-bug gradientCheckStep 8 bugCheck
shot bpttStep-code bpttStep 8 codeTab
# 30 epochs of the step's 1,000 sentences: the run is still going when the shot is taken (it ends the app)
shot trainingStep trainingStep 6 trainingCharts -Drnnlab.pulseMonitor=true -Drnnlab.pulseMonitor.autoTrain=60 -Drnnlab.pulseMonitor.epochs=30
shot vocabularyStep-zh vocabularyStep 8 "" -Drnnlab.language=zh
shot dimensionsStep-zh dimensionsStep 8 "" -Drnnlab.language=zh
for variant in "lossStep dark" "trainingStep light" "languageModelStep light" "vocabularyStep dark" "forwardStep dark" "lossStep light"; do
  set -- $variant
  shot "$1-large-$2" "$1" 14 "" -Drnnlab.theme="$2" -Drnnlab.fontSize=18 # larger text: more to lay out while the sample model loads
done
rm -rf "$data"
