#!/usr/bin/env bash
# ./microos bench: boots the ISO twice with the bench probe and its partner, the whole system twice
# under -icount (to the prompt; a driver restart), then WALL_BOOTS times in plain TCG, and prints each
# figure as
#   <figure>: <N> instructions, <M> cycles
# and the boot figures to the shell's prompt: `reset to kernel`, `kernel to prompt`, `QEMU start to
# prompt: <ms> ms (median of N boots; min-max ms)`, and `driver restart` (the serial driver crashed and restarted).
# Instructions come from a run under QEMU's -icount shift=0, where the guest timestamp counter
# advances exactly one tick per guest instruction (deterministic). Cycles come from a plain TCG run
# (host-paced, so they vary between machines and runs). Each is the median of 2001 measurements
# taken inside the probe server (MicroOS.Servers/Tests/Probe/Bench.cs), minus the cost of reading the TSC.
# The awaited IPC call has a boot of its own (async_bench: the small asyncbench.elf, two servers).
set -euo pipefail
ISO="${1:?usage: bench.sh ISO}"
CMDLINE="exit quiet nosystem servers=ipc-bench-partner,,ipc-bench,,bench,,bench-partner"

# QEMU is stopped as soon as the probe says "bench: done": the IPC bench partner waits for calls
# forever, so the machine need not reach "all exited" (before, every run waited out a 300 s timeout).
# Waits (0.1 s steps, at most $4 of them) until file $1 holds a line matching $2 or QEMU (pid $3)
# ends, then stops QEMU.
stop_at_line() {
    local out="$1" pattern="$2" pid="$3" tries="$4" i
    for ((i = 0; i < tries; i++)); do
        grep -qs "$pattern" "$out" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

boot() {
    local out
    out="$(mktemp)"
    timeout 300 qemu-system-x86_64 "$@" -cpu qemu64,+smep,+smap,+umip -cdrom "$ISO" -m 64M -display none -no-reboot -serial null -serial stdio \
        -smbios "type=1,product=MicroOS test images" \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -fw_cfg "name=opt/microos/cmdline,string=$CMDLINE" >"$out" 2>&1 </dev/null &
    stop_at_line "$out" "bench: done" $! 3000
    cat "$out"
    rm -f "$out"
}

figure() { grep -E "bench: $1 [0-9]+" <<<"$2" | sed -E "s/.*bench: $1 ([0-9]+).*/\1/" | head -n 1; }

# The awaited IPC call (MicroOS.Servers/Tests/AsyncBench): its own small image and its own boot, stopped at
# "bench: async done"; $@ goes to QEMU (-icount shift=0 or nothing).
async_bench() {
    local out
    out="$(mktemp)"
    timeout 300 qemu-system-x86_64 "$@" -cpu qemu64,+smep,+smap,+umip -cdrom "$ISO" -m 64M -display none -no-reboot -serial null -serial stdio \
        -smbios "type=1,product=MicroOS test images" -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -fw_cfg "name=opt/microos/cmdline,string=exit quiet nosystem servers=async-bench-partner,,async-bench" >"$out" 2>&1 </dev/null &
    stop_at_line "$out" "bench: async done" $! 3000
    cat "$out"
    rm -f "$out"
}

# Boot figures: the whole system (Init starts names, supervisor, serial, keyboard, console, shell)
# with the kernel option `timing`, each boot stopped once the shell shows its first prompt (the
# shell logs `shell: ready, first prompt shown at TSC N`). The kernel prints the TSC its first
# instruction read (Boot.asm). Under -icount shift=0 the TSC counts guest instructions from reset, so
# `reset to kernel` is the firmware's and GRUB's share and `kernel to prompt` the OS's.
SYSTEM_CMDLINE="quiet timing manifest=system"
# The host's speed under TCG varies from boot to boot on shared machines (the firmware phase alone
# took 1.25 G to 2.0 G host TSC cycles in consecutive boots): nine boots, and the range is printed.
WALL_BOOTS=9

system_qemu() {
    # $1 = where COM1 goes (a -serial value: the serial driver's line, the shell's); the rest go to
    # QEMU (-icount ...). The first -serial is COM1, the second COM2: the kernel log, on stdout.
    local com1="$1"
    shift
    # -boot order=d: the CD first, as `./microos run` and the tests boot. Without it SeaBIOS first
    # tries the floppy drive QEMU's pc machine always has, which costs ≈ 57 M instructions before
    # any loader runs (docs/boot-time.md).
    exec timeout 300 qemu-system-x86_64 "$@" -boot order=d -cpu qemu64,+smep,+smap,+umip -cdrom "$ISO" -m 64M -display none -no-reboot \
        -serial "$com1" -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -fw_cfg "name=opt/microos/cmdline,string=${SYSTEM_CMDLINE//,/,,}" </dev/null 2>&1
}

tsc_of() { sed -E 's/.* at TSC ([0-9]+).*/\1/' <<<"$1"; }

# One boot to the prompt; prints `<entry TSC> <prompt TSC> <ms from QEMU start to the prompt line>`.
# The clock stops when the shell's line reaches this script through the serial pipe; QEMU is then
# stopped (the system runs forever).
prompt_boot() {
    local fifo start entry="" line pid
    fifo="$(mktemp -u "$work/com2.XXXXXX")"
    mkfifo "$fifo"
    start="$(date +%s%N)"
    system_qemu null "$@" >"$fifo" &
    pid=$!
    while IFS= read -r line; do
        line="${line%$'\r'}"
        case "$line" in
            "boot: kernel entered at TSC "*) entry="$(tsc_of "$line")" ;;
            *"shell: ready, first prompt shown at TSC "*)
                echo "$entry $(tsc_of "$line") $(( ($(date +%s%N) - start) / 1000000 ))"
                break ;;
        esac
    done <"$fifo"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$fifo"
}

# Driver restart, under -icount shift=0: once the prompt is up, the shell (on COM1) is told
# `crash serial null`; the supervisor gets the death as a notification and has Init start the
# driver again. The figure runs from the kernel's `timing: process serial (pid N) killed T ...`
# (T after kernel entry) to the restarted driver's `serial: first request answered at TSC M` (the
# console's next write): M - entry - T guest instructions. Prints that, or nothing.
restart_boot() {
    local fifo entry="" killed="" line pid
    fifo="$(mktemp -u "$work/com2.XXXXXX")"
    mkfifo "$fifo" "$work/com1.in" "$work/com1.out"
    # Opened read-write here first, so QEMU's opens of the two FIFOs do not block.
    exec 7<>"$work/com1.in" 8<>"$work/com1.out"
    system_qemu "pipe:$work/com1" -icount shift=0 >"$fifo" &
    pid=$!
    while IFS= read -r line; do
        line="${line%$'\r'}"
        case "$line" in
            "boot: kernel entered at TSC "*) entry="$(tsc_of "$line")" ;;
            *"shell: ready, first prompt shown at TSC "*) printf 'crash serial null\r' >&7 ;;
            "timing: process serial "*" TSC ticks after kernel entry") killed="$(sed -E 's/.* (killed|exited) ([0-9]+) TSC ticks.*/\2/' <<<"$line")" ;;
            *"serial: first request answered at TSC "*)
                if [ -n "$killed" ]; then
                    echo $(( $(tsc_of "$line") - entry - killed ))
                    break
                fi ;;
        esac
    done <"$fifo"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    exec 7>&- 8>&-
    rm -f "$fifo" "$work/com1.in" "$work/com1.out"
}

# The disk boots of run_boot and update_boot: a FAT32 image in $work/NAME-boot holding the stripped
# ELF (a path from the repository's root), and the system booted on it under -icount shift=0, COM1
# (the shell) on fds 5 (to it) and 6, COM2 (the log) into $fifo; QEMU's pid in $pid. The caller's
# `local fifo pid` keeps both its own.
shell_disk_boot() {
    local name="$1" elf dir="$work/$1-boot"
    elf="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/$2"
    mkdir -p "$dir"
    fifo="$(mktemp -u "$work/com2.XXXXXX")"
    mkfifo "$fifo" "$work/$name.in" "$work/$name.out"
    mkfs.fat -C -F 32 -n BENCH "$dir/disk.img" 65536 >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" mkfs.fat -C -F 32 -n BENCH "$dir/disk.img" 65536 >/dev/null
    strip --strip-all -o "$dir/$(basename "$elf")" "$elf"
    MTOOLS_SKIP_CHECK=1 mcopy -i "$dir/disk.img" "$dir/$(basename "$elf")" ::/
    exec 5<>"$work/$name.in" 6<>"$work/$name.out"
    system_qemu "pipe:$work/$name" -icount shift=0 -drive "file=$dir/disk.img,format=raw,if=ide,index=0,media=disk" >"$fifo" &
    pid=$!
}

shell_disk_end() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    exec 5>&- 6>&-
    rm -f "$fifo" "$work/$1.in" "$work/$1.out"
}

# Run hello from disk (issue 17, item 4), under -icount shift=0: a FAT32 image holding the stripped
# programs/Hello image as /hello.elf; once the prompt is up (and fat has registered), the shell is
# told `run hello.elf`, twice. From the shell's `shell: run hello.elf at TSC N` (the command begins: the
# file read through fat into a frame, process_create_frame, its caps, resume) to the program's `hello:
# first line at TSC M` (just before it writes its line). The figure is the instructions executed
# between the two lines: the kernel option `timing` stamps each with [timing T idle I] (TSC ticks and
# the idle CPU's ticks so far), and executed = (T2 - T1) - (I2 - I1). The elapsed ticks (M - N) are
# not a steady figure: under -icount the TSC runs on while the CPU is halted waiting for the host to
# complete a disk read, so five runs gave 2.8 M to 553 M elapsed (also with sleep=off): the host's
# load decides that, not the path's instructions. Prints the second run's executed instructions (warm:
# fat's cache holds the file), the first's (cold: the volume's first file read) and the second's
# elapsed ticks, or nothing.
run_boot() {
    local started="" line fat="" prompt="" cold="" stamp="" fifo pid
    shell_disk_boot run programs/Hello/obj/native/hello.elf
    # "T I" from a line's [timing T idle I].
    timing_of() { sed -nE 's/.*\[timing ([0-9]+) idle ([0-9]+)\]$/\1 \2/p' <<<"$1"; }
    while IFS= read -r line; do
        line="${line%$'\r'}"
        case "$line" in
            *"names: registered fat"*) fat=1 ;;
            *"shell: ready, first prompt shown at TSC "*) prompt=1 ;;
            *"shell: run hello.elf at TSC "*) started="$(tsc_of "$line")"; stamp="$(timing_of "$line")" ;;
            *"hello: first line at TSC "*)
                [ -n "$started" ] && [ -n "$stamp" ] || break
                local now executed
                now="$(timing_of "$line")"
                [ -n "$now" ] || break
                executed=$(( (${now% *} - ${stamp% *}) - (${now#* } - ${stamp#* }) ))
                if [ -z "$cold" ]; then
                    cold=$executed
                    started=""
                    printf 'run hello.elf\r' >&5      # the console keeps the line until the shell asks
                else
                    echo "$executed $cold $(( $(tsc_of "$line") - started ))"
                    break
                fi ;;
        esac
        if [ -n "$fat" ] && [ -n "$prompt" ] && [ "$prompt" != sent ]; then
            printf 'run hello.elf\r' >&5
            prompt=sent
        fi
    done <"$fifo"
    shell_disk_end run
}

# Live update serial (issue 17, item 5), under -icount shift=0: a FAT32 image holding the stripped
# build's serial.elf; once the prompt is up (and fat has registered), the shell is told `update serial
# serial.elf`. From the old driver's `serial: handing over at TSC N` (its last act: it answers nothing
# after it) to the new driver's `serial: first request answered at TSC M` (the console's write of the
# shell's answer, which waited on the endpoint meanwhile): M - N. Also from the shell's `shell: update
# serial at TSC S` (the file read through fat, the image copied by Init, the loader) to M. Prints
# `M-N M-S`, or nothing.
update_boot() {
    local line fat="" prompt="" started="" handed="" fifo pid
    shell_disk_boot update MicroOS.Build/obj/isoroot/boot/servers/serial.elf
    while IFS= read -r line; do
        line="${line%$'\r'}"
        case "$line" in
            *"names: registered fat"*) fat=1 ;;
            *"shell: ready, first prompt shown at TSC "*) prompt=1 ;;
            *"shell: update serial at TSC "*) started="$(tsc_of "$line")" ;;
            *"serial: handing over at TSC "*) handed="$(sed -E 's/.* at TSC ([0-9]+) .*/\1/' <<<"$line")" ;;
            *"serial: first request answered at TSC "*)
                if [ -n "$handed" ] && [ -n "$started" ]; then
                    echo "$(( $(tsc_of "$line") - handed )) $(( $(tsc_of "$line") - started ))"
                    break
                fi ;;
        esac
        if [ -n "$fat" ] && [ -n "$prompt" ] && [ "$prompt" != sent ]; then
            printf 'update serial serial.elf\r' >&5
            prompt=sent
        fi
    done <"$fifo"
    shell_disk_end update
}

# The shell's `call` round trip (issue 20), under -icount shift=0: once the prompt is up, the shell
# (on COM1) is told `call --count 1000 names Lookup serial`: each of the 1,000 calls finds `names`
# (an endpoint the shell holds), asks Names for its description, makes the Lookup (releasing the
# endpoint it answers) and writes the result's text; the shell prints the guest instructions per
# call it read from the TSC. Prints that number, or nothing.
call_boot() {
    local fifo line pid n=""
    fifo="$(mktemp -u "$work/com2.XXXXXX")"
    mkfifo "$fifo" "$work/call1.in" "$work/call1.out"
    exec 5<>"$work/call1.in" 6<>"$work/call1.out"
    system_qemu "pipe:$work/call1" -icount shift=0 >"$fifo" &
    pid=$!
    while IFS= read -r line; do
        case "$line" in
            *"shell: ready, first prompt shown at TSC "*)
                printf 'call --count 1000 names Lookup serial\r' >&5
                while IFS= read -r -t 600 line <&6; do
                    line="${line%$'\r'}"
                    case "$line" in
                        *"call: 1000 calls, "*" instructions per call"*) n="$(sed -E 's/.*call: 1000 calls, ([0-9]+) instructions.*/\1/' <<<"$line")"; break ;;
                    esac
                done
                break ;;
        esac
    done <"$fifo"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    exec 5>&- 6>&-
    rm -f "$fifo" "$work/call1.in" "$work/call1.out"
    echo "$n"
}

# The disk figures' boots: a fresh FAT32 image (mkfs.fat, mcopy) holding a 10 MiB /BENCH.BIN and a
# 4 KiB /SMALL.TXT as the IDE primary master, the test manifest's section $1, -icount shift=0;
# stopped at a line matching $2. [fat-bench]: FatProbe.Bench (client -> fat -> ata); [fs-tax]: the
# file-system tax (issue 17, 6: the same FAT code through the fat server and linked into the
# client, FileChecks TaxBench.cs).
disk_boot() {
    local section="$1" stop="$2" dir img out
    dir="$work/$section"; img="$dir.img"
    mkdir -p "$dir"
    rm -f "$img"
    mkfs.fat -C -F 32 -n BENCH "$img" 65536 >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" mkfs.fat -C -F 32 -n BENCH "$img" 65536 >/dev/null
    head -c $((10 * 1024 * 1024)) /dev/urandom > "$dir/BENCH.BIN"
    head -c 4096 /dev/urandom > "$dir/SMALL.TXT"
    MTOOLS_SKIP_CHECK=1 mcopy -i "$img" "$dir/BENCH.BIN" "$dir/SMALL.TXT" ::/
    local options=""
    if [ "$section" = restart-bench ]; then
        # Probe/RestartBench.cs checks what it reads: a 10 MiB file whose 32-bit little-endian word
        # at byte offset o is o. `timing`: each server line carries the TSC and the idle ticks so far
        # (the restart breakdown below).
        perl -e 'print pack("V*", map { $_ * 4 } 0 .. (10 * 1024 * 1024 / 4 - 1))' > "$dir/RESTART.BIN"
        MTOOLS_SKIP_CHECK=1 mcopy -i "$img" "$dir/RESTART.BIN" ::/
        options="timing "
    fi
    out="$dir.log"
    timeout 900 qemu-system-x86_64 -icount shift=0 -cpu qemu64,+smep,+smap,+umip -cdrom "$ISO" -m 64M -display none -no-reboot -smbios "type=1,product=MicroOS test images" \
        -serial null -serial stdio -drive "file=$img,format=raw,if=ide,index=0,media=disk" -boot order=d \
        -fw_cfg "name=opt/microos/cmdline,string=quiet ${options}testmanifest manifest=$section" >"$out" 2>&1 </dev/null &
    stop_at_line "$out" "$stop" $! 9000
    cat "$out"
}

# Restarts under the storage stack (Probe/RestartBench.cs, section [restart-bench]): fat killed -> the
# first read the restarted fat answers (Names lookup, connect, open, read); ata killed -> a read of a
# block never read answered (fat waits for the restarted driver, attaches again, re-sends). Killed
# with process_kill, as the shell's `kill`: the supervisor's `crash` order is a message a busy server
# never takes. Goal for both: <= 5 M instructions. The figure is instructions executed: the TSC's
# ticks minus the idle CPU's (Sys.IdleTicks). Under -icount the TSC also runs on while the CPU is
# halted waiting for the host to complete a disk read, a wait whose length the host's load decides
# (the same boot gave 30 M to 950 M elapsed); the elapsed ticks are printed beside. The breakdown
# reads the kernel's `timing` stamps on each server line ([timing T idle I]): instructions executed
# between one line and the next, from the probe's "restart: killing" line to its result.
restart_breakdown() {
    local out="$1" from="$2" to="$3"
    tr -d '\r' <<<"$out" | sed -nE 's/^(.*) \[timing ([0-9]+) idle ([0-9]+)\]$/\2 \3 \1/p' | awk -v from="$from" -v to="$to" '
        index($0, from) { on = 1; t = $1; i = $2; next }
        on {
            line = $0; sub(/^[0-9]+ [0-9]+ /, "", line); sub(/ \(pid [0-9]+\)/, "", line)
            if (line ~ to) line = "answered"
            else { sub(/^\[[a-z-]+\] /, "", line); line = substr(line, 1, 40) }
            printf "%s%s %.2f M", sep, line, (($1 - t) - ($2 - i)) / 1e6; sep = ", "
            t = $1; i = $2
            if ($0 ~ to) exit
        }'
}

restart_figures() {
    local out="$1" pair probe rest name what n line ok=0
    for pair in "fs-restart|fs restart|fat killed -> first read answered by the restarted fat|restart: killing fat" "ata-restart|ata restart|ata killed -> a read needing the disk answered, no error|restart: killing ata"; do
        probe="${pair%%|*}"; rest="${pair#*|}"; name="${rest%%|*}"; rest="${rest#*|}"; what="${rest%%|*}"; from="${rest#*|}"
        n="$(figure "$probe" "$out")"
        line="$(grep -E "\] ok [0-9]+ $probe " <<<"$out" | head -n 1)"
        if [ -n "$n" ]; then
            echo "$name: $n instructions ($what; $(sed -nE 's/.* elapsed=([0-9]+) idle=([0-9]+).*/\1 ticks elapsed, \2 of them idle/p' <<<"$line"))"
            echo "  $name breakdown: $(restart_breakdown "$out" "$from" "ok [0-9]* $probe")"
        else
            echo "$name: missing ($(grep -E 'bench: restart:|not ok' <<<"$out" | head -n 1))"; ok=1
        fi
    done
    return $ok
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR > 0) print v[int((NR + 1) / 2)] }'; }

# The runs are independent, so they run side by side (QEMU's TCG is one thread each): the wall
# time is the slowest, the -icount bench run. Each bench figure is a median of 2001 samples, so
# another QEMU stealing the odd time slice does not move it, and instruction counts are the same
# whatever else runs; the wall-clock boots come after, one at a time.
# The microkernel's tax on files (FileChecks TaxBench.cs, section [fs-tax]): the same FAT code as the
# fat server (client -> fat -> ata) and linked into the client (client -> ata), per 4 KiB read of a
# 10 MiB file and per small file (create + write 1 KiB + close, one sync at the end); instructions
# executed (the TSC minus the idle thread's ticks: the disk waits are not in them).
tax_figures() {
    local tax_out="$1" w key rest name unit server inproc
    if ! grep -q "bench: fs-small-inprocess" <<<"$tax_out"; then
        echo "fs tax: missing (the tax bench did not report it: $(grep -E 'bench: fs-|fs-tax' <<<"$tax_out" | tail -n 1))"
        return 1
    fi
    for w in "read|fs read 10 MiB|per 4 KiB read" "small|fs create+write+close 1,000 small files|per file"; do
        key="${w%%|*}"; rest="${w#*|}"; name="${rest%%|*}"; unit="${rest#*|}"
        server="$(figure "fs-$key-server" "$tax_out")"; inproc="$(figure "fs-$key-inprocess" "$tax_out")"
        echo "$name (server): $server instructions $unit, $(figure "fs-$key-calls" "$tax_out") calls to fat $unit"
        echo "$name (in-process): $inproc instructions $unit"
        echo "fs tax ($name): $(awk "BEGIN { printf \"%.2f\", $server / $inproc }")"
    done
}

# BENCH_ONLY=tax ./tools/bench.sh ISO: only the fs tax figures (the [fs-tax] boot).
# BENCH_ONLY=run ./tools/bench.sh ISO: only the `run hello from disk` figure (a minute, not the whole bench).
# BENCH_ONLY=restart ./tools/bench.sh ISO: only `fs restart` and `ata restart` (the [restart-bench] boot).
if [ "${BENCH_ONLY:-}" = restart ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    restarts_out="$(disk_boot restart-bench "bench: ata-restart\|bench: restart:")"
    restart_figures "$restarts_out"
    exit $?
fi
if [ "${BENCH_ONLY:-}" = tax ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    tax_figures "$(disk_boot fs-tax "bench: fs-tax done")"
    exit $?
fi
if [ "${BENCH_ONLY:-}" = run ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    n="$(run_boot)"
    if [ -n "$n" ]; then set -- $n; echo "run hello from disk: $1 instructions (shell: run hello.elf -> the program's first line, executed; the first run, cold: $2; elapsed with the idle waits: $3)"; else echo "run hello from disk: missing"; exit 1; fi
    exit 0
fi
# BENCH_ONLY=update ./tools/bench.sh ISO: only the `live update serial` figure.
if [ "${BENCH_ONLY:-}" = update ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    n="$(update_boot)"
    if [ -n "$n" ]; then echo "live update serial: ${n% *} instructions (the old serial driver's hand-over -> the new one's first answer; from the shell's update command: ${n#* })"; else echo "live update serial: missing"; exit 1; fi
    exit 0
fi
echo "[microos] bench: run 1/2 (QEMU -icount shift=0: instruction counts), run 2/2 (plain TCG: timestamp-counter cycles), the instruction-counted boot to the prompt and the driver restart, in parallel"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
boot -icount shift=0 > "$work/counted" &
boot > "$work/timed" &
disk_boot fat-bench "bench: done" > "$work/disk" &
disk_boot fs-tax "bench: fs-tax done" > "$work/tax" &
disk_boot restart-bench "bench: ata-restart\|bench: restart:" > "$work/restarts" &
restart_boot > "$work/restart" &
run_boot > "$work/run" &
update_boot > "$work/update" &
call_boot > "$work/call" &
async_bench -icount shift=0 > "$work/async_counted" &
async_bench > "$work/async_timed" &
wait
# The boot to the prompt under -icount, three times, each alone: the firmware polls the CD while
# the host completes its reads, so its count grows with the host's load (SeaBIOS alone took 8.7 M
# on an idle machine, up to 40 M with other QEMUs running; docs/boot-time.md). The median is printed
# with the range.
for i in 1 2 3; do
    echo "[microos] bench: counted boot $i/3 to the prompt (-icount shift=0, alone)"
    prompt_boot -icount shift=0 >> "$work/counted_boot"
done
counted="$(cat "$work/counted")"
disk_out="$(cat "$work/disk")"
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
# The IPC trace ring on (IpcBench: the same round trip with trace_control on; issue 20): the general
# path plus two ring entries. Off, `ipc round trip` above is the untraced fast path.
for pair in "ipc-round-trip-traced|ipc round trip (traced)"; do
    probe="${pair%%|*}"; name="${pair#*|}"
    n="$(figure "$probe" "$counted")"; m="$(figure "$probe" "$timed")"
    if [ -n "$n" ] && [ -n "$m" ]; then echo "$name: $n instructions, $m cycles"; else echo "$name: missing (the bench server did not report it)"; status=1; fi
done
for pair in "io-bitmap-read|io port read (tss bitmap)" "io-bitmap-switch|context switch, io bitmap"; do
    probe="${pair%%|*}"; name="${pair#*|}"
    n="$(figure "$probe" "$counted")"; m="$(figure "$probe" "$timed")"
    if [ -n "$n" ] && [ -n "$m" ]; then echo "$name: $n instructions, $m cycles"; else echo "$name: missing (the bench server did not report it)"; status=1; fi
done
# A 512-byte sector from the ATA data port (Bench.MeasureSectorTransfer): 256 checked 16-bit
# io_port_read syscalls against one `rep insw` after io_port_enable (the ata driver's way).
for pair in "sector-checked|sector transfer, 256 checked reads" "sector-insw|sector transfer, rep insw"; do
    probe="${pair%%|*}"; name="${pair#*|}"
    n="$(figure "$probe" "$counted")"; m="$(figure "$probe" "$timed")"
    if [ -n "$n" ] && [ -n "$m" ]; then echo "$name: $n instructions, $m cycles"; else echo "$name: missing (the bench server did not report it)"; status=1; fi
done
# The disk (client -> fat -> ata, FatProbe.Bench, section [fat-bench]): a FAT32 image with a 10 MiB
# file read 4 KiB per request, 1 MiB written then Sync, open + read + close of a 4 KiB file. Guest
# time under -icount shift=0 is one nanosecond per instruction, so MB/s = bytes * 1000 / instructions.
if [ -n "$disk_out" ] && grep -q "bench: disk-read-total" <<<"$disk_out"; then
    bytes="$(figure "disk-read-bytes" "$disk_out")"; total="$(figure "disk-read-total" "$disk_out")"
    echo "disk read 10 MiB: $(figure "disk-read-per-block" "$disk_out") instructions per 4 KiB block, $(awk "BEGIN { printf \"%.1f\", $bytes * 1000 / $total }") MB/s of guest time ($bytes bytes)"
    wtotal="$(figure "disk-write-sync-total" "$disk_out")"
    echo "disk write+sync 1 MiB: $wtotal instructions, $(awk "BEGIN { printf \"%.1f\", 1048576 * 1000 / $wtotal }") MB/s of guest time"
    echo "open+read+close of a 4 KiB file: $(figure "open-read-close-4k" "$disk_out") instructions"
else
    echo "disk figures: missing (the fat bench client did not report them)"
    status=1
fi
tax_figures "$(cat "$work/tax")" || status=1
restarts_out="$(cat "$work/restarts")"
restart_figures "$restarts_out" || status=1
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
# async/await over IPC (AsyncBench): `await endpoint.CallAsync(m)` on an EventLoop against a blocking
# `endpoint.Call(ref m)` from the same image and the probe's raw `ipc round trip` above.
async_counted="$(cat "$work/async_counted")"; async_timed="$(cat "$work/async_timed")"
for pair in "awaited-ipc-call|awaited ipc call" "blocking-call|ipc call, blocking, same image"; do
    probe="${pair%%|*}"; name="${pair#*|}"
    n="$(figure "$probe" "$async_counted")"; m="$(figure "$probe" "$async_timed")"
    if [ -n "$n" ] && [ -n "$m" ]; then echo "$name: $n instructions, $m cycles"; else echo "$name: missing (the async bench did not report it)"; status=1; fi
done
n_await="$(figure "awaited-ipc-call" "$async_counted")"; n_rt="$(figure "ipc round trip" "$counted")"
if [ -n "$n_await" ] && [ -n "$n_rt" ] && [ "$n_rt" -gt 0 ]; then
    echo "awaited ipc call / ipc round trip: $(awk "BEGIN { printf \"%.1f\", $n_await / $n_rt }") (instruction ratio)"
fi
n_sys="$(figure "null syscall" "$counted")"; n_sw="$(figure "context switch" "$counted")"
if [ -n "$n_sys" ] && [ -n "$n_sw" ] && [ "$n_sys" -gt 0 ]; then
    echo "context switch / null syscall: $(awk "BEGIN { printf \"%.1f\", $n_sw / $n_sys }") (instruction ratio)"
fi

counted_boot="$(cat "$work/counted_boot")"
timed_boots=""
for i in $(seq 1 "$WALL_BOOTS"); do
    echo "[microos] bench: boot $i/$WALL_BOOTS to the prompt (plain TCG, one at a time: cycles and wall-clock time)"
    timed_boots+="$(prompt_boot)"$'\n'
done
timed_boots="$(grep -E '^[0-9]+ [0-9]+ [0-9]+$' <<<"$timed_boots" || true)"
boots_done="$(grep -c . <<<"$timed_boots" || true)"
if ! grep -qE '^[0-9]+ [0-9]+ [0-9]+$' <<<"$counted_boot" || [ "$boots_done" = 0 ]; then
    echo "reset to kernel: missing (no boot reached the shell's first prompt)"
    echo "kernel to prompt: missing"
    echo "QEMU start to prompt: missing"
    status=1
else
    counted_boot="$(grep -E '^[0-9]+ [0-9]+ [0-9]+$' <<<"$counted_boot")"
    range() { sort -n | awk '{ v[NR] = $1 } END { printf "%s-%s", v[1], v[NR] }'; }
    entries="$(cut -d' ' -f1 <<<"$counted_boot")"
    prompts="$(cut -d' ' -f2 <<<"$counted_boot")"
    kernels="$(awk '{ print $2 - $1 }' <<<"$counted_boot")"
    echo "reset to kernel: $(median <<<"$entries") instructions, $(cut -d' ' -f1 <<<"$timed_boots" | median) cycles (median of $(grep -c . <<<"$counted_boot") counted boots; $(range <<<"$entries"))"
    echo "kernel to prompt: $(median <<<"$kernels") instructions, $(awk '{ print $2 - $1 }' <<<"$timed_boots" | median) cycles ($(range <<<"$kernels"))"
    echo "reset to prompt: $(median <<<"$prompts") instructions, $(cut -d' ' -f2 <<<"$timed_boots" | median) cycles ($(range <<<"$prompts"))"
    walls="$(cut -d' ' -f3 <<<"$timed_boots" | sort -n)"
    echo "QEMU start to prompt: $(median <<<"$walls") ms (median of $boots_done boots; $(head -n 1 <<<"$walls")-$(tail -n 1 <<<"$walls") ms)"
fi
call_rt="$(cat "$work/call")"
if [ -n "$call_rt" ]; then
    echo "call round trip (shell): $call_rt instructions (call names Lookup serial: lookup, describe, call, the result's text; 1,000 in a row)"
else
    echo "call round trip (shell): missing (the shell did not print 'call: 1000 calls, N instructions per call')"
    status=1
fi
run_figure="$(cat "$work/run")"
if [ -n "$run_figure" ]; then
    set -- $run_figure
    echo "run hello from disk: $1 instructions (shell: run hello.elf -> the program's first line, executed; the first run, cold: $2; elapsed with the idle waits: $3)"
else
    echo "run hello from disk: missing (no 'hello: first line' after the shell's run)"
    status=1
fi
update_figure="$(cat "$work/update")"
if [ -n "$update_figure" ]; then
    echo "live update serial: ${update_figure% *} instructions (the old serial driver's hand-over -> the new one's first answer; from the shell's update command: ${update_figure#* })"
else
    echo "live update serial: missing (no 'serial: first request answered' after the old driver's hand-over)"
    status=1
fi
restart="$(cat "$work/restart")"
if [ -n "$restart" ]; then
    echo "driver restart: $restart instructions (serial: killed -> first request answered after the supervisor's restart)"
else
    echo "driver restart: missing (no 'serial: first request answered' after the serial driver's death)"
    status=1
fi
exit $status
