#!/bin/sh
# Time from `java -jar target/rnnlab.jar` to the main window mapped on an X display (Xvfb), and the
# app's resident memory then and a few seconds later (sample corpus and model loaded behind the window).
#   src/test/python/bench_startup.sh [runs]      (from the project root, after mvn package)
# RNNLAB_STARTUP_JAR=target/other.jar times another build (beside target/lib); RNNLAB_STARTUP_JAVA_OPTS adds JVM options.
# Prints one line per run: "startup_ms=<ms> rss_mb_at_window=<MB> rss_mb_settled=<MB> classes=<archive>", where
# the archive (ClassArchive: ~/.cache/rnnlab/classes) was "written" at that run's exit (the first launch of a
# new build) or "used"; -Drnnlab.classArchive=off in RNNLAB_STARTUP_JAVA_OPTS launches without it.
runs=${1:-5}
display=:97
. "$(dirname "$0")/xvfb.sh"
start_xvfb $display 1600x1000 || exit 1
trap 'kill $xvfb 2>/dev/null' EXIT
archives=${XDG_CACHE_HOME:-$HOME/.cache}/rnnlab/classes
jar=${RNNLAB_STARTUP_JAR:-target/rnnlab.jar}
i=0
while [ $i -lt "$runs" ]; do
  i=$((i + 1))
  # used: an archive of this build, or a finished dump of a complete launch that this one takes as one
  classes=written
  [ -n "$(find "$archives" -maxdepth 1 -name '*.jsa' -newer "$jar" 2>/dev/null)" ] && classes=used
  for log in $(find "$archives" -maxdepth 1 -name '*.log' -newer "$jar" 2>/dev/null); do
    grep -qs "rnnlab: the archive is whole" "$log" && [ -e "${log%.log}.complete" ] && classes=used
  done
  case "$RNNLAB_STARTUP_JAVA_OPTS" in *classArchive=off*) classes=off ;; esac
  start=$(date +%s%N)
  DISPLAY=$display java $RNNLAB_STARTUP_JAVA_OPTS -jar "$jar" >/dev/null 2>&1 &
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
    echo "startup_ms=$(( (shown - start) / 1000000 )) rss_mb_at_window=$rss1 rss_mb_settled=$rss2 classes=$classes"
  else
    echo "startup_ms=none (no window within 15 s)"
  fi
done
