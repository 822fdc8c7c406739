#!/usr/bin/env bash
# ./microos bench: boots the ISO twice with the bench probe and its partner, then the default system
# (1 + WALL_BOOTS times), and prints each figure as
#   <figure>: <N> instructions, <M> cycles
# and the wall-clock boot time as `QEMU start to init exit: <ms> ms (median of N boots)`.
# Instructions come from a run under QEMU's -icount shift=0, where the guest timestamp counter
# advances exactly one tick per guest instruction (deterministic). Cycles come from a plain TCG run
# (host-paced, so they vary between machines and runs). Each is the median of 2001 measurements
# taken inside the probe server (MicroOS.Servers/Probe/Bench.cs), minus the cost of reading the TSC.
set -euo pipefail
ISO="${1:?usage: bench.sh ISO}"
CMDLINE="exit quiet nosystem servers=ipc-bench-partner,,ipc-bench,,bench,,bench-partner"

# QEMU is stopped as soon as the probe says "bench: done": the IPC bench partner waits for calls
# forever, so the machine need not reach "all exited" (before, every run waited out a 300 s timeout).
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

# Boot figures: the default system (the manifest's system servers, today only init) with the kernel
# option `timing`. The kernel prints the TSC its first instruction read (Boot.asm) and, at each process
# exit, the ticks since then. Under -icount shift=0 the TSC counts guest instructions from reset, so
# `reset to kernel` is the firmware's and GRUB's share. Until the shell exists, the end point is
# init's exit; the prompt will replace it.
BOOT_CMDLINE="exit quiet timing"
WALL_BOOTS=5

boot_system() {
    timeout 120 qemu-system-x86_64 "$@" -cpu qemu64,+smep,+smap,+umip -cdrom "$ISO" -m 64M -display none -no-reboot -serial stdio \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -fw_cfg "name=opt/microos/cmdline,string=$BOOT_CMDLINE" 2>&1 || true
}

# One boot; prints `<entry TSC> <init exit ticks> <ms from QEMU start to init's exit line>`. The clock
# stops when the line reaches this script through the serial pipe.
timed_boot() {
    local start entry="" line
    start="$(date +%s%N)"
    while IFS= read -r line; do
        line="${line%$'\r'}"
        case "$line" in
            "boot: kernel entered at TSC "*) entry="$(sed -E 's/^boot: kernel entered at TSC ([0-9]+).*/\1/' <<<"$line")" ;;
            "timing: process init "*" TSC ticks after kernel entry")
                echo "$entry $(sed -E 's/.* exited ([0-9]+) TSC ticks.*/\1/' <<<"$line") $(( ($(date +%s%N) - start) / 1000000 ))" ;;
        esac
    done < <(boot_system "$@")
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR > 0) print v[int((NR + 1) / 2)] }'; }

# The two runs are independent, so they run side by side (QEMU's TCG is one thread each): the wall
# time is the slower one, the -icount run, whose firmware and GRUB phase dominates. Each figure is a
# median of 2001 samples, so the other QEMU stealing the odd time slice does not move it.
echo "[microos] bench: run 1/2 (QEMU -icount shift=0: instruction counts), run 2/2 (plain TCG: timestamp-counter cycles) and the instruction-counted system boot, in parallel"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
boot -icount shift=0 > "$work/counted" &
boot > "$work/timed" &
# The instruction-counted system boot is deterministic whatever else runs: it goes alongside too.
timed_boot -icount shift=0 | head -n 1 > "$work/counted_boot" &
wait
counted="$(cat "$work/counted")"
timed="$(cat "$work/timed")"

status=0
for name in "null syscall" "context switch" "yield round trip" "ipc round trip" "ipc round trip, 4 KiB payload" "notification signal to wake" "io port read"; do
    n="$(figure "$name" "$counted")"
    m="$(figure "$name" "$timed")"
    if [ -z "$n" ] || [ -z "$m" ]; then
        echo "$name: missing (the bench server did not report it)"
        status=1
        continue
    fi
    echo "$name: $n instructions, $m cycles"
done
# The TSS I/O bitmap (Bench.MeasureIoBitmap): a plain `in` after io_port_enable, against the checked
# `io port read` above; and the context switch when one side has the bitmap in force.
for pair in "io-bitmap-read|io port read (tss bitmap)" "io-bitmap-switch|context switch, io bitmap"; do
    probe="${pair%%|*}"; name="${pair#*|}"
    n="$(figure "$probe" "$counted")"; m="$(figure "$probe" "$timed")"
    if [ -n "$n" ] && [ -n "$m" ]; then echo "$name: $n instructions, $m cycles"; else echo "$name: missing (the bench server did not report it)"; status=1; fi
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

counted_boot="$(cat "$work/counted_boot")"
timed_boots=""
for i in $(seq 1 "$WALL_BOOTS"); do
    echo "[microos] bench: boot $i/$WALL_BOOTS (plain TCG, one at a time: cycles and wall-clock time)"
    timed_boots+="$(timed_boot | head -n 1)"$'\n'
done
timed_boots="$(grep -E '^[0-9]+ [0-9]+ [0-9]+$' <<<"$timed_boots" || true)"
boots_done="$(grep -c . <<<"$timed_boots" || true)"
if [ -z "$counted_boot" ] || [ "$boots_done" = 0 ]; then
    echo "reset to kernel: missing (no 'timing: process init' line; did init run?)"
    echo "kernel to init exit: missing"
    status=1
else
    read -r n_entry n_init _ <<<"$counted_boot"
    echo "reset to kernel: $n_entry instructions, $(cut -d' ' -f1 <<<"$timed_boots" | median) cycles"
    echo "kernel to init exit: $n_init instructions, $(cut -d' ' -f2 <<<"$timed_boots" | median) cycles"
    echo "QEMU start to init exit: $(cut -d' ' -f3 <<<"$timed_boots" | median) ms (median of $boots_done boots)"
fi
exit $status
