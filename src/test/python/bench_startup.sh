#!/bin/sh
# Time from `java -jar target/rnnlab.jar` to the main window mapped on an X display (Xvfb), and the
# app's resident memory then and a few seconds later (sample corpus and model loaded behind the window).
#   src/test/python/bench_startup.sh [runs]      (from the project root, after mvn package)
# Prints one line per run: "startup_ms=<ms> rss_mb_at_window=<MB> rss_mb_settled=<MB>".
runs=${1:-5}
display=:97
. "$(dirname "$0")/xvfb.sh"
start_xvfb $display 1600x1000 || exit 1
trap 'kill $xvfb 2>/dev/null' EXIT
i=0
while [ $i -lt "$runs" ]; do
  i=$((i + 1))
  start=$(date +%s%N)
  DISPLAY=$display java -jar target/rnnlab.jar >/dev/null 2>&1 &
  app=$!
  shown=""
  for _ in $(seq 1 1500); do
    if DISPLAY=$display xdotool search --onlyvisible --name "RNN Lab" >/dev/null 2>&1; then
      shown=$(date +%s%N)
      break
    fi
    sleep 0.01
  done
  rss1=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$app/status 2>/dev/null)
  sleep 8
  rss2=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$app/status 2>/dev/null)
  kill $app 2>/dev/null
  wait $app 2>/dev/null
  if [ -n "$shown" ]; then
    echo "startup_ms=$(( (shown - start) / 1000000 )) rss_mb_at_window=$rss1 rss_mb_settled=$rss2"
  else
    echo "startup_ms=none (no window within 15 s)"
  fi
done
