; The register-preservation check (RegisterCheck.cs): every XMM register, the x87 stack, FCW and
; MXCSR hold chosen patterns across syscalls and across timer preemption, and the general registers
; keep their values across a syscall (all but rax, rcx, r11) and across preemption (all of them).
; Between the two snapshots nothing here touches SSE or x87 state, so any difference is the kernel's.
bits 64
default rel

SYS_DEBUG_WRITE equ 0
SYS_YIELD       equ 2
SYS_SLEEP       equ 3
SYS_GET_PID     equ 5
SPIN_TSC        equ 1500000000      ; TSC ticks of spinning with every register live: about half a second, tens of timer ticks
CHECK_MXCSR     equ 0xFFC0          ; FTZ, round toward zero, all masks, DAZ: nothing like the default 0x1F80
CHECK_FCW       equ 0x0A7F          ; round up, 53-bit precision, all masks: the default is 0x037F

section .text

; Loads a distinct pattern into every general register but rsp (rdi: 20, the sleep argument).
%macro LOAD_GPRS 0
    mov rax, 0x0101010101010101
    mov rbx, 0x0202020202020202
    mov rcx, 0x0303030303030303
    mov rdx, 0x0404040404040404
    mov rsi, 0x0505050505050505
    mov rdi, 20                         ; the sleep syscall's argument (20 ms)
    mov rbp, 0x0707070707070707
    mov r8,  0x0808080808080808
    mov r9,  0x0909090909090909
    mov r10, 0x0A0A0A0A0A0A0A0A
    mov r11, 0x0B0B0B0B0B0B0B0B
    mov r12, 0x0C0C0C0C0C0C0C0C
    mov r13, 0x0D0D0D0D0D0D0D0D
    mov r14, 0x0E0E0E0E0E0E0E0E
    mov r15, 0x0F0F0F0F0F0F0F0F
%endmacro

; Stores the general registers into [rsp + 8] (the results pointer, saved on the stack) + %1:
; slots 0..15 = rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp (unused), r8 .. r15.
%macro STORE_GPRS 1
    push rax
    mov rax, [rsp + 8]
    add rax, %1
    mov [rax + 8 * 1], rbx
    mov [rax + 8 * 2], rcx
    mov [rax + 8 * 3], rdx
    mov [rax + 8 * 4], rsi
    mov [rax + 8 * 5], rdi
    mov [rax + 8 * 6], rbp
    mov [rax + 8 * 8], r8
    mov [rax + 8 * 9], r9
    mov [rax + 8 * 10], r10
    mov [rax + 8 * 11], r11
    mov [rax + 8 * 12], r12
    mov [rax + 8 * 13], r13
    mov [rax + 8 * 14], r14
    mov [rax + 8 * 15], r15
    mov rbx, rax
    pop rax
    mov [rbx], rax
%endmacro

; void register_check(byte* results): results (16-byte aligned, 2 KiB):
;   +0     general registers as loaded (16 slots)
;   +128   general registers after get_pid, yield, sleep(20 ms), debug_write
;   +256   general registers after spinning SPIN_TSC with all of them live (preempted by the timer)
;   +512   FXSAVE image right after loading the SSE/x87 patterns
;   +1024  FXSAVE image after the syscalls and the spin
global register_check
register_check:
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15
    push rdi                            ; results, at [rsp] (STORE_GPRS reads it at [rsp + 8] after its push)

    ; SSE/x87 state: distinct patterns in xmm0..15, eight values on the x87 stack, FCW, MXCSR.
    lea rax, [xmm_patterns]
%assign i 0
%rep 16
    movdqu xmm%[i], [rax + 16 * i]
%assign i i + 1
%endrep
    fninit
    mov word [rdi + 1536], CHECK_FCW
    fldcw [rdi + 1536]
    lea rax, [x87_patterns]
%assign i 0
%rep 8
    fild qword [rax + 8 * i]
%assign i i + 1
%endrep
    mov dword [rdi + 1536], CHECK_MXCSR
    ldmxcsr [rdi + 1536]
    fxsave64 [rdi + 512]

    ; Syscalls: rax, rcx and r11 are the syscall's; every other register must come back.
    LOAD_GPRS
    STORE_GPRS 0
    LOAD_GPRS                           ; STORE_GPRS used rbx
    mov eax, SYS_GET_PID
    syscall
    mov eax, SYS_YIELD
    syscall
    mov eax, SYS_SLEEP                  ; rdi = 20 (ms)
    syscall
    mov eax, SYS_DEBUG_WRITE            ; rdi = 20, rsi = a pattern: refused (bad address), still a round trip
    syscall
    STORE_GPRS 128

    ; Preemption: spin with every register live; only the timer interrupt takes the CPU away. The
    ; line first: a neighbour's line between it and the verdict proves this process was preempted.
    mov eax, SYS_DEBUG_WRITE
    lea rdi, [spinning_text]
    mov esi, spinning_text_end - spinning_text
    syscall
    LOAD_GPRS
    push rax
    push rdx
    rdtsc
    shl rdx, 32
    or rax, rdx
    mov [spin_start], rax
    pop rdx
    pop rax
.spin:
    push rax
    push rdx
    rdtsc
    shl rdx, 32
    or rax, rdx
    sub rax, [spin_start]
    cmp rax, SPIN_TSC
    pop rdx
    pop rax
    jb .spin
    STORE_GPRS 256

    mov rdi, [rsp]
    fxsave64 [rdi + 1024]
    ; Back to the runtime's modes.
    mov dword [rdi + 1536], 0x1F80
    ldmxcsr [rdi + 1536]
    fninit
    pop rdi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    ret

; void sse_churn(ulong rounds): changes every XMM register, MXCSR, FCW and the x87 stack as fast
; as it can, without a syscall: a neighbour whose state would show up in a leaky kernel.
global sse_churn
sse_churn:
    mov rcx, rdi
    sub rsp, 24
.round:
    mov eax, ecx
    and eax, 0x6000                     ; cycle the rounding mode
    or eax, 0x1F80
    mov [rsp], eax
    ldmxcsr [rsp]
    mov eax, ecx
    and eax, 0x0C00
    or eax, 0x037F
    mov [rsp + 8], ax
    fldcw [rsp + 8]
    movq xmm15, rcx
    pshufd xmm15, xmm15, 0
%assign i 0
%rep 15
    paddq xmm%[i], xmm15
    pxor xmm15, xmm%[i]
%assign i i + 1
%endrep
    mov [rsp + 16], rcx
    fild qword [rsp + 16]
    fild qword [rsp + 16]
    fmulp st1, st0
    fstp qword [rsp + 16]
    dec rcx
    jnz .round
    mov dword [rsp], 0x1F80
    ldmxcsr [rsp]
    fninit
    add rsp, 24
    ret

section .rodata
spinning_text: db "xmm-check: spinning with every register live"
spinning_text_end:
align 16
xmm_patterns:
%assign i 0
%rep 16
    dq 0x0100000000000000 * (i + 1) + 0x0123456789ABC + i, 0x8000000000000001 + 0x0011223344556677 * i
%assign i i + 1
%endrep
x87_patterns:
%assign i 0
%rep 8
    dq 0x1234567890ABC00 + i * 0x1111111
%assign i i + 1
%endrep

section .bss
alignb 8
spin_start: resq 1
