; Ways to break the kernel's fault upcall (ExceptionsServer.FaultInHandler, BadStack). Each must end
; with the kernel killing this process, never with a fault in ring 0.
bits 64
section .text

; An upcall entry that faults at once (a null read): the upcall is disarmed by then.
global exc_faulting_entry, exc_faulting_entry_address
exc_faulting_entry:
    mov rax, [0]
    ud2
exc_faulting_entry_address:
    lea rax, [rel exc_faulting_entry]
    ret

; A null read with rsp at 0x200000: below the image, never mapped.
global exc_null_read_on_bad_stack, exc_null_read_on_bad_stack_address
exc_null_read_on_bad_stack:
    mov rsp, 0x200000
    mov rax, [8]
    ud2
exc_null_read_on_bad_stack_address:
    lea rax, [rel exc_null_read_on_bad_stack]
    ret
