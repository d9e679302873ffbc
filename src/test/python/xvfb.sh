# Sourced by the measuring scripts: start_xvfb DISPLAY [WIDTHxHEIGHT] starts an X server of its own
# (Xvfb, 24-bit, 1280x800 unless told) and returns once it answers, with its process id in $xvfb.
# A server that an earlier run closed may still hold the display for a moment: a new one then exits at
# once, and is started again (for up to about 10 s).
start_xvfb() {
  for _ in $(seq 1 50); do
    Xvfb "$1" -screen 0 "${2:-1280x800}x24" >/dev/null 2>&1 &
    xvfb=$!
    for _ in $(seq 1 20); do
      kill -0 $xvfb 2>/dev/null || break # it exited: the display was still taken
      xdpyinfo -display "$1" >/dev/null 2>&1 && return 0
      sleep 0.1
    done
    kill $xvfb 2>/dev/null
    wait $xvfb 2>/dev/null
    sleep 0.1
  done
  echo "Xvfb did not answer on display $1 (is xdpyinfo installed? apt-get install x11-utils)" >&2
  return 1
}
