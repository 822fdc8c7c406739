# gdb -batch -x tools/ipc-profile.py (run by tools/ipc-profile.sh): instructions per kernel symbol over one
# Call -> ReplyRecv round trip. KERNEL_ELF = the kernel image; MODE = reg (register-only) or payload (4 KiB).
import gdb, bisect, subprocess, os, collections
ELF = os.environ["KERNEL_ELF"]
SKIP = int(os.environ.get("SKIP", "600"))
MODE = os.environ.get("MODE", "reg")   # reg: register-only call; payload: 4 KiB
syms = []
for line in subprocess.run(["nm", "-n", ELF], capture_output=True, text=True).stdout.splitlines():
    p = line.split()
    if len(p) == 3 and p[1] in "tTwW":
        syms.append((int(p[0], 16), p[2]))
addrs = [a for a, _ in syms]
def sym(pc):
    if pc < 0xffff800000000000: return "<user>"
    i = bisect.bisect_right(addrs, pc) - 1
    n = syms[i][1] if i >= 0 else "?"
    for pre in ("MicroOS_Kernel_MicroOS_Kernel_", "MicroOS_Runtime_"):
        if n.startswith(pre): n = n[len(pre):]
    return n
gdb.execute("set pagination off")
gdb.execute("file " + ELF)
gdb.execute("target remote :1234")
cond = "$rax == 17 && ($rsi & 0x7fff) == 0" if MODE == "reg" else "$rax == 17 && ($rsi & 0x7fff) == 4096"
gdb.execute("break mos_syscall_entry if " + cond)
gdb.execute("ignore 1 %d" % SKIP)
gdb.execute("continue")
gdb.execute("delete")
counts = collections.Counter(); order = []; sysrets = 0; total = 0
while True:
    pc = int(gdb.parse_and_eval("$pc")) & 0xffffffffffffffff
    s = sym(pc)
    if not order or order[-1][0] != s: order.append([s, 0])
    order[-1][1] += 1
    counts[s] += 1; total += 1
    insn = gdb.execute("x/i $pc", to_string=True)
    if "sysret" in insn: sysrets += 1
    gdb.execute("stepi", to_string=True)
    if sysrets == 2 and int(gdb.parse_and_eval("$pc")) & 0xffffffffffffffff < 0xffff800000000000:
        break
    if total > 200000: break
print("TOTAL kernel+partner instructions from caller's syscall entry to caller's return to user:", total)
for s, n in counts.most_common(): print("%6d  %s" % (n, s))
print("---- in order ----")
for s, n in order: print("%6d  %s" % (n, s))
gdb.execute("kill")
