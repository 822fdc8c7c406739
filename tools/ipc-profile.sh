#!/usr/bin/env bash
# ./tools/ipc-profile.sh [reg|payload]: where the instructions of one IPC round trip go (docs/ipc-path.md).
# Boots the bench servers under QEMU -icount shift=0 -s -S, lets gdb (tools/ipc-profile.py) skip 600
# warm-up round trips, then single-steps one Call from the caller's `syscall` to its return to ring 3
# (through the partner's ReplyRecv) and prints the instructions per kernel symbol, in total and in order.
# Build first (./microos build). Takes about 20 s.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-reg}"
CMDLINE="exit quiet nosystem servers=ipc-bench-partner,,ipc-bench,,bench,,bench-partner"
qemu-system-x86_64 -icount shift=0 -s -S -cpu qemu64,+smep,+smap,+umip -cdrom "$ROOT/iso/MicroOS.iso" -m 64M -display none \
    -no-reboot -serial null -device isa-debug-exit,iobase=0xf4,iosize=0x04 -fw_cfg "name=opt/microos/cmdline,string=$CMDLINE" &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
sleep 1
KERNEL_ELF="$ROOT/MicroOS.Kernel/obj/native/kernel.elf" MODE="$MODE" timeout 900 gdb -batch -nx -x "$ROOT/tools/ipc-profile.py" 2>&1 \
    | sed -n '/^TOTAL/,$p' | grep -v '^Kill the program'
