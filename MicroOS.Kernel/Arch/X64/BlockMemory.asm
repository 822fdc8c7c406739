; Bulk zeroing and copying of kernel memory (frames through the physical map), one string
; instruction each. Under QEMU TCG every iteration of a rep-prefixed instruction is one guest
; instruction, so quadwords cost an eighth of bytes: a frame is zeroed in 512 iterations and a
; server image copied in length/8 (ProcessManager.LoadSegments, PhysicalMemory.TryAllocate).
; DF is clear in the kernel (FMASK clears it on SYSCALL, cld on interrupts). Never used on user
; addresses: those go through UserCopy.asm, the only code that touches user memory.
bits 64
section .text

global mos_zero_qwords, mos_copy_bytes

; void mos_zero_qwords(void* destination, ulong count)
mos_zero_qwords:
    mov rcx, rsi
    xor eax, eax
    rep stosq
    ret

; void mos_copy_bytes(void* destination, void* source, ulong length): length/8 quadwords, then the rest.
mos_copy_bytes:
    mov rcx, rdx
    shr rcx, 3
    rep movsq
    mov rcx, rdx
    and rcx, 7
    rep movsb
    ret
