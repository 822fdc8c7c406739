#!/usr/bin/env bash
# Makes MicroOS's two ISOs from the ISO tree (boot/kernel.elf, boot/servers/*.elf, the manifests,
# boot/grub/grub.cfg):
#   GRUB_ISO  grub-mkrescue's: GRUB under BIOS and UEFI (`./microos run --grub`, for comparison)
#   ISO       the default: BIOS El Torito entry = MicroOS's loader (BiosLoader.asm), EFI entry = the
#             same GRUB EFI image (UEFI boots keep GRUB)
# and writes the loader's file table (docs/boot-loader.md) into ISO's copy of the loader.
#
# usage: make-iso.sh ISO_TREE LOADER_BIN GRUB_ISO ISO "KERNEL COMMAND LINE" [TEST_ONLY_IMAGE.elf ...]
#
# Why a table and not a directory walk: xorriso decides where each file lands; asking it afterwards
# (report_lba) and writing 64-byte rows into the loader is a few lines here, where walking ISO 9660
# directories (8.3 names, Rock Ridge for the real ones) would be a few hundred lines of real-mode
# assembly. The rows cannot change the files' places: the table is written over the loader's
# reserved bytes in place, sizes unchanged.
set -euo pipefail
tree="${1:?ISO tree}" loader="${2:?loader image}" grub_iso="${3:?GRUB ISO}" iso="${4:?ISO}" cmdline="${5?command line}"
shift 5
test_only_list=("$@")
test_only=" $* "

die() { echo "make-iso.sh: $*" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. GRUB's ISO (BIOS + UEFI).
grub-mkrescue -o "$grub_iso" "$tree" 2>"$work/grub-mkrescue.log" || { cat "$work/grub-mkrescue.log" >&2; die "grub-mkrescue failed"; }

# 2. Its tree back (with /efi.img, GRUB's EFI boot image) plus the loader, made into the default ISO.
xorriso -osirrox on -indev "$grub_iso" -extract / "$work/root" 2>"$work/extract.log" || { cat "$work/extract.log" >&2; die "xorriso -extract failed"; }
chmod -R u+w "$work/root"
rm -f "$work/root/boot.catalog"
cp "$loader" "$work/root/boot/loader.bin"
loader_sectors=$(( $(stat -c %s "$loader") / 2048 ))
# -boot-load-size 4: the BIOS reads the first 2 KiB (4 virtual 512-byte sectors, what every BIOS
# handles); the loader reads the rest itself, from the LBA -boot-info-table writes into it.
xorriso -as mkisofs -quiet -R -V MICROOS -o "$iso" \
    -c boot.catalog -b boot/loader.bin -no-emul-boot -boot-load-size 4 -boot-info-table \
    -eltorito-alt-boot -e efi.img -no-emul-boot \
    "$work/root" 2>"$work/xorriso.log" || { cat "$work/xorriso.log" >&2; die "xorriso failed"; }

# 3. Where each file landed: lines `File data lba:  0 , <lba> , <blocks> , <bytes> , '<path>'`.
xorriso -indev "$iso" -find /boot -type f -exec report_lba -- 2>/dev/null \
    | sed -nE "s/^File data lba: *[0-9]+ *, *([0-9]+) *, *[0-9]+ *, *([0-9]+) *, *'(.*)'$/\3 \1 \2/p" >"$work/lba"
lba_of() { awk -v p="$1" '$1 == p { print $2 }' "$work/lba"; }

u32() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $(($1 >> 8 & 255)))\\x$(printf %02x $(($1 >> 16 & 255)))\\x$(printf %02x $(($1 >> 24 & 255)))"; }
# Sum of the file's little-endian 32-bit words, modulo 2^32 (od pads the last word with zeros).
word_sum() { od -An -v -tu4 "$1" | awk '{ for (i = 1; i <= NF; i++) s = (s + $i) % 4294967296 } END { printf "%.0f\n", s }'; }
padded() { # $1 = text, $2 = bytes: the text, NUL-padded
    [ "${#1}" -lt "$2" ] || die "'$1' is too long for the loader's table ($2 bytes with its NUL)"
    printf '%s' "$1"
    head -c $(($2 - ${#1})) /dev/zero
}

rows=0
row() { # $1 = ISO path, $2 = module string, $3 = flags
    local lba size
    lba="$(lba_of "$1")"
    [ -n "$lba" ] || die "xorriso reports no LBA for $1"
    size="$(stat -c %s "$work/root$1")"
    u32 "$lba"; u32 "$size"; u32 "$(word_sum "$work/root$1")"; u32 "$3"
    padded "$2" 48
    rows=$((rows + 1))
}

# Row 0 the kernel; then every server image in boot/servers (whatever the build put there), the
# test-only ones after the others and flagged (the loader reads them only for the tests' SMBIOS
# product name), then the manifests: the order of grub.cfg's module2 lines.
{
    row /boot/kernel.elf kernel.elf 0
    for path in "$work/root"/boot/servers/*.elf; do
        name="$(basename "$path")"
        [[ "$test_only" == *" $name "* ]] || row "/boot/servers/$name" "$name" 0
    done
    for name in "${test_only_list[@]}"; do
        [ -f "$work/root/boot/servers/$name" ] && row "/boot/servers/$name" "$name" 1
    done
    row /boot/boot-manifest.txt manifest 0
    row /boot/test-manifest.txt manifest-test 0
    echo "$rows" >"$work/rows"
} >"$work/rows.bin"
rows="$(cat "$work/rows")"
max_rows=48     # MAX_ENTRIES in BiosLoader.asm
[ "$rows" -le "$max_rows" ] || die "$rows files, the loader's table holds $max_rows (MAX_ENTRIES in BiosLoader.asm)"
{ printf MOSFILES; u32 "$rows"; u32 0; padded "$cmdline" 128; cat "$work/rows.bin"; } >"$work/table.bin"

# 4. Into the ISO's copy of the loader, where its signature is.
table_offset="$(grep -obUaF MOSFILES "$loader" | head -n 1 | cut -d: -f1)"
[ -n "$table_offset" ] || die "no MOSFILES table in $loader"
loader_lba="$(lba_of /boot/loader.bin)"
[ -n "$loader_lba" ] || die "xorriso reports no LBA for /boot/loader.bin"
dd if="$work/table.bin" of="$iso" bs=1 seek=$((loader_lba * 2048 + table_offset)) conv=notrunc status=none
echo "make-iso.sh: $iso: loader at LBA $loader_lba ($loader_sectors sectors), $rows files in its table"
