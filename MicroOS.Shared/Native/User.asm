; The ring-3 side of every server image: the entry point and the SYSCALL stub.
bits 64
section .text

; The kernel starts a server at _start with rsp = top of its stack, rdi = its arguments (ASCII,
; read-only page), rsi = their length. ServerStart (ServerRuntime.cs) sets up the runtime, then
; the server's own ServerMain runs; its return value is the exit code.
global _start
extern ServerStart, ServerMain
extern __modules_start, __modules_end
_start:
    xor ebp, ebp
    and rsp, -16
    mov [rel mos_initial_rsp], rsp  ; the top of the stack the collector scans
    lea rdx, [rel __modules_start]
    lea rcx, [rel __modules_end]
    call ServerStart
    call ServerMain
    mov edi, eax
    mov eax, 1                      ; Syscall.Exit
    syscall
    ud2

; long mos_syscall(ulong number, ulong a0, ulong a1, ulong a2, ulong a3)
; Moves the C calling convention's registers into the syscall convention (rax, rdi, rsi, rdx, r10).
global mos_syscall
mos_syscall:
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    syscall                         ; clobbers rcx and r11, both caller-saved anyway
    ret

global mos_user_stack_top
mos_user_stack_top:
    mov rax, [rel mos_initial_rsp]
    ret

section .data
align 8
mos_initial_rsp: dq 0

section .text
global mos_user_rdtsc
mos_user_rdtsc:
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

; long mos_ipc(ulong number, IpcRegisters* regs)     called by Ipc.Raw (MicroOS.Shared/User/Ipc.cs)
; The IPC calls use all six argument registers both ways: rdi, rsi, rdx, r10, r8, r9 are loaded from
; regs[0..5] and, after `syscall`, stored back (the kernel returns badge, tag and message words
; there). rbx is callee-saved in both conventions, so it holds the pointer across the call.
global mos_ipc
mos_ipc:
    push rbx
    mov rax, rdi
    mov rbx, rsi
    mov rdi, [rbx]
    mov rsi, [rbx + 8]
    mov rdx, [rbx + 16]
    mov r10, [rbx + 24]
    mov r8, [rbx + 32]
    mov r9, [rbx + 40]
    syscall
    mov [rbx], rdi
    mov [rbx + 8], rsi
    mov [rbx + 16], rdx
    mov [rbx + 24], r10
    mov [rbx + 32], r8
    mov [rbx + 40], r9
    pop rbx
    ret

; byte mos_port_in8(ushort port) / void mos_port_out8(ushort port, byte value)   (IoPorts in Endpoint.cs)
; Plain `in`/`out` from ring 3: they fault (#GP) unless io_port_enable put the port in this process's
; I/O permission bitmap; IOPL is always 0.
global mos_port_in8, mos_port_out8
mos_port_in8:
    mov edx, edi
    xor eax, eax
    in al, dx
    ret
mos_port_out8:
    mov edx, edi
    mov eax, esi
    out dx, al
    ret
