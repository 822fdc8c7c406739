; One named routine per privileged instruction sequence; C# reaches them through
; [RuntimeImport] declarations in Cpu.cs (same names). System V ABI: args in rdi, rsi, rdx, rcx.
bits 64
section .text

global mos_outb, mos_inb, mos_outw, mos_inw, mos_outd, mos_ind
mos_outb:
    mov edx, edi
    mov eax, esi
    out dx, al
    ret
mos_inb:
    mov edx, edi
    xor eax, eax
    in al, dx
    ret
mos_outw:
    mov edx, edi
    mov eax, esi
    out dx, ax
    ret
mos_inw:
    mov edx, edi
    xor eax, eax
    in ax, dx
    ret
mos_outd:
    mov edx, edi
    mov eax, esi
    out dx, eax
    ret
mos_ind:
    mov edx, edi
    in eax, dx
    ret

global mos_halt, mos_halt_forever, mos_disable_interrupts, mos_enable_interrupts
mos_halt:
    hlt
    ret
mos_halt_forever:
    cli
.again:
    hlt
    jmp .again
mos_disable_interrupts:
    cli
    ret
mos_enable_interrupts:
    sti
    ret

global mos_read_cr0, mos_read_cr2, mos_read_cr3, mos_write_cr3, mos_read_cr4, mos_read_rflags
mos_read_cr0:
    mov rax, cr0
    ret
mos_read_cr2:
    mov rax, cr2
    ret
mos_read_cr3:
    mov rax, cr3
    ret
mos_write_cr3:
    mov cr3, rdi
    ret
mos_read_cr4:
    mov rax, cr4
    ret
mos_read_rflags:
    pushfq
    pop rax
    ret

global mos_rdtsc, mos_rdmsr, mos_wrmsr, mos_invlpg, mos_read_rsp, mos_write_cr4, mos_write_cr0, mos_cpuid
mos_rdtsc:
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret
mos_rdmsr:
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret
mos_wrmsr:
    mov ecx, edi
    mov eax, esi
    mov rdx, rsi
    shr rdx, 32
    wrmsr
    ret
; void mos_cpuid(uint leaf, uint subleaf, uint* eabcd): eax, ebx, ecx, edx into eabcd[0..3]
mos_cpuid:
    push rbx
    mov r8, rdx
    mov eax, edi
    mov ecx, esi
    cpuid
    mov [r8], eax
    mov [r8 + 4], ebx
    mov [r8 + 8], ecx
    mov [r8 + 12], edx
    pop rbx
    ret
mos_write_cr4:
    mov cr4, rdi
    ret
mos_write_cr0:
    mov cr0, rdi
    ret
mos_invlpg:
    invlpg [rdi]
    ret
mos_read_rsp:
    lea rax, [rsp + 8]
    ret

; Self-test helpers that must fault on purpose (the optimizer would remove a C# null deref
; whose result is unused, and C# cannot divide by zero without a check).
global mos_divide, mos_read_u64, mos_write_u64, mos_call_address
mos_divide:
    mov rax, rdi
    xor edx, edx
    div rsi
    ret
mos_read_u64:
    mov rax, [rdi]
    ret
mos_write_u64:
    mov [rdi], rsi
    ret
mos_call_address:
    call rdi
    ret
