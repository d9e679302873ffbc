#!/bin/sh
# Builds the engine's native products (output_products.c) into the classes, where the jar picks them up.
# Run by Maven (process-classes). Without a C compiler, or off Linux on x86-64, it builds nothing and
# says so: the engine then keeps its Java kernels (org.rnnlab.engine.NativeProducts).
# usage: build.sh <classes directory> <JDK home>
set -u
out="$1/org/rnnlab/engine/native/linux-x86_64"
jdk="$2"
src="$(dirname "$0")/output_products.c"
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) ;;
  *) echo "native products: not built on $(uname -s) $(uname -m); the engine uses its Java kernels"; exit 0 ;;
esac
cc="${CC:-cc}"
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "native products: no C compiler ($cc); the engine uses its Java kernels (apt-get install gcc adds them)"
  exit 0
fi
lib="$out/librnnlab-products.so"
if [ -f "$lib" ] && [ "$lib" -nt "$src" ] && [ "$lib" -nt "$0" ]; then
  exit 0
fi
mkdir -p "$out"
# -O3 and the functions' own target attributes: the library loads on any x86-64, the AVX2 code runs where the CPU has it;
# no fused multiply-adds but those written out, so that the numbers are the Java kernels' where the operations are theirs
if "$cc" -O3 -std=c11 -ffp-contract=off -Wall -Wextra -Werror -shared -fPIC -I"$jdk/include" -I"$jdk/include/linux" \
     -o "$lib.tmp" "$src"; then
  mv -f "$lib.tmp" "$lib"
else
  rm -f "$lib.tmp"
  echo "native products: the C compiler failed; the engine uses its Java kernels"
fi
exit 0
