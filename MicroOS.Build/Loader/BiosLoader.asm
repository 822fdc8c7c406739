; MicroOS's BIOS boot loader: an El Torito "no emulation" boot image (docs/boot-loader.md walks it).
;
; The BIOS reads the first 2 KiB of this image from the CD to 0x7C00 and jumps to it in 16-bit real
; mode with DL = the CD's drive number. From there the loader
;   1. reads the rest of itself (the file table is there) with INT 13h AH=42h, the BIOS's extended read;
;   2. checks the CPU has long mode, turns on the A20 line, enters "unreal mode" (below);
;   3. takes the memory map from the BIOS (INT 15h EAX=E820h) and checks everything fits;
;   4. reads the kernel and every module the file table names, checking each one's checksum;
;   5. builds the multiboot2 information the kernel parses (MicroOS.Kernel/Boot/Multiboot2.cs);
;   6. enters the kernel as a multiboot2 loader does: 32-bit protected mode, paging off, A20 on,
;      EAX = 0x36D76289, EBX = the information's address (multiboot2 spec, 3.3 "Machine state").
;
; Where the files are: the build places them on the ISO, asks xorriso where they landed and writes
; (LBA, size, checksum, flags, module string) rows into `file_table` below, in the ISO's copy of this
; image (MicroOS.Build/Loader/make-iso.sh). So the loader needs no ISO 9660 directory code.
;
; Every failure prints one line `loader: error: ...` on the screen, COM1 and COM2 (the kernel log's
; port, which the tests read) and halts: nothing hangs silently.
;
; Physical memory while the loader runs:
;   0x01000 - 0x06FFF  the multiboot2 information, built here (the kernel reserves it)
;   0x07C00 - ...      this image; the stack grows down from 0x7C00
;   0x20000 - 0x2FFFF  the bounce buffer: the BIOS reads CD sectors here, 32 at a time
;   0x100000 - ...     the kernel's segments (at their ELF physical addresses), then the modules,
;                      each on a 4 KiB boundary (as GRUB places them)

bits 16
org 0x7C00

SECTOR_SIZE         equ 2048            ; a CD sector
BOUNCE_SEGMENT      equ 0x2000
BOUNCE              equ 0x20000
BOUNCE_SECTORS      equ 32              ; 64 KiB: one segment, and within every BIOS's transfer limit
STACK_TOP           equ 0x7C00
MBI                 equ 0x1000          ; multiboot2 information
MBI_LIMIT           equ 0x7000
MEMORY_MAP_MAX      equ 64              ; e820 entries kept
KERNEL_PHYSICAL     equ 0x100000        ; the kernel is linked to load at 1 MiB (kernel.ld)
PAGE_SIZE           equ 4096

MB2_BOOTLOADER_MAGIC equ 0x36D76289     ; what the kernel checks in EAX (Multiboot2.BootloaderMagic)
MB2_TAG_END         equ 0
MB2_TAG_CMDLINE     equ 1
MB2_TAG_LOADER_NAME equ 2
MB2_TAG_MODULE      equ 3
MB2_TAG_MEMORY_MAP  equ 6
E820_SMAP           equ 0x534D4150      ; 'SMAP'
E820_USABLE         equ 1

ELF_PT_LOAD         equ 1
ELF_MACHINE_X86_64  equ 62

CODE32              equ 0x08            ; selectors of `gdt` below
DATA32              equ 0x10

COM1                equ 0x3F8
COM2                equ 0x2F8           ; the kernel log (docs/console.md)
TO_SCREEN           equ 1
TO_COM1             equ 2
TO_COM2             equ 4

ENTRY_SIZE          equ 64              ; one row of file_table
ENTRY_LBA           equ 0
ENTRY_BYTES         equ 4
ENTRY_CHECKSUM      equ 8
ENTRY_FLAGS         equ 12
ENTRY_NAME          equ 16              ; the module string, NUL-terminated (48 bytes)
FLAG_TEST_ONLY      equ 1               ; loaded only when the SMBIOS product name asks for test images
MAX_ENTRIES         equ 48

; ---------------------------------------------------------------------------------------------------
; The first 2 KiB: what the BIOS loads. Bytes 8..63 are El Torito's boot information table, which
; xorriso fills in (-boot-info-table): we use bi_file, the LBA of this image, to read the rest of it.
start:
    jmp 0:entry                         ; some BIOSes jump to 07C0:0000: make CS 0 so `org` holds
    times 8 - ($ - $$) db 0
bi_pvd      dd 0
bi_file     dd 0
bi_length   dd 0
bi_checksum dd 0
            times 40 db 0

entry:
    cli
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, STACK_TOP
    sti
    cld
    mov [boot_drive], dl
    call serial_init

    ; INT 13h AH=41h: does the BIOS offer extended (LBA) reads on the drive it booted from?
    mov ah, 0x41
    mov bx, 0x55AA
    mov dl, [boot_drive]
    int 0x13
    jc .no_extended_reads
    cmp bx, 0xAA55
    jne .no_extended_reads
    test cx, 1                          ; bit 0: the "fixed disk access" functions, AH=42h among them
    jz .no_extended_reads

    ; The rest of this image, from the sector after the first, to 0x7C00 + 2 KiB.
    mov eax, [bi_file]
    inc eax
    mov cx, (image_end - start + SECTOR_SIZE - 1) / SECTOR_SIZE - 1
    mov bx, start + SECTOR_SIZE
    xor di, di                          ; segment 0
    call read_sectors
    jc .no_rest
    cmp dword [table_signature], 'MOSF'
    jne .no_rest
    jmp stage2

.no_extended_reads:
    mov si, msg_no_medium
    jmp fail
.no_rest:
    mov si, msg_no_rest
    jmp fail

; read_sectors: CX sectors from LBA EAX to DI:BX. CF set and AH = the BIOS's status on failure.
read_sectors:
    mov [dap.lba], eax
    mov [dap.count], cx
    mov [dap.offset], bx
    mov [dap.segment], di
    mov si, dap
    mov ah, 0x42
    mov dl, [boot_drive]
    int 0x13
    ret

; The disk address packet INT 13h AH=42h reads (EDD 3.0).
align 4
dap:
            db 16, 0                    ; packet size, reserved
.count      dw 0                        ; sectors (each 2048 bytes on a CD)
.offset     dw 0                        ; buffer, segment:offset
.segment    dw 0
.lba        dd 0, 0

; --- Output: the screen (INT 10h teletype), COM1 and COM2, as `sinks` says -------------------------

serial_init:
    mov dx, COM1
    call .one
    mov dx, COM2
.one:                                   ; 115200 baud, 8N1, FIFO on, interrupts off
    push dx
    inc dx                              ; +1 interrupt enable
    xor al, al
    out dx, al
    add dx, 2                           ; +3 line control: DLAB, to set the divisor
    mov al, 0x80
    out dx, al
    sub dx, 3                           ; +0 divisor low: 1 (115200 baud)
    mov al, 1
    out dx, al
    inc dx                              ; +1 divisor high
    xor al, al
    out dx, al
    add dx, 2                           ; +3: 8 bits, no parity, 1 stop bit, DLAB off
    mov al, 3
    out dx, al
    dec dx                              ; +2 FIFO control: enable and clear
    mov al, 0xC7
    out dx, al
    pop dx
    ret

; putc: AL to every sink in `sinks`. Keeps all registers.
putc:
    pusha
    mov bl, al
    test byte [sinks], TO_COM1
    jz .com2
    mov dx, COM1
    call serial_put
.com2:
    test byte [sinks], TO_COM2
    jz .screen
    mov dx, COM2
    call serial_put
.screen:
    test byte [sinks], TO_SCREEN
    jz .done
    mov al, bl
    mov ah, 0x0E                        ; teletype output, page 0
    xor bx, bx
    int 0x10
.done:
    popa
    ret

; serial_put: BL to the UART at DX, after waiting (boundedly: a missing UART must not hang us) for
; "transmit holding register empty".
serial_put:
    push dx
    add dx, 5                           ; line status
    mov cx, 0xFFFF
.wait:
    in al, dx
    test al, 0x20
    jnz .ready
    loop .wait
.ready:
    pop dx
    mov al, bl
    out dx, al
    ret

; print: the NUL-terminated string at SI.
print:
    push si
.next:
    lodsb
    test al, al
    jz .done
    call putc
    jmp .next
.done:
    pop si
    ret

; print_hex: EAX as 0x followed by 1..8 hex digits.
print_hex:
    pushad
    mov ebx, eax
    mov al, '0'
    call putc
    mov al, 'x'
    call putc
    mov cx, 8
    xor dx, dx                          ; DX = 1 once a non-zero digit was printed
.digit:
    rol ebx, 4
    mov al, bl
    and al, 0x0F
    jnz .print
    test dx, dx
    jnz .print
    cmp cx, 1                           ; the last digit is printed even when zero
    jne .skip
.print:
    mov dx, 1
    add al, '0'
    cmp al, '9'
    jbe .out
    add al, 'A' - '9' - 1
.out:
    call putc
.skip:
    loop .digit
    popad
    ret

; fail: prints "loader: error: " and the string at SI everywhere, then halts (see `halt`).
fail:
    push si
    mov byte [sinks], TO_SCREEN | TO_COM1 | TO_COM2
    mov si, msg_error
    call print
    pop si
    call print
    ; fall through
halt:
    mov byte [sinks], TO_SCREEN | TO_COM1 | TO_COM2
    mov si, msg_halted
    call print
.forever:
    cli
    hlt
    jmp .forever

boot_drive  db 0
sinks       db TO_COM2
msg_error   db 13, 10, "loader: error: ", 0
msg_halted  db 13, 10, "loader: halted; fix the boot medium or the machine and reset", 13, 10, 0
msg_no_medium db "no boot medium: the BIOS offers no extended reads (INT 13h AH=42h) on the boot drive", 0
msg_no_rest db "no boot medium: could not read the rest of the loader from the CD", 0

    times SECTOR_SIZE - ($ - $$) db 0   ; the first sector must hold everything above
    %if ($ - $$) > SECTOR_SIZE
    %error "the loader's first sector overflows"
    %endif

; ---------------------------------------------------------------------------------------------------
; Stage 2: everything else, read by the code above.
stage2:
    cmp dword [table_count], 0
    jne .table
    mov si, msg_empty_table
    jmp fail
.table:
    call check_long_mode
    call enable_a20
    call enter_unreal
    call read_memory_map
    call check_test_images
    call load_kernel
    call load_modules
    call finish_boot_information

    mov si, msg_entering
    call print
    mov eax, [modules_loaded]
    call print_dec
    mov si, msg_modules
    call print
    mov eax, [next_free]
    sub eax, KERNEL_PHYSICAL
    shr eax, 10
    call print_dec
    mov si, msg_bytes
    call print
    jmp enter_kernel

; --- The CPU -----------------------------------------------------------------------------------

; The kernel is 64-bit: without long mode it could not start, so say so now.
check_long_mode:
    ; CPUID exists when EFLAGS.ID (bit 21) can be flipped.
    pushfd
    pop eax
    mov ecx, eax
    xor eax, 1 << 21
    push eax
    popfd
    pushfd
    pop eax
    push ecx
    popfd
    cmp eax, ecx
    je .no
    mov eax, 0x80000000                 ; highest extended leaf
    cpuid
    cmp eax, 0x80000001
    jb .no
    mov eax, 0x80000001
    cpuid
    test edx, 1 << 29                   ; LM: long mode
    jz .no
    ret
.no:
    mov si, msg_no_long_mode
    jmp fail

; The A20 line: with it off, every odd MiB aliases the one below. First the BIOS (INT 15h AX=2401h),
; then the "fast A20" bit of port 0x92; checked by writing at 0x0:0x500 and reading at 0xFFFF:0x510,
; the same byte when addresses wrap at 1 MiB.
enable_a20:
    call a20_on
    jz .ok
    mov ax, 0x2401
    int 0x15
    call a20_on
    jz .ok
    in al, 0x92
    test al, 2
    jnz .check
    or al, 2
    and al, 0xFE                        ; bit 0 would reset the machine
    out 0x92, al
.check:
    call a20_on
    jz .ok
    mov si, msg_no_a20
    jmp fail
.ok:
    ret

; a20_on: ZF set when A20 is on.
a20_on:
    push ds
    push es
    xor ax, ax
    mov ds, ax
    not ax
    mov es, ax                          ; ES = 0xFFFF: es:0x510 is 0x100500
    mov al, [0x500]
    push ax
    mov byte [0x500], 0x00
    mov byte [es:0x510], 0xFF
    cmp byte [0x500], 0xFF              ; wrapped: A20 is off
    pop ax
    mov [0x500], al
    pushf
    pop ax
    xor ax, 0x40                        ; invert ZF: set = not wrapped = on
    push ax
    popf
    pop es
    pop ds
    ret

; Unreal mode: a trip into protected mode to load DS and ES with a 4 GiB data segment, and back. Real
; mode keeps the segment limits it finds, so 32-bit addresses (`mov [edi], eax`, `a32 rep movsd`)
; then reach all of the first 4 GiB, while BIOS calls still work. A BIOS call may reload the limits,
; so every routine that copies above 1 MiB calls this first.
enter_unreal:
    pushfd
    cli
    push ds
    push es
    lgdt [gdt_pointer]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp $ + 2                           ; (i386 needed the prefetch queue flushed)
    mov bx, DATA32
    mov ds, bx
    mov es, bx
    and al, 0xFE
    mov cr0, eax
    pop es                              ; back to 0: the bases change, the 4 GiB limits stay
    pop ds
    popfd
    ret

; --- Memory ------------------------------------------------------------------------------------

; INT 15h EAX=E820h, one entry per call, written straight into the multiboot2 memory map tag (same
; layout: u64 base, u64 length, u32 type, u32 reserved). `memory_top` becomes the end of the usable
; range that holds 1 MiB: the kernel and the modules must fit below it.
read_memory_map:
    mov di, mbi_memory_map + 16         ; the tag's entries
    xor ebx, ebx
    xor bp, bp                          ; entries kept
.next:
    mov eax, 0xE820
    mov edx, E820_SMAP
    mov ecx, 24
    mov dword [di + 20], 1              ; ACPI 3.0 attributes: "valid", for BIOSes that give 20 bytes
    int 0x15
    jc .end                             ; carry: no (more) entries
    cmp eax, E820_SMAP
    jne .end
    mov dword [di + 20], 0              ; multiboot2's reserved field
    cmp dword [di + 8], 0               ; an empty range
    jne .keep
    cmp dword [di + 12], 0
    je .skip
.keep:
    ; Usable and holding 1 MiB (base <= 1 MiB < base + length, below 4 GiB)?
    cmp dword [di + 16], E820_USABLE
    jne .kept
    cmp dword [di + 4], 0
    jne .kept
    cmp dword [di], KERNEL_PHYSICAL
    ja .kept
    mov eax, [di]
    add eax, [di + 8]
    jc .to_4g
    cmp dword [di + 12], 0
    jne .to_4g
    cmp eax, KERNEL_PHYSICAL
    jbe .kept
    mov [memory_top], eax
    jmp .kept
.to_4g:
    mov dword [memory_top], 0xFFFFF000
.kept:
    add di, 24
    inc bp
    cmp bp, MEMORY_MAP_MAX
    je .end
.skip:
    test ebx, ebx                       ; EBX = 0: that was the last entry
    jnz .next
.end:
    test bp, bp
    jz .none
    mov word [mbi_memory_map], MB2_TAG_MEMORY_MAP
    mov ax, bp
    mov cx, 24
    mul cx
    add ax, 16
    mov [mbi_memory_map + 4], ax        ; tag size
    mov dword [mbi_memory_map + 8], 24  ; entry size
    mov dword [mbi_memory_map + 12], 0  ; entry version
    add ax, 7
    and ax, 0xFFF8
    add ax, mbi_memory_map
    mov [mbi_next], ax
    cmp dword [memory_top], 0
    je .no_high_memory
    ret
.none:
    mov si, msg_no_e820
    jmp fail
.no_high_memory:
    mov si, msg_no_high_memory
    jmp fail

; --- SMBIOS: are the test-only images wanted? --------------------------------------------------

; The tests' harness and the bench set QEMU's SMBIOS system product name (type 1 structure, string
; at offset 5) to "MicroOS test images"; only then does the loader read the rows flagged test-only
; (probe, conformance, ...: docs/boot-time.md). Sets `test_images` to 1 when it finds that name.
; The entry point is on a 16-byte boundary in 0xF0000-0xFFFFF: "_SM_" (2.1: u16 table length at
; +0x16, u32 address at +0x18) or "_SM3_" (3.0: u32 maximum length at +0x0C, u64 address at +0x10).
check_test_images:
    call enter_unreal
    mov esi, 0xF0000
.scan:
    cmp dword [esi], '_SM_'
    je .smbios2
    cmp dword [esi], '_SM3'
    jne .next
    cmp byte [esi + 4], '_'
    je .smbios3
.next:
    add esi, 16
    cmp esi, 0x100000
    jb .scan
    ret                                 ; no SMBIOS: a plain boot
.smbios2:
    movzx edx, word [esi + 0x16]
    mov esi, [esi + 0x18]
    jmp .walk
.smbios3:
    mov edx, [esi + 0x0C]
    mov esi, [esi + 0x10]
.walk:
    add edx, esi                        ; EDX = the table's end
.structure:
    lea eax, [esi + 4]
    cmp eax, edx
    jae .done
    movzx ecx, byte [esi + 1]           ; the formatted part's length; strings follow it
    cmp byte [esi], 127                 ; end of table
    je .done
    cmp byte [esi], 1                   ; system information
    jne .skip
    cmp cl, 6
    jb .skip
    movzx ebx, byte [esi + 5]           ; the product name's string number (1-based, 0 = none)
    test ebx, ebx
    jz .skip
    lea edi, [esi + ecx]
.find_string:
    dec ebx
    jz .compare
.to_nul:
    inc edi
    cmp byte [edi - 1], 0
    jne .to_nul
    cmp byte [edi], 0                   ; double NUL: fewer strings than the number
    je .skip
    jmp .find_string
.compare:
    mov bx, test_images_product
.char:
    mov al, [bx]
    cmp al, [edi]
    jne .skip
    inc bx
    inc edi
    test al, al
    jnz .char
    mov byte [test_images], 1
    ret
.skip:
    lea edi, [esi + ecx]                ; past the formatted part, then past the strings' double NUL
.skip_strings:
    cmp word [edi], 0
    je .skipped
    inc edi
    jmp .skip_strings
.skipped:
    lea esi, [edi + 2]
    jmp .structure
.done:
    ret

; --- Files -------------------------------------------------------------------------------------

; load_file: the file of the table row at BP to physical address EDI (below 4 GiB, above the
; bounce buffer). Reads its sectors through the bounce buffer, adds up its 32-bit words as it goes
; (the build stored the same sum: a damaged or cut-short medium is caught here), copies exactly its
; bytes (rounded up to 4) to EDI. Returns EDI past the file.
load_file:
    mov eax, [bp + ENTRY_LBA]
    mov [file_lba], eax
    mov eax, [bp + ENTRY_BYTES]
    mov [file_left], eax
    mov dword [file_sum], 0
.chunk:
    cmp dword [file_left], 0
    je .check
    ; sectors this time: min(BOUNCE_SECTORS, ceil(left / 2048))
    mov eax, [file_left]
    add eax, SECTOR_SIZE - 1
    shr eax, 11
    cmp eax, BOUNCE_SECTORS
    jbe .count
    mov eax, BOUNCE_SECTORS
.count:
    mov cx, ax
    mov [chunk_sectors], cx
    push cx
    push edi
    mov eax, [file_lba]
    xor bx, bx
    mov di, BOUNCE_SEGMENT
    call read_sectors
    pop edi
    pop cx
    jc .read_error
    movzx eax, cx
    add [file_lba], eax
    ; The sum, over whole sectors: the ISO pads a file's last sector with zeros, as the build's sum
    ; pads the file. 4 words per turn.
    push ds
    push BOUNCE_SEGMENT
    pop ds
    xor si, si
    shl cx, 7                           ; sectors * 2048 / 16
    mov eax, [cs:file_sum]
.sum:
    add eax, [si]
    add eax, [si + 4]
    add eax, [si + 8]
    add eax, [si + 12]
    add si, 16
    loop .sum
    pop ds
    mov [file_sum], eax
    ; Copy min(left, chunk) bytes, rounded up to whole words, to EDI.
    movzx ecx, word [chunk_sectors]
    shl ecx, 11
    cmp ecx, [file_left]
    jbe .copy
    mov ecx, [file_left]
.copy:
    sub [file_left], ecx
    add ecx, 3
    shr ecx, 2
    call enter_unreal
    mov esi, BOUNCE
    a32 rep movsd
    jmp .chunk
.check:
    mov eax, [file_sum]
    cmp eax, [bp + ENTRY_CHECKSUM]
    jne .corrupt
    ret
.read_error:
    mov [bios_status], ah
    mov byte [sinks], TO_SCREEN | TO_COM1 | TO_COM2
    mov si, msg_error
    call print
    lea si, [bp + ENTRY_NAME]
    call print
    mov si, msg_short
    call print
    mov eax, [file_lba]
    call print_hex
    mov si, msg_bios_status
    call print
    movzx eax, byte [bios_status]
    call print_hex
    mov si, msg_short_end
    call print
    jmp halt
.corrupt:
    push eax
    mov byte [sinks], TO_SCREEN | TO_COM1 | TO_COM2
    mov si, msg_error
    call print
    lea si, [bp + ENTRY_NAME]
    call print
    mov si, msg_corrupt
    call print
    pop eax
    call print_hex
    mov si, msg_corrupt_expected
    call print
    mov eax, [bp + ENTRY_CHECKSUM]
    call print_hex
    mov si, msg_corrupt_end
    call print
    jmp halt


; The kernel (row 0): an ELF64 file whose PT_LOAD segments go to their physical addresses (p_paddr),
; as GRUB loads a multiboot2 kernel. The file is read whole to the first page boundary above where
; the kernel will end (its checksum covers all of it), then each segment is copied down and the rest
; of it up to p_memsz (.bss) zeroed; the modules are read over that copy afterwards.
load_kernel:
    ; Its first sector holds the ELF header and the program headers (checked below).
    mov bp, file_table
    mov eax, [bp + ENTRY_LBA]
    mov cx, 1
    xor bx, bx
    mov di, BOUNCE_SEGMENT
    call read_sectors
    jc load_file.read_error
    call enter_unreal
    mov esi, BOUNCE
    cmp dword [esi], 0x464C457F         ; "\x7FELF"
    jne .not_elf
    cmp byte [esi + 4], 2               ; ELFCLASS64
    jne .not_elf
    cmp word [esi + 18], ELF_MACHINE_X86_64
    jne .not_elf
    cmp word [esi + 54], 56             ; e_phentsize
    jne .not_elf
    mov eax, [esi + 24]                 ; e_entry: _start, at its physical address (kernel.ld)
    mov [kernel_entry], eax
    mov eax, [esi + 32]                 ; e_phoff
    mov [phdr_offset], eax
    movzx ecx, word [esi + 56]          ; e_phnum
    mov [phdr_count], ecx
    imul ecx, 56
    add ecx, eax
    cmp ecx, SECTOR_SIZE
    ja .not_elf

    ; The kernel ends at the highest p_paddr + p_memsz; its file is read from the next page on.
    mov dword [next_free], KERNEL_PHYSICAL
    mov esi, BOUNCE
    add esi, [phdr_offset]
    mov dx, kernel_end_of
    call for_each_load
    mov eax, [next_free]
    call page_align
    mov [kernel_copy], eax
    mov [next_free], eax

    ; Does it all fit below memory_top? The kernel's file, and the modules from the same place on.
    mov ebx, [file_table + ENTRY_BYTES]
    add ebx, eax
    call modules_size
    add eax, ecx
    cmp ebx, eax
    jbe .fits
    mov eax, ebx
.fits:
    cmp eax, [memory_top]
    ja .no_memory

    mov edi, [kernel_copy]
    call load_file
    mov esi, [kernel_copy]
    add esi, [phdr_offset]
    mov dx, kernel_place
    call for_each_load
    ret

.not_elf:
    mov si, msg_not_elf
    jmp fail
.no_memory:
    push eax
    mov byte [sinks], TO_SCREEN | TO_COM1 | TO_COM2
    mov si, msg_error
    call print
    mov si, msg_no_memory
    call print
    pop eax
    call print_hex
    mov si, msg_no_memory_have
    call print
    mov eax, [memory_top]
    call print_hex
    mov si, msg_no_memory_end
    call print
    jmp halt

; for_each_load: calls the routine at DX with ESI at each PT_LOAD program header of the table at ESI
; (phdr_count entries); the routine may change any register.
for_each_load:
    call enter_unreal
    mov ecx, [phdr_count]
.each:
    jecxz .done
    cmp dword [esi], ELF_PT_LOAD
    jne .next
    cmp dword [esi + 28], 0             ; p_paddr above 4 GiB: out of a 32-bit loader's reach
    jne load_kernel.not_elf
    pushad
    call dx
    popad
.next:
    add esi, 56
    dec ecx
    jmp .each
.done:
    ret

kernel_end_of:
    mov eax, [esi + 24]                 ; p_paddr
    add eax, [esi + 40]                 ; + p_memsz
    cmp eax, [next_free]
    jbe .done
    mov [next_free], eax
.done:
    ret

; Copies p_filesz bytes from the file's copy (at kernel_copy + p_offset) to p_paddr and zeroes the
; segment's rest up to p_memsz. Words first, then the odd bytes.
kernel_place:
    mov edi, [esi + 24]                 ; p_paddr
    mov edx, [esi + 40]                 ; p_memsz
    mov ebx, [esi + 32]                 ; p_filesz
    sub edx, ebx                        ; EDX = the bytes to zero
    mov esi, [esi + 8]                  ; p_offset
    add esi, [kernel_copy]
    mov ecx, ebx
    shr ecx, 2
    a32 rep movsd
    mov ecx, ebx
    and ecx, 3
    a32 rep movsb
    xor eax, eax
    mov ecx, edx
    and ecx, 3
    a32 rep stosb
    mov ecx, edx
    shr ecx, 2
    a32 rep stosd
    ret

; page_align: EAX rounded up to a 4 KiB boundary.
page_align:
    add eax, PAGE_SIZE - 1
    and eax, ~(PAGE_SIZE - 1)
    ret

; is_wanted: ZF clear when the row at BP is to be loaded: every row, but the test-only ones only
; when the SMBIOS product name asked for them. Changes AL.
is_wanted:
    test byte [bp + ENTRY_FLAGS], FLAG_TEST_ONLY
    jz .yes
    cmp byte [test_images], 0           ; ZF set (skip) when not asked for
    ret
.yes:
    or al, 1                            ; clears ZF
    ret

; modules_size: ECX = the bytes the wanted modules take, each from a page boundary. Keeps EAX, EBX.
modules_size:
    push eax
    push bp
    xor ecx, ecx
    mov bp, file_table + ENTRY_SIZE
    mov dx, [table_count]
.row:
    dec dx
    jz .done
    call is_wanted
    jz .next
    mov eax, [bp + ENTRY_BYTES]
    call page_align
    add ecx, eax
.next:
    add bp, ENTRY_SIZE
    jmp .row
.done:
    pop bp
    pop eax
    ret

; The modules (rows 1..): each to the next page boundary, each with its multiboot2 module tag
; (type 3: u32 start, u32 end, the module string: "init.elf", "manifest", ... as GRUB's module2
; lines gave them; the kernel finds images and manifests by these strings).
load_modules:
    mov bp, file_table + ENTRY_SIZE
    mov cx, [table_count]
.row:
    dec cx
    jz .done
    call is_wanted
    jz .next
    push cx
    mov edi, [next_free]
    push edi
    call load_file
    pop eax
    mov bx, [mbi_next]
    mov dword [bx], MB2_TAG_MODULE
    mov [bx + 8], eax                   ; mod_start
    add eax, [bp + ENTRY_BYTES]
    mov [bx + 12], eax                  ; mod_end (exclusive)
    call page_align
    mov [next_free], eax
    lea si, [bp + ENTRY_NAME]
    lea di, [bx + 16]
    call close_tag
    inc dword [modules_loaded]
    pop cx
.next:
    add bp, ENTRY_SIZE
    jmp .row
.done:
    ret

; close_tag: copies the string at SI to DI as the last part of the tag at BX, writes the tag's size
; and moves mbi_next past it, to the next 8-byte boundary (multiboot2 aligns every tag to 8).
close_tag:
    lodsb
    stosb
    test al, al
    jnz close_tag
    mov ax, di
    sub ax, bx
    movzx eax, ax
    mov [bx + 4], eax
    add ax, 7
    and ax, ~7
    add ax, bx
    mov [mbi_next], ax
    ret

; The command line (the build's default, `manifest=system`; a fw_cfg command line still replaces it
; in the kernel), the loader's name, the end tag, and the total size in the header.
finish_boot_information:
    mov bx, [mbi_next]
    mov dword [bx], MB2_TAG_CMDLINE
    mov si, kernel_cmdline
    lea di, [bx + 8]
    call close_tag
    mov bx, [mbi_next]
    mov dword [bx], MB2_TAG_LOADER_NAME
    mov si, loader_name
    lea di, [bx + 8]
    call close_tag
    mov bx, [mbi_next]
    mov dword [bx], MB2_TAG_END
    mov dword [bx + 4], 8
    add bx, 8
    sub bx, MBI
    movzx eax, bx
    mov [MBI], eax                      ; total_size
    mov dword [MBI + 4], 0
    ret

; --- Into the kernel ---------------------------------------------------------------------------

; The multiboot2 machine state: CS a 32-bit code segment and DS, ES, FS, GS, SS 32-bit data segments,
; all base 0 and limit 4 GiB; protected mode on, paging off; interrupts off; A20 on; EAX the magic,
; EBX the information's physical address. The kernel makes its own stack and GDT (Boot.asm).
enter_kernel:
    cli
    lgdt [gdt_pointer]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp dword CODE32:protected_mode
bits 32
protected_mode:
    mov ax, DATA32
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    mov eax, MB2_BOOTLOADER_MAGIC
    mov ebx, MBI
    jmp [kernel_entry]
bits 16

; print_dec: EAX in decimal.
print_dec:
    pushad
    mov ebx, 10
    xor cx, cx
.divide:
    xor edx, edx
    div ebx
    push dx
    inc cx
    test eax, eax
    jnz .divide
.out:
    pop ax
    add al, '0'
    call putc
    loop .out
    popad
    ret

align 8
gdt:
    dq 0
    dq 0x00CF9A000000FFFF               ; 0x08: 32-bit code, base 0, limit 4 GiB, ring 0
    dq 0x00CF92000000FFFF               ; 0x10: 32-bit data, base 0, limit 4 GiB
gdt_pointer:
    dw gdt_pointer - gdt - 1
    dd gdt

align 4
memory_top      dd 0                    ; end of the usable memory that holds 1 MiB
next_free       dd 0                    ; where the next file goes
kernel_copy     dd 0                    ; where the kernel's file was read whole
kernel_entry    dd 0
phdr_offset     dd 0
phdr_count      dd 0
file_lba        dd 0
file_left       dd 0
file_sum        dd 0
modules_loaded  dd 0
mbi_next        dw MBI + 8
chunk_sectors   dw 0
bios_status     db 0
test_images     db 0

mbi_memory_map  equ MBI + 8             ; the first tag: the memory map

; The largest information this loader can build must fit below MBI_LIMIT (and below the stack):
; header, memory map, a module tag per row, command line, loader name, end tag.
%if 8 + (16 + MEMORY_MAP_MAX * 24) + MAX_ENTRIES * (16 + 48) + (8 + 128) + (8 + 24) + 8 > MBI_LIMIT - MBI
%error "the multiboot2 information could outgrow its space"
%endif

loader_name     db "MicroOS boot loader", 0
test_images_product db "MicroOS test images", 0
msg_entering    db "loader: MicroOS boot loader: kernel.elf and ", 0
msg_modules     db " modules read, ", 0
msg_bytes       db " KiB from 1 MiB on; entering the kernel", 13, 10, 0
msg_no_long_mode db "this CPU has no long mode (x86-64): MicroOS needs a 64-bit CPU", 0
msg_no_a20      db "could not turn the A20 line on", 0
msg_no_e820     db "the BIOS gives no memory map (INT 15h EAX=E820h)", 0
msg_no_high_memory db "the BIOS memory map has no usable memory at 1 MiB", 0
msg_short       db " is short or missing on the medium: the BIOS could not read sector ", 0
msg_bios_status db " (status ", 0
msg_short_end   db ")", 0
msg_corrupt     db " is corrupted: its words add up to ", 0
msg_corrupt_expected db ", the build wrote ", 0
msg_corrupt_end db 0
msg_no_memory   db "not enough memory: the kernel and its modules need memory up to ", 0
msg_no_memory_have db ", but the usable memory at 1 MiB ends at ", 0
msg_no_memory_end db 0
msg_not_elf     db "kernel.elf is not an x86-64 ELF file with its program headers in its first sector", 0
msg_empty_table db "the loader's file table is empty: the ISO was not made by MicroOS.Build/Loader/make-iso.sh", 0

; --- The file table, written into the ISO's copy of this image by make-iso.sh ------------------
; 'MOSFILES', u32 rows, 128 bytes of kernel command line, then the rows: row 0 the kernel, then the
; modules in the order the kernel gets them. A row: u32 LBA, u32 bytes, u32 sum of the file's
; little-endian 32-bit words (zero-padded), u32 flags, 48 bytes of module string.
align 16
table_signature db "MOSFILES"
table_count     dd 0
                dd 0
kernel_cmdline  times 128 db 0
file_table      times MAX_ENTRIES * ENTRY_SIZE db 0

    ; Whole sectors. (Not `align 2048`: in NASM's bin format that would also align the start, 0x7C00.)
    times (SECTOR_SIZE - ($ - $$) % SECTOR_SIZE) % SECTOR_SIZE db 0
image_end:
