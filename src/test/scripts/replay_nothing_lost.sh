#!/usr/bin/env bash
# Replays the failures of "Nothing the learner made is lost" against the built jar and says, for each,
# what happens now. Usage (from the project folder, after 'mvn package'):
#   bash src/test/scripts/replay_nothing_lost.sh [--big]     # --big: also a 2 GB corpus' prepare peak memory
set -u
JAR=${JAR:-target/rnnlab.jar}
[ -f "$JAR" ] || { echo "no $JAR: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export RNNLAB_NO_PROGRESS=1
rnn() { java -jar "$JAR" "$@"; }
pass=0; fail=0
say() { if [ "$1" = ok ]; then pass=$((pass+1)); echo "  PASS  $2"; else fail=$((fail+1)); echo "  FAIL  $2"; fi; }

# a small prepared set and a model to work with
printf 'body\n' > "$W/c.csv"
for i in $(seq 1 400); do printf '"The cat sat on the mat number %d. A dog ran to the house!"\n' $((i % 37)) >> "$W/c.csv"; done
rnn prepare --corpus "$W/c.csv" --vocabulary-size 40 --out "$W/data" >/dev/null 2>&1

echo "1. Ctrl-C / SIGTERM before the first step must leave an existing --out as it was"
echo "a model trained for hours" > "$W/keep.npz"
java -jar "$JAR" train --data "$W/data" --hidden 400 --epochs 1 --out "$W/keep.npz" > "$W/1.out" 2>&1 &
pid=$!
for _ in $(seq 1 200); do grep -q "^Training a model" "$W/1.out" 2>/dev/null && break; sleep 0.05; done
kill -TERM $pid; wait $pid; rc=$?
[ "$(cat "$W/keep.npz")" = "a model trained for hours" ] && say ok "exit $rc; $(grep -o 'stopped before its first step[^.]*' "$W/1.out" | head -1)" \
  || say no "the existing model was changed (exit $rc)"

echo "2. An interrupted prepare over an existing folder must leave a whole set (old or new), never a mix"
for _ in $(seq 1 40); do cat "$W/c.csv"; done | sed '1!{/^body$/d}' > "$W/big.csv"
rnn prepare --corpus "$W/big.csv" --vocabulary-size 30 --out "$W/data2" >/dev/null 2>&1
java -jar "$JAR" prepare --corpus "$W/big.csv" --vocabulary-size 40 --out "$W/data2" >/dev/null 2>&1 &
pid=$!; sleep 1.2; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
rnn init --data "$W/data2" -H 4 -o "$W/m2.npz" >/dev/null 2>&1 && say ok "after kill -9 the folder reads whole ($(grep -c . "$W/data2/vocabulary.tsv") words)" \
  || say no "the folder is refused after kill -9: $(rnn init --data "$W/data2" -H 4 -o "$W/m2.npz" 2>&1)"
rnn prepare --corpus "$W/c.csv" --vocabulary-size 20 --out "$W/data3" >/dev/null 2>&1
cp "$W/data3/vocabulary.tsv" "$W/data2/vocabulary.tsv"   # what an in-place write used to leave: a new vocabulary, old sentences
msg=$(rnn init --data "$W/data2" -H 4 -o "$W/m3.npz" 2>&1); rc=$?
[ $rc -ne 0 ] && echo "$msg" | grep -q "mixed" && say ok "a mixed folder is refused: $msg" || say no "a mixed folder was accepted (exit $rc)"

echo "3. Out of memory must be one line and its own exit status; a model too large is refused first"
msg=$(java -Xmx12m -jar "$JAR" prepare --corpus "$W/big.csv" --out "$W/oom" 2>&1); rc=$?
[ $rc -eq 4 ] && [ "$(echo "$msg" | wc -l)" -eq 1 ] && say ok "exit $rc: $msg" || say no "exit $rc: $msg"
msg=$(java -Xmx256m -jar "$JAR" init -C 8000 -H 10000 -o "$W/huge.npz" 2>&1); rc=$?
[ $rc -eq 2 ] && echo "$msg" | grep -q "needs about" && say ok "exit $rc: $msg" || say no "exit $rc: $msg"

echo "4. Output paths must be checked before the work"
mkdir -p "$W/afolder"
start=$(date +%s%N); msg=$(rnn train --data "$W/data" --epochs 50 --out "$W/afolder" 2>&1); rc=$?; ms=$(( ($(date +%s%N)-start)/1000000 ))
[ $rc -eq 2 ] && say ok "train --out <a folder>: exit $rc after ${ms} ms: $msg" || say no "exit $rc: $msg"
start=$(date +%s%N); msg=$(rnn prepare --corpus "$W/big.csv" --out /proc/rnnlab-out 2>&1); rc=$?; ms=$(( ($(date +%s%N)-start)/1000000 ))
[ $rc -eq 2 ] && say ok "prepare into an unwritable folder: exit $rc after ${ms} ms: $msg" || say no "exit $rc: $msg"

echo "5. A run that blows up must not be reported as success"
rnn init --data "$W/data" -H 8 -o "$W/m.npz" >/dev/null 2>&1
msg=$(rnn train --data "$W/data" --init "$W/m.npz" --learning-rate 1e30 --epochs 2 --out "$W/blown.npz" 2>&1); rc=$?
[ $rc -eq 3 ] && say ok "learning rate 1e30: exit $rc: $(echo "$msg" | tail -1)" || say no "exit $rc: $(echo "$msg" | tail -1)"

echo "6. A CSV quote never closed must be warned; Latin-1 text must be readable with --encoding"
printf 'body\n"one is fine."\n"two is never closed.\nthree.\nfour.\n' > "$W/open.csv"
msg=$(rnn prepare --corpus "$W/open.csv" --vocabulary-size 5 --out "$W/o6" 2>&1 >/dev/null | grep Warning)
[ -n "$msg" ] && say ok "$msg" || say no "no warning for the unclosed quote"
printf 'Caf\xe9 cr\xe8me. Na\xefve text.\n' > "$W/latin.txt"
rnn prepare --corpus "$W/latin.txt" --encoding ISO-8859-1 --vocabulary-size 5 --out "$W/o6b" >/dev/null 2>&1
grep -q "café" "$W/o6b/sentences.txt" && say ok "--encoding ISO-8859-1 reads 'café'" || say no "Latin-1 text misread"

echo "7. Temporary files of a killed write must not stay"
touch "$W/data/.train.txt.999999999-ab.tmp"; mkdir "$W/.data.999999999-cd.tmp"
rnn prepare --corpus "$W/c.csv" --vocabulary-size 40 --out "$W/data" >/dev/null 2>&1
left=$(ls -A "$W" "$W/data" | grep -c '\.tmp$')
[ "$left" -eq 0 ] && say ok "the next prepare removed the dead writer's temporaries" || say no "$left temporary files left"

echo "8. generate --temperature 1e-5 must work on a healthy model"
rnn train --data "$W/data" --init "$W/m.npz" --epochs 3 --out "$W/t.npz" >/dev/null 2>&1
msg=$(rnn generate -m "$W/t.npz" --temperature 1e-5 -n 1 --min-length 1 --seed 1 2>&1); rc=$?
[ $rc -eq 0 ] && say ok "exit 0: $(echo "$msg" | tail -1)" || say no "exit $rc: $msg"

echo "9. Progress must show on a terminal's stderr when stdout is redirected"
script -qec "java -jar $JAR train --data $W/data --init $W/m.npz --epochs 2 --out $W/p.npz > $W/9.out" "$W/9.tty" >/dev/null 2>&1
env -u RNNLAB_NO_PROGRESS true
grep -q $'\r' "$W/9.tty" && say ok "the progress line reached the terminal while stdout went to a file" || say no "no progress on the terminal"

if [ "${1:-}" = --big ]; then
  echo "10. A 2 GB corpus prepares within the default heap (peak resident memory)"
  python3 - "$W/big2g.txt" <<'PY'
import sys
p = ("The cat sat on the mat and the dog ran to the house; a bird sang in the tree near the river. " * 20 + "\n\n").encode()
n = 0
with open(sys.argv[1], "wb") as f:
    while n < 2 * 1024**3:
        f.write(p); n += len(p)
PY
  /usr/bin/time -v java -jar "$JAR" prepare --corpus "$W/big2g.txt" --out "$W/big2g" > /dev/null 2> "$W/10.err"; rc=$?
  peak=$(grep "Maximum resident" "$W/10.err" | awk '{print $NF}')
  [ $rc -eq 0 ] && say ok "exit 0, peak resident $((peak/1024)) MB, default heap limit $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize/{print int($4/1048576)}') MB" \
    || say no "exit $rc: $(tail -2 "$W/10.err")"
fi
echo "passed $pass, failed $fail"
[ $fail -eq 0 ]
