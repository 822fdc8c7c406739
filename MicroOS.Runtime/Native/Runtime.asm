; Runtime helpers ILC calls with a calling convention C# cannot express. Shared by the kernel and
; every server image (each links its own copy).
bits 64
; The helpers up to RhpGcCollectSpill touch memory through a pointer the managed caller passed
; (a field address, `this`) before they push anything, so a null there faults with the caller's
; return address at [rsp]. The linker scripts put this section inside the managed-code range the
; fault upcall covers; the runtime then throws NullReferenceException at the call site
; (ExceptionHandling.FaultFromContext), as NativeAOT does for its "AV locations".
section mos_fault_text progbits alloc exec nowrite align=16

; Write barriers. There is no GC yet, so a barrier is just the store.
; RhpAssignRef / RhpCheckedAssignRef: rdi = destination, rsi = reference.
global RhpAssignRef, RhpCheckedAssignRef, RhpAssignRefAVLocation, RhpCheckedAssignRefAVLocation
RhpAssignRef:
RhpCheckedAssignRef:
RhpAssignRefAVLocation:
RhpCheckedAssignRefAVLocation:
    mov [rdi], rsi
    ret

; RhpByRefAssignRef: copies one reference from [rsi] to [rdi] and advances both (a struct-copy helper).
global RhpByRefAssignRef, RhpByRefAssignRefAVLocation1, RhpByRefAssignRefAVLocation2
RhpByRefAssignRef:
RhpByRefAssignRefAVLocation1:
RhpByRefAssignRefAVLocation2:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; RhpCheckedLockCmpXchg(rdi = location, rsi = value, rdx = comparand) -> previous value.
global RhpCheckedLockCmpXchg, RhpCheckedXchg
RhpCheckedLockCmpXchg:
    mov rax, rdx
    lock cmpxchg [rdi], rsi
    ret
; RhpCheckedXchg(rdi = location, rsi = value) -> previous value.
RhpCheckedXchg:
    mov rax, rsi
    xchg [rdi], rax
    ret

; Interface calls: ILC calls through a dispatch cell with r11 = cell address and the call's
; arguments live in rdi (this), rsi, rdx, rcx, r8, r9 and xmm0-7. Save them, let C# resolve the
; target (InterfaceDispatch.Resolve), restore, and jump to it.
extern RhpResolveInterfaceDispatch
global RhpInitialDynamicInterfaceDispatch, RhpInitialInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
RhpInitialInterfaceDispatch:
    mov r10, [rdi]                  ; a null `this` faults here, before the frame exists
    push rbp
    mov rbp, rsp
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    sub rsp, 8 * 16                 ; xmm0-7; rsp stays 16-byte aligned for the call
    movdqu [rsp + 0x00], xmm0
    movdqu [rsp + 0x10], xmm1
    movdqu [rsp + 0x20], xmm2
    movdqu [rsp + 0x30], xmm3
    movdqu [rsp + 0x40], xmm4
    movdqu [rsp + 0x50], xmm5
    movdqu [rsp + 0x60], xmm6
    movdqu [rsp + 0x70], xmm7
    mov rsi, r11                    ; (this, cell)
    call RhpResolveInterfaceDispatch
    mov r11, rax
    movdqu xmm0, [rsp + 0x00]
    movdqu xmm1, [rsp + 0x10]
    movdqu xmm2, [rsp + 0x20]
    movdqu xmm3, [rsp + 0x30]
    movdqu xmm4, [rsp + 0x40]
    movdqu xmm5, [rsp + 0x50]
    movdqu xmm6, [rsp + 0x60]
    movdqu xmm7, [rsp + 0x70]
    add rsp, 8 * 16
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    pop rbp
    jmp r11

; A call site that has been resolved once: r11 = cell, [r11 + 8] = its CacheEntry (InterfaceDispatch.cs).
; Hit: jump to the cached target. Miss (another type): the slow path, which retargets the entry.
; Only rax and r10 are used: every argument register is still live.
global RhpInterfaceDispatchCached, mos_interface_dispatch_cached_address
RhpInterfaceDispatchCached:
    mov rax, [r11 + 8]
    mov r10, [rdi]                  ; the object's MethodTable
    cmp r10, [rax]
    jne RhpInitialDynamicInterfaceDispatch
    jmp [rax + 8]
mos_interface_dispatch_cached_address:
    lea rax, [rel RhpInterfaceDispatchCached]
    ret

; The collector's entry (Collector.CollectNow): pushes the callee-saved registers, which may hold
; the only reference to an object, so the conservative stack scan from rsp sees them.
section .text
extern RhpGcCollectFromStack
global RhpGcCollectSpill
RhpGcCollectSpill:
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15
    mov rdi, rsp
    sub rsp, 8                      ; 16-byte alignment for the call
    call RhpGcCollectFromStack
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    ret

; Stack-protector cookie ILC's code reads (no stack protector checks are emitted for our code).
section .data
global __security_cookie
align 8
__security_cookie: dq 0x2B992DDFA232
