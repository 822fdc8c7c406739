; Thread entries for the confinement probe (Confine.cs, ConfineFuzz.cs): no stack, no runtime.
bits 64
section .text
global confine_exit_entry_address, confine_ud
confine_exit_entry:
    mov eax, 49                     ; Syscall.ThreadExit
    xor edi, edi
    syscall
    ud2
confine_exit_entry_address:
    lea rax, [rel confine_exit_entry]
    ret
; A fault the runtime does not turn into an exception (#UD): the kernel's fault path takes it.
confine_ud:
    ud2
    ret
