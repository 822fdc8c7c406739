#!/usr/bin/env bash
# ./microos bench: boots the ISO twice with the bench probe and its partner, and prints each figure as
#   <figure>: <N> instructions, <M> cycles
# Instructions come from a run under QEMU's -icount shift=0, where the guest timestamp counter
# advances exactly one tick per guest instruction (deterministic). Cycles come from a plain TCG run
# (host-paced, so they vary between machines and runs). Each is the median of 2001 measurements
# taken inside the probe server (MicroOS.Servers/Probe/Bench.cs), minus the cost of reading the TSC.
set -euo pipefail
ISO="${1:?usage: bench.sh ISO}"
CMDLINE="exit quiet nosystem servers=bench,,bench-partner"

# The partner yields forever, so the machine never reaches "all exited": QEMU is stopped as soon
# as the probe says "bench: done" (before, every run waited for its 300 s timeout).
boot() {
    local out pid i
    out="$(mktemp)"
    timeout 300 qemu-system-x86_64 "$@" -cpu qemu64,+smep,+smap,+umip -cdrom "$ISO" -m 64M -display none -no-reboot -serial stdio \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -fw_cfg "name=opt/microos/cmdline,string=$CMDLINE" >"$out" 2>&1 </dev/null &
    pid=$!
    for ((i = 0; i < 3000; i++)); do
        grep -q "bench: done" "$out" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    cat "$out"
    rm -f "$out"
}

figure() { grep -E "bench: $1 [0-9]+" <<<"$2" | sed -E "s/.*bench: $1 ([0-9]+).*/\1/" | head -n 1; }

echo "[microos] bench: run 1/2 (QEMU -icount shift=0: instruction counts)"
counted="$(boot -icount shift=0)"
echo "[microos] bench: run 2/2 (plain TCG: timestamp-counter cycles)"
timed="$(boot)"

status=0
for name in "null syscall" "context switch" "yield round trip"; do
    n="$(figure "$name" "$counted")"
    m="$(figure "$name" "$timed")"
    if [ -z "$n" ] || [ -z "$m" ]; then
        echo "$name: missing (the bench server did not report it)"
        status=1
        continue
    fi
    echo "$name: $n instructions, $m cycles"
done
# throw/catch: one exception thrown and caught one frame up (the probe says "throw-catch").
n="$(figure "throw-catch" "$counted")"; m="$(figure "throw-catch" "$timed")"
if [ -n "$n" ] && [ -n "$m" ]; then echo "throw/catch: $n instructions, $m cycles"; else echo "throw/catch: missing (the bench server did not report it)"; status=1; fi
# The collector (Bench.MeasureCollector): one 32-byte allocation in a steady state (median; samples
# that ran a collection are excluded by the median), and full collections of a ~4 MiB live heap.
for pair in "allocation|allocation" "gc-pause-median|gc pause (median)" "gc-pause-worst|gc pause (worst)"; do
    probe="${pair%%|*}"; name="${pair#*|}"
    n="$(figure "$probe" "$counted")"; m="$(figure "$probe" "$timed")"
    if [ -n "$n" ] && [ -n "$m" ]; then echo "$name: $n instructions, $m cycles"; else echo "$name: missing (the bench server did not report it)"; status=1; fi
done
n_sys="$(figure "null syscall" "$counted")"; n_sw="$(figure "context switch" "$counted")"
if [ -n "$n_sys" ] && [ -n "$n_sw" ] && [ "$n_sys" -gt 0 ]; then
    echo "context switch / null syscall: $(awk "BEGIN { printf \"%.1f\", $n_sw / $n_sys }") (instruction ratio)"
fi
exit $status
