; The only instructions in the kernel that touch user memory. Under SMAP (CR4.SMAP) a supervisor
; access to a user page faults unless RFLAGS.AC is set, so each routine opens the window with stac
; and closes it with clac around exactly one copy. stac/clac are #UD on CPUs without SMAP, hence the
; flag test (set by Protections.cs when CR4.SMAP is turned on).
;
; A #PF inside [mos_user_copy_begin, mos_user_copy_end) is not a kernel bug: the interrupt handler
; (Idt.cs) resumes at mos_user_copy_fault, which makes the routine return -1 (BadAddress). Callers
; have already checked that the range lies in the user half; an unmapped or read-only page is found
; here, by the CPU, at the moment of the copy (no check-then-use gap).
bits 64

section .data
global mos_smap_enabled
mos_smap_enabled: db 0

section .text

%macro OPEN_USER_ACCESS 0
    cmp byte [rel mos_smap_enabled], 0
    je %%skip
    stac
%%skip:
%endmacro

%macro CLOSE_USER_ACCESS 0
    cmp byte [rel mos_smap_enabled], 0
    je %%skip
    clac
%%skip:
%endmacro

global mos_user_copy_begin, mos_user_copy_end, mos_user_copy_fault
global mos_copy_from_user, mos_copy_to_user

; long mos_copy_from_user(void* kernelDst, ulong userSrc, ulong length) -> 0, or -1 on a fault
; long mos_copy_to_user(ulong userDst, void* kernelSrc, ulong length)   -> 0, or -1 on a fault
; Both are one rep movsb; DF is clear in the kernel (FMASK clears it on SYSCALL, cld on interrupts).
mos_user_copy_begin:
mos_copy_from_user:
mos_copy_to_user:
    OPEN_USER_ACCESS
    mov rcx, rdx
    rep movsb
    CLOSE_USER_ACCESS
    xor eax, eax
    ret
mos_user_copy_fault:
    CLOSE_USER_ACCESS
    mov rax, -1
    ret
mos_user_copy_end:

global mos_set_smap_enabled
mos_set_smap_enabled:
    mov [rel mos_smap_enabled], dil
    ret

; Addresses for Idt.cs's fixup check.
global mos_user_copy_range
; void mos_user_copy_range(ulong* begin, ulong* end, ulong* fault)
mos_user_copy_range:
    lea rax, [rel mos_user_copy_begin]
    mov [rdi], rax
    lea rax, [rel mos_user_copy_end]
    mov [rsi], rax
    lea rax, [rel mos_user_copy_fault]
    mov [rdx], rax
    ret
