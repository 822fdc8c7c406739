; MicroOS kernel entry: GRUB (multiboot2) jumps to _start in 32-bit protected mode, paging off.
; This stub builds the boot page tables, enters long mode, moves to the higher half and calls the
; C# KernelMain. Everything after that is C#.
;
; Address map set up here (all with 2 MiB pages):
;   0x0000000000000000 + 0..4 GiB  identity map (removed by AddressSpace.InitializeKernel)
;   0xFFFF800000000000 + 0..4 GiB  direct map of physical memory ("physmap")
;   0xFFFFFFFF80000000 + 0..1 GiB  the kernel image (linked there, loaded at 1 MiB)

KERNEL_VMA      equ 0xFFFFFFFF80000000
MB2_MAGIC       equ 0xE85250D6
MB2_ARCH_I386   equ 0
PTE_PRESENT     equ 1
PTE_WRITE       equ 2
PTE_HUGE        equ 0x80
CR0_PE          equ 1 << 0
CR0_MP          equ 1 << 1
CR0_EM          equ 1 << 2
CR0_WP          equ 1 << 16
CR0_PG          equ 1 << 31
CR4_PAE         equ 1 << 5
CR4_OSFXSR      equ 1 << 9
CR4_OSXMMEXCPT  equ 1 << 10
MSR_EFER        equ 0xC0000080
EFER_SCE        equ 1 << 0
EFER_LME        equ 1 << 8
EFER_NXE        equ 1 << 11

section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
    dd MB2_MAGIC
    dd MB2_ARCH_I386
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
    ; end tag
    align 8
    dw 0, 0
    dd 8
mb2_header_end:

section .boot.text progbits alloc exec nowrite align=16
bits 32
global _start
_start:
    cli
    mov edi, eax                    ; multiboot2 magic, kept for KernelMain
    ; The timestamp counter at the kernel's first instructions, for the boot figures (./microos bench):
    ; under QEMU -icount shift=0 it is the number of guest instructions since reset.
    rdtsc
    mov [boot_entry_tsc - KERNEL_VMA], eax
    mov [boot_entry_tsc - KERNEL_VMA + 4], edx
    mov esi, ebx                    ; physical address of the multiboot2 info
    mov esp, boot_stack_top - KERNEL_VMA

    ; PML4[0] and PML4[256] -> the 4 GiB table; PML4[511] -> the kernel's table.
    mov eax, pdpt_phys - KERNEL_VMA
    or eax, PTE_PRESENT | PTE_WRITE
    mov [pml4 - KERNEL_VMA], eax
    mov [pml4 - KERNEL_VMA + 256 * 8], eax
    mov eax, pdpt_kernel - KERNEL_VMA
    or eax, PTE_PRESENT | PTE_WRITE
    mov [pml4 - KERNEL_VMA + 511 * 8], eax

    ; pdpt_phys[0..3] -> pd[0..3]; pdpt_kernel[510] -> pd[0] (the first GiB again).
    mov ecx, 0
.fill_pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, pd - KERNEL_VMA
    or eax, PTE_PRESENT | PTE_WRITE
    mov [pdpt_phys - KERNEL_VMA + ecx * 8], eax
    inc ecx
    cmp ecx, 4
    jne .fill_pdpt
    mov eax, pd - KERNEL_VMA
    or eax, PTE_PRESENT | PTE_WRITE
    mov [pdpt_kernel - KERNEL_VMA + 510 * 8], eax

    ; 2048 PD entries of 2 MiB each cover 4 GiB. Entry i maps physical i * 2 MiB.
    mov ecx, 0
.fill_pd:
    mov eax, ecx
    shl eax, 21
    or eax, PTE_PRESENT | PTE_WRITE | PTE_HUGE
    mov [pd - KERNEL_VMA + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                     ; high half of the physical address (i * 2 MiB >> 32)
    mov [pd - KERNEL_VMA + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, 2048
    jne .fill_pd

    mov eax, pml4 - KERNEL_VMA
    mov cr3, eax
    mov eax, cr4
    or eax, CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT
    mov cr4, eax
    mov ecx, MSR_EFER
    rdmsr
    or eax, EFER_LME | EFER_NXE | EFER_SCE
    wrmsr
    mov eax, cr0
    and eax, ~CR0_EM                ; SSE must not trap: ILC emits SSE for copies and floats
    or eax, CR0_PE | CR0_MP | CR0_WP | CR0_PG
    mov cr0, eax

    lgdt [gdt64_pointer - KERNEL_VMA]
    jmp 0x08:long_mode_low        ; .boot.text is linked at its physical address

bits 64
long_mode_low:
    mov rax, long_mode_high
    jmp rax

section .text
extern KernelMain
extern __modules_start
extern __modules_end
long_mode_high:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rsp, boot_stack_top
    xor rbp, rbp
    lgdt [gdt64_pointer_high]       ; reload from the higher half: the identity map will go away
    ; rdi = magic, rsi = multiboot2 info (physical) are already in place (zero-extended).
    mov edi, edi
    mov esi, esi
    mov rdx, __modules_start
    mov rcx, __modules_end
    call KernelMain
.halt:
    cli
    hlt
    jmp .halt

section .rodata
align 16
gdt64:
    dq 0                            ; null
    dq 0x00AF9A000000FFFF           ; 0x08 kernel code: present, ring 0, execute/read, long mode
    dq 0x00CF92000000FFFF           ; 0x10 kernel data: present, ring 0, read/write
gdt64_end:
gdt64_pointer:
    dw gdt64_end - gdt64 - 1
    dd gdt64 - KERNEL_VMA
gdt64_pointer_high:
    dw gdt64_end - gdt64 - 1
    dq gdt64

section .data
align 8
boot_entry_tsc: dq 0

section .bss nobits alloc noexec write align=4096
pml4:        resb 4096
pdpt_phys:   resb 4096
pdpt_kernel: resb 4096
pd:          resb 4096 * 4
global boot_stack_top
boot_stack:  resb 64 * 1024
boot_stack_top:

; The kernel heap until the frame allocator exists (Memory/KernelHeapPages.cs; frames after that).
; Boot uses ≈ 256 KiB of it (the frame bitmap for 4 GiB is 128 KiB; the `mem:` boot line prints the
; figure). Kept small because the boot loader zeroes all of .bss before the kernel's first
; instruction: the former 4 MiB cost GRUB ≈ 8 M guest instructions per boot.
BOOT_HEAP_SIZE equ 512 * 1024
section .bss
alignb 4096
boot_heap: resb BOOT_HEAP_SIZE
boot_heap_end:

section .text
global mos_boot_entry_tsc, mos_boot_heap_start, mos_boot_heap_end, mos_kernel_end
mos_boot_entry_tsc:
    mov rax, [rel boot_entry_tsc]
    ret
mos_boot_heap_start:
    mov rax, boot_heap
    ret
mos_boot_heap_end:
    mov rax, boot_heap_end
    ret
extern __kernel_end
mos_kernel_end:
    mov rax, __kernel_end
    ret

; void mos_kernel_sections(ulong* bounds): kernel start, text end, rodata start, rodata end,
; data start, kernel end (virtual addresses; Memory/KernelImageMap.cs maps each range).
extern __kernel_start, __text_end, __rodata_start, __rodata_end, __data_start
global mos_kernel_sections
mos_kernel_sections:
    mov rax, __kernel_start
    mov [rdi], rax
    mov rax, __text_end
    mov [rdi + 8], rax
    mov rax, __rodata_start
    mov [rdi + 16], rax
    mov rax, __rodata_end
    mov [rdi + 24], rax
    mov rax, __data_start
    mov [rdi + 32], rax
    mov rax, __kernel_end
    mov [rdi + 40], rax
    ret
