; Things a server must not be able to do. Each routine attempts one; the kernel must kill the caller.
bits 64
section .text
global probe_cli, probe_hlt, probe_out, probe_mov_cr3, probe_jump, probe_ud, probe_divide
probe_cli:
    cli
    ret
probe_hlt:
    hlt
    ret
probe_out:
    mov dx, 0xf4
    mov eax, 0x10
    out dx, eax                     ; would end QEMU (isa-debug-exit) if it were allowed
    ret
probe_mov_cr3:
    xor eax, eax
    mov cr3, rax
    ret
; void probe_jump(void* target): calls into `target` (a data page: must fault on NX).
probe_jump:
    call rdi
    ret
probe_ud:
    ud2
    ret
; ulong probe_divide(ulong dividend, ulong divisor): divides in hardware, so divisor 0 is #DE.
probe_divide:
    mov rax, rdi
    xor edx, edx
    div rsi
    ret

; A thread entry for the thread tests (Threads/ThreadsServer.cs): ends the thread at once, touching no stack.
global probe_thread_exit, probe_thread_exit_address
probe_thread_exit:
    mov eax, 49                     ; Syscall.ThreadExit
    xor edi, edi
    syscall
    ud2
probe_thread_exit_address:
    lea rax, [rel probe_thread_exit]
    ret
