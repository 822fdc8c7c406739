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

# Both servers exit once the figures are out (the partner after a bounded number of yields), and the
# kernel's `exit` option then ends QEMU: a run takes seconds. The timeout only guards against a hang.
boot() {
    local rc=0
    timeout 120 qemu-system-x86_64 "$@" -cpu qemu64,+smep,+smap,+umip -cdrom "$ISO" -m 64M -display none -no-reboot -serial stdio \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -fw_cfg "name=opt/microos/cmdline,string=$CMDLINE" 2>&1 || rc=$?
    # isa-debug-exit status 33: every process exited. Anything else (124: timeout) is reported.
    [ "$rc" -eq 33 ] || echo "bench: QEMU ended with status $rc (expected 33: all processes exited)" >&2
}

figure() { grep -E "bench: $1 [0-9]+" <<<"$2" | sed -E "s/.*bench: $1 ([0-9]+).*/\1/" | head -n 1; }

# The two runs are independent, so they run side by side (QEMU's TCG is one thread each): the wall
# time is the slower one, the -icount run, whose firmware and GRUB phase dominates. Each figure is a
# median of 2001 samples, so the other QEMU stealing the odd time slice does not move it.
echo "[microos] bench: run 1/2 (QEMU -icount shift=0: instruction counts) and run 2/2 (plain TCG: timestamp-counter cycles), in parallel"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
boot -icount shift=0 > "$work/counted" &
boot > "$work/timed" &
wait
counted="$(cat "$work/counted")"
timed="$(cat "$work/timed")"

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
n_sys="$(figure "null syscall" "$counted")"; n_sw="$(figure "context switch" "$counted")"
if [ -n "$n_sys" ] && [ -n "$n_sw" ] && [ "$n_sys" -gt 0 ]; then
    echo "context switch / null syscall: $(awk "BEGIN { printf \"%.1f\", $n_sw / $n_sys }") (instruction ratio)"
fi
exit $status
