; Loading the GDT, TSS and IDT. DescriptorTables.cs holds the C# names; Gdt.cs and Idt.cs call them.
bits 64
section .text

; void mos_load_gdt(void* descriptor): loads the GDT and reloads every segment register.
global mos_load_gdt
mos_load_gdt:
    lgdt [rdi]
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    ; A null LDT. LDTR keeps its reset value otherwise (base 0, limit 0xFFFF): a selector with TI=1
    ; would make the CPU read descriptors from address 0 of the current address space, which a
    ; process that could map page 0 would control (a call gate into ring 0). Found by the attack
    ; catalogue (docs/attack-catalogue.md, LDT selectors).
    lldt ax
    pop rdi                         ; far return to reload cs
    push 0x08
    push rdi
    retfq

; void mos_load_tss(ushort selector)
global mos_load_tss
mos_load_tss:
    ltr di
    ret

; void mos_load_idt(void* descriptor)
global mos_load_idt
mos_load_idt:
    lidt [rdi]
    ret
