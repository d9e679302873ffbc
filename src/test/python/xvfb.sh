# Sourced by the measuring scripts: start_xvfb DISPLAY [WIDTHxHEIGHT] starts an X server of its own
# (Xvfb, 24-bit, 1280x800 unless told) and returns once it answers, with its process id in $xvfb.
# An earlier server on the same display may still be closing: it waits up to 5 s.
start_xvfb() {
  Xvfb "$1" -screen 0 "${2:-1280x800}x24" >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 1 50); do
    xdpyinfo -display "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "Xvfb did not answer on display $1 (is xdpyinfo installed? apt-get install x11-utils)" >&2
  return 1
}
