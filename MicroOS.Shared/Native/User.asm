; The ring-3 side of every server image: the entry point and the SYSCALL stub.
bits 64
; BLOCKING_SYSCALLS and SYSCALL_YIELD, generated from MicroOS.Shared/Abi/syscalls.spec.
%include "Syscalls.g.inc"
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

; Parking (a server with more than one thread: RuntimeThreads.cs), shared by mos_syscall and mos_ipc.
; PARK_IF_BLOCKING: rdi = the syscall number; jumps to the caller's .direct unless it blocks.
%macro PARK_IF_BLOCKING 0
    cmp rdi, 63
    ja .direct
    mov rax, BLOCKING_SYSCALLS
    bt rax, rdi
    jnc .direct
%endmacro
; PARK_SAVE: a frame, and the caller's callee-saved registers onto this stack (scanned while parked).
%macro PARK_SAVE 0
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
%endmacro
; PARK_RELEASE: park (rsp = what was pushed) and let go of the runtime lock; r12 = the thread's record.
%macro PARK_RELEASE 0
    mov rdi, rsp
    call RhpThreadPark
    mov r12d, eax                   ; this thread's record (callee-saved: survives the syscall)
    mov qword [rel mos_runtime_lock], 0
%endmacro
; PARK_RETURN n: after the syscall (result in rax), take the lock back, unpark, drop the n bytes pushed
; after PARK_SAVE, restore and return the result.
%macro PARK_RETURN 1
    mov r13, rax
    call mos_runtime_lock_take
    mov edi, r12d
    call RhpThreadUnpark
    mov rax, r13
    add rsp, %1
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret
%endmacro

; long mos_syscall(ulong number, ulong a0, ulong a1, ulong a2, ulong a3)
; Moves the C calling convention's registers into the syscall convention (rax, rdi, rsi, rdx, r10).
; Once the server has a second thread, a blocking call parks instead (mos_parked_syscall).
global mos_syscall
mos_syscall:
    cmp qword [rel mos_threads_on], 0
    jne .maybe_park
.direct:
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    syscall                         ; clobbers rcx and r11, both caller-saved anyway
    ret
.maybe_park:
    PARK_IF_BLOCKING
    ; Parked: the caller's callee-saved registers and the arguments (a pinned array may be named
    ; only there) go onto this stack, where a collecting thread scans them (RuntimeThreads.cs).
    PARK_SAVE
    push rdi
    push rsi
    push rdx
    push rcx
    push r8                         ; 11 pushes from an rsp = 8 (mod 16): aligned for the calls
    PARK_RELEASE
    mov rax, [rsp + 32]             ; number
    mov rdi, [rsp + 24]
    mov rsi, [rsp + 16]
    mov rdx, [rsp + 8]
    mov r10, [rsp]
    syscall
    PARK_RETURN 40

; The runtime lock (MicroOS.Runtime/Internal/Runtime/RuntimeThreads.cs): in a server with more
; than one thread, only the holder runs managed code; the others wait in a blocking syscall
; (parked) or here. One CPU: a waiter yields until the holder parks. Clobbers rax, rcx, r11.
extern RhpThreadPark, RhpThreadUnpark, ServerThreadMain
mos_runtime_lock_take:
    xor eax, eax
    mov ecx, 1
    lock cmpxchg [rel mos_runtime_lock], rcx
    je .taken
    mov eax, SYSCALL_YIELD
    syscall
    jmp mos_runtime_lock_take
.taken:
    ret

; void mos_runtime_threads_on(): the caller (the first thread, about to start a second) holds the
; lock from now on, and blocking syscalls park.
global mos_runtime_threads_on
mos_runtime_threads_on:
    mov qword [rel mos_runtime_lock], 1
    mov qword [rel mos_threads_on], 1
    ret

; A ServerThread's first instruction (thread_create's entry): rdi = its record, rsp = the top of
; its stack. It takes the lock before any managed code runs, and lets go of it only as it ends
; (ServerThreadMain has released its record; nothing here touches the stack any more).
global mos_thread_entry, mos_thread_entry_address
mos_thread_entry:
    xor ebp, ebp
    mov r12, rdi
    call mos_runtime_lock_take
    mov edi, r12d
    call RhpThreadUnpark
    mov edi, r12d
    call ServerThreadMain
    mov qword [rel mos_runtime_lock], 0
    mov eax, 49                     ; Syscall.ThreadExit
    xor edi, edi
    syscall
    ud2

mos_thread_entry_address:
    lea rax, [rel mos_thread_entry]
    ret

global mos_user_stack_top
mos_user_stack_top:
    mov rax, [rel mos_initial_rsp]
    ret

section .data
align 8
mos_initial_rsp: dq 0
mos_runtime_lock: dq 0
mos_threads_on: dq 0

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
; The IPC registers to and from the six words at rbx, around the `syscall` (number in rax).
%macro IPC_SYSCALL_THROUGH_RBX 0
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
%endmacro

global mos_ipc
mos_ipc:
    cmp qword [rel mos_threads_on], 0
    jne .maybe_park
.direct:
    push rbx
    mov rax, rdi
    mov rbx, rsi
    IPC_SYSCALL_THROUGH_RBX
    pop rbx
    ret
.maybe_park:
    PARK_IF_BLOCKING
    ; Parked, as in mos_syscall.
    PARK_SAVE
    push rdi
    push rsi
    sub rsp, 8                      ; 8 pushes from 8 (mod 16), one more word: aligned
    PARK_RELEASE
    mov rax, [rsp + 16]             ; number
    mov rbx, [rsp + 8]              ; regs
    IPC_SYSCALL_THROUGH_RBX
    PARK_RETURN 24

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

; 16- and 32-bit plain port access, and string I/O (IoPorts in Endpoint.cs), under the same rule:
; the port (every byte of the access) must be enabled with io_port_enable, or the CPU faults (#GP).
;   ushort mos_port_in16(ushort port) / void mos_port_out16(ushort port, ushort value)
;   uint mos_port_in32(ushort port) / void mos_port_out32(ushort port, uint value)
global mos_port_in16, mos_port_out16, mos_port_in32, mos_port_out32
mos_port_in16:
    mov edx, edi
    xor eax, eax
    in ax, dx
    ret
mos_port_out16:
    mov edx, edi
    mov eax, esi
    out dx, ax
    ret
mos_port_in32:
    mov edx, edi
    in eax, dx
    ret
mos_port_out32:
    mov edx, edi
    mov eax, esi
    out dx, eax
    ret

; void mos_port_insw(ushort port, void* buffer, ulong count) / mos_port_outsw(port, buffer, count):
; `rep insw` / `rep outsw`, count 16-bit words between the port and buffer (the ATA data port's way
; of moving a 512-byte sector: 256 words, one instruction). The direction flag is clear at every
; call boundary (the ABI), so the copy runs upwards.
global mos_port_insw, mos_port_outsw
mos_port_insw:
    mov rcx, rdx
    mov edx, edi
    mov rdi, rsi
    rep insw
    ret
mos_port_outsw:
    mov rcx, rdx
    mov edx, edi
    rep outsw
    ret
