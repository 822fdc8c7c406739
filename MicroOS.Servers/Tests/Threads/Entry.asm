; A thread entry for the thread tests (ThreadsServer.cs): ends the thread at once, touching no stack.
bits 64
section .text
global threads_exit_entry_address
threads_exit_entry:
    mov eax, 49                     ; Syscall.ThreadExit
    xor edi, edi
    syscall
    ud2
threads_exit_entry_address:
    lea rax, [rel threads_exit_entry]
    ret
