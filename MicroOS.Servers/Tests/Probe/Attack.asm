; The attack catalogue's instruction sequences (AttackCatalogue.cs, docs/attack-catalogue.md).
; Each routine tries one thing a ring-3 program can reach. Most must fault; the kernel then kills
; the process. When the CPU lets an attempt through, the routine reports and exits by itself
; (attack_done: debug_write(text), exit(0)) instead of returning to C#, so no compiled code ever runs
; with the segment registers, flags or FPU modes an attempt may leave behind.
bits 64
default rel

SYS_DEBUG_WRITE equ 0
SYS_EXIT        equ 1
SYS_YIELD       equ 2
SYS_SLEEP       equ 3
SYS_GET_PID     equ 5
SYS_THREAD_CREATE equ 45
SYS_THREAD_RESUME equ 46
ERR_BAD_ADDRESS equ -3
THREAD_SLOT     equ 120             ; an empty slot of the probe's table
USER_CODE       equ 0x2B            ; GDT 0x28 | RPL 3: 64-bit user code
USER_DATA       equ 0x23            ; GDT 0x20 | RPL 3
USER_CODE32     equ 0x1B            ; GDT 0x18 | RPL 3: empty since the kernel boundary hardening
RFLAGS_TF       equ 1 << 8
RFLAGS_IF       equ 1 << 9
RFLAGS_DF       equ 1 << 10
RFLAGS_IOPL3    equ 3 << 12
RFLAGS_NT       equ 1 << 14
RFLAGS_AC       equ 1 << 18
NONCANONICAL    equ 0x0000800000000000
KERNEL_ADDRESS  equ 0xFFFFFFFF80100000

section .text

; Entry conditions shared by every routine below: r12 = completion text, r13 = its length,
; r14 = rsp at entry; a 1 KiB scratch area at [rsp] (16-byte aligned: room for an FXSAVE image).
%macro ENTER 2
    mov r12, %1
    mov r13, %2
    mov r14, rsp
    and rsp, -16
    sub rsp, 1024
%endmacro

; The attempt went through: say so and exit with code 0.
attack_done:
    mov rsp, r14
    and rsp, -16
    mov eax, SYS_DEBUG_WRITE
    mov rdi, r12
    mov rsi, r13
    syscall
    mov eax, SYS_EXIT
    xor edi, edi
    syscall
    ud2

; The attempt went through but a check after it failed: exit with code 3 and no completion line.
attack_wrong:
    mov rsp, r14
    and rsp, -16
    mov eax, SYS_EXIT
    mov edi, 3
    syscall
    ud2

; void attack_segment(ulong op, ulong selector, byte* text, ulong length): one segment load or
; far transfer with `selector` (AttackCatalogue.SegmentOps gives the op numbers).
global attack_segment
attack_segment:
    ENTER rdx, rcx
    cmp rdi, (segment_ops_end - segment_ops) / 8
    jae attack_wrong
    lea rax, [segment_ops]
    jmp [rax + rdi * 8]

seg_mov_ds:
    mov ds, si
    jmp attack_done
seg_mov_es:
    mov es, si
    jmp attack_done
seg_mov_fs:
    mov fs, si
    jmp attack_done
seg_mov_gs:
    mov gs, si
    jmp attack_done
seg_mov_ss:
    mov ss, si
    jmp attack_done
seg_pop_fs:
    push rsi
    pop fs
    jmp attack_done
seg_pop_gs:
    push rsi
    pop gs
    jmp attack_done
; lss/lfs/lgs with an m16:32 operand (offset, then selector): the form every x86-64 CPU has.
seg_lss:
    mov dword [rsp], 0
    mov [rsp + 4], si
    lss eax, [rsp]
    jmp attack_done
seg_lfs:
    mov dword [rsp], 0
    mov [rsp + 4], si
    lfs eax, [rsp]
    jmp attack_done
seg_lgs:
    mov dword [rsp], 0
    mov [rsp + 4], si
    lgs eax, [rsp]
    jmp attack_done
; Far jmp/call through an m16:32 pointer to `landed` (64-bit code below 4 GiB).
seg_jmp_far:
    lea rax, [seg_landed]
    mov [rsp], eax
    mov [rsp + 4], si
    jmp far dword [rsp]
; The far call uses the m16:64 form (REX.W; Intel): with m16:32, QEMU 7.2 pushes the return
; address through a 32-bit stack pointer (its SS from SYSRET is a 32-bit descriptor cache), which
; a real CPU in 64-bit mode never does.
seg_call_far:
    lea rax, [seg_landed]
    mov [rsp], rax
    mov [rsp + 8], si
    call far qword [rsp]
; retfq pops RIP, then CS (8 bytes each).
seg_retf:
    push rsi
    lea rax, [seg_landed]
    push rax
    o64 retf
; iretq pops RIP, CS, RFLAGS, RSP, SS; here CS = selector, SS = user data.
seg_iretq:
    push USER_DATA
    push r14
    pushfq
    push rsi
    lea rax, [seg_landed]
    push rax
    iretq
; iretq with CS = user code and SS = selector.
seg_iretq_ss:
    push rsi
    push r14
    pushfq
    push USER_CODE
    lea rax, [seg_landed]
    push rax
    iretq
seg_landed:
    jmp attack_done

section .rodata
align 8
segment_ops:
    dq seg_mov_ds, seg_mov_es, seg_mov_fs, seg_mov_gs, seg_mov_ss, seg_pop_fs, seg_pop_gs
    dq seg_lss, seg_lfs, seg_lgs, seg_jmp_far, seg_call_far, seg_retf, seg_iretq, seg_iretq_ss
segment_ops_end:

section .text
; void attack_int(ulong vector, byte* text, ulong length): `int vector` (CD nn) from ring 3.
global attack_int
attack_int:
    ENTER rsi, rdx
    and edi, 0xFF
    lea rax, [int_stubs]
    shl rdi, 3
    add rax, rdi
    jmp rax

align 8
int_stubs:
%assign vector 0
%rep 256
    db 0xCD, vector                 ; int vector
    jmp near attack_done            ; 5 bytes (rel32): every stub is 8 bytes long
    align 8, db 0x90
%assign vector vector + 1
%endrep

; void attack_misc(ulong op, byte* text, ulong length): one instruction or short sequence
; (AttackCatalogue.MiscOps gives the op numbers, in the order of misc_ops below).
global attack_misc
attack_misc:
    ENTER rsi, rdx
    cmp rdi, (misc_ops_end - misc_ops) / 8
    jae attack_wrong
    lea rax, [misc_ops]
    jmp [rax + rdi * 8]

m_int3:                 ; CC: the one-byte breakpoint; the gate's DPL 0 applies to it too
    int3
    jmp attack_done
m_icebp:                ; F1: INT1, delivered as #DB without a DPL check
    db 0xF1
    jmp attack_done
m_into:                 ; CE: invalid in 64-bit mode
    db 0xCE
    jmp attack_done
m_sgdt:
    sgdt [rsp]
    jmp attack_done
m_sidt:
    sidt [rsp]
    jmp attack_done
m_sldt:
    sldt ax
    jmp attack_done
m_str:
    str ax
    jmp attack_done
m_smsw:
    smsw eax
    jmp attack_done
m_smsw_mem:
    smsw [rsp]
    jmp attack_done
m_lgdt:
    mov word [rsp], 0xFFFF
    mov qword [rsp + 2], 0
    lgdt [rsp]
    jmp attack_done
m_lidt:
    mov word [rsp], 0xFFFF
    mov qword [rsp + 2], 0
    lidt [rsp]
    jmp attack_done
m_lldt:
    xor eax, eax
    lldt ax
    jmp attack_done
m_ltr:
    mov eax, 0x30
    ltr ax
    jmp attack_done
m_read_cr0:
    mov rax, cr0
    jmp attack_done
m_write_cr0:
    xor eax, eax
    mov cr0, rax
    jmp attack_done
m_read_cr2:
    mov rax, cr2
    jmp attack_done
m_write_cr2:
    xor eax, eax
    mov cr2, rax
    jmp attack_done
m_read_cr3:
    mov rax, cr3
    jmp attack_done
m_write_cr3:
    xor eax, eax
    mov cr3, rax
    jmp attack_done
m_read_cr4:
    mov rax, cr4
    jmp attack_done
m_write_cr4:
    xor eax, eax
    mov cr4, rax
    jmp attack_done
m_read_cr8:
    mov rax, cr8
    jmp attack_done
m_write_cr8:
    mov eax, 15
    mov cr8, rax
    jmp attack_done
m_read_dr0:
    mov rax, dr0
    jmp attack_done
m_write_dr0:
    xor eax, eax
    mov dr0, rax
    jmp attack_done
m_read_dr7:
    mov rax, dr7
    jmp attack_done
m_write_dr7:
    mov eax, 0x3FF
    mov dr7, rax
    jmp attack_done
m_rdmsr:
    mov ecx, 0xC0000082     ; LSTAR
    rdmsr
    jmp attack_done
m_wrmsr:
    mov ecx, 0xC0000082
    xor eax, eax
    xor edx, edx
    wrmsr
    jmp attack_done
m_in_dx:
    mov edx, 0x60
    in al, dx
    jmp attack_done
m_in_imm:
    in al, 0x64
    jmp attack_done
m_out_dx:
    mov edx, 0x80
    out dx, al
    jmp attack_done
m_out_imm:
    out 0x80, al
    jmp attack_done
m_insb:
    mov rdi, rsp
    mov edx, 0x60
    insb
    jmp attack_done
m_outsb:
    mov rsi, rsp
    mov edx, 0x80
    outsb
    jmp attack_done
m_cli:
    cli
    jmp attack_done
m_sti:
    sti
    jmp attack_done
m_hlt:
    hlt
    jmp attack_done
m_invlpg:
    invlpg [rsp]
    jmp attack_done
m_invd:
    invd
    jmp attack_done
m_wbinvd:
    wbinvd
    jmp attack_done
m_clts:
    clts
    jmp attack_done
m_lmsw:
    mov eax, 1
    lmsw ax
    jmp attack_done
m_swapgs:
    swapgs
    jmp attack_done
m_sysret:
    db 0x48, 0x0F, 0x07     ; sysretq
    jmp attack_done
m_sysexit:
m_sysexit_intel:
    db 0x48, 0x0F, 0x35     ; sysexitq
    jmp attack_done
m_sysenter:
m_sysenter_intel:
    sysenter
    jmp attack_done
m_rdpmc:
    xor ecx, ecx
    rdpmc
    jmp attack_done
m_xsetbv:
    xor ecx, ecx
    mov eax, 1
    xor edx, edx
    db 0x0F, 0x01, 0xD1     ; xsetbv
    jmp attack_done
m_wrfsbase:
    xor eax, eax
    db 0xF3, 0x48, 0x0F, 0xAE, 0xD0     ; wrfsbase rax
    jmp attack_done
m_wrgsbase:
    xor eax, eax
    db 0xF3, 0x48, 0x0F, 0xAE, 0xD8     ; wrgsbase rax
    jmp attack_done
m_rdfsbase:
    db 0xF3, 0x48, 0x0F, 0xAE, 0xC0     ; rdfsbase rax
    jmp attack_done
m_rdgsbase:
    db 0xF3, 0x48, 0x0F, 0xAE, 0xC8     ; rdgsbase rax
    jmp attack_done
m_monitor:
    mov rax, rsp
    xor ecx, ecx
    xor edx, edx
    db 0x0F, 0x01, 0xC8     ; monitor
    jmp attack_done
m_mwait:
    xor eax, eax
    xor ecx, ecx
    db 0x0F, 0x01, 0xC9     ; mwait
    jmp attack_done
m_pop_ds:
    push USER_DATA
    db 0x1F                 ; pop ds: invalid in 64-bit mode
    jmp attack_done
m_pop_es:
    push USER_DATA
    db 0x07                 ; pop es
    jmp attack_done
m_pop_ss:
    push USER_DATA
    db 0x17                 ; pop ss
    jmp attack_done
m_push_ds:
    db 0x1E                 ; push ds
    jmp attack_done
m_jmp_far_direct:
    db 0xEA                 ; jmp ptr16:32: invalid in 64-bit mode
    dd 0
    dw USER_CODE
    jmp attack_done
m_call_far_direct:
    db 0x9A                 ; call ptr16:32: invalid in 64-bit mode
    dd 0
    dw USER_CODE
    jmp attack_done
; iretq to ring 0: CS = kernel code, SS = kernel data.
m_iretq_ring0:
    push 0x10
    push r14
    pushfq
    push 0x08
    lea rax, [attack_done]
    push rax
    iretq
; iretq to a non-canonical rip.
m_iretq_noncanonical:
    push USER_DATA
    push r14
    pushfq
    push USER_CODE
    mov rax, NONCANONICAL
    push rax
    iretq
m_jmp_noncanonical:
    mov rax, NONCANONICAL
    jmp rax
; IOPL 3 asked through iretq and popf at CPL 3 is silently not granted: cli still faults.
m_iretq_iopl3_cli:
    push USER_DATA
    push r14
    pushfq
    or qword [rsp], RFLAGS_IOPL3
    push USER_CODE
    lea rax, [.after]
    push rax
    iretq
.after:
    cli
    jmp attack_done
m_popf_iopl3_cli:
    pushfq
    or qword [rsp], RFLAGS_IOPL3
    popfq
    cli
    jmp attack_done
; popf cannot clear IF at CPL 3 (IOPL 0): the flag must still be set afterwards.
m_popf_clear_if:
    pushfq
    and qword [rsp], ~RFLAGS_IF
    popfq
    pushfq
    pop rax
    test eax, RFLAGS_IF
    jz attack_wrong
    jmp attack_done
; Compatibility mode: a far jump to the 32-bit user code selector, then the 32-bit ways into the
; kernel. The kernel keeps no 32-bit code segment, so the far jump itself must fault.
m_compat_syscall:
    mov dword [rsp], compat_syscall
    mov word [rsp + 4], USER_CODE32
    jmp far dword [rsp]
m_compat_sysenter:
    mov dword [rsp], compat_sysenter
    mov word [rsp + 4], USER_CODE32
    jmp far dword [rsp]
m_compat_int80:
    mov dword [rsp], compat_int80
    mov word [rsp + 4], USER_CODE32
    jmp far dword [rsp]
m_compat_retf:
    push USER_CODE32
    push compat_back
    o64 retf
; TF set, then syscall: the single-step trap must reach the process after SYSRET (or never
; happen in the kernel: FMASK clears TF), so the process dies with #DB in ring 3.
m_syscall_tf:
    pushfq
    or qword [rsp], RFLAGS_TF
    popfq
    mov eax, SYS_GET_PID
    syscall
    nop
    jmp attack_done
; SSE: MXCSR with a reserved bit (bit 16 and up are reserved) must not load.
m_ldmxcsr_reserved:
    mov dword [rsp], 0x00011F80
    ldmxcsr [rsp]
    jmp attack_done
; fxrstor of an area whose MXCSR (offset 24) has a reserved bit.
m_fxrstor_reserved:
    fxsave64 [rsp]
    mov dword [rsp + 24], 0x00011F80
    fxrstor64 [rsp]
    jmp attack_done
; All SSE and x87 exceptions unmasked, then syscalls, a sleep and a spin across timer ticks: the
; kernel must run with its own modes. Then 1.0 / 0.0 in SSE: #XM for this process alone.
m_sse_unmasked:
    call unmask_and_wait
    stmxcsr [rsp + 16]      ; the modes must have come back as the process left them
    cmp dword [rsp + 16], 0
    jne attack_wrong
    fnstcw [rsp + 16]
    cmp word [rsp + 16], 0x0340
    jne attack_wrong
    mov eax, 0x3F800000     ; 1.0f
    movd xmm0, eax
    xorps xmm1, xmm1
    divss xmm0, xmm1
    jmp attack_done
; The same divide with every SSE exception unmasked and no syscall in between: tells whether the
; CPU (or emulator) raises #XM at all.
m_sse_unmasked_at_once:
    mov dword [rsp], 0
    ldmxcsr [rsp]
    mov eax, 0x3F800000     ; 1.0f
    movd xmm0, eax
    xorps xmm1, xmm1
    divss xmm0, xmm1
    jmp attack_done
; The same, but the fault is an x87 divide by zero left pending across the syscalls: the
; next waiting x87 instruction in the process raises #MF (CR0.NE = 1).
m_x87_pending:
    mov word [rsp], 0x037B  ; x87 control word: only ZM (bit 2) unmasked
    fldcw [rsp]
    fld1
    fldz
    fdivp st1, st0          ; sets ZE with ZM unmasked: the exception is now pending
    call wait_across_ticks
    fwait
    jmp attack_done

; The user stack pointer is the process's business: the kernel must neither use it on entry nor
; choke on it when it returns. syscall with rsp in the kernel half or non-canonical, and timer
; interrupts (an IRETQ back) with a non-canonical rsp; attack_done puts rsp back.
m_syscall_rsp_kernel:
    mov rsp, KERNEL_ADDRESS
    mov eax, SYS_GET_PID
    syscall
    jmp attack_done
m_syscall_rsp_noncanonical:
    mov rsp, NONCANONICAL
    mov eax, SYS_GET_PID
    syscall
    jmp attack_done
; thread_create chooses the rip (and rsp) of an IRETQ the kernel does for the new thread
; (mos_user_thread_start). A non-canonical one would fault in ring 0, a kernel one in ring 3: the
; kernel must refuse both with BadAddress (then the resume finds an empty slot). The stack is
; valid, so only the entry is wrong.
m_thread_entry_noncanonical:
    mov rbx, NONCANONICAL
    jmp thread_entry_attempt
m_thread_entry_kernel:
    mov rbx, KERNEL_ADDRESS
thread_entry_attempt:
    mov eax, SYS_THREAD_CREATE
    mov edi, THREAD_SLOT
    mov rsi, rbx
    mov rdx, rsp                    ; 16-byte aligned, mapped, writable (ENTER)
    xor r10d, r10d
    syscall
    cmp rax, ERR_BAD_ADDRESS
    jne attack_wrong
    mov eax, SYS_THREAD_RESUME
    mov edi, THREAD_SLOT
    syscall
    mov eax, SYS_YIELD              ; a thread wrongly made would run now
    syscall
    jmp attack_done
m_ticks_rsp_noncanonical:
    mov rsp, NONCANONICAL
    rdtsc
    shl rdx, 32
    or rax, rdx
    mov rbx, rax
.spin:
    rdtsc
    shl rdx, 32
    or rax, rdx
    sub rax, rbx
    cmp rax, 200000000                  ; ~0.1 s: several timer interrupts from ring 3
    jb .spin
    jmp attack_done

; Unmasks every SSE and x87 exception, then makes syscalls and spins across timer ticks.
unmask_and_wait:
    mov dword [rsp + 8], 0x00000000     ; MXCSR: all masks clear, round to nearest
    ldmxcsr [rsp + 8]
    mov word [rsp + 8], 0x0340          ; x87 control word: all masks clear, 64-bit precision
    fldcw [rsp + 8]
; Two syscalls that switch, a write, and a spin of many timer ticks with the state live.
wait_across_ticks:
    push rbx
    mov eax, SYS_YIELD
    syscall
    mov eax, SYS_SLEEP
    mov edi, 30                         ; 30 ms: three timer ticks at 100 Hz
    syscall
    mov eax, SYS_DEBUG_WRITE
    lea rdi, [waiting_text]
    mov esi, waiting_text_end - waiting_text
    syscall
    rdtsc
    shl rdx, 32
    or rax, rdx
    mov rbx, rax
.spin:
    pause
    rdtsc
    shl rdx, 32
    or rax, rdx
    sub rax, rbx
    cmp rax, 200000000                  ; ~0.1 s of TSC at a few GHz: several ticks under TCG
    jb .spin
    pop rbx
    ret

section .rodata
waiting_text: db "attack: waiting across timer ticks with exceptions unmasked"
waiting_text_end:

align 8
misc_ops:
    dq m_int3, m_icebp, m_into, m_sgdt, m_sidt, m_sldt, m_str, m_smsw, m_smsw_mem         ; 0-8
    dq m_lgdt, m_lidt, m_lldt, m_ltr                                                      ; 9-12
    dq m_read_cr0, m_write_cr0, m_read_cr2, m_write_cr2, m_read_cr3, m_write_cr3          ; 13-18
    dq m_read_cr4, m_write_cr4, m_read_cr8, m_write_cr8                                   ; 19-22
    dq m_read_dr0, m_write_dr0, m_read_dr7, m_write_dr7, m_rdmsr, m_wrmsr                 ; 23-28
    dq m_in_dx, m_in_imm, m_out_dx, m_out_imm, m_insb, m_outsb                            ; 29-34
    dq m_cli, m_sti, m_hlt, m_invlpg, m_invd, m_wbinvd, m_clts, m_lmsw, m_swapgs          ; 35-43
    dq m_sysret, m_sysexit, m_sysenter, m_rdpmc, m_xsetbv                                 ; 44-48
    dq m_wrfsbase, m_wrgsbase, m_rdfsbase, m_rdgsbase, m_monitor, m_mwait                 ; 49-54
    dq m_pop_ds, m_pop_es, m_pop_ss, m_push_ds, m_jmp_far_direct, m_call_far_direct       ; 55-60
    dq m_iretq_ring0, m_iretq_noncanonical, m_jmp_noncanonical                            ; 61-63
    dq m_iretq_iopl3_cli, m_popf_iopl3_cli, m_popf_clear_if                               ; 64-66
    dq m_compat_syscall, m_compat_sysenter, m_compat_int80, m_compat_retf                 ; 67-70
    dq m_syscall_tf, m_ldmxcsr_reserved, m_fxrstor_reserved, m_sse_unmasked, m_x87_pending ; 71-75
    dq m_sse_unmasked_at_once, m_sysenter_intel, m_sysexit_intel                          ; 76-78
    dq m_syscall_rsp_kernel, m_syscall_rsp_noncanonical, m_ticks_rsp_noncanonical         ; 79-81
    dq m_thread_entry_noncanonical, m_thread_entry_kernel                                 ; 82-83
misc_ops_end:

section .text
; 32-bit code, reached only if the GDT still had a 32-bit user code segment.
bits 32
compat_syscall:
    mov eax, SYS_GET_PID
    syscall
    jmp USER_CODE:compat_back
compat_sysenter:
    mov eax, SYS_GET_PID
    sysenter
    jmp USER_CODE:compat_back
compat_int80:
    mov eax, SYS_GET_PID
    int 0x80
    jmp USER_CODE:compat_back
bits 64
compat_back:
    jmp attack_done

; The flag games that must come back: each runs with one RFLAGS bit set across a syscall and
; returns what it saw, for AttackCatalogue to report.

; void attack_flags_ac(byte* text, ulong length, long* results): AC set (with SMAP it would let the
; kernel touch user memory if it inherited it). results: [0] write of `text`, [1] write of a kernel
; pointer, [2] RFLAGS after the syscalls.
global attack_flags_ac
attack_flags_ac:
    push rbx
    mov rbx, rdx
    mov r8, rdi
    mov r9, rsi
    pushfq
    or qword [rsp], RFLAGS_AC
    popfq
    mov eax, SYS_DEBUG_WRITE
    mov rdi, r8
    mov rsi, r9
    syscall
    mov [rbx], rax
    mov eax, SYS_DEBUG_WRITE
    mov rdi, KERNEL_ADDRESS
    mov esi, 16
    syscall
    mov [rbx + 8], rax
    pushfq
    pop rax
    mov [rbx + 16], rax
    pushfq
    and qword [rsp], ~RFLAGS_AC
    popfq
    pop rbx
    ret

; void attack_flags_nt(long* results): NT set across yield, sleep and a spin of timer ticks (an
; iretq in the kernel with NT set would fault: IRET does not do task returns in long mode).
; results: [0] yield, [1] sleep, [2] RFLAGS afterwards.
global attack_flags_nt
attack_flags_nt:
    push rbx
    mov rbx, rdi
    pushfq
    or qword [rsp], RFLAGS_NT
    popfq
    mov eax, SYS_YIELD
    syscall
    mov [rbx], rax
    mov eax, SYS_SLEEP
    mov edi, 30
    syscall
    mov [rbx + 8], rax
    push rbx
    rdtsc
    shl rdx, 32
    or rax, rdx
    mov rbx, rax
.spin:
    pause
    rdtsc
    shl rdx, 32
    or rax, rdx
    sub rax, rbx
    cmp rax, 200000000
    jb .spin
    pop rbx
    pushfq
    pop rax
    mov [rbx + 16], rax
    pushfq
    and qword [rsp], ~RFLAGS_NT
    popfq
    pop rbx
    ret

; void attack_flags_df(byte* text, ulong length, long* results): DF set across a debug_write; the
; kernel's copy must still go forward. results: [0] the write, [1] RFLAGS afterwards.
global attack_flags_df
attack_flags_df:
    mov r8, rdx
    mov eax, SYS_DEBUG_WRITE
    std
    syscall
    mov [r8], rax
    pushfq
    pop rax
    cld
    mov [r8 + 8], rax
    ret
